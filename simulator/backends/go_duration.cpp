#include "go_duration.h"

#include <cstdint>
#include <limits>

namespace Torii::Backends {

namespace {

std::optional<std::int64_t> unitNanoseconds(QStringView unit)
{
    if (unit == u"ns") {
        return 1;
    }
    if (unit == u"us" || unit == u"\u00b5s" || unit == u"\u03bcs") {
        return 1000;
    }
    if (unit == u"ms") {
        return 1000 * 1000;
    }
    if (unit == u"s") {
        return std::int64_t(1000) * 1000 * 1000;
    }
    if (unit == u"m") {
        return std::int64_t(60) * 1000 * 1000 * 1000;
    }
    if (unit == u"h") {
        return std::int64_t(3600) * 1000 * 1000 * 1000;
    }
    return std::nullopt;
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

std::optional<std::chrono::nanoseconds> parseGoDuration(QStringView text)
{
    // Go accumulates in uint64 and accepts up to 1<<63 for a negative value; the fraction is
    // scaled into the unit as Go does (digits beyond int64 precision are dropped).
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == u'-' || text[i] == u'+')) {
        negative = text[i] == u'-';
        ++i;
    }
    if (text.mid(i) == u"0") {
        return std::chrono::nanoseconds(0);
    }
    if (i == text.size()) {
        return std::nullopt;
    }
    constexpr std::uint64_t limit = std::uint64_t(1) << 63;
    std::uint64_t total = 0;
    while (i < text.size()) {
        if (!(text[i] == u'.' || isDigit(text[i]))) {
            return std::nullopt;
        }
        std::uint64_t whole = 0;
        const qsizetype wholeStart = i;
        while (i < text.size() && isDigit(text[i])) {
            if (whole > (limit - 1) / 10) {
                return std::nullopt;
            }
            whole = whole * 10 + std::uint64_t(text[i].unicode() - u'0');
            if (whole > limit) {
                return std::nullopt;
            }
            ++i;
        }
        const bool hadWhole = i > wholeStart;
        std::uint64_t fraction = 0;
        double scale = 1;
        bool hadFraction = false;
        if (i < text.size() && text[i] == u'.') {
            ++i;
            const qsizetype fractionStart = i;
            bool overflow = false;
            while (i < text.size() && isDigit(text[i])) {
                if (!overflow) {
                    if (fraction > (limit - 1) / 10) {
                        overflow = true; // Go ignores the remaining precision
                    } else {
                        fraction = fraction * 10 + std::uint64_t(text[i].unicode() - u'0');
                        scale *= 10;
                    }
                }
                ++i;
            }
            hadFraction = i > fractionStart;
        }
        if (!hadWhole && !hadFraction) {
            return std::nullopt; // "." or ".s"
        }
        const qsizetype unitStart = i;
        while (i < text.size() && text[i] != u'.' && !isDigit(text[i])) {
            ++i;
        }
        const std::optional<std::int64_t> unit =
            unitNanoseconds(text.mid(unitStart, i - unitStart));
        if (!unit) {
            return std::nullopt; // missing or unknown unit
        }
        const auto perUnit = std::uint64_t(*unit);
        if (whole > limit / perUnit) {
            return std::nullopt;
        }
        std::uint64_t value = whole * perUnit;
        if (fraction > 0) {
            value += std::uint64_t(double(fraction) * (double(perUnit) / scale));
            if (value > limit) {
                return std::nullopt;
            }
        }
        total += value;
        if (total > limit) {
            return std::nullopt;
        }
    }
    if (negative) {
        if (total == limit) {
            return std::chrono::nanoseconds(std::numeric_limits<std::int64_t>::min());
        }
        return std::chrono::nanoseconds(-std::int64_t(total));
    }
    if (total > limit - 1) {
        return std::nullopt;
    }
    return std::chrono::nanoseconds(std::int64_t(total));
}

} // namespace Torii::Backends
