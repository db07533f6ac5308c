#pragma once

// The client side of TLS, in one place for every Torii client: the route tests' exchange
// (simulator/scenarios/http_exchange), the load generator (simulator/traffic) and the gateway's
// connections to BackendTLSPolicy backends (engine/proxy). It behaves as the conformance suite's
// Go client does (conformance/utils/roundtripper): TLS 1.2 or later, the server's chain verified
// against the given certificates (and the system store only when asked: systemTrust), every one
// of them trusted as an anchor, CA or not (Go's RootCAs pool; X509_V_FLAG_PARTIAL_CHAIN), SNI =
// the server name unless it is an IP literal, ALPN as asked (http/1.1 by default), and the
// certificate's name checked with Go's rules (certificateNameMatches: a wildcard stands for
// exactly one label). With `verify` off (toriictl load --insecure) neither the chain nor the name
// is checked.
//
// The context does no I/O: the caller drives SSL_do_handshake on its own socket (blocking with
// poll, or an epoll loop) and asks checkPeer() once it completed.
//
// Thread: a ClientContext is immutable after create() and may make sessions on any thread
// (OpenSSL locks the SSL_CTX internally).

#include <openssl/types.h>

#include <memory>
#include <signal.h>
#include <string>
#include <vector>

namespace Torii::Tls {

struct ClientContextOptions
{
    std::vector<std::string> trustedCertificates; // PEM, each may hold several certificates
    // Also trust the operating system's store (the gateway towards a backend whose
    // BackendTLSPolicy says wellKnownCACertificates: System). The route-test clients never do.
    bool systemTrust = false;
    bool verify = true;                           // false: accept any certificate and name
    std::vector<std::string> alpn{"http/1.1"};    // offered in order; empty: no ALPN
    std::string clientCertificate;                // PEM chain presented when asked; "" = none
    std::string clientKey;                        // PEM
};

// What a completed handshake established.
struct PeerInfo
{
    std::string version;               // "TLSv1.3", "TLSv1.2"
    std::string alpn;                  // "" when none was negotiated
    std::string commonName;            // the server certificate's subject CN
    std::vector<std::string> dnsNames; // its DNS subject alternative names
};

class ClientContext
{
public:
    // Null with an English `error` when OpenSSL cannot make the context or the client
    // certificate or key do not parse or do not belong together. A trusted PEM that holds no
    // certificate is not an error here (nothing verifies then, so every handshake fails).
    static std::shared_ptr<const ClientContext> create(const ClientContextOptions &options,
                                                       std::string *error);
    ~ClientContext();
    ClientContext(const ClientContext &) = delete;
    ClientContext &operator=(const ClientContext &) = delete;

    bool verifies() const { return m_verify; }
    // How many trusted certificates were read from the options.
    int trustedCount() const { return m_trusted; }

    // A new client SSL on `fd` in connect state with SNI set for `serverName` (unless it is
    // empty or an IP literal); the caller owns it (SSL_free). Null when OpenSSL fails.
    SSL *newSession(int fd, const std::string &serverName) const;

    // After SSL_do_handshake returned 1: "" when the peer is acceptable for `serverName`
    // (always, without verification), or why not in English ("the server certificate is not
    // valid for a.example.com (it names b.example.com)"). Fills `info` when given.
    std::string checkPeer(SSL *ssl, const std::string &serverName, PeerInfo *info = nullptr) const;

    // After SSL_do_handshake (or SSL_read/SSL_write) failed with a result that is not
    // WANT_READ/WANT_WRITE: why, in
    // English ("the server certificate is not trusted: unable to get local issuer certificate",
    // or OpenSSL's reason, or `fallback` when OpenSSL recorded none). Clears OpenSSL's error
    // queue of this thread.
    static std::string failureReason(SSL *ssl, const char *fallback);
    // Whether the failed handshake's peer answered with bytes that are not TLS (a plain HTTP
    // port). Call before failureReason(), which clears the queue.
    static bool peerSpokePlainText();

private:
    ClientContext() = default;
    SSL_CTX *m_ctx = nullptr;
    bool m_verify = true;
    int m_trusted = 0;
};

// The DNS subject alternative names of a certificate, in order.
std::vector<std::string> dnsNamesOf(X509 *cert);

// OpenSSL's socket BIO writes with write(), not send(MSG_NOSIGNAL), so a peer that closed raises
// SIGPIPE: every TLS client blocks it on its own thread while it talks, and takes any pending one
// before the old mask is restored. Not copyable; lives on the stack of the thread it protects.
class SigpipeBlock
{
public:
    SigpipeBlock();
    ~SigpipeBlock();
    SigpipeBlock(const SigpipeBlock &) = delete;
    SigpipeBlock &operator=(const SigpipeBlock &) = delete;

private:
    sigset_t m_pipe;
    sigset_t m_old;
};

// "name" is an IPv4 or IPv6 literal (no SNI is sent for those; the certificate's IP SAN counts).
bool isIpLiteral(const std::string &name);

} // namespace Torii::Tls
