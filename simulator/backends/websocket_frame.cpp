#include "websocket_frame.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

namespace Torii::Backends {

std::string webSocketAcceptFor(std::string_view key)
{
    const std::string text = std::string(key) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char *>(text.data()), text.size(), digest);
    unsigned char out[4 * ((SHA_DIGEST_LENGTH + 2) / 3) + 1];
    const int n = EVP_EncodeBlock(out, digest, SHA_DIGEST_LENGTH);
    return std::string(reinterpret_cast<const char *>(out), std::size_t(n));
}

std::string encodeWebSocketFrame(const WebSocketFrame &frame, const WebSocketMaskKey *maskKey)
{
    const std::uint64_t length = frame.payload.size();
    std::string out;
    out.reserve(14 + frame.payload.size());
    out.push_back(char((frame.fin ? 0x80 : 0) | (frame.rsv & 0x70) | (frame.opcode & 0x0f)));
    const std::uint8_t maskBit = maskKey != nullptr ? 0x80 : 0;
    if (length < 126) {
        out.push_back(char(maskBit | length));
    } else if (length < 65536) {
        out.push_back(char(maskBit | 126));
        out.push_back(char(length >> 8));
        out.push_back(char(length & 0xff));
    } else {
        out.push_back(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.push_back(char((length >> shift) & 0xff));
        }
    }
    if (maskKey == nullptr) {
        out.append(frame.payload);
        return out;
    }
    out.append(reinterpret_cast<const char *>(maskKey->data()), maskKey->size());
    for (std::size_t i = 0; i < frame.payload.size(); ++i) {
        out.push_back(char(std::uint8_t(frame.payload[i]) ^ (*maskKey)[i % 4]));
    }
    return out;
}

WebSocketFrameDecoder::Status WebSocketFrameDecoder::next(WebSocketFrame &frame)
{
    const std::string_view data = std::string_view(m_buffer).substr(m_start);
    if (data.size() < 2) {
        return Status::NeedMore;
    }
    const auto byte = [&](std::size_t i) { return std::uint64_t(std::uint8_t(data[i])); };
    const bool masked = (byte(1) & 0x80) != 0;
    std::uint64_t length = byte(1) & 0x7f;
    std::size_t at = 2;
    if (length == 126) {
        if (data.size() < 4) {
            return Status::NeedMore;
        }
        length = (byte(2) << 8) | byte(3);
        at = 4;
    } else if (length == 127) {
        if (data.size() < 10) {
            return Status::NeedMore;
        }
        length = 0;
        for (std::size_t i = 2; i < 10; ++i) {
            length = (length << 8) | byte(i);
        }
        at = 10;
    }
    if (length > m_maxPayload) {
        return Status::TooLarge;
    }
    const std::size_t maskAt = at;
    if (masked) {
        at += 4;
    }
    if (data.size() < at + length) {
        return Status::NeedMore;
    }
    frame.fin = (byte(0) & 0x80) != 0;
    frame.rsv = std::uint8_t(byte(0) & 0x70);
    frame.opcode = std::uint8_t(byte(0) & 0x0f);
    frame.masked = masked;
    frame.payload.assign(data.substr(at, std::size_t(length)));
    if (masked) {
        for (std::size_t i = 0; i < frame.payload.size(); ++i) {
            frame.payload[i] = char(frame.payload[i] ^ data[maskAt + i % 4]);
        }
    }
    m_start += at + std::size_t(length);
    if (m_start == m_buffer.size()) {
        m_buffer.clear();
        m_start = 0;
    } else if (m_start > 65536 && m_start * 2 > m_buffer.size()) {
        m_buffer.erase(0, m_start); // keeps the buffer from growing with a long conversation
        m_start = 0;
    }
    return Status::Frame;
}

} // namespace Torii::Backends
