#include "h2c_exchange.h"

#include "engine/http/http1_codec.h"

#include <nghttp2/nghttp2.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Torii::Scenarios {

namespace {

using Clock = std::chrono::steady_clock;


// The state of the one stream, filled by nghttp2's callbacks.
struct Exchange
{
    HttpExchangeResult result;
    const std::string *body = nullptr;
    std::size_t bodyOffset = 0;
    int32_t streamId = -1;
    bool headersSeen = false;
    bool closed = false;
    uint32_t closeError = 0;
};

int onHeader(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name, size_t nameLength,
             const uint8_t *value, size_t valueLength, uint8_t, void *user)
{
    auto *exchange = static_cast<Exchange *>(user);
    if (frame->hd.stream_id != exchange->streamId || frame->hd.type != NGHTTP2_HEADERS) {
        return 0;
    }
    const std::string key(reinterpret_cast<const char *>(name), nameLength);
    const std::string text(reinterpret_cast<const char *>(value), valueLength);
    if (key == ":status") {
        exchange->result.head.status = std::atoi(text.c_str());
        exchange->headersSeen = true;
    } else if (!key.empty() && key.front() != ':') {
        exchange->result.head.headers.add(key, text);
    }
    return 0;
}

int onData(nghttp2_session *, uint8_t, int32_t streamId, const uint8_t *data, size_t length,
           void *user)
{
    auto *exchange = static_cast<Exchange *>(user);
    if (streamId == exchange->streamId) {
        exchange->result.body.append(reinterpret_cast<const char *>(data), length);
    }
    return 0;
}

int onClose(nghttp2_session *, int32_t streamId, uint32_t error, void *user)
{
    auto *exchange = static_cast<Exchange *>(user);
    if (streamId == exchange->streamId) {
        exchange->closed = true;
        exchange->closeError = error;
    }
    return 0;
}

ssize_t readBody(nghttp2_session *, int32_t, uint8_t *buffer, size_t length, uint32_t *flags,
                 nghttp2_data_source *, void *user)
{
    auto *exchange = static_cast<Exchange *>(user);
    const std::string &body = *exchange->body;
    const std::size_t n = std::min(length, body.size() - exchange->bodyOffset);
    std::memcpy(buffer, body.data() + exchange->bodyOffset, n);
    exchange->bodyOffset += n;
    if (exchange->bodyOffset == body.size()) {
        *flags |= NGHTTP2_DATA_FLAG_EOF;
    }
    return ssize_t(n);
}

// A connected TCP socket to 127.0.0.1:port, or -1 with `error`.
int connectTo(quint16 port, std::chrono::milliseconds timeout, std::string &error)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        error = std::string("socket: ") + std::strerror(errno);
        return -1;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 &&
        errno != EINPROGRESS) {
        error = std::string("connect: ") + std::strerror(errno);
        ::close(fd);
        return -1;
    }
    pollfd p{fd, POLLOUT, 0};
    int soError = 0;
    socklen_t length = sizeof soError;
    if (::poll(&p, 1, int(timeout.count())) != 1 ||
        ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length) != 0 || soError != 0) {
        error = soError != 0 ? std::string("connect: ") + std::strerror(soError)
                             : std::string("connect: timeout");
        ::close(fd);
        return -1;
    }
    return fd;
}

// TLS on the connected non-blocking `fd` (ALPN h2), within the deadline; null with `error`.
SSL *handshake(int fd, const Tls::ClientContext &tls, const std::string &serverName,
               Clock::time_point deadline, std::string &error, bool &plainText)
{
    SSL *ssl = tls.newSession(fd, serverName);
    if (!ssl) {
        error = "TLS handshake failed: cannot make a TLS session";
        return nullptr;
    }
    for (;;) {
        ERR_clear_error();
        const int r = SSL_do_handshake(ssl);
        if (r == 1) {
            break;
        }
        const int code = SSL_get_error(ssl, r);
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if ((code == SSL_ERROR_WANT_READ || code == SSL_ERROR_WANT_WRITE) && left.count() > 0) {
            pollfd p{fd, short(code == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), 0};
            ::poll(&p, 1, int(left.count()));
            continue;
        }
        plainText = Tls::ClientContext::peerSpokePlainText();
        error = "TLS handshake failed: " +
                (plainText ? std::string("the server does not speak TLS")
                           : Tls::ClientContext::failureReason(
                                 ssl, left.count() > 0 ? "the connection closed" : "timed out"));
        SSL_free(ssl);
        return nullptr;
    }
    std::string problem = tls.checkPeer(ssl, serverName);
    const unsigned char *alpn = nullptr;
    unsigned int alpnLength = 0;
    SSL_get0_alpn_selected(ssl, &alpn, &alpnLength);
    if (problem.empty() && std::string(reinterpret_cast<const char *>(alpn), alpnLength) != "h2") {
        problem = "the server did not accept ALPN h2";
    }
    if (!problem.empty()) {
        error = "TLS handshake failed: " + problem;
        SSL_free(ssl);
        return nullptr;
    }
    return ssl;
}

HttpExchangeResult http2Exchange(quint16 port, const Http::RequestHead &head,
                                 const std::string &body, std::chrono::milliseconds timeout,
                                 const Tls::ClientContext *tls, const std::string &serverName)
{
    const auto deadline = Clock::now() + timeout;
    Exchange exchange;
    exchange.body = &body;
    exchange.result.head.versionMajor = 2;
    exchange.result.head.versionMinor = 0;
    std::string error;
    const int fd = connectTo(port, timeout, error);
    if (fd < 0) {
        exchange.result.error = error;
        exchange.result.connectionFailed = true;
        return exchange.result;
    }
    SSL *ssl = nullptr;
    std::optional<Tls::SigpipeBlock> noSigpipe; // OpenSSL writes with write()
    if (tls) {
        noSigpipe.emplace();
        ssl = handshake(fd, *tls, serverName, deadline, error, exchange.result.peerSpokePlainText);
        if (!ssl) {
            ::close(fd);
            exchange.result.error = error;
            exchange.result.connectionFailed = true;
            return exchange.result;
        }
    }
    // Plain send/recv, or the TLS session's; -1 with errno EAGAIN when it would block.
    auto sendSome = [&](const char *data, std::size_t length) -> ssize_t {
        if (!ssl) {
            return ::send(fd, data, length, MSG_NOSIGNAL);
        }
        ERR_clear_error();
        const int n = SSL_write(ssl, data, int(std::min<std::size_t>(length, 1 << 30)));
        if (n > 0) {
            return n;
        }
        const int code = SSL_get_error(ssl, n);
        errno = code == SSL_ERROR_WANT_READ || code == SSL_ERROR_WANT_WRITE ? EAGAIN : EPIPE;
        return -1;
    };
    auto receiveSome = [&](char *buffer, std::size_t length) -> ssize_t {
        if (!ssl) {
            return ::recv(fd, buffer, length, 0);
        }
        ERR_clear_error();
        errno = 0;
        const int n = SSL_read(ssl, buffer, int(length));
        if (n > 0) {
            return n;
        }
        const int code = SSL_get_error(ssl, n);
        if (code == SSL_ERROR_WANT_READ || code == SSL_ERROR_WANT_WRITE) {
            errno = EAGAIN;
            return -1;
        }
        if (code == SSL_ERROR_ZERO_RETURN ||
            (code == SSL_ERROR_SYSCALL && ERR_peek_error() == 0 && errno == 0)) {
            return 0; // close_notify, or a plain EOF
        }
        errno = ECONNRESET;
        return -1;
    };

    nghttp2_session_callbacks *callbacks = nullptr;
    nghttp2_session_callbacks_new(&callbacks);
    nghttp2_session_callbacks_set_on_header_callback(callbacks, onHeader);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, onData);
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, onClose);
    nghttp2_session *session = nullptr;
    nghttp2_session_client_new(&session, callbacks, &exchange);
    nghttp2_session_callbacks_del(callbacks);
    nghttp2_submit_settings(session, NGHTTP2_FLAG_NONE, nullptr, 0);

    std::vector<std::pair<std::string, std::string>> fields;
    const Http::HeaderField *host = head.headers.find("Host");
    fields.emplace_back(":method", head.method);
    fields.emplace_back(":scheme", tls ? "https" : "http");
    fields.emplace_back(":authority", host ? host->value : "127.0.0.1:" + std::to_string(port));
    fields.emplace_back(":path", head.target);
    for (const Http::HeaderField &f : head.headers.fields) {
        const std::string name = Http::asciiLower(f.name);
        if (name == "host" || name == "connection" || name == "keep-alive" ||
            name == "transfer-encoding" || name == "upgrade" || name == "proxy-connection") {
            continue;
        }
        fields.emplace_back(name, f.value);
    }
    std::vector<nghttp2_nv> nva;
    for (auto &[name, value] : fields) {
        nva.push_back({reinterpret_cast<uint8_t *>(name.data()),
                       reinterpret_cast<uint8_t *>(value.data()), name.size(), value.size(),
                       NGHTTP2_NV_FLAG_NONE});
    }
    nghttp2_data_provider provider;
    provider.read_callback = readBody;
    exchange.streamId = nghttp2_submit_request(session, nullptr, nva.data(), nva.size(),
                                               body.empty() ? nullptr : &provider, nullptr);

    std::string out;
    bool peerClosed = false;
    while (!exchange.closed && error.empty()) {
        for (;;) {
            const uint8_t *data = nullptr;
            const ssize_t n = nghttp2_session_mem_send(session, &data);
            if (n <= 0) {
                break;
            }
            out.append(reinterpret_cast<const char *>(data), std::size_t(n));
        }
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            error = "timeout after " + std::to_string(timeout.count()) + " ms";
            break;
        }
        pollfd p{fd, short(POLLIN | (out.empty() ? 0 : POLLOUT)), 0};
        if (ssl && SSL_pending(ssl) > 0) {
            p.revents = POLLIN; // decrypted bytes already buffered: no event would announce them
        } else if (::poll(&p, 1, int(left.count())) < 0 && errno != EINTR) {
            error = std::string("poll: ") + std::strerror(errno);
            break;
        }
        if (p.revents & POLLOUT) {
            const ssize_t n = sendSome(out.data(), out.size());
            if (n > 0) {
                out.erase(0, std::size_t(n));
            } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
                error = std::string("send: ") + std::strerror(errno);
            }
        }
        if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
            char buffer[16384];
            const ssize_t n = receiveSome(buffer, sizeof buffer);
            if (n > 0) {
                if (nghttp2_session_mem_recv(session, reinterpret_cast<const uint8_t *>(buffer),
                                             std::size_t(n)) < 0) {
                    error = "malformed HTTP/2 from the server";
                }
            } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
                peerClosed = true;
                error = exchange.headersSeen ? "the server closed the connection mid-response"
                                             : "the server closed the connection without an "
                                               "HTTP/2 response";
            }
        }
    }
    nghttp2_session_del(session);
    if (ssl) {
        SSL_free(ssl); // no close_notify: the stream is done and the socket closes now
    }
    ::close(fd);
    if (exchange.closed && exchange.headersSeen && exchange.closeError == NGHTTP2_NO_ERROR) {
        exchange.result.ok = true;
    } else {
        if (error.empty()) {
            error = "stream reset by the server (HTTP/2 error " +
                    std::to_string(exchange.closeError) + ')';
        }
        exchange.result.error = error;
        exchange.result.connectionFailed = peerClosed && !exchange.headersSeen;
    }
    return exchange.result;
}

} // namespace

HttpExchangeResult h2cExchange(quint16 port, const Http::RequestHead &head, const std::string &body,
                               std::chrono::milliseconds timeout)
{
    return http2Exchange(port, head, body, timeout, nullptr, {});
}

HttpExchangeResult h2Exchange(quint16 port, const Http::RequestHead &head, const std::string &body,
                              std::chrono::milliseconds timeout, const Tls::ClientContext &tls,
                              const std::string &serverName)
{
    return http2Exchange(port, head, body, timeout, &tls, serverName);
}

} // namespace Torii::Scenarios
