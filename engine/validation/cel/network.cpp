#include "network.h"

#include <cstdio>
#include <cstring>

namespace Torii::Validation::Cel::Internal {

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

bool isAlphaNumeric(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Go's url.unescape in path mode: every '%' starts a two-digit hex escape.
bool validEscapes(std::string_view s)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%') {
            if (i + 2 >= s.size() || hexDigit(s[i + 1]) < 0 || hexDigit(s[i + 2]) < 0) {
                return false;
            }
            i += 2;
        }
    }
    return true;
}

bool validHostCharacters(std::string_view host)
{
    for (std::size_t i = 0; i < host.size(); ++i) {
        const char c = host[i];
        if (c == '%') {
            // Go allows escapes in hosts only for non-ASCII bytes (and %25 before a zone).
            if (i + 2 >= host.size() || hexDigit(host[i + 1]) < 0 || hexDigit(host[i + 2]) < 0) {
                return false;
            }
            if (hexDigit(host[i + 1]) < 8 && host.substr(i, 3) != "%25") {
                return false;
            }
            i += 2;
            continue;
        }
        if (static_cast<unsigned char>(c) >= 0x80 || isAlphaNumeric(c)) {
            continue;
        }
        if (std::strchr("!$&'()*+,;=:[]<>\"-_.~", c) == nullptr) {
            return false;
        }
    }
    return true;
}

bool validOptionalPort(std::string_view port)
{
    if (port.empty()) {
        return true;
    }
    if (port[0] != ':') {
        return false;
    }
    for (char c : port.substr(1)) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

bool validAuthority(std::string_view authority)
{
    const std::size_t at = authority.rfind('@');
    std::string_view host = authority;
    if (at != std::string_view::npos) {
        const std::string_view userinfo = authority.substr(0, at);
        for (char c : userinfo) {
            if (!isAlphaNumeric(c) && std::strchr("-._:~!$&'()*+,;=%@", c) == nullptr) {
                return false;
            }
        }
        if (!validEscapes(userinfo)) {
            return false;
        }
        host = authority.substr(at + 1);
    }
    if (!host.empty() && host[0] == '[') {
        const std::size_t close = host.rfind(']');
        if (close == std::string_view::npos || !validOptionalPort(host.substr(close + 1))) {
            return false;
        }
    } else if (const std::size_t colon = host.rfind(':'); colon != std::string_view::npos) {
        if (!validOptionalPort(host.substr(colon))) {
            return false;
        }
    }
    return validHostCharacters(host);
}

} // namespace

bool isRequestUri(std::string_view s)
{
    for (char c : s) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            return false;
        }
    }
    if (s.empty()) {
        return false;
    }
    if (s == "*") {
        return true;
    }
    // Scheme.
    std::string_view rest = s;
    bool hasScheme = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            continue;
        }
        if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
            if (i == 0) {
                break;
            }
            continue;
        }
        if (c == ':') {
            if (i == 0) {
                return false; // "missing protocol scheme"
            }
            hasScheme = true;
            rest = s.substr(i + 1);
        }
        break;
    }
    // The query is kept raw by Go; only the part before '?' is checked further.
    if (const std::size_t q = rest.find('?'); q != std::string_view::npos) {
        rest = rest.substr(0, q);
    }
    if (rest.empty() || rest[0] != '/') {
        return hasScheme; // an opaque URI (mailto:x) is fine; a relative path is not
    }
    if (hasScheme && rest.substr(0, 2) == "//") {
        const std::string_view afterSlashes = rest.substr(2);
        const std::size_t slash = afterSlashes.find('/');
        const std::string_view authority = afterSlashes.substr(0, slash);
        if (!validAuthority(authority)) {
            return false;
        }
        rest = slash == std::string_view::npos ? std::string_view() : afterSlashes.substr(slash);
    }
    return validEscapes(rest);
}

} // namespace Torii::Validation::Cel::Internal
