#pragma once

#include "value.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace Torii::Validation::Cel::Internal {

// CEL strings are sequences of Unicode code points; our strings are UTF-8 bytes. These helpers
// translate code point positions to byte offsets without decoding into a temporary.

std::size_t codePointCount(std::string_view s);

// Byte offset of code point `index` (index == count gives s.size()); npos when out of range.
std::size_t byteOffsetOf(std::string_view s, std::int64_t index);

// Go's strings.TrimSpace: strips Unicode white space from both ends.
std::string_view trimSpace(std::string_view s);

// Go's strconv.FormatFloat(d, 'g', -1, 64), which cel-go uses for string(double).
std::string formatDouble(double value);

// The cel-go strings extension. Positions are code points; errors are Error values with
// cel-go's messages. `s` (and `list` for join) must hold the right kind; callers check.
Value substring(const Value &s, const Value *start, const Value *end);
// Go's strings.SplitN; limit < 0 means no limit. The pieces share the storage of `s`.
Value split(const Value &s, std::string_view separator, std::int64_t limit);
// Go's strings.Replace; limit < 0 replaces every occurrence.
Value replace(const Value &s, std::string_view from, std::string_view to, std::int64_t limit);
Value indexOf(const Value &s, std::string_view needle, std::int64_t offset);
Value lastIndexOf(const Value &s, std::string_view needle, const Value *offset);
Value reverseString(const Value &s);
Value join(const Value &list, std::string_view separator);
Value asciiCase(const Value &s, bool upper);

} // namespace Torii::Validation::Cel::Internal
