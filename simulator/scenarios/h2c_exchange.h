#pragma once

// One blocking HTTP/2 cleartext exchange with prior knowledge (no TLS, no HTTP/1.1 Upgrade) with
// a server on 127.0.0.1, for request items with protocol h2c (HTTPRouteBackendProtocolH2C): a new
// connection, the client preface, one request stream, the whole response, then close — as
// http_exchange.h does for HTTP/1.1, so the same checks (request_checks.h) read the result.
// The framing is nghttp2's client session. The request's Host becomes :authority; connection-
// specific fields (Connection, Keep-Alive, Transfer-Encoding, Upgrade) are not sent.
// h2Exchange is the same over TLS (an HTTPS listener's HTTP/2, as `toriictl load`'s h2 lines
// send it): TLS with the given client context (which must offer ALPN h2), SNI `serverName`, the
// peer checked by the context; a server that does not select h2 fails the handshake.
// Thread: any thread; no event loop.

#include "http_exchange.h"

namespace Torii::Scenarios {

// `head.headers`' Host (else 127.0.0.1:port) is the :authority; `timeout` bounds the whole
// exchange. The result's head has version 2.0.
HttpExchangeResult h2cExchange(quint16 port, const Http::RequestHead &head, const std::string &body,
                               std::chrono::milliseconds timeout);
HttpExchangeResult h2Exchange(quint16 port, const Http::RequestHead &head, const std::string &body,
                              std::chrono::milliseconds timeout, const Tls::ClientContext &tls,
                              const std::string &serverName);

} // namespace Torii::Scenarios
