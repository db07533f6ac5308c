#include "duration.h"

#include <cstdio>

namespace Torii::Validation::Cel::Internal {

namespace {

constexpr std::uint64_t kMaxMagnitude = std::uint64_t(1) << 63; // |math.MinInt64|

struct Unit
{
    std::string_view name;
    std::uint64_t nanoseconds;
};

// Longer names first so "ms" is not read as "m".
constexpr Unit kUnits[] = {
    {"ns", 1},           {"us", 1000},      {"\xC2\xB5s", 1000}, // U+00B5 micro sign
    {"\xCE\xBCs", 1000},                                         // U+03BC Greek small letter mu
    {"ms", 1000000},     {"s", 1000000000}, {"m", 60ull * 1000000000}, {"h", 3600ull * 1000000000},
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

// A transcription of Go's time.ParseDuration, so the same strings are accepted and rejected.
bool parseDuration(std::string_view text, std::int64_t *nanoseconds, std::string *error)
{
    const std::string original(text);
    auto fail = [&](const std::string &message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    std::string_view s = text;
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0") {
        *nanoseconds = 0;
        return true;
    }
    if (s.empty()) {
        return fail("time: invalid duration \"" + original + "\"");
    }
    std::uint64_t total = 0;
    while (!s.empty()) {
        if (!(s[0] == '.' || isDigit(s[0]))) {
            return fail("time: invalid duration \"" + original + "\"");
        }
        // Integer part.
        std::uint64_t v = 0;
        std::size_t i = 0;
        bool overflow = false;
        while (i < s.size() && isDigit(s[i])) {
            if (v > (kMaxMagnitude - 1) / 10) {
                overflow = true;
            }
            v = v * 10 + static_cast<std::uint64_t>(s[i] - '0');
            if (v > kMaxMagnitude) {
                overflow = true;
            }
            ++i;
        }
        if (overflow) {
            return fail("time: invalid duration \"" + original + "\"");
        }
        const bool pre = i != 0;
        s.remove_prefix(i);
        // Fraction.
        std::uint64_t f = 0;
        double scale = 1;
        bool post = false;
        if (!s.empty() && s[0] == '.') {
            s.remove_prefix(1);
            std::size_t j = 0;
            bool fracOverflow = false;
            while (j < s.size() && isDigit(s[j])) {
                if (!fracOverflow) {
                    if (f > (kMaxMagnitude - 1) / 10) {
                        fracOverflow = true; // Go drops digits that no longer fit
                    } else {
                        const std::uint64_t next = f * 10 + static_cast<std::uint64_t>(s[j] - '0');
                        if (next > kMaxMagnitude) {
                            fracOverflow = true;
                        } else {
                            f = next;
                            scale *= 10;
                        }
                    }
                }
                ++j;
            }
            post = j != 0;
            s.remove_prefix(j);
        }
        if (!pre && !post) {
            return fail("time: invalid duration \"" + original + "\"");
        }
        // Unit.
        std::size_t u = 0;
        while (u < s.size() && s[u] != '.' && !isDigit(s[u])) {
            ++u;
        }
        if (u == 0) {
            return fail("time: missing unit in duration \"" + original + "\"");
        }
        const std::string_view unitName = s.substr(0, u);
        const Unit *unit = nullptr;
        for (const Unit &candidate : kUnits) {
            if (candidate.name == unitName) {
                unit = &candidate;
                break;
            }
        }
        if (!unit) {
            return fail("time: unknown unit \"" + std::string(unitName) + "\" in duration \"" +
                        original + "\"");
        }
        s.remove_prefix(u);
        if (v > kMaxMagnitude / unit->nanoseconds) {
            return fail("time: invalid duration \"" + original + "\"");
        }
        v *= unit->nanoseconds;
        if (f > 0) {
            // float64 is needed to be nanosecond accurate for fractions of hours.
            v += static_cast<std::uint64_t>(static_cast<double>(f) *
                                            (static_cast<double>(unit->nanoseconds) / scale));
            if (v > kMaxMagnitude) {
                return fail("time: invalid duration \"" + original + "\"");
            }
        }
        if (v > kMaxMagnitude - total) {
            return fail("time: invalid duration \"" + original + "\"");
        }
        total += v;
        if (total > kMaxMagnitude) {
            return fail("time: invalid duration \"" + original + "\"");
        }
    }
    if (negative) {
        *nanoseconds = total == kMaxMagnitude ? INT64_MIN : -static_cast<std::int64_t>(total);
        return true;
    }
    if (total > kMaxMagnitude - 1) {
        return fail("time: invalid duration \"" + original + "\"");
    }
    *nanoseconds = static_cast<std::int64_t>(total);
    return true;
}

std::string formatDuration(std::int64_t nanoseconds)
{
    const bool negative = nanoseconds < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(nanoseconds)
                                             : static_cast<std::uint64_t>(nanoseconds);
    const std::uint64_t seconds = magnitude / 1000000000;
    std::uint64_t fraction = magnitude % 1000000000;
    std::string out = negative ? "-" : "";
    out += std::to_string(seconds);
    if (fraction != 0) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%09llu", static_cast<unsigned long long>(fraction));
        std::string digits(buf);
        while (!digits.empty() && digits.back() == '0') {
            digits.pop_back();
        }
        out += '.';
        out += digits;
    }
    out += 's';
    return out;
}

} // namespace Torii::Validation::Cel::Internal
