#include "websocket_echo.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <cstdint>

namespace Torii::Backends::Internal {

std::string WebSocketEcho::acceptFor(std::string_view key)
{
    const std::string text = std::string(key) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char *>(text.data()), text.size(), digest);
    unsigned char out[4 * ((SHA_DIGEST_LENGTH + 2) / 3) + 1];
    const int n = EVP_EncodeBlock(out, digest, SHA_DIGEST_LENGTH);
    return std::string(reinterpret_cast<const char *>(out), std::size_t(n));
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
    m_buffer.append(bytes);
    for (;;) {
        if (m_buffer.size() < 2) {
            break;
        }
        const auto byte = [&](std::size_t i) { return std::uint64_t(std::uint8_t(m_buffer[i])); };
        const bool masked = (byte(1) & 0x80) != 0;
        std::uint64_t length = byte(1) & 0x7f;
        std::size_t at = 2;
        if (length == 126) {
            if (m_buffer.size() < 4) {
                break;
            }
            length = (byte(2) << 8) | byte(3);
            at = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10) {
                break;
            }
            length = 0;
            for (std::size_t i = 2; i < 10; ++i) {
                length = (length << 8) | byte(i);
            }
            at = 10;
        }
        if (length > kMaxPayload) {
            m_ended = true; // 1009 "message too big" would be polite; the mock just ends
            m_buffer.clear();
            break;
        }
        const std::size_t maskAt = at;
        if (masked) {
            at += 4;
        }
        if (m_buffer.size() < at + length) {
            break;
        }
        const std::uint8_t first = std::uint8_t(m_buffer[0]);
        out.push_back(char(first));
        if (length < 126) {
            out.push_back(char(length));
        } else if (length < 65536) {
            out.push_back(char(126));
            out.push_back(char(length >> 8));
            out.push_back(char(length & 0xff));
        } else {
            out.push_back(char(127));
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.push_back(char((length >> shift) & 0xff));
            }
        }
        for (std::size_t i = 0; i < length; ++i) {
            const char c = m_buffer[at + i];
            out.push_back(masked ? char(c ^ m_buffer[maskAt + i % 4]) : c);
        }
        m_buffer.erase(0, at + std::size_t(length));
        if ((first & 0x0f) == 0x8) { // close: echoed, then the conversation is over
            m_ended = true;
            m_buffer.clear();
            break;
        }
    }
    return out;
}

} // namespace Torii::Backends::Internal
