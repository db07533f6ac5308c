#include "ip_address.h"

#include <cstdio>
#include <cstring>

namespace Torii::Core {

namespace {

int hexDigit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

bool setError(std::string *error, std::string_view input, std::string_view message)
{
    if (error) {
        *error = "ParseAddr(\"" + std::string(input) + "\"): " + std::string(message);
    }
    return false;
}

// Go's parseIPv4Fields.
bool parseIpv4Fields(std::string_view input, std::string_view s, std::uint8_t *fields,
                     std::string *error)
{
    int value = 0;
    int position = 0;
    int digits = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            if (digits == 1 && value == 0) {
                return setError(error, input, "IPv4 field has octet with leading zero");
            }
            value = value * 10 + (c - '0');
            ++digits;
            if (value > 255) {
                return setError(error, input, "IPv4 field has value >255");
            }
        } else if (c == '.') {
            if (i == 0 || i == s.size() - 1 || s[i - 1] == '.') {
                return setError(error, input, "IPv4 field must have at least one digit");
            }
            if (position == 3) {
                return setError(error, input, "IPv4 address too long");
            }
            fields[position++] = static_cast<std::uint8_t>(value);
            value = 0;
            digits = 0;
        } else {
            return setError(error, input, "unexpected character");
        }
    }
    if (position < 3) {
        return setError(error, input, "IPv4 address too short");
    }
    fields[3] = static_cast<std::uint8_t>(value);
    return true;
}

// Go's parseIPv6, without zone support (Kubernetes refuses zones anyway).
bool parseIpv6(std::string_view input, std::uint8_t *ip, std::string *error)
{
    std::string_view s = input;
    if (s.find('%') != std::string_view::npos) {
        return setError(error, input, "zone value is not allowed");
    }
    std::memset(ip, 0, 16);
    int ellipsis = -1;
    if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
        ellipsis = 0;
        s.remove_prefix(2);
        if (s.empty()) {
            return true;
        }
    }
    int i = 0;
    while (i < 16) {
        std::size_t off = 0;
        std::uint32_t acc = 0;
        for (; off < s.size(); ++off) {
            const int d = hexDigit(s[off]);
            if (d < 0) {
                break;
            }
            acc = (acc << 4) + static_cast<std::uint32_t>(d);
            if (off > 3) {
                return setError(error, input, "each group must have 4 or less digits");
            }
        }
        if (off == 0) {
            return setError(error, input,
                            "each colon-separated field must have at least one digit");
        }
        if (off < s.size() && s[off] == '.') {
            if (ellipsis < 0 && i != 12) {
                return setError(error, input,
                                "embedded IPv4 address must replace the final 2 "
                                "fields of the address");
            }
            if (i + 4 > 16) {
                return setError(error, input,
                                "too many hex fields to fit an embedded IPv4 at "
                                "the end of the address");
            }
            if (!parseIpv4Fields(input, s, ip + i, error)) {
                return false;
            }
            s = {};
            i += 4;
            break;
        }
        ip[i] = static_cast<std::uint8_t>(acc >> 8);
        ip[i + 1] = static_cast<std::uint8_t>(acc);
        i += 2;
        s.remove_prefix(off);
        if (s.empty()) {
            break;
        }
        if (s[0] != ':') {
            return setError(error, input, "unexpected character, want colon");
        }
        if (s.size() == 1) {
            return setError(error, input, "colon must be followed by more characters");
        }
        s.remove_prefix(1);
        if (s[0] == ':') {
            if (ellipsis >= 0) {
                return setError(error, input, "multiple :: in address");
            }
            ellipsis = i;
            s.remove_prefix(1);
            if (s.empty()) {
                break;
            }
        }
    }
    if (!s.empty()) {
        return setError(error, input, "trailing garbage after address");
    }
    if (i < 16) {
        if (ellipsis < 0) {
            return setError(error, input, "address string too short");
        }
        const int n = 16 - i;
        for (int j = i - 1; j >= ellipsis; --j) {
            ip[j + n] = ip[j];
        }
        std::memset(ip + ellipsis, 0, static_cast<std::size_t>(n));
    } else if (ellipsis >= 0) {
        return setError(error, input, "the :: must expand to at least one field of zeros");
    }
    return true;
}

bool isIpv4Mapped(const std::uint8_t *b)
{
    static const std::uint8_t prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    return std::memcmp(b, prefix, 12) == 0;
}

bool parseAddress(std::string_view text, IpAddress *out, std::string *error)
{
    for (char c : text) {
        if (c == '.') {
            out->family = 4;
            out->bytes = {};
            return parseIpv4Fields(text, text, out->bytes.data(), error);
        }
        if (c == ':') {
            out->family = 6;
            return parseIpv6(text, out->bytes.data(), error);
        }
        if (c == '%') {
            return setError(error, text, "missing IPv6 address");
        }
    }
    return setError(error, text, "unable to parse IP");
}

} // namespace

bool parseIp(std::string_view text, IpAddress *out, std::string *error)
{
    std::string detail;
    if (!parseAddress(text, out, &detail)) {
        if (error) {
            *error = "IP Address \"" + std::string(text) +
                     "\" parse error during conversion from string: " + detail;
        }
        return false;
    }
    if (out->family == 6 && isIpv4Mapped(out->bytes.data())) {
        if (error) {
            *error = "IPv4-mapped IPv6 address \"" + std::string(text) + "\" is not allowed";
        }
        return false;
    }
    return true;
}

bool parseCidr(std::string_view text, IpAddress *address, int *prefixLength, std::string *error)
{
    auto fail = [&](const std::string &message) {
        if (error) {
            *error = "network address parse error during conversion from string: netip."
                     "ParsePrefix(\"" +
                     std::string(text) + "\"): " + message;
        }
        return false;
    };
    const std::size_t slash = text.rfind('/');
    if (slash == std::string_view::npos) {
        return fail("no '/'");
    }
    std::string detail;
    if (!parseAddress(text.substr(0, slash), address, &detail)) {
        return fail(detail);
    }
    const std::string_view bits = text.substr(slash + 1);
    // Go refuses a sign and leading zeros here (strconv.Atoi alone would accept them).
    if (bits.empty() || (bits.size() > 1 && (bits[0] < '1' || bits[0] > '9')) || bits.size() > 3) {
        return fail("bad bits after slash: \"" + std::string(bits) + "\"");
    }
    int value = 0;
    for (char c : bits) {
        if (c < '0' || c > '9') {
            return fail("bad bits after slash: \"" + std::string(bits) + "\"");
        }
        value = value * 10 + (c - '0');
    }
    if (value > (address->family == 4 ? 32 : 128)) {
        return fail("prefix length out of range");
    }
    if (address->family == 6 && isIpv4Mapped(address->bytes.data())) {
        if (error) {
            *error = "IPv4-mapped IPv6 address \"" + std::string(text) + "\" is not allowed";
        }
        return false;
    }
    *prefixLength = value;
    return true;
}

std::string formatIp(const std::uint8_t *b, int family)
{
    char buf[64];
    if (family == 4) {
        std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
        return buf;
    }
    std::uint16_t groups[8];
    for (int i = 0; i < 8; ++i) {
        groups[i] = static_cast<std::uint16_t>((b[2 * i] << 8) | b[2 * i + 1]);
    }
    // The first longest run of two or more zero groups becomes "::" (RFC 5952).
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8;) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && groups[j] == 0) {
            ++j;
        }
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    std::string out;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            out += "::";
            i += bestLength - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') {
            out += ':';
        }
        std::snprintf(buf, sizeof buf, "%x", groups[i]);
        out += buf;
    }
    return out;
}

void maskAddress(std::uint8_t *bytes, int family, int prefixLength)
{
    const int total = family == 4 ? 4 : 16;
    for (int i = 0; i < total; ++i) {
        const int bitsHere = prefixLength - i * 8;
        if (bitsHere >= 8) {
            continue;
        }
        if (bitsHere <= 0) {
            bytes[i] = 0;
        } else {
            bytes[i] &= static_cast<std::uint8_t>(0xff << (8 - bitsHere));
        }
    }
}

bool ipIsUnspecified(const std::uint8_t *b, int family)
{
    const int n = family == 4 ? 4 : 16;
    for (int i = 0; i < n; ++i) {
        if (b[i] != 0) {
            return false;
        }
    }
    return true;
}

bool ipIsLoopback(const std::uint8_t *b, int family)
{
    if (family == 4) {
        return b[0] == 127;
    }
    for (int i = 0; i < 15; ++i) {
        if (b[i] != 0) {
            return false;
        }
    }
    return b[15] == 1;
}

bool ipIsLinkLocalMulticast(const std::uint8_t *b, int family)
{
    if (family == 4) {
        return b[0] == 224 && b[1] == 0 && b[2] == 0;
    }
    return b[0] == 0xff && (b[1] & 0x0f) == 0x02;
}

bool ipIsLinkLocalUnicast(const std::uint8_t *b, int family)
{
    if (family == 4) {
        return b[0] == 169 && b[1] == 254;
    }
    return b[0] == 0xfe && (b[1] & 0xc0) == 0x80;
}

bool ipIsGlobalUnicast(const std::uint8_t *b, int family)
{
    // As Go's netip: private and ULA addresses still count as global unicast.
    if (family == 4) {
        const bool broadcast = b[0] == 255 && b[1] == 255 && b[2] == 255 && b[3] == 255;
        const bool multicast = (b[0] & 0xf0) == 0xe0;
        return !ipIsUnspecified(b, 4) && !broadcast && !ipIsLoopback(b, 4) && !multicast &&
               !ipIsLinkLocalUnicast(b, 4);
    }
    return !ipIsUnspecified(b, 6) && !ipIsLoopback(b, 6) && b[0] != 0xff &&
           !ipIsLinkLocalUnicast(b, 6);
}

} // namespace Torii::Core
