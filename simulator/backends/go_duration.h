#pragma once

#include <QStringView>
#include <chrono>
#include <optional>

// Go's time.ParseDuration, because the conformance echo server reads `?delay=` and
// `delayRetry=` with it: "300ms", "1.5s", "2h45m", "-1s", "0". Pure; any thread.
namespace Torii::Backends {

// The duration, or nullopt when Go would return an error (empty text, a missing or unknown
// unit, a malformed number, overflow of int64 nanoseconds). Units: ns, us, µs (U+00B5),
// μs (U+03BC), ms, s, m, h.
std::optional<std::chrono::nanoseconds> parseGoDuration(QStringView text);

} // namespace Torii::Backends
