#include "engine/http/parser_core.h"

#include <array>
#include <cstring>
#include <limits>

namespace Torii::Http::Internal {

namespace {

// Bytes a line may carry beyond the counted ones (method, version, separators, OWS before the
// limit is checked): lets a head at the limit through while bounding what one unfinished line
// can hold.
constexpr std::size_t kLineSlack = 256;
// A chunk-size line with its extensions; nothing legitimate comes near it.
constexpr std::size_t kMaxChunkSizeLine = 4096;

// RFC 9110 5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_"
// / "`" / "|" / "~" / DIGIT / ALPHA.
constexpr std::array<bool, 256> makeTokenTable()
{
    std::array<bool, 256> t{};
    for (int c = '0'; c <= '9'; ++c) {
        t[std::size_t(c)] = true;
    }
    for (int c = 'a'; c <= 'z'; ++c) {
        t[std::size_t(c)] = true;
        t[std::size_t(c - 'a' + 'A')] = true;
    }
    for (const char c : std::string_view("!#$%&'*+-.^_`|~")) {
        t[static_cast<unsigned char>(c)] = true;
    }
    return t;
}
constexpr std::array<bool, 256> kToken = makeTokenTable();

// RFC 9110 5.5: field-vchar / SP / HTAB, obs-text allowed. CR, LF, NUL and the other controls
// are not (a bare CR would let a recipient that ends lines at CR see another head).
constexpr std::array<bool, 256> makeFieldValueTable()
{
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x7f; ++c) {
        t[std::size_t(c)] = true;
    }
    for (int c = 0x80; c < 0x100; ++c) {
        t[std::size_t(c)] = true;
    }
    t['\t'] = true;
    return t;
}
constexpr std::array<bool, 256> kFieldValue = makeFieldValueTable();

// Whether `s` is a valid field value (kFieldValue), eight bytes at a time: a word none of whose
// bytes is below 0x20 or equal to 0x7f is all valid (bytes >= 0x80 are obs-text); only a word
// that may hold a control (HTAB, or an invalid byte) is checked byte by byte. Field values are
// most of a head's bytes, and this runs on every one of them.
bool isFieldValue(std::string_view s)
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, s.data() + i, 8);
        // A byte below 0x20 (high bit clear) or equal to 0x7f (zero after the xor) sets its high bit.
        const std::uint64_t below = (word - kOnes * 0x20) & ~word & kHigh;
        const std::uint64_t del = word ^ (kOnes * 0x7f);
        const std::uint64_t isDel = (del - kOnes) & ~del & kHigh;
        if ((below | isDel) != 0) {
            for (std::size_t j = i; j < i + 8; ++j) {
                if (!kFieldValue[static_cast<unsigned char>(s[j])]) {
                    return false;
                }
            }
        }
    }
    for (; i < s.size(); ++i) {
        if (!kFieldValue[static_cast<unsigned char>(s[i])]) {
            return false;
        }
    }
    return true;
}

bool allOf(std::string_view s, const std::array<bool, 256> &table)
{
    for (const char c : s) {
        if (!table[static_cast<unsigned char>(c)]) {
            return false;
        }
    }
    return true;
}

std::string_view trimOws(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

// 1*DIGIT, no sign, no overflow; at most 3 digits for a version or status part.
bool parseDecimal(std::string_view s, std::uint64_t *out, std::size_t maxDigits = 19)
{
    if (s.empty() || s.size() > maxDigits) {
        return false;
    }
    std::uint64_t v = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
        v = v * 10 + std::uint64_t(c - '0');
    }
    *out = v;
    return true;
}

// "HTTP/" 1*3DIGIT "." 1*3DIGIT (RFC 9112 2.3 says one digit each; longer ones are read so
// that "HTTP/2.0" or "HTTP/10.0" get "not supported" rather than "malformed").
bool parseVersion(std::string_view s, int *major, int *minor)
{
    if (s.size() < 8 || s.substr(0, 5) != "HTTP/") {
        return false;
    }
    s.remove_prefix(5);
    const std::size_t dot = s.find('.');
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    if (dot == std::string_view::npos || !parseDecimal(s.substr(0, dot), &a, 3)
        || !parseDecimal(s.substr(dot + 1), &b, 3)) {
        return false;
    }
    *major = int(a);
    *minor = int(b);
    return true;
}

std::size_t countOf(const Headers &headers, std::string_view name)
{
    std::size_t n = 0;
    for (const HeaderField &field : headers.fields) {
        n += field.name.size() == name.size() && equalsIgnoreCase(field.name, name) ? 1 : 0;
    }
    return n;
}

// RFC 9112 9.3: 1.1 stays open unless "close"; 1.0 closes unless "keep-alive".
bool keepAliveOf(const Headers &headers, int major, int minor)
{
    if (major == 1 && minor >= 1) {
        return !headers.hasToken("Connection", "close");
    }
    return headers.hasToken("Connection", "keep-alive") && !headers.hasToken("Connection", "close");
}

} // namespace

ParserCore::ParserCore(Kind kind, Limits limits)
    : m_kind(kind)
    , m_limits(limits)
{
}

FeedResult ParserCore::feed(std::string_view data, RequestHandler *requests,
                            ResponseHandler *responses)
{
    if (m_terminal != FeedStatus::NeedMore) {
        return {0, m_terminal};
    }
    if (m_closed) {
        fail(400, "data after a message that closed the connection");
        m_terminal = FeedStatus::Error;
        return {0, FeedStatus::Error};
    }
    if (data.empty()) {
        return {0, FeedStatus::NeedMore};
    }
    m_requests = requests;
    m_responses = responses;
    const FeedResult result = run(data);
    m_requests = nullptr;
    m_responses = nullptr;
    return result;
}

FeedResult ParserCore::finish(RequestHandler *requests, ResponseHandler *responses)
{
    if (m_terminal != FeedStatus::NeedMore) {
        return {0, m_terminal};
    }
    if (m_closed || !m_inMessage) {
        return {0, FeedStatus::NeedMore}; // the last message ended cleanly
    }
    if (m_state == State::UntilClose) {
        m_requests = requests;
        m_responses = responses;
        completeMessage();
        m_requests = nullptr;
        m_responses = nullptr;
        m_closed = true;
        return {0, FeedStatus::MessageComplete};
    }
    fail(400, "connection closed in the middle of a message");
    m_terminal = FeedStatus::Error;
    return {0, FeedStatus::Error};
}

int ParserCore::fail(int status, std::string reason)
{
    if (m_error.reason.empty()) {
        m_error = {m_kind == Kind::Request ? status : 502, std::move(reason)};
    }
    return -1;
}

bool ParserCore::nextLine(std::string_view data, std::size_t *pos, std::size_t limit,
                          std::string_view *line)
{
    const char *begin = data.data() + *pos;
    const std::size_t available = data.size() - *pos;
    const void *lf = std::memchr(begin, '\n', available);
    if (lf == nullptr) {
        if (m_pending.size() + available > limit) {
            return false; // the caller sees the size and fails
        }
        m_pending.append(begin, available);
        *pos = data.size();
        return false;
    }
    const std::size_t length = std::size_t(static_cast<const char *>(lf) - begin);
    *pos += length + 1;
    if (m_pending.empty()) {
        *line = std::string_view(begin, length);
    } else {
        m_pending.append(begin, length);
        *line = m_pending;
    }
    if (!line->empty() && line->back() == '\r') {
        line->remove_suffix(1);
    }
    return true;
}

void ParserCore::beginMessage()
{
    m_inMessage = true;
    m_method.clear();
    m_target.clear();
    m_reason.clear();
    m_status = 0;
    m_versionMajor = 1;
    m_versionMinor = 1;
    m_headers.fields.clear();
    m_headerBytes = 0;
    m_bodyBytes = 0;
    m_remaining = 0;
    m_chunked = false;
    m_contentLength.reset();
    m_upgrade = false;
    m_closeAfterMessage = false;
}

void ParserCore::completeMessage()
{
    Headers trailers;
    if (!m_headers.fields.empty()) { // else the vector stays for the next head
        trailers = std::move(m_headers);
        m_headers.fields.clear();
    }
    m_inMessage = false;
    m_completed = true;
    m_upgraded = m_upgrade;
    m_state = State::BetweenMessages;
    if (m_requests != nullptr) {
        m_requests->onComplete(std::move(trailers));
    } else if (m_responses != nullptr) {
        m_responses->onComplete(std::move(trailers));
    }
}

FeedResult ParserCore::run(std::string_view data)
{
    m_completed = false;
    m_upgraded = false;
    std::size_t pos = 0;
    const auto failed = [&] {
        m_terminal = FeedStatus::Error;
        return FeedResult{pos, FeedStatus::Error};
    };
    // One message per call: stop right after it ends, so pipelined requests are handed out one
    // at a time.
    while (!m_completed) {
        switch (m_state) {
        case State::BetweenMessages: {
            // RFC 9112 2.2: empty lines before a request line are ignored (and before a status
            // line too, as other clients do).
            while (pos < data.size() && (data[pos] == '\r' || data[pos] == '\n')) {
                ++pos;
            }
            if (pos == data.size()) {
                return {pos, FeedStatus::NeedMore};
            }
            beginMessage();
            m_state = State::StartLine;
            break;
        }
        case State::StartLine:
        case State::HeaderLines:
        case State::TrailerLines: {
            const std::size_t limit = m_limits.maxHeaderBytes - std::min(m_headerBytes,
                                                                         m_limits.maxHeaderBytes)
                                      + kLineSlack;
            std::string_view line;
            if (!nextLine(data, &pos, limit, &line)) {
                if (pos == data.size()) {
                    if (m_state == State::StartLine && !plausibleStartLine(m_pending)) {
                        return failed();
                    }
                    return {pos, FeedStatus::NeedMore};
                }
                fail(431, m_state == State::TrailerLines ? "trailer section too large"
                                                         : "header section too large");
                return failed();
            }
            int result = 0;
            if (m_state == State::StartLine) {
                result = startLine(line);
                if (result == 0) {
                    m_state = State::HeaderLines;
                }
            } else if (!line.empty()) {
                result = fieldLine(line);
            } else if (m_state == State::HeaderLines) {
                result = headComplete();
            } else {
                completeMessage();
            }
            m_pending.clear();
            if (result < 0) {
                return failed();
            }
            break;
        }
        case State::Body:
        case State::ChunkData: {
            const std::size_t take =
                std::size_t(std::min<std::uint64_t>(m_remaining, data.size() - pos));
            if (take > 0) {
                m_remaining -= take;
                const int result = body(data.substr(pos, take));
                pos += take;
                if (result < 0) {
                    return failed();
                }
            }
            if (m_remaining > 0) {
                return {pos, FeedStatus::NeedMore};
            }
            if (m_state == State::Body) {
                completeMessage();
            } else {
                m_state = State::ChunkDataEnd;
            }
            break;
        }
        case State::ChunkSize:
        case State::ChunkDataEnd: {
            std::string_view line;
            if (!nextLine(data, &pos, kMaxChunkSizeLine, &line)) {
                if (pos == data.size()) {
                    return {pos, FeedStatus::NeedMore};
                }
                fail(400, "chunk size line too long");
                return failed();
            }
            int result = 0;
            if (m_state == State::ChunkSize) {
                result = chunkSizeLine(line);
            } else if (!line.empty()) {
                result = fail(400, "invalid chunk: data longer than its size");
            } else {
                m_state = State::ChunkSize;
            }
            m_pending.clear();
            if (result < 0) {
                return failed();
            }
            break;
        }
        case State::UntilClose: {
            const int result = body(data.substr(pos));
            pos = data.size();
            if (result < 0) {
                return failed();
            }
            return {pos, FeedStatus::NeedMore};
        }
        }
    }
    m_closed = m_closeAfterMessage;
    if (m_upgraded) {
        m_terminal = FeedStatus::Upgraded;
        return {pos, FeedStatus::Upgraded};
    }
    return {pos, FeedStatus::MessageComplete};
}

bool ParserCore::plausibleStartLine(std::string_view begun)
{
    // Binary junk or another protocol is refused at its first bytes, not after 64 KiB of
    // waiting for a line end.
    if (m_kind == Kind::Response) {
        const std::string_view prefix = std::string_view("HTTP/").substr(0, begun.size());
        if (begun.substr(0, prefix.size()) != prefix) {
            fail(502, "not an HTTP/1 response");
            return false;
        }
        return true;
    }
    if (!allOf(begun.substr(0, begun.find(' ')), kToken)) {
        fail(400, "invalid method");
        return false;
    }
    return true;
}

int ParserCore::startLine(std::string_view line)
{
    return m_kind == Kind::Request ? requestLine(line) : statusLine(line);
}

int ParserCore::requestLine(std::string_view line)
{
    // method SP request-target SP HTTP-version (RFC 9112 3)
    const std::size_t sp1 = line.find(' ');
    const std::string_view method = line.substr(0, sp1);
    if (sp1 == std::string_view::npos || method.empty() || !allOf(method, kToken)) {
        return fail(400, "invalid method");
    }
    const std::size_t sp2 = line.find(' ', sp1 + 1);
    const std::string_view target =
        line.substr(sp1 + 1, sp2 == std::string_view::npos ? std::string_view::npos : sp2 - sp1 - 1);
    if (target.empty()) {
        return fail(400, "missing request target");
    }
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f) {
            return fail(400, "invalid character in the request target");
        }
    }
    m_headerBytes += target.size();
    if (m_headerBytes > m_limits.maxHeaderBytes) {
        return fail(431, "header section too large");
    }
    if (sp2 == std::string_view::npos) {
        return fail(505, "HTTP version 0.9 not supported");
    }
    if (!parseVersion(line.substr(sp2 + 1), &m_versionMajor, &m_versionMinor)) {
        return fail(400, "invalid HTTP version");
    }
    m_method.assign(method);
    m_target.assign(target);
    return 0;
}

int ParserCore::statusLine(std::string_view line)
{
    // HTTP-version SP status-code SP [ reason-phrase ] (RFC 9112 4); the SP before an empty
    // reason is often left out, and accepted.
    const std::size_t sp1 = line.find(' ');
    if (sp1 == std::string_view::npos
        || !parseVersion(line.substr(0, sp1), &m_versionMajor, &m_versionMinor)) {
        return fail(502, "invalid HTTP version");
    }
    std::string_view rest = line.substr(sp1 + 1);
    const std::size_t sp2 = rest.find(' ');
    std::uint64_t status = 0;
    if (!parseDecimal(rest.substr(0, sp2), &status, 3)) {
        return fail(502, "invalid status code");
    }
    m_status = int(status);
    if (sp2 != std::string_view::npos) {
        const std::string_view reason = rest.substr(sp2 + 1);
        m_headerBytes += reason.size();
        if (m_headerBytes > m_limits.maxHeaderBytes) {
            return fail(431, "header section too large");
        }
        m_reason.assign(reason);
        for (char &c : m_reason) {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && c != '\t') || u == 0x7f) {
                c = ' '; // as field values: never hand a control onwards
            }
        }
    }
    return 0;
}

int ParserCore::fieldLine(std::string_view line)
{
    const bool trailer = m_state == State::TrailerLines;
    if (line.front() == ' ' || line.front() == '\t') {
        // obs-fold (RFC 9112 5.2): the line continues the previous value; its line end becomes
        // a space.
        if (m_headers.fields.empty()) {
            return fail(400, "a continuation line before any header field");
        }
        if (!isFieldValue(line)) {
            return fail(400, "invalid character in a header value");
        }
        m_headerBytes += line.size();
        if (m_headerBytes > m_limits.maxHeaderBytes) {
            return fail(431, trailer ? "trailer section too large" : "header section too large");
        }
        // Spaces only between non-empty parts: the value stays trimmed (RFC 9110 5.5).
        std::string &value = m_headers.fields.back().value;
        const std::string_view more = trimOws(line);
        if (!more.empty()) {
            if (!value.empty()) {
                value.push_back(' ');
            }
            value.append(more);
        }
        return 0;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
        return fail(400, "header line without a colon");
    }
    const std::string_view name = line.substr(0, colon);
    // No whitespace between name and colon (RFC 9112 5.1): a smuggling vector.
    if (name.empty() || !allOf(name, kToken)) {
        return fail(400, "invalid header field name");
    }
    const std::string_view rawValue = line.substr(colon + 1);
    if (!isFieldValue(rawValue)) {
        return fail(400, "invalid character in a header value");
    }
    m_headerBytes += name.size() + rawValue.size();
    if (m_headerBytes > m_limits.maxHeaderBytes) {
        return fail(431, trailer ? "trailer section too large" : "header section too large");
    }
    if (m_headers.fields.size() >= m_limits.maxHeaderCount) {
        return fail(431, trailer ? "too many trailer fields" : "too many header fields");
    }
    if (m_headers.fields.capacity() == 0) {
        m_headers.fields.reserve(16); // one allocation per head instead of growing 1, 2, 4, 8
    }
    // Constructed in place from the views (not assigned into empty strings: the generic assign
    // path costs more than the copy itself for the short fields a head is made of).
    m_headers.fields.emplace_back(HeaderFieldFrom{name, trimOws(rawValue)});
    return 0;
}

int ParserCore::readFraming(int badStatus)
{
    // One pass over the fields for both framing names (this runs for every head): the names are
    // told apart by length before any comparison.
    std::size_t contentLengths = 0;
    std::size_t transferEncodings = 0;
    const HeaderField *contentLength = nullptr;
    const HeaderField *firstTransferEncoding = nullptr;
    for (const HeaderField &field : m_headers.fields) {
        if (field.name.size() == 14 && equalsIgnoreCase(field.name, "Content-Length")) {
            if (contentLengths++ == 0) {
                contentLength = &field;
            }
        } else if (field.name.size() == 17 && equalsIgnoreCase(field.name, "Transfer-Encoding")) {
            if (transferEncodings++ == 0) {
                firstTransferEncoding = &field;
            }
        }
    }
    if (transferEncodings > 0) {
        if (contentLengths > 0) {
            // RFC 9112 6.3: a server may reject; a proxy that forwards it is a smuggling vector.
            return fail(400, "both Content-Length and Transfer-Encoding");
        }
        const std::string te = transferEncodings == 1 ? firstTransferEncoding->value
                                                      : *m_headers.joined("Transfer-Encoding");
        if (!equalsIgnoreCase(trimOws(te), "chunked")) {
            return fail(badStatus, "unsupported Transfer-Encoding: " + te);
        }
        m_chunked = true;
    }
    if (contentLengths > 1) {
        return fail(400, "repeated Content-Length");
    }
    if (contentLength != nullptr) {
        std::uint64_t length = 0;
        // 1*DIGIT only (RFC 9110 8.6): no sign, no list, no overflow.
        if (!parseDecimal(contentLength->value, &length)) {
            return fail(400, "invalid Content-Length");
        }
        if (length > m_limits.maxBodyBytes) {
            return fail(413, "Content-Length " + std::to_string(length)
                                 + " exceeds the body limit of "
                                 + std::to_string(m_limits.maxBodyBytes));
        }
        m_contentLength = length;
    }
    return 0;
}

int ParserCore::headComplete()
{
    const int result = m_kind == Kind::Request ? requestHeadComplete() : responseHeadComplete();
    // Trailers (if any) are collected afresh; their bytes count against the same limit.
    m_headers.fields.clear();
    m_headerBytes = 0;
    return result;
}

int ParserCore::requestHeadComplete()
{
    if (m_versionMajor != 1) {
        return fail(505, "HTTP version " + std::to_string(m_versionMajor) + "."
                             + std::to_string(m_versionMinor) + " not supported");
    }
    if (const int failed = readFraming(501); failed != 0) {
        return failed;
    }
    const std::size_t hosts = countOf(m_headers, "Host");
    if (hosts > 1 || (hosts == 0 && m_versionMinor >= 1)) {
        // RFC 9112 3.2: a 1.1 request without exactly one Host is rejected; routing needs it.
        return fail(400, hosts == 0 ? "missing Host header" : "repeated Host header");
    }
    RequestHead head;
    head.method = std::move(m_method);
    head.target = std::move(m_target);
    head.versionMajor = m_versionMajor;
    head.versionMinor = m_versionMinor;
    head.keepAlive = keepAliveOf(m_headers, m_versionMajor, m_versionMinor);
    m_closeAfterMessage = !head.keepAlive;
    head.chunked = m_chunked;
    head.contentLength = m_contentLength;
    if (m_versionMinor >= 1) {
        const std::optional<std::string> expect = m_headers.joined("Expect");
        head.expectContinue = expect && equalsIgnoreCase(trimOws(*expect), "100-continue");
    }
    // CONNECT, or an Upgrade the Connection field names (RFC 9110 7.8): the bytes after this
    // request (and its body, if any) are another protocol.
    m_upgrade = head.method == "CONNECT"
                || (m_headers.contains("Upgrade") && m_headers.hasToken("Connection", "upgrade"));
    head.upgrade = m_upgrade;
    head.headers = std::move(m_headers);
    if (m_requests != nullptr) {
        m_requests->onHead(std::move(head));
    }
    if (m_chunked) {
        m_state = State::ChunkSize;
    } else if (m_contentLength.value_or(0) > 0) {
        m_remaining = *m_contentLength;
        m_state = State::Body;
    } else {
        completeMessage();
    }
    return 0;
}

int ParserCore::responseHeadComplete()
{
    if (m_status < 100 || m_status > 999) {
        return fail(502, "invalid status code " + std::to_string(m_status)); // RFC 9110 15
    }
    if (m_versionMajor != 1) {
        return fail(502, "HTTP version " + std::to_string(m_versionMajor) + "."
                             + std::to_string(m_versionMinor) + " not supported");
    }
    if (const int failed = readFraming(502); failed != 0) {
        return failed;
    }
    ResponseHead head;
    head.status = m_status;
    head.reason = std::move(m_reason);
    head.versionMajor = m_versionMajor;
    head.versionMinor = m_versionMinor;
    const bool isHead = m_requestMethod == "HEAD";
    const bool tunnel = (m_requestMethod == "CONNECT" && head.status / 100 == 2)
                        || head.status == 101;
    head.chunked = m_chunked;
    head.contentLength = m_contentLength;
    // RFC 9112 6.3: no body after HEAD, 1xx, 204 and 304, whatever the framing fields say.
    head.hasBody = !isHead && !tunnel && head.status >= 200 && head.status != 204
                   && head.status != 304;
    head.closeDelimited = head.hasBody && !head.chunked && !head.contentLength;
    head.keepAlive = keepAliveOf(m_headers, m_versionMajor, m_versionMinor)
                     && !head.closeDelimited && !tunnel;
    m_closeAfterMessage = !head.keepAlive;
    const bool chunked = head.chunked;
    const std::uint64_t length = head.contentLength.value_or(0);
    const bool hasBody = head.hasBody;
    const bool closeDelimited = head.closeDelimited;
    head.headers = std::move(m_headers);
    if (m_responses != nullptr) {
        m_responses->onHead(std::move(head));
    }
    // The field vector comes back for the next head (or the trailers): no allocation per
    // response. (Empty when the handler moved it away: then it is allocated again.)
    m_headers = std::move(head.headers);
    m_headers.fields.clear();
    if (tunnel) {
        m_upgrade = true; // no body, and no more HTTP/1 on this connection
        completeMessage();
    } else if (!hasBody) {
        completeMessage();
    } else if (chunked) {
        m_state = State::ChunkSize;
    } else if (closeDelimited) {
        m_state = State::UntilClose;
    } else if (length > 0) {
        m_remaining = length;
        m_state = State::Body;
    } else {
        completeMessage();
    }
    return 0;
}

int ParserCore::chunkSizeLine(std::string_view line)
{
    // chunk-size [ chunk-ext ] (RFC 9112 7.1); extensions are read and ignored.
    std::size_t digits = 0;
    std::uint64_t size = 0;
    while (digits < line.size()) {
        const char c = line[digits];
        int v = -1;
        if (c >= '0' && c <= '9') {
            v = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            v = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            v = c - 'A' + 10;
        } else {
            break;
        }
        if (size > (std::numeric_limits<std::uint64_t>::max() >> 4)) {
            return fail(400, "invalid chunk size: too large");
        }
        size = (size << 4) | std::uint64_t(v);
        ++digits;
    }
    const std::string_view rest = line.substr(digits);
    if (digits == 0 || (!rest.empty() && rest.front() != ';' && rest.front() != ' '
                        && rest.front() != '\t')) {
        return fail(400, "invalid chunk size");
    }
    if (!isFieldValue(rest)) {
        return fail(400, "invalid chunk extension");
    }
    if (size == 0) {
        m_state = State::TrailerLines;
        return 0;
    }
    if (m_bodyBytes + size < m_bodyBytes || m_bodyBytes + size > m_limits.maxBodyBytes) {
        return fail(413, "body exceeds the limit of " + std::to_string(m_limits.maxBodyBytes)
                             + " bytes");
    }
    m_remaining = size;
    m_state = State::ChunkData;
    return 0;
}

int ParserCore::body(std::string_view chunk)
{
    m_bodyBytes += chunk.size();
    if (m_bodyBytes > m_limits.maxBodyBytes) {
        return fail(413, "body exceeds the limit of " + std::to_string(m_limits.maxBodyBytes)
                             + " bytes");
    }
    if (m_requests != nullptr) {
        m_requests->onBody(chunk);
    } else if (m_responses != nullptr) {
        m_responses->onBody(chunk);
    }
    return 0;
}

} // namespace Torii::Http::Internal
