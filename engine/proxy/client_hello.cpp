#include "client_hello.h"

#include <cstdint>

namespace Torii::Proxy {

namespace {

constexpr std::uint8_t kRecordHandshake = 22;
constexpr std::uint8_t kHandshakeClientHello = 1;
constexpr std::size_t kRecordHeader = 5;
constexpr std::size_t kMaxRecordPayload = 16384 + 2048; // TLSCiphertext's bound; plaintext is less
constexpr std::uint16_t kExtensionServerName = 0;
constexpr std::uint8_t kNameTypeHostName = 0;

// A cursor over a byte range that never reads past its end.
class Reader
{
public:
    explicit Reader(std::string_view bytes)
        : m_bytes(bytes)
    {}
    bool u8(std::uint8_t *out)
    {
        if (m_pos + 1 > m_bytes.size()) {
            return false;
        }
        *out = std::uint8_t(m_bytes[m_pos++]);
        return true;
    }
    bool u16(std::uint16_t *out)
    {
        if (m_pos + 2 > m_bytes.size()) {
            return false;
        }
        *out = std::uint16_t(std::uint8_t(m_bytes[m_pos]) << 8 | std::uint8_t(m_bytes[m_pos + 1]));
        m_pos += 2;
        return true;
    }
    bool skip(std::size_t count)
    {
        if (count > m_bytes.size() - m_pos) {
            return false;
        }
        m_pos += count;
        return true;
    }
    bool take(std::size_t count, std::string_view *out)
    {
        if (count > m_bytes.size() - m_pos) {
            return false;
        }
        *out = m_bytes.substr(m_pos, count);
        m_pos += count;
        return true;
    }
    std::size_t remaining() const { return m_bytes.size() - m_pos; }

private:
    std::string_view m_bytes;
    std::size_t m_pos = 0;
};

ClientHelloResult invalid(const char *why)
{
    ClientHelloResult r;
    r.status = ClientHelloResult::Status::Invalid;
    r.error = why;
    return r;
}

// A DNS name as SNI carries it (RFC 6066: ASCII, no trailing dot); lower-cased.
bool validHostName(std::string_view name, std::string *out)
{
    if (name.empty() || name.size() > 255) {
        return false;
    }
    out->clear();
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) {
            return false;
        }
        out->push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    }
    return true;
}

// The body of a complete ClientHello handshake message.
ClientHelloResult parseBody(std::string_view body)
{
    Reader r(body);
    std::uint16_t version = 0;
    std::uint8_t sessionLength = 0;
    std::uint16_t suitesLength = 0;
    std::uint8_t compressionLength = 0;
    if (!r.u16(&version) || !r.skip(32) || !r.u8(&sessionLength) || sessionLength > 32 ||
        !r.skip(sessionLength) || !r.u16(&suitesLength) || suitesLength < 2 ||
        suitesLength % 2 != 0 || !r.skip(suitesLength) || !r.u8(&compressionLength) ||
        compressionLength < 1 || !r.skip(compressionLength)) {
        return invalid("malformed ClientHello");
    }
    if ((version >> 8) != 3) {
        return invalid("unsupported TLS version in ClientHello");
    }
    ClientHelloResult result;
    result.status = ClientHelloResult::Status::Complete;
    if (r.remaining() == 0) {
        return result; // no extensions: no SNI
    }
    std::uint16_t extensionsLength = 0;
    std::string_view extensions;
    if (!r.u16(&extensionsLength) || !r.take(extensionsLength, &extensions) ||
        r.remaining() != 0) {
        return invalid("malformed ClientHello extensions");
    }
    Reader e(extensions);
    bool seenServerName = false;
    while (e.remaining() > 0) {
        std::uint16_t type = 0;
        std::uint16_t length = 0;
        std::string_view data;
        if (!e.u16(&type) || !e.u16(&length) || !e.take(length, &data)) {
            return invalid("malformed ClientHello extension");
        }
        if (type != kExtensionServerName) {
            continue;
        }
        if (seenServerName) {
            return invalid("duplicate server_name extension");
        }
        seenServerName = true;
        Reader s(data);
        std::uint16_t listLength = 0;
        std::string_view list;
        if (!s.u16(&listLength) || !s.take(listLength, &list) || s.remaining() != 0 ||
            listLength == 0) {
            return invalid("malformed server_name extension");
        }
        Reader l(list);
        while (l.remaining() > 0) {
            std::uint8_t nameType = 0;
            std::uint16_t nameLength = 0;
            std::string_view name;
            if (!l.u8(&nameType) || !l.u16(&nameLength) || !l.take(nameLength, &name)) {
                return invalid("malformed server_name extension");
            }
            if (nameType == kNameTypeHostName && result.serverName.empty()) {
                if (!validHostName(name, &result.serverName)) {
                    return invalid("invalid host name in server_name extension");
                }
            }
        }
    }
    return result;
}

} // namespace

ClientHelloResult parseClientHello(std::string_view bytes)
{
    // Gather the handshake bytes from consecutive records, then read the message once whole.
    std::string handshake;
    std::size_t pos = 0;
    while (true) {
        if (bytes.size() - pos < kRecordHeader) {
            // A partial header: check what is there already, so garbage fails early.
            if (pos < bytes.size() && std::uint8_t(bytes[pos]) != kRecordHandshake) {
                return invalid("not a TLS handshake record");
            }
            if (pos + 1 < bytes.size() && std::uint8_t(bytes[pos + 1]) != 3) {
                return invalid("not a TLS record version");
            }
            return {};
        }
        if (std::uint8_t(bytes[pos]) != kRecordHandshake) {
            return invalid("not a TLS handshake record");
        }
        if (std::uint8_t(bytes[pos + 1]) != 3) {
            return invalid("not a TLS record version");
        }
        const std::size_t length =
            std::size_t(std::uint8_t(bytes[pos + 3])) << 8 | std::uint8_t(bytes[pos + 4]);
        if (length == 0 || length > kMaxRecordPayload) {
            return invalid("TLS record length out of range");
        }
        if (bytes.size() - pos - kRecordHeader < length) {
            // Check the handshake header early when it is there.
            handshake.append(bytes.substr(pos + kRecordHeader));
        } else {
            handshake.append(bytes.substr(pos + kRecordHeader, length));
        }
        if (!handshake.empty() && std::uint8_t(handshake[0]) != kHandshakeClientHello) {
            return invalid("the first handshake message is not a ClientHello");
        }
        if (handshake.size() >= 4) {
            const std::size_t messageLength = std::size_t(std::uint8_t(handshake[1])) << 16 |
                                              std::size_t(std::uint8_t(handshake[2])) << 8 |
                                              std::uint8_t(handshake[3]);
            if (messageLength + 4 > kMaxClientHello) {
                return invalid("ClientHello too large");
            }
            if (handshake.size() >= messageLength + 4) {
                return parseBody(std::string_view(handshake).substr(4, messageLength));
            }
        }
        if (bytes.size() - pos - kRecordHeader < length) {
            return {}; // the record is not whole yet
        }
        pos += kRecordHeader + length;
        if (pos > kMaxClientHello + 4 * kRecordHeader) {
            return invalid("ClientHello too large");
        }
    }
}

} // namespace Torii::Proxy
