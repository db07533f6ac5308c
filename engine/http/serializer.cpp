#include "engine/http/http1_codec.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// How many bytes of `text` are CR, LF or NUL. SSE2 (baseline x86-64): sixteen bytes per step,
// matches counted in byte lanes (each match subtracts -1) and summed with PSADBW before a lane
// can wrap; elsewhere eight bytes per step in a word (exact: each zero byte of a word is marked
// once, and no byte is two of the three). Every forwarded head is scanned once, so this is hot.
std::size_t countLineBreaksAndNuls(std::string_view text)
{
    std::size_t count = 0;
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i zero = _mm_setzero_si128();
    while (i + 16 <= text.size()) {
        __m128i lanes = _mm_setzero_si128();
        // At most 255 steps per batch: a byte lane counts up to 255.
        const std::size_t batchEnd = std::min(text.size() & ~std::size_t(15), i + 255 * 16);
        for (; i < batchEnd; i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text.data() + i));
            const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)),
                                             _mm_cmpeq_epi8(v, zero));
            lanes = _mm_sub_epi8(lanes, hit);
        }
        const __m128i sums = _mm_sad_epu8(lanes, zero);
        count += std::size_t(_mm_cvtsi128_si32(sums)) + std::size_t(_mm_extract_epi16(sums, 4));
    }
#endif
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;
    const auto zeroBytes = [](std::uint64_t v) { return ~((((v & low7) + low7) | v) | low7); };
    const auto marked = [&](std::uint64_t word) {
        const std::uint64_t bits = (zeroBytes(word) | zeroBytes(word ^ (ones * '\r'))
                                    | zeroBytes(word ^ (ones * '\n')))
                                   >> 7;
        return (bits * ones) >> 56; // the sum of the eight 0/1 bytes (no popcnt on baseline x86-64)
    };
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        count += std::size_t(marked(word));
    }
    // The last 0-7 bytes one by one: a variable-length memcpy into a word is a libc call.
    for (; i < text.size(); ++i) {
        const char c = text[i];
        count += std::size_t(c == '\r' || c == '\n' || c == '\0');
    }
    return count;
}

// A head is first written with plain appends, then proven clean by counting: the head holds
// exactly one CR and one LF per line it ends and no NUL, so any other count means some part
// carried one of them. Only then is it written again through appendSafe. (One pass over the
// finished head instead of a scan per field: heads are forwarded for every request.)
bool onlyOwnLineBreaks(std::string_view head, std::size_t lines)
{
    return countLineBreaksAndNuls(head) == 2 * lines;
}

// Copies a header name or value, most of which are under 32 bytes, without calling memcpy: the
// libc call sorts sizes with branches that every caller shares, so at two calls per field they
// mispredicted and cost more than the copy (the profile of the proxy benchmark put 0.9 µs per
// request in memcpy before the head's copies were cut down). Overlapping fixed-size moves, which
// compile to plain loads and stores.
inline char *putShort(char *to, std::string_view text)
{
    const char *from = text.data();
    const std::size_t n = text.size();
    if (n >= 8 && n <= 16) {
        std::uint64_t head, tail;
        std::memcpy(&head, from, 8);
        std::memcpy(&tail, from + n - 8, 8);
        std::memcpy(to, &head, 8);
        std::memcpy(to + n - 8, &tail, 8);
    } else if (n > 16 && n <= 32) {
        char head[16], tail[16];
        std::memcpy(head, from, 16);
        std::memcpy(tail, from + n - 16, 16);
        std::memcpy(to, head, 16);
        std::memcpy(to + n - 16, tail, 16);
    } else if (n >= 4 && n < 8) {
        std::uint32_t head, tail;
        std::memcpy(&head, from, 4);
        std::memcpy(&tail, from + n - 4, 4);
        std::memcpy(to, &head, 4);
        std::memcpy(to + n - 4, &tail, 4);
    } else if (n < 4) {
        for (std::size_t i = 0; i < n; ++i) {
            to[i] = from[i];
        }
    } else {
        std::memcpy(to, from, n);
    }
    return to + n;
}

// One resize for all fields, then plain copies: four appends per field each re-checked the
// capacity, and this runs twice per proxied request.
void appendFieldsPlain(std::string &out, const Headers &headers)
{
    std::size_t size = 2;
    for (const HeaderField &field : headers.fields) {
        size += field.name.size() + field.value.size() + 4;
    }
    const std::size_t start = out.size();
    out.resize(start + size);
    char *p = out.data() + start;
    for (const HeaderField &field : headers.fields) {
        p = putShort(p, field.name);
        *p++ = ':';
        *p++ = ' ';
        p = putShort(p, field.value);
        *p++ = '\r';
        *p++ = '\n';
    }
    *p++ = '\r';
    *p = '\n';
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
    out.append(head.method);
    out.push_back(' ');
    out.append(head.target);
    out.push_back(' ');
    appendVersion(out, head.versionMajor, head.versionMinor);
    out.append("\r\n");
    appendFieldsPlain(out, head.headers);
    if (onlyOwnLineBreaks(out, head.headers.fields.size() + 2)) {
        return;
    }
    out.clear();
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
    const std::size_t reasonAt = out.size();
    out.append(head.reason);
    out.append("\r\n");
    appendFieldsPlain(out, head.headers);
    if (onlyOwnLineBreaks(out, head.headers.fields.size() + 2)) {
        return;
    }
    out.resize(reasonAt);
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
