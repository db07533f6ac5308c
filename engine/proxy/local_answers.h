#pragma once

// The answers the gateway makes itself (404, 500, 502, 503, 504, redirects, the codec's 4xx/5xx),
// serialized as complete HTTP/1.1 responses with a short text/plain body that says why, so a
// learner reading the response understands which route, rule and backend decided it. Pure.

#include "engine/http/http1_codec.h"
#include "engine/routetable/route_table.h"

#include <string>

namespace Torii::Proxy::Internal {

struct LocalAnswer
{
    int status = 500;
    std::string explanation; // the body (one or two lines, ends with '\n')
    Http::Headers headers;   // extra fields, e.g. Location
};

// Serializes `answer`: status line, Content-Type text/plain, Content-Length, the extra headers,
// "Connection: close" when `close`, then the body unless `headRequest` (HEAD: no body).
std::string serializeLocalAnswer(const LocalAnswer &answer, bool close, bool headRequest);

// "HTTPRoute default/web rule 0 (\"name\") match 1": the row, as a learner finds it in YAML.
std::string describeRoute(const RouteTable::RouteSource &source);

} // namespace Torii::Proxy::Internal
