#pragma once

// Small OpenSSL helpers shared by the engine/tls tests: a blocking TLS handshake between a
// client and a server SSL_CTX over a socketpair, and certificate inspection.

#include "engine/tls/client_context.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <signal.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

namespace TlsTest {

struct X509Free
{
    void operator()(X509 *c) const { X509_free(c); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

inline X509Ptr readCertificate(const std::string &pem)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

inline std::string commonName(X509 *cert)
{
    char buffer[256] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, buffer, sizeof buffer);
    return buffer;
}

inline std::vector<std::string> dnsNames(X509 *cert)
{
    return Torii::Tls::dnsNamesOf(cert);
}

struct Handshake
{
    bool clientOk = false;
    bool serverOk = false;
    std::string presentedCommonName;
    int presentedChainLength = 0;
    long verifyResult = -1;
    std::string alpn;
    std::string clientError; // OpenSSL's reason text when the client failed
    bool clientCertificateAsked = false; // the server sent a CertificateRequest
};

struct ClientSettings
{
    ClientSettings(std::string serverName, std::vector<std::string> alpn = {},
                   std::string trustedCa = {}, int maxVersion = 0)
        : serverName(std::move(serverName))
        , alpn(std::move(alpn))
        , trustedCa(std::move(trustedCa))
        , maxVersion(maxVersion)
    {}
    std::string serverName;        // "" = no SNI
    std::vector<std::string> alpn; // offered
    std::string trustedCa;         // PEM; "" = no verification
    int maxVersion = 0;            // 0 = OpenSSL's maximum
    std::string clientCertificate; // PEM presented when asked; "" = none
    std::string clientKey;         // PEM
};

// Runs the handshake with the server on its own thread. `inspect` sees the server's SSL after
// its handshake (successful or not).
template<typename Inspect>
Handshake handshake(SSL_CTX *serverContext, const ClientSettings &settings, Inspect inspect)
{
    // A peer that closed makes OpenSSL's write() raise SIGPIPE; the tests judge return values.
    signal(SIGPIPE, SIG_IGN);
    int fds[2];
    Handshake result;
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) {
        return result;
    }
    std::thread server([&] {
        SSL *ssl = SSL_new(serverContext);
        SSL_set_fd(ssl, fds[1]);
        result.serverOk = SSL_accept(ssl) == 1;
        inspect(ssl);
        if (result.serverOk) {
            SSL_shutdown(ssl);
        }
        SSL_free(ssl);
        ::close(fds[1]);
    });
    SSL_CTX *clientContext = SSL_CTX_new(TLS_client_method());
    if (settings.maxVersion != 0) {
        SSL_CTX_set_min_proto_version(clientContext, TLS1_VERSION);
        SSL_CTX_set_max_proto_version(clientContext, settings.maxVersion);
        SSL_CTX_set_security_level(clientContext, 0);
        SSL_CTX_set_cipher_list(clientContext, "ALL:@SECLEVEL=0");
    }
    if (!settings.trustedCa.empty()) {
        X509Ptr ca = readCertificate(settings.trustedCa);
        X509_STORE_add_cert(SSL_CTX_get_cert_store(clientContext), ca.get());
        SSL_CTX_set_verify(clientContext, SSL_VERIFY_PEER, nullptr);
    }
    if (!settings.clientCertificate.empty()) {
        X509Ptr certificate = readCertificate(settings.clientCertificate);
        std::unique_ptr<BIO, decltype(&BIO_free)> keyBio(
            BIO_new_mem_buf(settings.clientKey.data(), static_cast<int>(settings.clientKey.size())),
            BIO_free);
        EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr);
        SSL_CTX_use_certificate(clientContext, certificate.get());
        SSL_CTX_use_PrivateKey(clientContext, key);
        EVP_PKEY_free(key);
    }
    // A client calls the certificate callback only when the server sent a CertificateRequest.
    SSL_CTX_set_cert_cb(
        clientContext,
        [](SSL *, void *asked) -> int {
            *static_cast<bool *>(asked) = true;
            return 1;
        },
        &result.clientCertificateAsked);
    SSL *ssl = SSL_new(clientContext);
    SSL_set_fd(ssl, fds[0]);
    if (!settings.serverName.empty()) {
        SSL_set_tlsext_host_name(ssl, settings.serverName.c_str());
    }
    std::string wire;
    for (const std::string &p : settings.alpn) {
        wire += static_cast<char>(p.size());
        wire += p;
    }
    if (!wire.empty()) {
        SSL_set_alpn_protos(ssl, reinterpret_cast<const unsigned char *>(wire.data()),
                            static_cast<unsigned int>(wire.size()));
    }
    result.clientOk = SSL_connect(ssl) == 1;
    if (result.clientOk) {
        X509 *peer = SSL_get1_peer_certificate(ssl);
        result.presentedCommonName = commonName(peer);
        X509_free(peer);
        result.presentedChainLength = sk_X509_num(SSL_get_peer_cert_chain(ssl));
        result.verifyResult = SSL_get_verify_result(ssl);
        const unsigned char *proto = nullptr;
        unsigned int length = 0;
        SSL_get0_alpn_selected(ssl, &proto, &length);
        result.alpn.assign(reinterpret_cast<const char *>(proto), length);
        SSL_shutdown(ssl);
    } else {
        char buffer[256];
        ERR_error_string_n(ERR_peek_last_error(), buffer, sizeof buffer);
        result.clientError = buffer;
    }
    ERR_clear_error();
    SSL_free(ssl);
    SSL_CTX_free(clientContext);
    ::shutdown(fds[0], SHUT_RDWR); // a failed server handshake must not wait for more bytes
    server.join();
    ::close(fds[0]);
    return result;
}

inline Handshake handshake(SSL_CTX *serverContext, const ClientSettings &settings)
{
    return handshake(serverContext, settings, [](SSL *) {});
}

} // namespace TlsTest
