#pragma once

// One blocking HTTP/1.1 exchange with a server on 127.0.0.1, for the request half of the runner:
// connect, write the request (with "Connection: close": one request per connection, so no
// pooling can hide which endpoint answered), read the whole response with the shared codec
// (engine/http), close. Small and synchronous on purpose: the runner sends one request at a time.
//
// Thread: any thread; it needs no event loop (QTcpSocket's waitFor… calls).

#include "engine/http/http1_codec.h"

#include <QtCore/QtGlobal>

#include <chrono>
#include <string>

namespace Torii::Scenarios {

struct HttpExchangeResult
{
    bool ok = false;
    std::string error; // English, when !ok: connection refused, timeout, malformed response
    Http::ResponseHead head;
    std::string body;
};

// `head.headers` is sent as given; Host, Content-Length (when `body` is not empty) and
// Connection are added when absent. `timeout` bounds the whole exchange.
HttpExchangeResult exchange(quint16 port, Http::RequestHead head, const std::string &body,
                            std::chrono::milliseconds timeout);

} // namespace Torii::Scenarios
