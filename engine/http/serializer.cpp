#include "engine/http/http1_codec.h"

#include <array>

namespace Torii::Http {

namespace {

// Replaces the bytes that would end a line or a C string: a head must never be split by a value
// (header injection, response splitting).
// (Appended whole, and patched in place only when the word-at-a-time scan finds such a byte.)
void appendSafe(std::string &out, std::string_view text)
{
    const std::size_t start = out.size();
    out.append(text);
    if (!hasLineBreakOrNul(text)) {
        return; // parsed fields never hold these: only a filter's value might
    }
    char *p = out.data() + start;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (p[i] == '\r' || p[i] == '\n' || p[i] == '\0') {
            p[i] = ' ';
        }
    }
}

void appendNumber(std::string &out, int value)
{
    if (value >= 0 && value < 10) {
        out.push_back(char('0' + value)); // versions: no std::to_string allocation
        return;
    }
    out.append(std::to_string(value));
}

void appendVersion(std::string &out, int major, int minor)
{
    out.append("HTTP/");
    appendNumber(out, major);
    out.push_back('.');
    appendNumber(out, minor);
}

void appendFields(std::string &out, const Headers &headers)
{
    for (const HeaderField &field : headers.fields) {
        appendSafe(out, field.name);
        out.append(": ");
        appendSafe(out, field.value);
        out.append("\r\n");
    }
    out.append("\r\n");
}

} // namespace

std::string serializeRequestHead(const RequestHead &head)
{
    std::string out;
    serializeRequestHead(head, out);
    return out;
}

std::string serializeResponseHead(const ResponseHead &head)
{
    std::string out;
    serializeResponseHead(head, out);
    return out;
}

void serializeRequestHead(const RequestHead &head, std::string &out)
{
    out.clear();
    out.reserve(64 + head.target.size() + head.headers.fields.size() * 32);
    appendSafe(out, head.method);
    out.push_back(' ');
    appendSafe(out, head.target);
    out.push_back(' ');
    appendVersion(out, head.versionMajor, head.versionMinor);
    out.append("\r\n");
    appendFields(out, head.headers);
}

void serializeResponseHead(const ResponseHead &head, std::string &out)
{
    out.clear();
    out.reserve(64 + head.headers.fields.size() * 32);
    appendVersion(out, head.versionMajor, head.versionMinor);
    out.push_back(' ');
    // Three digits always (RFC 9112 4): a status outside 100..999 is a caller bug; clamp it.
    const int status = (head.status < 100 || head.status > 999) ? 500 : head.status;
    const char digits[3] = {char('0' + status / 100), char('0' + status / 10 % 10),
                            char('0' + status % 10)};
    out.append(digits, 3);
    out.push_back(' ');
    appendSafe(out, head.reason);
    out.append("\r\n");
    appendFields(out, head.headers);
}

std::string encodeChunk(std::string_view data)
{
    if (data.empty()) {
        return {};
    }
    static constexpr std::array<char, 16> digits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                    '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    std::string size;
    for (std::size_t n = data.size(); n != 0; n >>= 4) {
        size.insert(size.begin(), digits[n & 0xf]);
    }
    std::string out;
    out.reserve(size.size() + data.size() + 4);
    out.append(size);
    out.append("\r\n");
    out.append(data);
    out.append("\r\n");
    return out;
}

std::string lastChunk(const Headers &trailers)
{
    std::string out = "0\r\n";
    appendFields(out, trailers);
    return out;
}

std::string_view reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 417: return "Expectation Failed";
    case 421: return "Misdirected Request";
    case 426: return "Upgrade Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return {};
    }
}

} // namespace Torii::Http
