#include "relayed_tls.h"

#include <openssl/ssl.h>

#include <map>
#include <mutex>

namespace Torii::Backends {

namespace {

struct Table
{
    std::mutex mutex;
    std::map<quint16, EchoTls> byPort;
};

Table &table()
{
    static Table instance;
    return instance;
}

} // namespace

EchoTls echoTlsOf(SSL *ssl)
{
    EchoTls out;
    out.version = QString::fromLatin1(SSL_get_version(ssl));
    const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    out.serverName = QString::fromLatin1(name ? name : "");
    const unsigned char *alpn = nullptr;
    unsigned alpnLength = 0;
    SSL_get0_alpn_selected(ssl, &alpn, &alpnLength);
    out.negotiatedProtocol =
        QString::fromLatin1(reinterpret_cast<const char *>(alpn), qsizetype(alpnLength));
    const SSL_CIPHER *cipher = SSL_get_current_cipher(ssl);
    const char *standard = cipher ? SSL_CIPHER_standard_name(cipher) : nullptr;
    out.cipherSuite = QString::fromLatin1(standard ? standard : "");
    return out;
}

void recordRelayedTls(quint16 relayPort, const EchoTls &tls)
{
    Table &t = table();
    std::lock_guard lock(t.mutex);
    t.byPort[relayPort] = tls;
}

void forgetRelayedTls(quint16 relayPort)
{
    Table &t = table();
    std::lock_guard lock(t.mutex);
    t.byPort.erase(relayPort);
}

std::optional<EchoTls> relayedTlsFor(quint16 peerPort)
{
    Table &t = table();
    std::lock_guard lock(t.mutex);
    const auto it = t.byPort.find(peerPort);
    if (it == t.byPort.end()) {
        return std::nullopt;
    }
    return it->second;
}

} // namespace Torii::Backends
