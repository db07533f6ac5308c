#include "strings.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace Torii::Validation::Cel::Internal {

namespace {

bool isContinuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

// Decodes the code point starting at s[i]; returns its byte length (1 for invalid bytes, which
// Go also treats as one U+FFFD each).
std::size_t decodeAt(std::string_view s, std::size_t i, std::uint32_t *cp)
{
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t length = 1;
    std::uint32_t value = c;
    if (c >= 0xF0 && c < 0xF8) {
        length = 4;
        value = c & 0x07;
    } else if (c >= 0xE0) {
        length = c < 0xF0 ? 3 : 1;
        value = c & 0x0F;
    } else if (c >= 0xC0) {
        length = 2;
        value = c & 0x1F;
    }
    if (length == 1 || i + length > s.size()) {
        *cp = c < 0x80 ? c : 0xFFFD;
        return 1;
    }
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char d = static_cast<unsigned char>(s[i + k]);
        if (!isContinuation(d)) {
            *cp = 0xFFFD;
            return 1;
        }
        value = (value << 6) | (d & 0x3F);
    }
    *cp = value;
    return length;
}

bool isUnicodeSpace(std::uint32_t cp)
{
    switch (cp) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

} // namespace

std::size_t codePointCount(std::string_view s)
{
    std::size_t count = 0;
    for (char c : s) {
        count += isContinuation(static_cast<unsigned char>(c)) ? 0 : 1;
    }
    return count;
}

std::size_t byteOffsetOf(std::string_view s, std::int64_t index)
{
    if (index < 0) {
        return std::string_view::npos;
    }
    std::int64_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!isContinuation(static_cast<unsigned char>(s[i]))) {
            if (seen == index) {
                return i;
            }
            ++seen;
        }
    }
    return seen == index ? s.size() : std::string_view::npos;
}

std::string_view trimSpace(std::string_view s)
{
    std::size_t start = 0;
    while (start < s.size()) {
        std::uint32_t cp = 0;
        const std::size_t length = decodeAt(s, start, &cp);
        if (!isUnicodeSpace(cp)) {
            break;
        }
        start += length;
    }
    std::size_t end = s.size();
    while (end > start) {
        std::size_t begin = end - 1;
        while (begin > start && isContinuation(static_cast<unsigned char>(s[begin]))) {
            --begin;
        }
        std::uint32_t cp = 0;
        const std::size_t length = decodeAt(s, begin, &cp);
        if (begin + length != end || !isUnicodeSpace(cp)) {
            break;
        }
        end = begin;
    }
    return s.substr(start, end - start);
}

std::string formatDouble(double value)
{
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value > 0 ? "+Inf" : "-Inf";
    }
    // Shortest round-trip digits, then Go's 'g' layout: with the shortest precision Go uses the
    // exponent form when exp < -4 || exp >= 6 (1e+06, 123456, 1e-05, 0.0001).
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    std::string_view sci(buf, static_cast<std::size_t>(result.ptr - buf));
    const bool negative = !sci.empty() && sci[0] == '-';
    if (negative) {
        sci.remove_prefix(1);
    }
    const std::size_t e = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e)) {
        if (c != '.') {
            digits += c;
        }
    }
    const int exponent = std::atoi(std::string(sci.substr(e + 1)).c_str());
    std::string out = negative ? "-" : "";
    if (exponent < -4 || exponent >= 6) {
        out += digits[0];
        if (digits.size() > 1) {
            out += '.';
            out.append(digits, 1);
        }
        out += 'e';
        out += exponent < 0 ? '-' : '+';
        const int magnitude = exponent < 0 ? -exponent : exponent;
        if (magnitude < 10) {
            out += '0';
        }
        out += std::to_string(magnitude);
        return out;
    }
    if (exponent < 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-exponent - 1), '0');
        out += digits;
        return out;
    }
    const std::size_t integerDigits = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= integerDigits) {
        out += digits;
        out.append(integerDigits - digits.size(), '0');
        return out;
    }
    out.append(digits, 0, integerDigits);
    out += '.';
    out.append(digits, integerDigits);
    return out;
}

namespace {

Value indexOutOfRange(std::int64_t index)
{
    return Value::error("index out of range: " + std::to_string(index));
}

} // namespace

Value substring(const Value &s, const Value *start, const Value *end)
{
    const std::string_view text = s.str();
    const std::int64_t length = static_cast<std::int64_t>(codePointCount(text));
    const std::int64_t from = start->intValue();
    const std::int64_t to = end ? end->intValue() : length;
    if (!end && (from < 0 || from > length)) {
        return indexOutOfRange(from); // cel-go checks the one-argument form this way first
    }
    if (from > to) {
        return Value::error("invalid substring range. start: " + std::to_string(from) +
                            ", end: " + std::to_string(to));
    }
    if (from < 0 || from > length) {
        return indexOutOfRange(from);
    }
    if (to < 0 || to > length) {
        return indexOutOfRange(to);
    }
    const std::size_t a = byteOffsetOf(text, from);
    const std::size_t b = byteOffsetOf(text, to);
    return Value::stringSlice(s, text.substr(a, b - a));
}

Value split(const Value &s, std::string_view separator, std::int64_t limit)
{
    const std::string_view text = s.str();
    std::vector<Value> parts;
    if (limit == 0) {
        return Value::list(std::move(parts));
    }
    if (separator.empty()) {
        // One piece per code point; the last piece takes the rest when limited.
        std::size_t i = 0;
        while (i < text.size()) {
            if (limit > 0 && static_cast<std::int64_t>(parts.size()) == limit - 1) {
                parts.push_back(Value::stringSlice(s, text.substr(i)));
                return Value::list(std::move(parts));
            }
            std::size_t j = i + 1;
            while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) {
                ++j;
            }
            parts.push_back(Value::stringSlice(s, text.substr(i, j - i)));
            i = j;
        }
        return Value::list(std::move(parts));
    }
    std::size_t start = 0;
    while (limit < 0 || static_cast<std::int64_t>(parts.size()) < limit - 1) {
        const std::size_t found = text.find(separator, start);
        if (found == std::string_view::npos) {
            break;
        }
        parts.push_back(Value::stringSlice(s, text.substr(start, found - start)));
        start = found + separator.size();
    }
    parts.push_back(Value::stringSlice(s, text.substr(start)));
    return Value::list(std::move(parts));
}

Value replace(const Value &s, std::string_view from, std::string_view to, std::int64_t limit)
{
    const std::string_view text = s.str();
    if (limit == 0 || (from == to)) {
        return s;
    }
    std::string out;
    std::int64_t done = 0;
    if (from.empty()) {
        // Go inserts the replacement before every code point and at the end.
        std::size_t i = 0;
        while (true) {
            if (limit >= 0 && done >= limit) {
                out.append(text.substr(i));
                break;
            }
            out.append(to);
            ++done;
            if (out.size() > kMaxStringBytes) {
                return Value::error("string result too large");
            }
            if (i >= text.size()) {
                break;
            }
            std::size_t j = i + 1;
            while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) {
                ++j;
            }
            out.append(text.substr(i, j - i));
            i = j;
        }
        return Value::ownedString(std::move(out));
    }
    std::size_t start = 0;
    while (limit < 0 || done < limit) {
        const std::size_t found = text.find(from, start);
        if (found == std::string_view::npos) {
            break;
        }
        out.append(text.substr(start, found - start));
        out.append(to);
        start = found + from.size();
        ++done;
        if (out.size() > kMaxStringBytes) {
            return Value::error("string result too large");
        }
    }
    if (done == 0) {
        return s;
    }
    out.append(text.substr(start));
    return Value::ownedString(std::move(out));
}

Value indexOf(const Value &s, std::string_view needle, std::int64_t offset)
{
    const std::string_view text = s.str();
    if (needle.empty()) {
        return Value::integer(offset);
    }
    const std::int64_t length = static_cast<std::int64_t>(codePointCount(text));
    if (offset < 0 || offset >= length) {
        return indexOutOfRange(offset);
    }
    const std::size_t from = byteOffsetOf(text, offset);
    const std::size_t found = text.find(needle, from);
    if (found == std::string_view::npos) {
        return Value::integer(-1);
    }
    return Value::integer(static_cast<std::int64_t>(codePointCount(text.substr(0, found))));
}

Value lastIndexOf(const Value &s, std::string_view needle, const Value *offsetValue)
{
    const std::string_view text = s.str();
    const std::int64_t length = static_cast<std::int64_t>(codePointCount(text));
    if (needle.empty()) {
        return Value::integer(offsetValue ? offsetValue->intValue() : length);
    }
    const std::int64_t offset = offsetValue ? offsetValue->intValue() : length - 1;
    if (offset < 0 || offset >= length) {
        return indexOutOfRange(offset);
    }
    const std::size_t found = text.rfind(needle, byteOffsetOf(text, offset));
    if (found == std::string_view::npos) {
        return Value::integer(-1);
    }
    return Value::integer(static_cast<std::int64_t>(codePointCount(text.substr(0, found))));
}

Value reverseString(const Value &s)
{
    const std::string_view text = s.str();
    std::string out;
    out.reserve(text.size());
    std::size_t end = text.size();
    while (end > 0) {
        std::size_t begin = end - 1;
        while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) {
            --begin;
        }
        out.append(text.substr(begin, end - begin));
        end = begin;
    }
    return Value::ownedString(std::move(out));
}

Value join(const Value &list, std::string_view separator)
{
    std::string out;
    const std::size_t n = list.listSize();
    for (std::size_t i = 0; i < n; ++i) {
        const Value item = list.listAt(i);
        if (!item.isString()) {
            return Value::error("join: list element " + std::to_string(i) + " is a " +
                                std::string(typeName(item.kind())) + ", not a string");
        }
        if (i > 0) {
            out.append(separator);
        }
        out.append(item.str());
        if (out.size() > kMaxStringBytes) {
            return Value::error("string result too large");
        }
    }
    return Value::ownedString(std::move(out));
}

Value asciiCase(const Value &s, bool upper)
{
    std::string out(s.str());
    for (char &c : out) {
        if (upper && c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 32);
        } else if (!upper && c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c + 32);
        }
    }
    return Value::ownedString(std::move(out));
}

} // namespace Torii::Validation::Cel::Internal
