#include "websocket_echo.h"

namespace Torii::Backends::Internal {

std::string WebSocketEcho::acceptFor(std::string_view key)
{
    return webSocketAcceptFor(key);
}

std::optional<std::string> WebSocketEcho::handshakeAnswer(const Http::RequestHead &head)
{
    const Http::HeaderField *key = head.headers.find("Sec-WebSocket-Key");
    const Http::HeaderField *version = head.headers.find("Sec-WebSocket-Version");
    if (head.method != "GET" || !head.headers.hasToken("Upgrade", "websocket") ||
        !head.headers.hasToken("Connection", "upgrade") || key == nullptr || key->value.empty() ||
        version == nullptr || version->value != "13") {
        return std::nullopt;
    }
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Accept: " +
           acceptFor(key->value) + "\r\n\r\n";
}

std::string WebSocketEcho::feed(std::string_view bytes)
{
    std::string out;
    if (m_ended) {
        return out;
    }
    m_decoder.feed(bytes);
    WebSocketFrame frame;
    for (;;) {
        const WebSocketFrameDecoder::Status status = m_decoder.next(frame);
        if (status == WebSocketFrameDecoder::Status::TooLarge) {
            m_ended = true; // 1009 "message too big" would be polite; the mock just ends
            break;
        }
        if (status == WebSocketFrameDecoder::Status::NeedMore) {
            break;
        }
        // Echoed as received (FIN, reserved bits, opcode, payload), unmasked as a server sends.
        out += encodeWebSocketFrame(frame);
        if (frame.opcode == WebSocketFrame::Close) { // echoed, then the conversation is over
            m_ended = true;
            break;
        }
    }
    return out;
}

} // namespace Torii::Backends::Internal
