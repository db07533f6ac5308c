#include "http_exchange.h"

#include "engine/tls/hostname_match.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <QtCore/QElapsedTimer>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpSocket>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Torii::Scenarios {

namespace {

class Collector : public Http::ResponseHandler
{
public:
    void onHead(Http::ResponseHead &&head) override
    {
        m_interim = head.isInterim();
        if (!m_interim) {
            m_head = std::move(head);
        }
    }
    void onBody(std::string_view chunk) override { m_body.append(chunk); }
    void onComplete(Http::Headers &&) override { m_complete = !m_interim; }

    bool complete() const { return m_complete; }
    Http::ResponseHead takeHead() { return std::move(m_head); }
    std::string takeBody() { return std::move(m_body); }

private:
    Http::ResponseHead m_head;
    std::string m_body;
    bool m_interim = false;
    bool m_complete = false;
};

// The connection the exchange runs over.
class Stream
{
public:
    enum class Read { Data, Closed, Idle, Error };
    virtual ~Stream() = default;
    virtual bool write(const std::string &data, int timeoutMs, std::string *error) = 0;
    // Appends what arrives within `timeoutMs` to `out`; Idle when nothing did.
    virtual Read read(std::string &out, int timeoutMs, std::string *error) = 0;
};

class PlainStream : public Stream
{
public:
    bool connect(quint16 port, int timeoutMs, std::string *error)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!m_socket.waitForConnected(timeoutMs)) {
            *error = "cannot connect to 127.0.0.1:" + std::to_string(port) + ": " +
                     m_socket.errorString().toStdString();
            return false;
        }
        return true;
    }
    ~PlainStream() override { m_socket.abort(); }
    bool write(const std::string &data, int, std::string *) override
    {
        m_socket.write(data.data(), static_cast<qint64>(data.size()));
        return true;
    }
    Read read(std::string &out, int timeoutMs, std::string *) override
    {
        if (m_socket.bytesAvailable() > 0 || m_socket.waitForReadyRead(timeoutMs)) {
            const QByteArray data = m_socket.readAll();
            out.append(data.constData(), static_cast<std::size_t>(data.size()));
            return Read::Data;
        }
        return m_socket.state() == QAbstractSocket::ConnectedState ? Read::Idle : Read::Closed;
    }

private:
    QTcpSocket m_socket;
};

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

bool useClientCertificate(SSL_CTX *ctx, const TlsClientOptions &options, std::string *error)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> certBio(
        BIO_new_mem_buf(options.clientCertificate.data(),
                        static_cast<int>(options.clientCertificate.size())),
        BIO_free);
    X509 *leaf = PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr);
    if (leaf == nullptr || SSL_CTX_use_certificate(ctx, leaf) != 1) {
        X509_free(leaf);
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

std::vector<std::string> dnsNames(X509 *cert)
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

bool isIpLiteral(const std::string &name)
{
    unsigned char buffer[16];
    return inet_pton(AF_INET, name.c_str(), buffer) == 1 ||
           inet_pton(AF_INET6, name.c_str(), buffer) == 1;
}

// A peer that closes while OpenSSL writes would raise SIGPIPE (OpenSSL's socket BIO uses
// write(), not send(MSG_NOSIGNAL)); it is blocked on this thread for the exchange and any
// pending one is taken before the mask is restored.
class SigpipeBlock
{
public:
    SigpipeBlock()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
    }
    ~SigpipeBlock()
    {
        const timespec zero{0, 0};
        while (sigtimedwait(&m_pipe, nullptr, &zero) > 0) {
        }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }

private:
    sigset_t m_pipe;
    sigset_t m_old;
};

// TLS over a non-blocking socket, waited on with poll(): every step has the exchange's deadline.
class TlsStream : public Stream
{
public:
    ~TlsStream() override
    {
        if (m_ssl != nullptr) {
            SSL_free(m_ssl);
        }
        if (m_ctx != nullptr) {
            SSL_CTX_free(m_ctx);
        }
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }

    bool connect(quint16 port, const TlsClientOptions &options, const QElapsedTimer &timer,
                 qint64 timeoutMs, std::string *error, TlsSessionInfo *info)
    {
        m_timer = &timer;
        m_timeoutMs = timeoutMs;
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const std::string where = "127.0.0.1:" + std::to_string(port);
        if (m_fd < 0 ||
            (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 &&
             errno != EINPROGRESS)) {
            *error = "cannot connect to " + where + ": " + std::strerror(errno);
            return false;
        }
        int soError = 0;
        socklen_t length = sizeof soError;
        if (!waitFor(POLLOUT) || ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &soError, &length) != 0 ||
            soError != 0) {
            *error = "cannot connect to " + where + ": " +
                     (soError != 0 ? std::strerror(soError) : "timed out");
            return false;
        }

        m_ctx = SSL_CTX_new(TLS_client_method());
        if (m_ctx == nullptr) {
            *error = openSslError("cannot make a TLS client context");
            return false;
        }
        SSL_CTX_set_min_proto_version(m_ctx, TLS1_2_VERSION);
        X509_STORE *store = SSL_CTX_get_cert_store(m_ctx);
        for (const std::string &pem : options.trustedCertificates) {
            addCertificates(store, pem);
        }
        // Go trusts every certificate of its RootCAs pool as an anchor, CA or not.
        X509_STORE_set_flags(store, X509_V_FLAG_PARTIAL_CHAIN);
        SSL_CTX_set_verify(m_ctx, SSL_VERIFY_PEER, nullptr);
        if (!options.clientCertificate.empty() && !useClientCertificate(m_ctx, options, error)) {
            return false;
        }
        m_ssl = SSL_new(m_ctx);
        SSL_set_fd(m_ssl, m_fd);
        if (!options.serverName.empty() && !isIpLiteral(options.serverName)) {
            SSL_set_tlsext_host_name(m_ssl, options.serverName.c_str());
        }
        std::string wire;
        for (const std::string &protocol : options.alpn) {
            wire += static_cast<char>(protocol.size());
            wire += protocol;
        }
        if (!wire.empty()) {
            SSL_set_alpn_protos(m_ssl, reinterpret_cast<const unsigned char *>(wire.data()),
                                static_cast<unsigned int>(wire.size()));
        }
        while (true) {
            const int done = SSL_connect(m_ssl);
            if (done == 1) {
                break;
            }
            if (!waitForSsl(done)) {
                const int reason = ERR_GET_REASON(ERR_peek_last_error());
                m_peerSpokePlainText =
                    reason == SSL_R_WRONG_VERSION_NUMBER || reason == SSL_R_PACKET_LENGTH_TOO_LONG;
                const long verify = SSL_get_verify_result(m_ssl);
                *error = "TLS handshake with " + where + " failed: " +
                         (verify != X509_V_OK
                              ? std::string("the server certificate is not "
                                            "trusted: ") +
                                    X509_verify_cert_error_string(verify)
                              : openSslError(remaining() <= 0 ? "timed out" : "connection closed"));
                return false;
            }
        }
        X509 *peer = SSL_get1_peer_certificate(m_ssl);
        info->peerDnsNames = dnsNames(peer);
        char cn[256] = {};
        X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_commonName, cn, sizeof cn);
        info->peerCommonName = cn;
        bool nameOk = options.serverName.empty();
        if (!nameOk && isIpLiteral(options.serverName)) {
            nameOk = X509_check_ip_asc(peer, options.serverName.c_str(), 0) == 1;
        }
        for (const std::string &name : info->peerDnsNames) {
            nameOk = nameOk || Tls::certificateNameMatches(name, options.serverName);
        }
        X509_free(peer);
        if (!nameOk) {
            std::string names;
            for (const std::string &name : info->peerDnsNames) {
                names += (names.empty() ? "" : ", ") + name;
            }
            *error = "TLS handshake with " + where +
                     " failed: the server certificate is not "
                     "valid for " +
                     options.serverName + " (it names " +
                     (names.empty() ? std::string("no DNS name") : names) + ")";
            return false;
        }
        info->version = SSL_get_version(m_ssl);
        const unsigned char *proto = nullptr;
        unsigned int protoLength = 0;
        SSL_get0_alpn_selected(m_ssl, &proto, &protoLength);
        info->alpn.assign(reinterpret_cast<const char *>(proto), protoLength);
        return true;
    }

    bool write(const std::string &data, int, std::string *error) override
    {
        std::size_t written = 0;
        while (written < data.size()) {
            const int n =
                SSL_write(m_ssl, data.data() + written, static_cast<int>(data.size() - written));
            if (n > 0) {
                written += static_cast<std::size_t>(n);
            } else if (!waitForSsl(n)) {
                *error = "cannot send the request: " + openSslError("connection closed");
                return false;
            }
        }
        return true;
    }

    Read read(std::string &out, int, std::string *error) override
    {
        char buffer[16384];
        while (true) {
            const int n = SSL_read(m_ssl, buffer, sizeof buffer);
            if (n > 0) {
                out.append(buffer, static_cast<std::size_t>(n));
                return Read::Data;
            }
            const int code = SSL_get_error(m_ssl, n);
            if (code == SSL_ERROR_ZERO_RETURN ||
                (code == SSL_ERROR_SYSCALL && ERR_peek_error() == 0)) {
                ERR_clear_error();
                return Read::Closed; // close_notify, or a plain EOF
            }
            if (code != SSL_ERROR_WANT_READ && code != SSL_ERROR_WANT_WRITE) {
                *error = openSslError("TLS error");
                return Read::Error;
            }
            if (!waitFor(code == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT)) {
                return Read::Idle;
            }
        }
    }

    bool peerSpokePlainText() const { return m_peerSpokePlainText; }

private:
    qint64 remaining() const { return m_timeoutMs - m_timer->elapsed(); }

    bool waitFor(short events)
    {
        const qint64 left = remaining();
        if (left <= 0) {
            return false;
        }
        pollfd p{m_fd, events, 0};
        int ready;
        do {
            ready = ::poll(&p, 1, static_cast<int>(left));
        } while (ready < 0 && errno == EINTR);
        return ready > 0;
    }

    // After an SSL call returned `result` <= 0: waits when it wants I/O; false on a real failure.
    bool waitForSsl(int result)
    {
        const int code = SSL_get_error(m_ssl, result);
        if (code == SSL_ERROR_WANT_READ) {
            return waitFor(POLLIN);
        }
        if (code == SSL_ERROR_WANT_WRITE) {
            return waitFor(POLLOUT);
        }
        return false;
    }

    int m_fd = -1;
    SSL_CTX *m_ctx = nullptr;
    SSL *m_ssl = nullptr;
    const QElapsedTimer *m_timer = nullptr;
    qint64 m_timeoutMs = 0;
    bool m_peerSpokePlainText = false;
};

} // namespace

HttpExchangeResult exchange(quint16 port, Http::RequestHead head, const std::string &body,
                            std::chrono::milliseconds timeout, const TlsClientOptions *tls)
{
    HttpExchangeResult result;
    QElapsedTimer timer;
    timer.start();
    auto remaining = [&]() {
        return static_cast<int>(std::max<qint64>(1, timeout.count() - timer.elapsed()));
    };

    if (!head.headers.contains("Host")) {
        head.headers.add("Host", "127.0.0.1:" + std::to_string(port));
    }
    if (!body.empty() && !head.headers.contains("Content-Length")) {
        head.headers.add("Content-Length", std::to_string(body.size()));
    }
    if (!head.headers.contains("Connection")) {
        head.headers.add("Connection", "close");
    }
    const std::string method = head.method;

    std::optional<SigpipeBlock> noSigpipe;
    std::unique_ptr<Stream> stream;
    if (tls != nullptr) {
        noSigpipe.emplace();
        auto secure = std::make_unique<TlsStream>();
        TlsSessionInfo info;
        if (!secure->connect(port, *tls, timer, timeout.count(), &result.error, &info)) {
            result.connectionFailed = true;
            result.peerSpokePlainText = secure->peerSpokePlainText();
            return result;
        }
        result.tls = std::move(info);
        stream = std::move(secure);
    } else {
        auto plain = std::make_unique<PlainStream>();
        if (!plain->connect(port, remaining(), &result.error)) {
            result.connectionFailed = true;
            return result;
        }
        stream = std::move(plain);
    }
    const std::string wire = Http::serializeRequestHead(head) + body;
    if (!stream->write(wire, remaining(), &result.error)) {
        result.connectionFailed = true;
        return result;
    }

    Http::ResponseParser parser;
    parser.setRequestMethod(method);
    Collector collector;
    bool receivedAny = false;
    while (!collector.complete()) {
        if (timer.elapsed() >= timeout.count()) {
            result.error = "no complete response within " + std::to_string(timeout.count()) + " ms";
            return result;
        }
        std::string data;
        const Stream::Read got = stream->read(data, remaining(), &result.error);
        if (got == Stream::Read::Error) {
            result.connectionFailed = !receivedAny;
            result.error = (receivedAny ? "the connection failed during the response: "
                                        : "the connection failed before any response: ") +
                           result.error;
            return result;
        }
        if (got == Stream::Read::Closed) {
            // The peer closed: a close-delimited body ends here, anything else is truncated.
            const Http::FeedResult end = parser.finish(collector);
            if (end.status == Http::FeedStatus::Error || !collector.complete()) {
                result.connectionFailed = !receivedAny;
                result.error = "the connection closed before a complete response";
                return result;
            }
            break;
        }
        if (got == Stream::Read::Idle) {
            continue;
        }
        receivedAny = true;
        std::string_view rest(data);
        while (!rest.empty() && !collector.complete()) {
            const Http::FeedResult fed = parser.feed(rest, collector);
            if (fed.status == Http::FeedStatus::Error) {
                result.error = "malformed response: " + parser.error().reason;
                return result;
            }
            rest.remove_prefix(fed.consumed);
            if (fed.status == Http::FeedStatus::Upgraded || fed.consumed == 0) {
                break;
            }
        }
    }
    result.ok = true;
    result.head = collector.takeHead();
    result.body = collector.takeBody();
    return result;
}

} // namespace Torii::Scenarios
