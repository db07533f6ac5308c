#pragma once

// The route-test runner's WebSocket client (RFC 6455), over the same connection helpers as its
// HTTP/1.1 client (client_stream.h): plain TCP for ws://, TLS for wss://. One blocking
// conversation bounded by one deadline: the opening handshake (a fresh Sec-WebSocket-Key, the
// server's Sec-WebSocket-Accept checked), whole messages sent as single masked frames, messages
// received from one frame or several (continuation frames), pings answered with pongs, and the
// closing handshake. Framing is simulator/backends' codec (websocket_frame.h), the one the echo
// backend's /ws endpoint uses.
//
// What the client refuses from a server (error() says which, and the conversation is over):
// masked frames, reserved bits without an extension, unknown opcodes, fragmented or oversized
// (> 125 bytes) control frames, a continuation without a message to continue, a new message
// inside a fragmented one, and a message over kMaxMessage bytes.
//
// Thread: the caller's; blocking.

#include "client_stream.h"
#include "http_exchange.h"

#include "engine/tls/client_context.h"
#include "simulator/backends/websocket_frame.h"

#include <QtCore/QElapsedTimer>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace Torii::Scenarios {

using Backends::WebSocketMessage;

class WebSocketClient
{
public:
    static constexpr std::size_t kMaxMessage = 16u << 20; // as the echo backend's frame limit

    // `timeout` bounds the whole conversation, from open() to close().
    explicit WebSocketClient(std::chrono::milliseconds timeout);
    ~WebSocketClient();
    WebSocketClient(const WebSocketClient &) = delete;
    WebSocketClient &operator=(const WebSocketClient &) = delete;

    // Connects (TLS when `tls` is given) and sends the opening handshake: `head` (its target,
    // Host and extra headers) with the WebSocket headers added. `response` gets the answer as an
    // HTTP exchange: its head, and its body when the server did not switch protocols. True when
    // it answered 101 with the right Sec-WebSocket-Accept; otherwise error() says why (the
    // answer's status and body are in `response`).
    bool open(quint16 port, Http::RequestHead head, const TlsClientOptions *tls,
              HttpExchangeResult *response);

    bool send(const WebSocketMessage &message);
    // The next whole message; pings are answered and pongs skipped meanwhile. False when the
    // server closed (closedByPeer()), broke the protocol, or nothing came before the deadline.
    bool receive(WebSocketMessage *message);
    // The closing handshake: a close frame with status 1000, then the server's close awaited
    // (the data messages before it are dropped). True when the server's close came.
    bool close();

    const std::string &error() const { return m_error; }
    // The server sent a close frame; its status code (0 when it gave none).
    bool closedByPeer() const { return m_closedByPeer; }
    int closeCode() const { return m_closeCode; }

private:
    enum class Next { Frame, Closed, Failed };
    Next nextFrame(Backends::WebSocketFrame *frame);
    bool sendFrame(Backends::WebSocketFrame frame);
    int remaining() const;
    bool fail(std::string why);

    std::chrono::milliseconds m_timeout;
    QElapsedTimer m_timer;
    std::optional<Tls::SigpipeBlock> m_noSigpipe;
    std::unique_ptr<ClientStream> m_stream;
    Backends::WebSocketFrameDecoder m_decoder{kMaxMessage};
    std::string m_error;
    bool m_open = false;
    bool m_closeSent = false;
    bool m_closedByPeer = false;
    int m_closeCode = 0;
};

} // namespace Torii::Scenarios
