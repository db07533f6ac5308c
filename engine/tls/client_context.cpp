#include "client_context.h"

#include "hostname_match.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>

namespace Torii::Tls {

namespace {

std::string openSslError(const char *fallback)
{
    const unsigned long code = ERR_peek_last_error();
    ERR_clear_error();
    if (code == 0) {
        return fallback;
    }
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return buffer;
}

// Every PEM certificate of `pem`, added to `store`; the count.
int addCertificates(X509_STORE *store, const std::string &pem)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    int added = 0;
    while (X509 *cert = bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr) {
        if (X509_STORE_add_cert(store, cert) == 1) {
            ++added;
        }
        X509_free(cert);
    }
    ERR_clear_error(); // the end of the stream
    return added;
}

bool useClientCertificate(SSL_CTX *ctx, const ClientContextOptions &options, std::string *error)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> certBio(
        BIO_new_mem_buf(options.clientCertificate.data(),
                        static_cast<int>(options.clientCertificate.size())),
        BIO_free);
    X509 *leaf = PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr);
    if (leaf == nullptr || SSL_CTX_use_certificate(ctx, leaf) != 1) {
        X509_free(leaf);
        ERR_clear_error();
        *error = "the client certificate is not a PEM certificate";
        return false;
    }
    X509_free(leaf);
    while (X509 *extra = PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr)) {
        SSL_CTX_add0_chain_cert(ctx, extra);
    }
    ERR_clear_error();
    std::unique_ptr<BIO, decltype(&BIO_free)> keyBio(
        BIO_new_mem_buf(options.clientKey.data(), static_cast<int>(options.clientKey.size())),
        BIO_free);
    EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr);
    const bool ok = key != nullptr && SSL_CTX_use_PrivateKey(ctx, key) == 1 &&
                    SSL_CTX_check_private_key(ctx) == 1;
    EVP_PKEY_free(key);
    if (!ok) {
        ERR_clear_error();
        *error = "the client key does not belong to the client certificate";
    }
    return ok;
}


} // namespace

SigpipeBlock::SigpipeBlock()
{
    sigemptyset(&m_pipe);
    sigaddset(&m_pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
}

SigpipeBlock::~SigpipeBlock()
{
    const timespec zero{0, 0};
    while (sigtimedwait(&m_pipe, nullptr, &zero) > 0) {
    }
    pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
}

bool isIpLiteral(const std::string &name)
{
    unsigned char buffer[16];
    return inet_pton(AF_INET, name.c_str(), buffer) == 1 ||
           inet_pton(AF_INET6, name.c_str(), buffer) == 1;
}

std::shared_ptr<const ClientContext> ClientContext::create(const ClientContextOptions &options,
                                                           std::string *error)
{
    std::shared_ptr<ClientContext> out(new ClientContext());
    out->m_ctx = SSL_CTX_new(TLS_client_method());
    if (out->m_ctx == nullptr) {
        *error = openSslError("cannot make a TLS client context");
        return nullptr;
    }
    SSL_CTX *ctx = out->m_ctx;
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    // A write may be retried with the same bytes at another address (the caller's buffer moves).
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    out->m_verify = options.verify;
    if (options.verify) {
        X509_STORE *store = SSL_CTX_get_cert_store(ctx);
        for (const std::string &pem : options.trustedCertificates) {
            out->m_trusted += addCertificates(store, pem);
        }
        if (options.systemTrust && SSL_CTX_set_default_verify_paths(ctx) != 1) {
            *error = openSslError("cannot read the system's trusted certificates");
            return nullptr;
        }
        // Go trusts every certificate of its RootCAs pool as an anchor, CA or not.
        X509_STORE_set_flags(store, X509_V_FLAG_PARTIAL_CHAIN);
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    } else {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    }
    if (!options.clientCertificate.empty() && !useClientCertificate(ctx, options, error)) {
        return nullptr;
    }
    std::string wire;
    for (const std::string &protocol : options.alpn) {
        wire += static_cast<char>(protocol.size());
        wire += protocol;
    }
    if (!wire.empty()) {
        SSL_CTX_set_alpn_protos(ctx, reinterpret_cast<const unsigned char *>(wire.data()),
                                static_cast<unsigned int>(wire.size()));
    }
    return out;
}

ClientContext::~ClientContext()
{
    SSL_CTX_free(m_ctx);
}

SSL *ClientContext::newSession(int fd, const std::string &serverName) const
{
    SSL *ssl = SSL_new(m_ctx);
    if (ssl == nullptr) {
        ERR_clear_error();
        return nullptr;
    }
    SSL_set_fd(ssl, fd);
    SSL_set_connect_state(ssl);
    if (!serverName.empty() && !isIpLiteral(serverName)) {
        SSL_set_tlsext_host_name(ssl, serverName.c_str());
    }
    return ssl;
}

std::string ClientContext::checkPeer(SSL *ssl, const std::string &serverName, PeerInfo *info) const
{
    X509 *peer = SSL_get1_peer_certificate(ssl);
    std::vector<std::string> names;
    if (peer != nullptr) {
        names = dnsNamesOf(peer);
    }
    if (info != nullptr) {
        info->dnsNames = names;
        char cn[256] = {};
        if (peer != nullptr) {
            X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_commonName, cn, sizeof cn);
        }
        info->commonName = cn;
        info->version = SSL_get_version(ssl);
        const unsigned char *proto = nullptr;
        unsigned int protoLength = 0;
        SSL_get0_alpn_selected(ssl, &proto, &protoLength);
        info->alpn.assign(reinterpret_cast<const char *>(proto), protoLength);
    }
    bool nameOk = !m_verify || serverName.empty();
    if (!nameOk && peer != nullptr && isIpLiteral(serverName)) {
        nameOk = X509_check_ip_asc(peer, serverName.c_str(), 0) == 1;
    }
    for (const std::string &name : names) {
        nameOk = nameOk || certificateNameMatches(name, serverName);
    }
    X509_free(peer);
    if (nameOk) {
        return {};
    }
    std::string listed;
    for (const std::string &name : names) {
        listed += (listed.empty() ? "" : ", ") + name;
    }
    return "the server certificate is not valid for " + serverName + " (it names " +
           (listed.empty() ? std::string("no DNS name") : listed) + ")";
}

bool ClientContext::peerSpokePlainText()
{
    const int reason = ERR_GET_REASON(ERR_peek_last_error());
    return reason == SSL_R_WRONG_VERSION_NUMBER || reason == SSL_R_PACKET_LENGTH_TOO_LONG;
}

std::string ClientContext::failureReason(SSL *ssl, const char *fallback)
{
    const long verify = SSL_get_verify_result(ssl);
    if (verify != X509_V_OK) {
        ERR_clear_error();
        return std::string("the server certificate is not trusted: ") +
               X509_verify_cert_error_string(verify);
    }
    return openSslError(fallback);
}

std::vector<std::string> dnsNamesOf(X509 *cert)
{
    std::vector<std::string> out;
    auto *names = static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
    for (int i = 0; names != nullptr && i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, i);
        if (name->type == GEN_DNS) {
            out.emplace_back(reinterpret_cast<const char *>(ASN1_STRING_get0_data(name->d.dNSName)),
                             static_cast<std::size_t>(ASN1_STRING_length(name->d.dNSName)));
        }
    }
    GENERAL_NAMES_free(names);
    return out;
}

} // namespace Torii::Tls
