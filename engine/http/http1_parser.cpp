#include "engine/http/http1_codec.h"

#include "engine/http/parser_core.h"

namespace Torii::Http {

RequestParser::RequestParser(Limits limits)
    : m_core(std::make_unique<Internal::ParserCore>(Internal::ParserCore::Kind::Request, limits))
{
}

RequestParser::~RequestParser() = default;

FeedResult RequestParser::feed(std::string_view data, RequestHandler &handler)
{
    return m_core->feed(data, &handler, nullptr);
}

FeedResult RequestParser::finish(RequestHandler &handler)
{
    return m_core->finish(&handler, nullptr);
}

bool RequestParser::idle() const
{
    return m_core->idle();
}

const Error &RequestParser::error() const
{
    return m_core->error();
}

ResponseParser::ResponseParser(Limits limits)
    : m_core(std::make_unique<Internal::ParserCore>(Internal::ParserCore::Kind::Response, limits))
{
}

ResponseParser::~ResponseParser() = default;

void ResponseParser::setRequestMethod(std::string_view method)
{
    m_core->setRequestMethod(method);
}

FeedResult ResponseParser::feed(std::string_view data, ResponseHandler &handler)
{
    return m_core->feed(data, nullptr, &handler);
}

FeedResult ResponseParser::finish(ResponseHandler &handler)
{
    return m_core->finish(nullptr, &handler);
}

bool ResponseParser::idle() const
{
    return m_core->idle();
}

const Error &ResponseParser::error() const
{
    return m_core->error();
}

} // namespace Torii::Http
