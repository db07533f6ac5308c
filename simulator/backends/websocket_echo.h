#pragma once

// The echo server's /ws endpoint (../shared/conformance/README.md: "WebSocket endpoint that
// sends every received frame back unchanged"), as pure logic an EchoConnection drives: the
// RFC 6455 opening handshake's answer, then frames echoed one by one with their FIN bit, opcode
// and payload kept (unmasked, as a server must send them). A close frame is echoed and ends the
// conversation (the connection then closes). Frames may arrive split anywhere; the framing is
// websocket_frame.h's, shared with the route-test runner's WebSocket client.
//
// Thread: pure; one WebSocketEcho per connection, used by that connection's thread only.

#include "websocket_frame.h"

#include "engine/http/http1_codec.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace Torii::Backends::Internal {

class WebSocketEcho
{
public:
    // Largest frame payload echoed (a larger frame ends the conversation: the mock never holds
    // more than this per connection).
    static constexpr std::size_t kMaxPayload = 16u << 20;

    // The "101 Switching Protocols" answer for a WebSocket opening handshake (GET with
    // "Upgrade: websocket", "Connection: Upgrade", Sec-WebSocket-Key, Sec-WebSocket-Version 13),
    // or nullopt when `head` is not one.
    static std::optional<std::string> handshakeAnswer(const Http::RequestHead &head);
    // RFC 6455 4.2.2: base64(SHA-1(key + the GUID)) (webSocketAcceptFor).
    static std::string acceptFor(std::string_view key);

    // Bytes from the client; returns the frames to send back (possibly none yet).
    std::string feed(std::string_view bytes);
    // A close frame was echoed, or the client sent something that is not a frame we accept.
    bool ended() const { return m_ended; }

private:
    WebSocketFrameDecoder m_decoder{kMaxPayload};
    bool m_ended = false;
};

} // namespace Torii::Backends::Internal
