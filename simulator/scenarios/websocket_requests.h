#pragma once

// The request half for protocol websocket (HTTPRouteBackendProtocolWebSocket; README "Request
// cases": `request.protocol: websocket`, `request.messages`, `expect.echoedMessages`), sent as
// the suite's Go test does (golang.org/x/net/websocket): the opening handshake to the listener
// (ws://, or wss:// when the listener is HTTPS, trusting the setup's certificates as for
// protocol https), then each message sent and its echo awaited before the next, then the
// closing handshake (not judged: the suite closes without checking it).
//
// Judged like an HTTP response first (request_checks.h): the handshake answer's status must be
// one of expect.status (default 101 for protocol websocket); a 200/204 answer is compared field
// by field as for HTTP. On 101 the handshake must be valid (Sec-WebSocket-Accept), and with
// `echoedMessages: true` every message must come back unchanged, same type (text or binary) and
// bytes. A failure says what differed: the status (with the answer's body when the handshake was
// refused), the message sent and what came back, or that the server closed early.
// `repeat: N`: N conversations, each must pass. One attempt per item (request_runner.h).
// Thread: the caller's.

#include "http_exchange.h"
#include "request_case.h"
#include "status_assertions.h"

#include <QtCore/QtGlobal>

namespace Torii::Scenarios {

// `tls`: the client's TLS options for a wss:// connection; null for ws://.
CheckResult runWebSocketRequest(const RequestCase &item, quint16 port, const TlsClientOptions *tls);

} // namespace Torii::Scenarios
