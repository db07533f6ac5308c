#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace Torii::Validation::Cel::Internal {

// Parses a Go duration string ("1h30m", "-1.5s", "500ms", "0"), as time.ParseDuration does:
// units ns, us, µs, μs, ms, s, m, h; fractions allowed; overflow is an error.
bool parseDuration(std::string_view text, std::int64_t *nanoseconds, std::string *error);

// The protobuf JSON form cel-go prints for string(duration): seconds with up to 9 decimals.
std::string formatDuration(std::int64_t nanoseconds);

} // namespace Torii::Validation::Cel::Internal
