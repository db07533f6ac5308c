#pragma once

// The HTTP/1.1 codec (RFC 9112) shared by the gateway (engine/proxy), the mock backends
// (simulator/backends) and the traffic generators.
//
// The parser is our own (parser_core.h says why: the only packaged one, http-parser, cost more
// per proxied request than the whole gap to nginx); the policy a gateway needs (limits,
// smuggling rules, error statuses) is written down at RequestParser below.
//
// Pure codec (STYLE.md point 4): bytes in, events out. No sockets, no clock, no Qt, no exceptions.
// Thread: a parser is used by one thread at a time; distinct parsers are independent. The free
// functions are reentrant.

#include "engine/core/header_field.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Http {

// One header field (engine/core/header_field.h: the same type as the route table's).
using HeaderField = Torii::HeaderField;

// Ordered header fields; duplicates allowed, order kept (it matters for Set-Cookie and for
// forwarding unchanged).
struct Headers
{
    std::vector<HeaderField> fields;

    // First field with this name (case-insensitive), or nullptr. The pointer is valid until the
    // next change to `fields`.
    const HeaderField *find(std::string_view name) const;
    bool contains(std::string_view name) const { return find(name) != nullptr; }
    // All values of this name, in order.
    std::vector<std::string> values(std::string_view name) const;
    // All values joined with ", " (RFC 9110 5.3), or nullopt if absent. Not for Set-Cookie.
    std::optional<std::string> joined(std::string_view name) const;
    // Appends a field.
    void add(std::string name, std::string value);
    // Replaces every field of this name with one (at the first one's position, else appended).
    void set(std::string name, std::string value);
    // Removes every field of this name; returns how many were removed.
    std::size_t remove(std::string_view name);
    // True if some comma-separated element of some field `name` equals `token` (case-insensitive),
    // e.g. hasToken("Connection", "close").
    bool hasToken(std::string_view name, std::string_view token) const;
};

// Case-insensitive ASCII comparison (header names, tokens). Inline: every header lookup calls it
// once per field of every forwarded head, and the lengths nearly always decide.
inline bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto x = static_cast<unsigned char>(a[i]);
        const auto y = static_cast<unsigned char>(b[i]);
        if (x == y) {
            continue;
        }
        // Equal ignoring case only when they differ in the case bit alone and are letters.
        const auto lower = static_cast<unsigned char>(x | 0x20);
        if ((x ^ y) != 0x20 || lower < 'a' || lower > 'z') {
            return false;
        }
    }
    return true;
}

// `name` with ASCII capitals lowered (HTTP/2 and gRPC carry field names in lower case, RFC 9113
// 8.2.1); other bytes untouched, whatever the locale.
inline std::string asciiLower(std::string_view name)
{
    std::string out(name);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = char(c - 'A' + 'a');
        }
    }
    return out;
}

// True if `text` holds CR, LF or NUL: the bytes a field must never carry onwards (RFC 9110 5.5,
// header injection). Eight bytes at a time: it runs over every field the gateway reads or writes.
inline bool hasLineBreakOrNul(std::string_view text)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto hasZeroByte = [](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
    const char *p = text.data();
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        __builtin_memcpy(&word, p + i, 8);
        if (hasZeroByte(word) || hasZeroByte(word ^ (ones * '\r'))
            || hasZeroByte(word ^ (ones * '\n'))) {
            return true;
        }
    }
    for (; i < text.size(); ++i) {
        if (p[i] == '\r' || p[i] == '\n' || p[i] == '\0') {
            return true;
        }
    }
    return false;
}

struct RequestHead
{
    std::string method;   // as sent, e.g. "GET"
    std::string target;   // request-target as sent: "/path?query", "*", "host:443" or absolute
    int versionMajor = 1;
    int versionMinor = 1;
    Headers headers;

    // Derived by the parser (ignored by serializeRequestHead, which writes `headers` as they are):
    bool keepAlive = true;       // 1.1 unless "Connection: close"; 1.0 only with keep-alive
    bool chunked = false;        // Transfer-Encoding: chunked
    std::optional<std::uint64_t> contentLength;
    bool expectContinue = false; // "Expect: 100-continue" on HTTP/1.1: send 100 before reading
    bool upgrade = false;        // Connection: upgrade + Upgrade, or CONNECT (see FeedStatus)
};

struct ResponseHead
{
    int status = 200;
    std::string reason; // may be empty; as parsed, CR, LF and NUL replaced by SP
    int versionMajor = 1;
    int versionMinor = 1;
    Headers headers;

    // Derived by the parser (ignored by serializeResponseHead):
    bool keepAlive = true;
    bool chunked = false;
    std::optional<std::uint64_t> contentLength;
    bool closeDelimited = false; // body runs until the connection closes (call finish())
    bool hasBody = true;         // false for 1xx, 204, 304 and responses to HEAD

    bool isInterim() const { return status >= 100 && status < 200 && status != 101; }
};

struct Limits
{
    // Request target or reason plus header fields (names and values, excluding separators and
    // line ends); also applies to a chunked body's trailers. Exceeding it: 431. One unfinished
    // line is kept between feeds up to this limit plus a little slack.
    std::size_t maxHeaderBytes = 64 * 1024;
    std::size_t maxHeaderCount = 200;       // fields in the head (or trailers); exceeding: 431
    std::uint64_t maxBodyBytes = 1ull << 30; // decoded body; exceeding: 413 (Content-Length is
                                             // checked at the head, before any body byte)
};

// What a parser reports after a message it has not finished, or that broke the protocol.
struct Error
{
    int status = 400;   // status a server answers with: 400, 413, 431, 501 (unsupported
                        // Transfer-Encoding), 505 (not HTTP/1.x); a ResponseParser always says
                        // 502, what a proxy should send
    std::string reason; // English, says what was wrong, e.g. "invalid chunk size"
};

enum class FeedStatus {
    NeedMore,        // every byte consumed; feed more (a message may be partly read)
    MessageComplete, // one message ended (onComplete called); `consumed` may be < input size:
                     // feed the rest again (pipelining), one message per call
    Upgraded,        // the message that ended switched protocols (Upgrade/CONNECT/101): the
                     // bytes after `consumed` are not HTTP/1; the parser accepts no more input
    Error,           // see error(); the parser accepts no more input: answer and close
};

struct FeedResult
{
    std::size_t consumed = 0;
    FeedStatus status = FeedStatus::NeedMore;
};

// Receives the events of one feed() call, synchronously and in order:
//   onHead, then onBody zero or more times, then onComplete — per message. An error may come
// after onHead or some onBody (a bad chunk, the body limit): then onComplete never comes. Each
// call gets
// decoded data (chunked framing removed); string_views point into the fed buffer or the parser
// and are valid only during the call. Handlers must not call back into the parser.
template<typename Head>
class MessageHandler
{
public:
    virtual ~MessageHandler() = default;
    virtual void onHead(Head &&head) = 0;
    virtual void onBody(std::string_view chunk) = 0;
    // `trailers` are the chunked trailer fields (empty otherwise).
    virtual void onComplete(Headers &&trailers) = 0;
};
using RequestHandler = MessageHandler<RequestHead>;
using ResponseHandler = MessageHandler<ResponseHead>;

namespace Internal {
class ParserCore;
}

// Server side: parses requests from a connection's bytes.
//
// Policy (why: request smuggling, RFC 9112 6.1 and 6.3):
// - both Content-Length and Transfer-Encoding: rejected (400), never guessed;
// - Transfer-Encoding other than exactly "chunked": 501;
// - several or invalid Content-Length values: 400 (equal repeated values too);
// - HTTP/1.0 closes unless "Connection: keep-alive"; 1.1 keeps alive unless "Connection: close";
//   bytes after a message that closes the connection are an error (400);
// - HTTP/1.1 without exactly one Host, or several Host fields: 400 (RFC 9112 3.2);
// - obsolete line folding is accepted, its line ends replaced by spaces (RFC 9112 5.2);
// - a field value with a control other than HTAB (a bare CR, NUL, ...) or a field name that is
//   not a token (whitespace before the colon): 400 (RFC 9112 5.1, 2.2);
// - lines may end in CRLF or a bare LF; a method is any token (extension methods are forwarded);
//   bytes that cannot begin a request line are refused at once, not after a line's worth.
class RequestParser
{
public:
    explicit RequestParser(Limits limits = {});
    ~RequestParser();
    RequestParser(const RequestParser &) = delete;
    RequestParser &operator=(const RequestParser &) = delete;

    // Consumes bytes and calls `handler`; stops right after a complete message (see FeedStatus).
    // After Error or Upgraded, further calls consume nothing and return the same status.
    FeedResult feed(std::string_view data, RequestHandler &handler);
    // The peer closed the connection. Error if a request was partly read, else NeedMore.
    FeedResult finish(RequestHandler &handler);

    // True when no part of a message has been read (between messages).
    bool idle() const;
    // Valid after FeedStatus::Error.
    const Error &error() const;

private:
    std::unique_ptr<Internal::ParserCore> m_core;
};

// Client side: parses the responses to requests the caller sent, in order.
class ResponseParser
{
public:
    explicit ResponseParser(Limits limits = {});
    ~ResponseParser();
    ResponseParser(const ResponseParser &) = delete;
    ResponseParser &operator=(const ResponseParser &) = delete;

    // The method of the request the next response answers ("GET" until told): HEAD means no
    // body, CONNECT with 2xx means a tunnel (Upgraded). Set it before feeding each response;
    // it stays for the interim (1xx) responses before the final one.
    void setRequestMethod(std::string_view method);

    // As RequestParser::feed. A 1xx interim response (other than 101) is a complete message of
    // its own (head.isInterim()); the final response follows.
    FeedResult feed(std::string_view data, ResponseHandler &handler);
    // The peer closed the connection: completes a close-delimited body (MessageComplete);
    // Error if a response was partly read otherwise (truncated); NeedMore if idle.
    FeedResult finish(ResponseHandler &handler);

    bool idle() const;
    const Error &error() const;

private:
    std::unique_ptr<Internal::ParserCore> m_core;
};

// Serializers. They write the start line and `headers` as they are (framing headers such as
// Content-Length or Transfer-Encoding are the caller's), ending with the empty line. CR, LF and
// NUL in a name, value, target or reason are replaced by spaces so a head can never be split
// (header injection).
std::string serializeRequestHead(const RequestHead &head);
std::string serializeResponseHead(const ResponseHead &head);
// The same into `out` (its content replaced, its capacity reused: no allocation per head when
// the caller keeps one buffer).
void serializeRequestHead(const RequestHead &head, std::string &out);
void serializeResponseHead(const ResponseHead &head, std::string &out);
// Chunked framing: "<hex size>\r\n<data>\r\n". An empty `data` yields "" (not a last chunk).
std::string encodeChunk(std::string_view data);
// "0\r\n" + trailers + "\r\n".
std::string lastChunk(const Headers &trailers = {});
// The standard reason phrase of a status ("Not Found"), or "" if unknown.
std::string_view reasonPhrase(int status);

// For a proxy: removes the hop-by-hop fields (RFC 9110 7.6.1): every name listed in Connection,
// and Connection, Keep-Alive, Proxy-Connection, TE, Trailer, Transfer-Encoding, Upgrade.
void removeHopByHop(Headers &headers);

} // namespace Torii::Http
