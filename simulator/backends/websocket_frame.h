#pragma once

// RFC 6455 section 5 framing and the opening handshake's key derivation (4.2.2), one codec for both
// ends the simulator plays: the echo backend's /ws endpoint (websocket_echo.h: reads masked client
// frames, writes them back unmasked) and the route-test runner's WebSocket client
// (simulator/scenarios/websocket_client.h: writes masked frames, reads the server's). The codec
// only frames: which frames an end accepts (masking, reserved bits, control frame rules, fragments)
// is that end's policy.
//
// Thread: pure; one decoder per connection.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace Torii::Backends {

struct WebSocketFrame
{
    enum Opcode : std::uint8_t {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xa,
    };

    bool fin = true;
    std::uint8_t rsv = 0; // RSV1..RSV3 as on the wire (bits 0x70 of the first byte)
    std::uint8_t opcode = Text;
    bool masked = false; // as received; encodeWebSocketFrame masks when given a key
    std::string payload; // unmasked

    bool isControl() const { return (opcode & 0x8) != 0; }
};

// Sec-WebSocket-Accept for a Sec-WebSocket-Key: base64(SHA-1(key + the RFC's GUID)).
std::string webSocketAcceptFor(std::string_view key);

// A whole data message (one frame, or several joined), as an application sends or receives it.
struct WebSocketMessage
{
    bool binary = false; // else text
    std::string data;

    bool operator==(const WebSocketMessage &) const = default;
};

using WebSocketMaskKey = std::array<std::uint8_t, 4>;

// The frame on the wire; with `maskKey` the payload is masked with it (a client's frames,
// RFC 6455 5.3), without it the frame is sent unmasked (a server's).
std::string encodeWebSocketFrame(const WebSocketFrame &frame,
                                 const WebSocketMaskKey *maskKey = nullptr);

// Splits a byte stream into frames; bytes may arrive split anywhere.
class WebSocketFrameDecoder
{
public:
    enum class Status {
        Frame,    // `frame` holds the next frame, taken out of the buffer
        NeedMore, // no complete frame buffered yet
        TooLarge, // the next frame announces a payload over the limit: the stream is unusable
    };

    explicit WebSocketFrameDecoder(std::size_t maxPayload)
        : m_maxPayload(maxPayload)
    {}

    void feed(std::string_view bytes) { m_buffer.append(bytes); }
    Status next(WebSocketFrame &frame);
    std::size_t buffered() const { return m_buffer.size() - m_start; }

private:
    std::size_t m_maxPayload;
    std::string m_buffer;
    std::size_t m_start = 0; // bytes of m_buffer already decoded (erased lazily)
};

} // namespace Torii::Backends
