#pragma once

// One blocking HTTP/1.1 exchange with a server on 127.0.0.1, for the request half of the runner:
// connect, write the request (with "Connection: close": one request per connection, so no
// pooling can hide which endpoint answered), read the whole response with the shared codec
// (engine/http), close. Small and synchronous on purpose: the runner sends one request at a time.
//
// HTTPS: with TlsClientOptions the exchange speaks TLS first (engine/tls/client_context.h, shared
// with the load generator), as the conformance suite's Go client does
// (conformance/utils/roundtripper): TLS 1.2 or later, SNI = `serverName` unless it is an IP
// literal, ALPN http/1.1, the server's chain verified against `trustedCertificates`
// only (never the system store) and its name checked with Go's rules (Tls::certificateNameMatches:
// a wildcard stands for exactly one label), and the optional client certificate presented.
//
// The connection and the reading of the response are client_stream.h's, shared with the
// WebSocket client (websocket_client.h).
//
// Thread: any thread; it needs no event loop (QTcpSocket's waitFor… calls, or a blocking socket
// with timeouts for TLS).

#include "engine/http/http1_codec.h"
#include "engine/tls/client_context.h"

#include <QtCore/QtGlobal>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace Torii::Scenarios {

struct TlsClientOptions
{
    std::string serverName;                       // SNI and the name the certificate must carry
    std::vector<std::string> trustedCertificates; // PEM (each may hold several certificates)
    std::vector<std::string> alpn{"http/1.1"};
    std::string clientCertificate; // PEM chain presented when asked; "" = none
    std::string clientKey;         // PEM
};

// What the TLS handshake established, for expectations on the certificate served.
using TlsSessionInfo = Tls::PeerInfo;

struct HttpExchangeResult
{
    bool ok = false;
    std::string error; // English, when !ok: connection refused, timeout, malformed response
    // !ok because no HTTP exchange could start: the TCP connection or the TLS handshake
    // (including the server certificate check) failed, or the peer closed before any byte of a
    // response (a TLS 1.3 server rejecting the client certificate after the handshake).
    bool connectionFailed = false;
    Http::ResponseHead head;
    std::string body;
    std::optional<TlsSessionInfo>
        tls; // set when the exchange ran over TLS and the handshake passed
    // The server answered the TLS ClientHello with bytes that are not TLS (a plain HTTP
    // listener on the port): a gateway that does not terminate TLS, not a failed handshake.
    bool peerSpokePlainText = false;
};

// `head.headers` is sent as given; Host, Content-Length (when `body` is not empty) and
// Connection are added when absent. `timeout` bounds the whole exchange. `tls` null: plain TCP.
HttpExchangeResult exchange(quint16 port, Http::RequestHead head, const std::string &body,
                            std::chrono::milliseconds timeout,
                            const TlsClientOptions *tls = nullptr);

} // namespace Torii::Scenarios
