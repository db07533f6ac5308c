#include "backend_tls_session.h"

#include "tls_io.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <cerrno>

namespace Torii::Proxy::Internal {

bool BackendTlsContexts::standsIn(const RouteTable::BackendTls &tls,
                                  const std::string &endpoint) const
{
    return tls.systemTrust && m_standIn && !m_standIn->certificatePem.empty() &&
           !m_standIn->excludedEndpoints.count(endpoint);
}

std::shared_ptr<const Tls::ClientContext>
BackendTlsContexts::contextFor(const RouteTable::BackendTls &tls, const std::string &endpoint,
                               std::string *error)
{
    const bool standIn = standsIn(tls, endpoint);
    const std::string key = standIn ? tls.key + "#stand-in" : tls.key;
    if (const auto it = m_contexts.find(key); it != m_contexts.end()) {
        return it->second;
    }
    Tls::ClientContextOptions options;
    options.trustedCertificates = {tls.trustedPem};
    if (standIn) {
        options.trustedCertificates.push_back(m_standIn->certificatePem);
    }
    options.systemTrust = tls.systemTrust;
    options.alpn = {"http/1.1"};
    auto context = Tls::ClientContext::create(options, error);
    if (!context) {
        return nullptr;
    }
    if (context->trustedCount() == 0 && !tls.systemTrust) {
        *error = "BackendTLSPolicy " + tls.policy + " names no usable CA certificate";
        return nullptr;
    }
    // Policies change with the design; a long serve --watch session must not keep every old one.
    if (m_contexts.size() >= 64) {
        m_contexts.clear();
    }
    m_contexts.emplace(key, context);
    return context;
}

std::unique_ptr<BackendTlsSession> BackendTlsContexts::newSession(const RouteTable::BackendTls &tls,
                                                                  const std::string &endpoint,
                                                                  std::string poolKey)
{
    std::string error;
    auto context = contextFor(tls, endpoint, &error);
    return std::make_unique<BackendTlsSession>(std::move(context), tls, std::move(poolKey),
                                               std::move(error));
}

BackendTlsSession::BackendTlsSession(std::shared_ptr<const Tls::ClientContext> context,
                                     const RouteTable::BackendTls &tls, std::string poolKey,
                                     std::string setupFailure)
    : m_context(std::move(context))
    , m_policy(tls.policy)
    , m_identity{tls.hostname, tls.dnsNames, tls.uris}
    , m_poolKey(std::move(poolKey))
    , m_failure(std::move(setupFailure))
{}

BackendTlsSession::~BackendTlsSession()
{
    if (m_ssl) {
        SSL_free(m_ssl);
    }
}

bool BackendTlsSession::attach(int fd)
{
    if (!m_context) {
        return false;
    }
    m_ssl = m_context->newSession(fd, m_identity.hostname);
    if (m_ssl == nullptr) {
        m_failure = "cannot start TLS towards the backend (BackendTLSPolicy " + m_policy + ")";
        return false;
    }
    return true;
}

BackendTlsSession::Step BackendTlsSession::handshake()
{
    ERR_clear_error();
    const int r = SSL_do_handshake(m_ssl);
    if (r == 1) {
        X509 *peer = SSL_get1_peer_certificate(m_ssl);
        const std::string problem = Tls::backendIdentityProblem(peer, m_identity);
        X509_free(peer);
        if (!problem.empty()) {
            m_failure = "the backend's certificate did not verify (BackendTLSPolicy " + m_policy +
                        "): " + problem;
            return Step::Failed;
        }
        return Step::Done;
    }
    const int error = SSL_get_error(m_ssl, r);
    if (error == SSL_ERROR_WANT_READ) {
        return Step::WantRead;
    }
    if (error == SSL_ERROR_WANT_WRITE) {
        return Step::WantWrite;
    }
    if (SSL_get_verify_result(m_ssl) != X509_V_OK) {
        m_failure = "the backend's certificate did not verify (BackendTLSPolicy " + m_policy +
                    "): " + X509_verify_cert_error_string(SSL_get_verify_result(m_ssl));
        ERR_clear_error();
    } else if (Tls::ClientContext::peerSpokePlainText()) {
        ERR_clear_error();
        m_failure = "the backend does not speak TLS (BackendTLSPolicy " + m_policy +
                    " asks the gateway to)";
    } else {
        m_failure = "the TLS handshake with the backend failed (BackendTLSPolicy " + m_policy +
                    "): " + Tls::ClientContext::failureReason(m_ssl, "the connection closed");
    }
    return Step::Failed;
}

Net::IoResult BackendTlsSession::read(char *buffer, std::size_t capacity, bool *wantsWrite)
{
    return tlsReadSome(m_ssl, buffer, capacity, wantsWrite);
}

Net::IoResult BackendTlsSession::write(std::string_view bytes)
{
    return tlsWriteSome(m_ssl, bytes);
}

bool BackendTlsSession::pending() const
{
    return m_ssl != nullptr && SSL_pending(m_ssl) > 0;
}

} // namespace Torii::Proxy::Internal
