#include "client_stream.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpSocket>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
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

class PlainStream : public ClientStream
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
    // Buffered: the next read's waitForReadyRead writes it out while it waits (a server may
    // answer, and close, before it has read a whole body).
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

// TLS over a non-blocking socket, waited on with poll(): every step has the exchange's deadline.
class TlsStream : public ClientStream
{
public:
    ~TlsStream() override
    {
        if (m_ssl != nullptr) {
            SSL_free(m_ssl);
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

        Tls::ClientContextOptions contextOptions;
        contextOptions.trustedCertificates = options.trustedCertificates;
        contextOptions.alpn = options.alpn;
        contextOptions.clientCertificate = options.clientCertificate;
        contextOptions.clientKey = options.clientKey;
        m_context = Tls::ClientContext::create(contextOptions, error);
        if (!m_context) {
            return false;
        }
        m_ssl = m_context->newSession(m_fd, options.serverName);
        if (m_ssl == nullptr) {
            *error = "cannot make a TLS session";
            return false;
        }
        while (true) {
            const int done = SSL_connect(m_ssl);
            if (done == 1) {
                break;
            }
            if (!waitForSsl(done)) {
                m_peerSpokePlainText = Tls::ClientContext::peerSpokePlainText();
                *error = "TLS handshake with " + where + " failed: " +
                         Tls::ClientContext::failureReason(
                             m_ssl, remaining() <= 0 ? "timed out" : "connection closed");
                return false;
            }
        }
        // The certificate's names are kept even when it is refused: expectations and errors name
        // what was served.
        const std::string problem = m_context->checkPeer(m_ssl, options.serverName, info);
        if (!problem.empty()) {
            *error = "TLS handshake with " + where + " failed: " + problem;
            return false;
        }
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
                *error = "cannot send the request: " +
                         Tls::ClientContext::failureReason(m_ssl, "connection closed");
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
                *error = Tls::ClientContext::failureReason(m_ssl, "TLS error");
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
    std::shared_ptr<const Tls::ClientContext> m_context;
    SSL *m_ssl = nullptr;
    const QElapsedTimer *m_timer = nullptr;
    qint64 m_timeoutMs = 0;
    bool m_peerSpokePlainText = false;
};

} // namespace

std::unique_ptr<ClientStream> connectClientStream(quint16 port, const TlsClientOptions *tls,
                                                  const QElapsedTimer &timer,
                                                  std::chrono::milliseconds timeout,
                                                  HttpExchangeResult *result)
{
    if (tls != nullptr) {
        auto secure = std::make_unique<TlsStream>();
        TlsSessionInfo info;
        if (!secure->connect(port, *tls, timer, timeout.count(), &result->error, &info)) {
            result->connectionFailed = true;
            result->peerSpokePlainText = secure->peerSpokePlainText();
            return nullptr;
        }
        result->tls = std::move(info);
        return secure;
    }
    auto plain = std::make_unique<PlainStream>();
    const int left = static_cast<int>(std::max<qint64>(1, timeout.count() - timer.elapsed()));
    if (!plain->connect(port, left, &result->error)) {
        result->connectionFailed = true;
        return nullptr;
    }
    return plain;
}

void readResponse(ClientStream &stream, const std::string &method, const QElapsedTimer &timer,
                  std::chrono::milliseconds timeout, HttpExchangeResult *resultOut,
                  std::string *restOut)
{
    HttpExchangeResult &result = *resultOut;
    auto remaining = [&]() {
        return static_cast<int>(std::max<qint64>(1, timeout.count() - timer.elapsed()));
    };
    Http::ResponseParser parser;
    parser.setRequestMethod(method);
    Collector collector;
    bool receivedAny = false;
    while (!collector.complete()) {
        if (timer.elapsed() >= timeout.count()) {
            result.error = "no complete response within " + std::to_string(timeout.count()) + " ms";
            return;
        }
        std::string data;
        const ClientStream::Read got = stream.read(data, remaining(), &result.error);
        if (got == ClientStream::Read::Error) {
            result.connectionFailed = !receivedAny;
            result.error = (receivedAny ? "the connection failed during the response: "
                                        : "the connection failed before any response: ") +
                           result.error;
            return;
        }
        if (got == ClientStream::Read::Closed) {
            // The peer closed: a close-delimited body ends here, anything else is truncated.
            const Http::FeedResult end = parser.finish(collector);
            if (end.status == Http::FeedStatus::Error || !collector.complete()) {
                result.connectionFailed = !receivedAny;
                result.error = "the connection closed before a complete response";
                return;
            }
            break;
        }
        if (got == ClientStream::Read::Idle) {
            continue;
        }
        receivedAny = true;
        std::string_view rest(data);
        while (!rest.empty() && !collector.complete()) {
            const Http::FeedResult fed = parser.feed(rest, collector);
            if (fed.status == Http::FeedStatus::Error) {
                result.error = "malformed response: " + parser.error().reason;
                return;
            }
            rest.remove_prefix(fed.consumed);
            if (fed.status == Http::FeedStatus::Upgraded || fed.consumed == 0) {
                break;
            }
        }
        if (restOut != nullptr && collector.complete()) {
            restOut->assign(rest);
        }
    }
    result.ok = true;
    result.head = collector.takeHead();
    result.body = collector.takeBody();
}

} // namespace Torii::Scenarios
