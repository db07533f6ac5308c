#pragma once

// The one place that includes <http_parser.h>: drives http-parser and applies Torii's policy
// (limits, smuggling rules, error statuses). Shared by RequestParser and ResponseParser.

#include "engine/http/http1_codec.h"

#include <http_parser.h>

namespace Torii::Http::Internal {

class ParserCore
{
public:
    ParserCore(http_parser_type type, Limits limits);

    FeedResult feed(std::string_view data, RequestHandler *requests, ResponseHandler *responses);
    FeedResult finish(RequestHandler *requests, ResponseHandler *responses);
    bool idle() const { return !m_inMessage && m_terminal == FeedStatus::NeedMore; }
    const Error &error() const { return m_error; }
    void setRequestMethod(std::string_view method) { m_requestMethod = method; }

private:
    static int onMessageBegin(http_parser *parser);
    static int onUrl(http_parser *parser, const char *at, std::size_t length);
    static int onStatus(http_parser *parser, const char *at, std::size_t length);
    static int onHeaderField(http_parser *parser, const char *at, std::size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, std::size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, std::size_t length);
    static int onMessageComplete(http_parser *parser);

    FeedResult run(const char *data, std::size_t length);
    int fail(int status, std::string reason);
    bool countHeaderBytes(std::size_t length);
    int headersComplete();
    int requestHeadComplete();
    int responseHeadComplete();
    // 0 if the framing headers are acceptable, else fail()'s result.
    int checkFraming(const Headers &headers, int badStatus);
    void errorFromParser();

    http_parser m_parser{};
    http_parser_settings m_settings{};
    Limits m_limits;
    bool m_isRequest;

    RequestHandler *m_requests = nullptr;   // Not owned; set during feed().
    ResponseHandler *m_responses = nullptr; // Not owned; set during feed().
    std::string m_requestMethod = "GET";

    // The message being read.
    bool m_inMessage = false;
    bool m_headDelivered = false;
    bool m_lastWasValue = false;
    bool m_completed = false;
    std::string m_target;
    std::string m_reason;
    Headers m_headers;  // the head's fields, then (after the head) the trailers
    std::size_t m_headerBytes = 0;
    std::uint64_t m_bodyBytes = 0;

    bool m_closeAfterMessage = false; // the message being read ends the connection
    bool m_closed = false;            // such a message ended: no more input is valid
    FeedStatus m_terminal = FeedStatus::NeedMore; // Error or Upgraded once the parser is done
    Error m_error;
};

} // namespace Torii::Http::Internal
