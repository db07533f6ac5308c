#pragma once

// The connection a request-half client runs over, shared by the HTTP/1.1 exchange
// (http_exchange.h) and the WebSocket client (websocket_client.h): plain TCP to 127.0.0.1
// (QTcpSocket's blocking calls) or TLS over a non-blocking socket waited on with poll(), as
// http_exchange.h describes; every step is bounded by the caller's deadline. Also the reading of
// one HTTP/1.1 response with the shared codec (engine/http), so both clients read a head alike.
//
// Thread: any thread; no event loop needed. A TLS stream is used with a Tls::SigpipeBlock alive
// on the same thread (engine/tls/client_context.h says why).

#include "http_exchange.h"

#include <QtCore/QElapsedTimer>

#include <chrono>
#include <memory>
#include <string>

namespace Torii::Scenarios {

class ClientStream
{
public:
    enum class Read { Data, Closed, Idle, Error };
    virtual ~ClientStream() = default;
    virtual bool write(const std::string &data, int timeoutMs, std::string *error) = 0;
    // Appends what arrives within `timeoutMs` to `out`; Idle when nothing did.
    virtual Read read(std::string &out, int timeoutMs, std::string *error) = 0;
};

// Connects to 127.0.0.1:`port`, with a TLS handshake when `tls` is given (result->tls is then set).
// Null on failure, with result->error, connectionFailed and peerSpokePlainText set.
std::unique_ptr<ClientStream> connectClientStream(quint16 port, const TlsClientOptions *tls,
                                                  const QElapsedTimer &timer,
                                                  std::chrono::milliseconds timeout,
                                                  HttpExchangeResult *result);

// Reads the response to the request just written (`method`: that request's), until it is
// complete or the deadline passes: result->ok with head and body, or result->error (and
// connectionFailed when no byte of a response came). A response that switched protocols (101)
// ends at its head; the bytes after it go to `rest` when given.
void readResponse(ClientStream &stream, const std::string &method, const QElapsedTimer &timer,
                  std::chrono::milliseconds timeout, HttpExchangeResult *result,
                  std::string *rest = nullptr);

} // namespace Torii::Scenarios
