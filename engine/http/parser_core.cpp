#include "engine/http/parser_core.h"

namespace Torii::Http::Internal {

namespace {

ParserCore *core(http_parser *parser)
{
    return static_cast<ParserCore *>(parser->data);
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

// RFC 9110 5.5: CR, LF and NUL in a field value are replaced by SP (http-parser, built without
// HTTP_PARSER_STRICT, lets some through); then the surrounding whitespace goes.
void cleanValue(std::string &value)
{
    if (hasLineBreakOrNul(value)) {
        for (char &c : value) {
            if (c == '\r' || c == '\n' || c == '\0') {
                c = ' ';
            }
        }
    }
    const auto isOws = [](char c) { return c == ' ' || c == '\t'; };
    if (value.empty() || (!isOws(value.front()) && !isOws(value.back()))) {
        return; // the usual value: nothing to trim, no copy
    }
    const std::string_view trimmed = trimOws(value);
    if (trimmed.size() != value.size()) {
        value = std::string(trimmed);
    }
}

// How many fields have this name (no copies of their values, unlike Headers::values).
std::size_t countOf(const Headers &headers, std::string_view name)
{
    std::size_t n = 0;
    for (const HeaderField &field : headers.fields) {
        n += equalsIgnoreCase(field.name, name) ? 1 : 0;
    }
    return n;
}

void trimValues(Headers &headers)
{
    for (HeaderField &field : headers.fields) {
        cleanValue(field.value);
    }
}

} // namespace

ParserCore::ParserCore(http_parser_type type, Limits limits)
    : m_limits(limits)
    , m_isRequest(type == HTTP_REQUEST)
{
    http_parser_init(&m_parser, type);
    m_parser.data = this;
    http_parser_settings_init(&m_settings);
    m_settings.on_message_begin = &ParserCore::onMessageBegin;
    m_settings.on_url = &ParserCore::onUrl;
    m_settings.on_status = &ParserCore::onStatus;
    m_settings.on_header_field = &ParserCore::onHeaderField;
    m_settings.on_header_value = &ParserCore::onHeaderValue;
    m_settings.on_headers_complete = &ParserCore::onHeadersComplete;
    m_settings.on_body = &ParserCore::onBody;
    m_settings.on_message_complete = &ParserCore::onMessageComplete;
}

FeedResult ParserCore::feed(std::string_view data, RequestHandler *requests,
                            ResponseHandler *responses)
{
    if (m_terminal != FeedStatus::NeedMore) {
        return {0, m_terminal};
    }
    if (m_closed) {
        // Built without HTTP_PARSER_STRICT, http-parser would go on parsing after a message that
        // closes the connection; a peer that sends more is not speaking HTTP/1.1 correctly.
        fail(400, "data after a message that closed the connection");
        m_terminal = FeedStatus::Error;
        return {0, FeedStatus::Error};
    }
    if (data.empty()) {
        // http-parser reads a zero-length execute as end of input; that is finish()'s job.
        return {0, FeedStatus::NeedMore};
    }
    m_requests = requests;
    m_responses = responses;
    return run(data.data(), data.size());
}

FeedResult ParserCore::finish(RequestHandler *requests, ResponseHandler *responses)
{
    if (m_terminal != FeedStatus::NeedMore) {
        return {0, m_terminal};
    }
    if (m_closed) {
        return {0, FeedStatus::NeedMore}; // the last message ended cleanly
    }
    m_requests = requests;
    m_responses = responses;
    return run(nullptr, 0);
}

FeedResult ParserCore::run(const char *data, std::size_t length)
{
    // on_message_complete pauses the parser so that feed() returns after each message.
    if (HTTP_PARSER_ERRNO(&m_parser) == HPE_PAUSED) {
        http_parser_pause(&m_parser, 0);
    }
    m_completed = false;
    const std::size_t consumed = http_parser_execute(&m_parser, &m_settings, data, length);
    m_requests = nullptr;
    m_responses = nullptr;
    const http_errno err = HTTP_PARSER_ERRNO(&m_parser);
    if (err != HPE_OK && err != HPE_PAUSED) {
        errorFromParser();
        m_terminal = FeedStatus::Error;
        return {consumed, FeedStatus::Error};
    }
    if (m_completed) {
        m_closed = m_closeAfterMessage;
        if (m_parser.upgrade) {
            m_terminal = FeedStatus::Upgraded;
            return {consumed, FeedStatus::Upgraded};
        }
        return {consumed, FeedStatus::MessageComplete};
    }
    return {consumed, FeedStatus::NeedMore};
}

int ParserCore::fail(int status, std::string reason)
{
    m_error = {m_isRequest ? status : 502, std::move(reason)};
    return -1;
}

void ParserCore::errorFromParser()
{
    if (!m_error.reason.empty()) {
        return; // one of our callbacks failed and said why
    }
    const http_errno err = HTTP_PARSER_ERRNO(&m_parser);
    int status = 400;
    std::string reason;
    switch (err) {
    case HPE_HEADER_OVERFLOW:
        status = 431;
        reason = "header section too large";
        break;
    case HPE_INVALID_CONTENT_LENGTH:
        reason = "invalid Content-Length";
        break;
    case HPE_UNEXPECTED_CONTENT_LENGTH:
        reason = "repeated Content-Length, or Content-Length with Transfer-Encoding";
        break;
    case HPE_INVALID_TRANSFER_ENCODING:
        status = 501;
        reason = "unsupported Transfer-Encoding (only chunked is)";
        break;
    case HPE_INVALID_CHUNK_SIZE:
        reason = "invalid chunk size";
        break;
    case HPE_INVALID_METHOD:
        reason = "invalid or unknown method";
        break;
    case HPE_INVALID_VERSION:
        reason = "invalid HTTP version";
        break;
    case HPE_INVALID_EOF_STATE:
        reason = "connection closed in the middle of a message";
        break;
    case HPE_CLOSED_CONNECTION:
        reason = "data after a message that closed the connection";
        break;
    default:
        reason = http_errno_description(err);
        break;
    }
    fail(status, std::move(reason));
}

bool ParserCore::countHeaderBytes(std::size_t length)
{
    m_headerBytes += length;
    if (m_headerBytes > m_limits.maxHeaderBytes) {
        fail(431, m_headDelivered ? "trailer section too large" : "header section too large");
        return false;
    }
    return true;
}

int ParserCore::onMessageBegin(http_parser *parser)
{
    ParserCore *self = core(parser);
    self->m_inMessage = true;
    self->m_headDelivered = false;
    self->m_lastWasValue = false;
    self->m_target.clear();
    self->m_reason.clear();
    self->m_headers.fields.clear();
    self->m_headerBytes = 0;
    self->m_bodyBytes = 0;
    self->m_closeAfterMessage = false;
    return 0;
}

int ParserCore::onUrl(http_parser *parser, const char *at, std::size_t length)
{
    ParserCore *self = core(parser);
    if (!self->countHeaderBytes(length)) {
        return -1;
    }
    self->m_target.append(at, length);
    return 0;
}

int ParserCore::onStatus(http_parser *parser, const char *at, std::size_t length)
{
    ParserCore *self = core(parser);
    if (!self->countHeaderBytes(length)) {
        return -1;
    }
    self->m_reason.append(at, length);
    return 0;
}

int ParserCore::onHeaderField(http_parser *parser, const char *at, std::size_t length)
{
    ParserCore *self = core(parser);
    if (!self->countHeaderBytes(length)) {
        return -1;
    }
    Headers &headers = self->m_headers;
    if (headers.fields.empty() || self->m_lastWasValue) {
        if (headers.fields.size() >= self->m_limits.maxHeaderCount) {
            return self->fail(431, self->m_headDelivered ? "too many trailer fields"
                                                         : "too many header fields");
        }
        if (headers.fields.capacity() == 0) {
            headers.fields.reserve(16); // one allocation per head instead of growing 1, 2, 4, 8
        }
        headers.fields.emplace_back();
        self->m_lastWasValue = false;
    }
    headers.fields.back().name.append(at, length);
    return 0;
}

int ParserCore::onHeaderValue(http_parser *parser, const char *at, std::size_t length)
{
    ParserCore *self = core(parser);
    if (!self->countHeaderBytes(length)) {
        return -1;
    }
    if (self->m_headers.fields.empty()) {
        return self->fail(400, "header value without a name");
    }
    self->m_headers.fields.back().value.append(at, length);
    self->m_lastWasValue = true;
    return 0;
}

int ParserCore::onHeadersComplete(http_parser *parser)
{
    return core(parser)->headersComplete();
}

int ParserCore::headersComplete()
{
    trimValues(m_headers);
    m_headDelivered = true;
    const int result = m_isRequest ? requestHeadComplete() : responseHeadComplete();
    // Trailers (if any) are collected afresh; their bytes count against the same limit.
    m_headers.fields.clear();
    m_lastWasValue = false;
    m_headerBytes = 0;
    return result;
}

int ParserCore::checkFraming(const Headers &headers, int badStatus)
{
    // One pass over the fields for both framing names (this runs for every head, requests and
    // responses): the names are told apart by length before any comparison.
    std::size_t contentLengths = 0;
    std::size_t transferEncodings = 0;
    const HeaderField *firstTransferEncoding = nullptr;
    for (const HeaderField &field : headers.fields) {
        if (field.name.size() == 14 && equalsIgnoreCase(field.name, "Content-Length")) {
            ++contentLengths;
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
                                                      : *headers.joined("Transfer-Encoding");
        if (!equalsIgnoreCase(trimOws(te), "chunked")) {
            return fail(badStatus, "unsupported Transfer-Encoding: " + te);
        }
    }
    if (contentLengths > 1) {
        return fail(400, "repeated Content-Length");
    }
    // The framing must be the one http-parser will apply, or the head we hand out would lie
    // about the body (its header matching differs from ours at the edges, e.g. "chunked\t"
    // before a bare LF): refuse rather than disagree.
    if ((transferEncodings > 0) != ((m_parser.flags & F_CHUNKED) != 0)) {
        return fail(400, "Transfer-Encoding not understood");
    }
    if ((contentLengths > 0) != ((m_parser.flags & F_CONTENTLENGTH) != 0)) {
        return fail(400, "Content-Length not understood");
    }
    if ((m_parser.flags & F_CONTENTLENGTH) != 0
        && m_parser.content_length > m_limits.maxBodyBytes) {
        return fail(413, "Content-Length " + std::to_string(m_parser.content_length)
                             + " exceeds the body limit of "
                             + std::to_string(m_limits.maxBodyBytes));
    }
    return 0;
}

int ParserCore::requestHeadComplete()
{
    RequestHead head;
    head.method = http_method_str(static_cast<http_method>(m_parser.method));
    head.target = std::move(m_target);
    head.versionMajor = m_parser.http_major;
    head.versionMinor = m_parser.http_minor;
    if (head.versionMajor != 1) {
        return fail(505, "HTTP version " + std::to_string(head.versionMajor) + "."
                             + std::to_string(head.versionMinor) + " not supported");
    }
    if (const int failed = checkFraming(m_headers, 501); failed != 0) {
        return failed;
    }
    const std::size_t hosts = countOf(m_headers, "Host");
    if (hosts > 1 || (hosts == 0 && head.versionMinor >= 1)) {
        // RFC 9112 3.2: a 1.1 request without exactly one Host is rejected; routing needs it.
        return fail(400, hosts == 0 ? "missing Host header" : "repeated Host header");
    }
    head.keepAlive = http_should_keep_alive(&m_parser) != 0;
    m_closeAfterMessage = !head.keepAlive;
    head.chunked = (m_parser.flags & F_CHUNKED) != 0;
    if ((m_parser.flags & F_CONTENTLENGTH) != 0) {
        head.contentLength = m_parser.content_length;
    }
    const std::optional<std::string> expect = m_headers.joined("Expect");
    head.expectContinue = head.versionMinor >= 1 && expect
                          && equalsIgnoreCase(trimOws(*expect), "100-continue");
    head.upgrade = m_parser.upgrade != 0;
    head.headers = std::move(m_headers);
    if (m_requests != nullptr) {
        m_requests->onHead(std::move(head));
    }
    return 0;
}

int ParserCore::responseHeadComplete()
{
    ResponseHead head;
    head.status = static_cast<int>(m_parser.status_code);
    head.reason = std::move(m_reason);
    for (char &c : head.reason) {
        if (c == '\r' || c == '\n' || c == '\0') {
            c = ' '; // as field values: never hand a line end or NUL onwards
        }
    }
    head.versionMajor = m_parser.http_major;
    head.versionMinor = m_parser.http_minor;
    if (head.status < 100 || head.status > 999) {
        return fail(502, "invalid status code " + std::to_string(head.status)); // RFC 9110 15
    }
    if (head.versionMajor != 1) {
        return fail(502, "HTTP version " + std::to_string(head.versionMajor) + "."
                             + std::to_string(head.versionMinor) + " not supported");
    }
    if (const int failed = checkFraming(m_headers, 502); failed != 0) {
        return failed;
    }
    const bool isHead = m_requestMethod == "HEAD";
    const bool tunnel = (m_requestMethod == "CONNECT" && head.status / 100 == 2)
                        || head.status == 101;
    head.chunked = (m_parser.flags & F_CHUNKED) != 0;
    if ((m_parser.flags & F_CONTENTLENGTH) != 0) {
        head.contentLength = m_parser.content_length;
    }
    head.hasBody = !isHead && !tunnel && head.status >= 200 && head.status != 204
                   && head.status != 304;
    head.closeDelimited = head.hasBody && !head.chunked && !head.contentLength;
    head.keepAlive = http_should_keep_alive(&m_parser) != 0 && !head.closeDelimited && !tunnel;
    m_closeAfterMessage = !head.keepAlive;
    head.headers = std::move(m_headers);
    if (m_responses != nullptr) {
        m_responses->onHead(std::move(head));
    }
    // The field vector comes back for the next head (or the trailers): no allocation per
    // response. (Empty when the handler moved it away: then it is allocated again.)
    m_headers = std::move(head.headers);
    m_headers.fields.clear();
    if (tunnel) {
        return 2; // no body, and no more HTTP/1 on this connection
    }
    // http-parser would read a body announced by Content-Length on a 304 or 204; RFC 9112 6.3
    // says these never have one.
    return head.hasBody ? 0 : 1;
}

int ParserCore::onBody(http_parser *parser, const char *at, std::size_t length)
{
    ParserCore *self = core(parser);
    self->m_bodyBytes += length;
    if (self->m_bodyBytes > self->m_limits.maxBodyBytes) {
        return self->fail(413, "body exceeds the limit of "
                                   + std::to_string(self->m_limits.maxBodyBytes) + " bytes");
    }
    const std::string_view chunk(at, length);
    if (self->m_requests != nullptr) {
        self->m_requests->onBody(chunk);
    } else if (self->m_responses != nullptr) {
        self->m_responses->onBody(chunk);
    }
    return 0;
}

int ParserCore::onMessageComplete(http_parser *parser)
{
    ParserCore *self = core(parser);
    Headers trailers;
    if (!self->m_headers.fields.empty()) { // else the vector stays for the next head
        trailers = std::move(self->m_headers);
        trimValues(trailers);
        self->m_headers.fields.clear();
    }
    self->m_inMessage = false;
    self->m_completed = true;
    if (self->m_requests != nullptr) {
        self->m_requests->onComplete(std::move(trailers));
    } else if (self->m_responses != nullptr) {
        self->m_responses->onComplete(std::move(trailers));
    }
    http_parser_pause(parser, 1);
    return 0;
}

} // namespace Torii::Http::Internal
