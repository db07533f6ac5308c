// The HTTP/2 client path in front of HTTP/1.1 endpoints that do what the echo backends do not:
// interim (1xx) responses, chunked trailers, failing first attempts. A raw endpoint (a thread
// per connection on 127.0.0.1) answers each request with bytes a script returns; the client is
// nghttp2's (h2_test_client.h), so the frames the gateway sends are seen as they are.
// And both client paths (HTTP/1.1 over a raw socket, HTTP/2) in front of scripted h2c endpoints
// (nghttp2 server sessions): retries and their body replay, refused streams (REFUSED_STREAM,
// GOAWAY, a closed idle connection) sent again, mirrors as HTTP/2 streams, 1xx.
#include "h2_test_client.h"
#include "retry_test_support.h"

#include "engine/proxy/gateway.h"
#include "engine/proxy/mirror_sender.h"
#include "engine/routetable/route_table.h"
#include "engine/tls/certificate_authority.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <QtTest/QTest>

#include <atomic>
#include <csignal>
#include <map>
#include <mutex>
#include <thread>

using namespace Torii;
using namespace Torii::Proxy;
namespace RT = Torii::RouteTable;
using TestSupport::H2Client;

namespace {

constexpr int kPort = 8080;

struct Received
{
    int index = 0; // request number on this endpoint, 0-based, in arrival order
    std::string head;
    std::string body;
};

bool containsNoCase(std::string text, std::string needle)
{
    for (std::string *s : {&text, &needle}) {
        for (char &c : *s) {
            c = char(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return text.find(needle) != std::string::npos;
}

// A blocking test server on 127.0.0.1: one thread per accepted connection, each running
// serve(fd). Subclasses call startAccepting() at the end of their constructor and
// stopAccepting() first in their destructor (so no serve() outlives their members).
class LoopbackServer
{
public:
    virtual ~LoopbackServer() = default;
    std::string endpoint() const { return "127.0.0.1:" + std::to_string(m_port); }

protected:
    virtual void serve(int fd) = 0;
    void startAccepting(int backlog)
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listen, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
        ::listen(m_listen, backlog);
        socklen_t length = sizeof sa;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&sa), &length);
        m_port = ntohs(sa.sin_port);
        m_acceptor = std::thread([this] {
            for (;;) {
                const int fd = ::accept(m_listen, nullptr, nullptr);
                if (fd < 0) {
                    return;
                }
                std::lock_guard lock(m_mutex);
                m_fds.push_back(fd);
                m_threads.emplace_back([this, fd] { serve(fd); });
            }
        });
    }
    void stopAccepting()
    {
        ::shutdown(m_listen, SHUT_RDWR);
        m_acceptor.join();
        ::close(m_listen);
        std::vector<std::thread> threads;
        {
            std::lock_guard lock(m_mutex);
            for (int fd : m_fds) {
                ::shutdown(fd, SHUT_RDWR);
            }
            threads.swap(m_threads);
        }
        for (std::thread &t : threads) {
            t.join();
        }
    }

    int m_listen = -1;
    quint16 m_port = 0;
    std::thread m_acceptor;
    mutable std::mutex m_mutex;
    std::vector<int> m_fds;
    std::vector<std::thread> m_threads;
};

// An HTTP/1.1 endpoint that writes whatever the script returns for each request ("": close the
// connection without answering). "Expect: 100-continue" is answered with 100 Continue before the
// body is read, as a server does. Request bodies: Content-Length or chunked (no trailers).
class RawBackend : public LoopbackServer
{
public:
    using Script = std::function<std::string(const Received &)>;
    explicit RawBackend(Script script)
        : m_script(std::move(script))
    {
        startAccepting(64);
    }
    ~RawBackend()
    {
        stopAccepting();
    }
    std::vector<Received> log() const
    {
        std::lock_guard lock(m_mutex);
        return m_log;
    }

private:
    bool fill(int fd, std::string &input)
    {
        char buffer[16384];
        const long n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            return false;
        }
        input.append(buffer, std::size_t(n));
        return true;
    }

    void serve(int fd) override
    {
        std::string input;
        for (;;) {
            std::size_t end;
            while ((end = input.find("\r\n\r\n")) == std::string::npos) {
                if (!fill(fd, input)) {
                    ::close(fd);
                    return;
                }
            }
            Received r;
            r.head = input.substr(0, end + 4);
            input.erase(0, end + 4);
            if (containsNoCase(r.head, "expect: 100-continue")) {
                const std::string go = "HTTP/1.1 100 Continue\r\n\r\n";
                ::send(fd, go.data(), go.size(), MSG_NOSIGNAL);
            }
            if (containsNoCase(r.head, "transfer-encoding: chunked")) {
                for (;;) { // chunk-size CRLF data CRLF ... 0 CRLF CRLF
                    std::size_t line;
                    while ((line = input.find("\r\n")) == std::string::npos) {
                        if (!fill(fd, input)) {
                            ::close(fd);
                            return;
                        }
                    }
                    const std::size_t size = std::stoul(input.substr(0, line), nullptr, 16);
                    while (input.size() < line + 2 + size + 2) {
                        if (!fill(fd, input)) {
                            ::close(fd);
                            return;
                        }
                    }
                    r.body += input.substr(line + 2, size);
                    input.erase(0, line + 2 + size + 2);
                    if (size == 0) {
                        break;
                    }
                }
            } else if (const std::size_t at = r.head.find("ontent-Length: ");
                       at != std::string::npos) {
                const std::size_t size = std::stoul(r.head.substr(at + 15));
                while (input.size() < size) {
                    if (!fill(fd, input)) {
                        ::close(fd);
                        return;
                    }
                }
                r.body = input.substr(0, size);
                input.erase(0, size);
            }
            std::string answer;
            {
                std::lock_guard lock(m_mutex);
                r.index = int(m_log.size());
                m_log.push_back(r);
            }
            answer = m_script(r);
            if (answer.empty()) {
                ::close(fd);
                return;
            }
            ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
        }
    }

    Script m_script;
    std::vector<Received> m_log;
};

// An HTTP/2 endpoint over TLS (ALPN h2 only, the certificate `leaf`): every stream is answered
// 200 with "tls h2 <scheme> <path>". One thread per connection, blocking OpenSSL and nghttp2's
// server session. `alpnSeen` is the protocol the last handshake settled on ("" for none).
class TlsH2Backend : public LoopbackServer
{
public:
    explicit TlsH2Backend(const Tls::PemPair &leaf)
    {
        m_ctx = SSL_CTX_new(TLS_server_method());
        BIO *certBio = BIO_new_mem_buf(leaf.certificate.data(), int(leaf.certificate.size()));
        X509 *cert = PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr);
        BIO *keyBio = BIO_new_mem_buf(leaf.privateKey.data(), int(leaf.privateKey.size()));
        EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
        SSL_CTX_use_certificate(m_ctx, cert);
        SSL_CTX_use_PrivateKey(m_ctx, key);
        X509_free(cert);
        EVP_PKEY_free(key);
        BIO_free(certBio);
        BIO_free(keyBio);
        SSL_CTX_set_alpn_select_cb(
            m_ctx,
            [](SSL *, const unsigned char **out, unsigned char *outlen, const unsigned char *in,
               unsigned int inlen, void *) -> int {
                static const unsigned char kH2[] = {2, 'h', '2'};
                unsigned char *selected = nullptr;
                if (SSL_select_next_proto(&selected, outlen, kH2, sizeof kH2, in, inlen) !=
                    OPENSSL_NPN_NEGOTIATED) {
                    return SSL_TLSEXT_ERR_ALERT_FATAL;
                }
                *out = selected;
                return SSL_TLSEXT_ERR_OK;
            },
            nullptr);
        startAccepting(16);
    }
    ~TlsH2Backend()
    {
        stopAccepting();
        SSL_CTX_free(m_ctx);
    }
    int connections() const
    {
        std::lock_guard lock(m_mutex);
        return int(m_fds.size());
    }
    int answered() const { return m_answered.load(); }
    std::string alpnSeen() const
    {
        std::lock_guard lock(m_mutex);
        return m_alpn;
    }

private:
    struct Connection
    {
        SSL *ssl = nullptr;
        nghttp2_session *session = nullptr;
        std::map<std::int32_t, std::pair<std::string, std::string>> requests; // scheme, path
        std::map<std::int32_t, std::string> bodies;
        std::atomic<int> *answered = nullptr; // the server's count of streams answered
    };

    void serve(int fd) override
    {
        // OpenSSL writes with write(): a gateway that went away would raise SIGPIPE here.
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
        Connection c;
        c.answered = &m_answered;
        c.ssl = SSL_new(m_ctx);
        SSL_set_fd(c.ssl, fd);
        const bool ok = SSL_accept(c.ssl) == 1;
        {
            const unsigned char *protocol = nullptr;
            unsigned int length = 0;
            if (ok) {
                SSL_get0_alpn_selected(c.ssl, &protocol, &length);
            }
            std::lock_guard lock(m_mutex);
            m_alpn = ok ? std::string(reinterpret_cast<const char *>(protocol), length) : "";
        }
        if (ok) {
            run(c);
        }
        if (c.session) {
            nghttp2_session_del(c.session);
        }
        SSL_free(c.ssl);
        ::close(fd);
    }

    static void run(Connection &c)
    {
        nghttp2_session_callbacks *callbacks = nullptr;
        nghttp2_session_callbacks_new(&callbacks);
        nghttp2_session_callbacks_set_on_header_callback(
            callbacks, [](nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name,
                          size_t nameLength, const uint8_t *value, size_t valueLength, uint8_t,
                          void *user) -> int {
                auto &conn = *static_cast<Connection *>(user);
                const std::string n(reinterpret_cast<const char *>(name), nameLength);
                const std::string v(reinterpret_cast<const char *>(value), valueLength);
                if (n == ":scheme") {
                    conn.requests[frame->hd.stream_id].first = v;
                } else if (n == ":path") {
                    conn.requests[frame->hd.stream_id].second = v;
                }
                return 0;
            });
        nghttp2_session_callbacks_set_on_frame_recv_callback(
            callbacks, [](nghttp2_session *session, const nghttp2_frame *frame, void *user) -> int {
                auto &conn = *static_cast<Connection *>(user);
                if ((frame->hd.type != NGHTTP2_HEADERS && frame->hd.type != NGHTTP2_DATA) ||
                    !(frame->hd.flags & NGHTTP2_FLAG_END_STREAM)) {
                    return 0;
                }
                const std::int32_t id = frame->hd.stream_id;
                const auto &[scheme, path] = conn.requests[id];
                conn.bodies[id] = "tls h2 " + scheme + " " + path;
                ++*conn.answered;
                static const std::string kStatus = ":status", k200 = "200";
                nghttp2_nv nv{reinterpret_cast<uint8_t *>(const_cast<char *>(kStatus.data())),
                              reinterpret_cast<uint8_t *>(const_cast<char *>(k200.data())),
                              kStatus.size(), k200.size(), NGHTTP2_NV_FLAG_NONE};
                nghttp2_data_provider provider{};
                provider.source.ptr = &conn.bodies[id];
                provider.read_callback = [](nghttp2_session *, int32_t, uint8_t *buf,
                                            size_t length, uint32_t *flags,
                                            nghttp2_data_source *source, void *) -> ssize_t {
                    auto *body = static_cast<std::string *>(source->ptr);
                    const size_t n = std::min(length, body->size());
                    std::memcpy(buf, body->data(), n);
                    body->erase(0, n);
                    if (body->empty()) {
                        *flags |= NGHTTP2_DATA_FLAG_EOF;
                    }
                    return ssize_t(n);
                };
                nghttp2_submit_response(session, id, &nv, 1, &provider);
                return 0;
            });
        nghttp2_session_server_new(&c.session, callbacks, &c);
        nghttp2_session_callbacks_del(callbacks);
        nghttp2_submit_settings(c.session, NGHTTP2_FLAG_NONE, nullptr, 0);
        for (;;) {
            const uint8_t *data = nullptr;
            ssize_t n;
            while ((n = nghttp2_session_mem_send(c.session, &data)) > 0) {
                if (SSL_write(c.ssl, data, int(n)) <= 0) {
                    return;
                }
            }
            char buffer[16384];
            const int r = SSL_read(c.ssl, buffer, sizeof buffer);
            if (r <= 0 ||
                nghttp2_session_mem_recv(c.session, reinterpret_cast<uint8_t *>(buffer),
                                         size_t(r)) < 0) {
                return;
            }
        }
    }

    SSL_CTX *m_ctx = nullptr;
    std::string m_alpn;
    std::atomic<int> m_answered{0};
};

// What a ScriptedH2cBackend received on one stream.
struct H2Received
{
    int index = 0;      // request number on this endpoint, 0-based, in completion order
    int connection = 0; // connection number on this endpoint, 0-based, in accept order
    std::string method;
    std::string path;
    std::map<std::string, std::string> headers; // lower-case names, as HTTP/2 carries them
    std::string body;
    std::map<std::string, std::string> trailers;
};

// What a ScriptedH2cBackend does with a complete request.
struct H2Reply
{
    enum class Kind {
        Answer, // interim heads (earlyHints), then the status, body and trailers
        Refuse, // RST_STREAM REFUSED_STREAM
        Reset,  // RST_STREAM INTERNAL_ERROR
        GoAway, // GOAWAY with a last-stream-id below the stream, then close
        Close,  // close the connection, no GOAWAY (as when it was found idle)
        Hold,   // nothing, ever
    };
    Kind kind = Kind::Answer;
    int status = 200;
    std::string body;
    bool earlyHints = false; // 103 with a Link field first
    std::vector<std::pair<std::string, std::string>> headers;
    std::vector<std::pair<std::string, std::string>> trailers;
};

// An h2c endpoint (prior knowledge only, as the echo's h2c port): nghttp2's server session on a
// blocking socket per connection. Each complete request is logged and answered as the script
// says; "expect: 100-continue" gets a 100 before the body is read. HTTP/1.1 bytes break its
// session (the connection closes without an answer).
class ScriptedH2cBackend : public LoopbackServer
{
public:
    using Script = std::function<H2Reply(const H2Received &)>;
    explicit ScriptedH2cBackend(Script script)
        : m_script(std::move(script))
    {
        startAccepting(512);
    }
    ~ScriptedH2cBackend() { stopAccepting(); }
    std::vector<H2Received> log() const
    {
        std::lock_guard lock(m_mutex);
        return m_log;
    }
    int connections() const
    {
        std::lock_guard lock(m_mutex);
        return int(m_fds.size());
    }

private:
    struct Outgoing
    {
        std::string body;
        std::vector<std::pair<std::string, std::string>> trailers;
    };
    struct Connection
    {
        ScriptedH2cBackend *server = nullptr;
        int index = 0;
        nghttp2_session *session = nullptr;
        std::map<std::int32_t, H2Received> streams;
        std::map<std::int32_t, bool> headDone;
        std::map<std::int32_t, Outgoing> outgoing;
        bool closeAfterFlush = false;
    };

    static nghttp2_nv nv(const std::string &name, const std::string &value)
    {
        return {reinterpret_cast<uint8_t *>(const_cast<char *>(name.data())),
                reinterpret_cast<uint8_t *>(const_cast<char *>(value.data())), name.size(),
                value.size(), NGHTTP2_NV_FLAG_NONE};
    }

    static void complete(Connection &c, std::int32_t id)
    {
        H2Received r = c.streams[id];
        r.connection = c.index;
        {
            std::lock_guard lock(c.server->m_mutex);
            r.index = int(c.server->m_log.size());
            c.server->m_log.push_back(r);
        }
        const H2Reply reply = c.server->m_script(r);
        switch (reply.kind) {
        case H2Reply::Kind::Hold:
            return;
        case H2Reply::Kind::Refuse:
            nghttp2_submit_rst_stream(c.session, NGHTTP2_FLAG_NONE, id, NGHTTP2_REFUSED_STREAM);
            return;
        case H2Reply::Kind::Reset:
            nghttp2_submit_rst_stream(c.session, NGHTTP2_FLAG_NONE, id, NGHTTP2_INTERNAL_ERROR);
            return;
        case H2Reply::Kind::GoAway:
            nghttp2_submit_goaway(c.session, NGHTTP2_FLAG_NONE, std::max(0, id - 2),
                                  NGHTTP2_NO_ERROR, nullptr, 0);
            c.closeAfterFlush = true;
            return;
        case H2Reply::Kind::Close:
            c.closeAfterFlush = true;
            return;
        case H2Reply::Kind::Answer:
            break;
        }
        if (reply.earlyHints) {
            const std::string s = ":status", v = "103", l = "link", lv = "</style.css>; rel=preload";
            const nghttp2_nv hints[] = {nv(s, v), nv(l, lv)};
            nghttp2_submit_headers(c.session, NGHTTP2_FLAG_NONE, id, nullptr, hints, 2, nullptr);
        }
        const std::string status = std::to_string(reply.status);
        const std::string statusName = ":status";
        std::vector<nghttp2_nv> fields = {nv(statusName, status)};
        for (const auto &[n, v] : reply.headers) {
            fields.push_back(nv(n, v));
        }
        c.outgoing[id] = Outgoing{reply.body, reply.trailers};
        nghttp2_data_provider provider{};
        provider.source.ptr = &c;
        provider.read_callback = [](nghttp2_session *session, int32_t stream, uint8_t *buf,
                                    size_t length, uint32_t *flags, nghttp2_data_source *source,
                                    void *) -> ssize_t {
            Connection &conn = *static_cast<Connection *>(source->ptr);
            Outgoing &out = conn.outgoing[stream];
            const size_t n = std::min(length, out.body.size());
            std::memcpy(buf, out.body.data(), n);
            out.body.erase(0, n);
            if (out.body.empty()) {
                *flags |= NGHTTP2_DATA_FLAG_EOF;
                if (!out.trailers.empty()) {
                    std::vector<nghttp2_nv> t;
                    for (const auto &[tn, tv] : out.trailers) {
                        t.push_back(nv(tn, tv));
                    }
                    nghttp2_submit_trailer(session, stream, t.data(), t.size());
                    *flags |= NGHTTP2_DATA_FLAG_NO_END_STREAM;
                }
            }
            return ssize_t(n);
        };
        nghttp2_submit_response(c.session, id, fields.data(), fields.size(), &provider);
    }

    void serve(int fd) override
    {
        Connection c;
        c.server = this;
        {
            std::lock_guard lock(m_mutex);
            c.index = m_accepted++;
        }
        nghttp2_session_callbacks *callbacks = nullptr;
        nghttp2_session_callbacks_new(&callbacks);
        nghttp2_session_callbacks_set_on_header_callback(
            callbacks, [](nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name,
                          size_t nameLength, const uint8_t *value, size_t valueLength, uint8_t,
                          void *user) -> int {
                auto &conn = *static_cast<Connection *>(user);
                const std::int32_t id = frame->hd.stream_id;
                const std::string n(reinterpret_cast<const char *>(name), nameLength);
                const std::string v(reinterpret_cast<const char *>(value), valueLength);
                H2Received &r = conn.streams[id];
                if (conn.headDone[id]) {
                    r.trailers[n] = v;
                } else if (n == ":method") {
                    r.method = v;
                } else if (n == ":path") {
                    r.path = v;
                } else if (n[0] != ':') {
                    r.headers[n] = v;
                }
                return 0;
            });
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(
            callbacks, [](nghttp2_session *, uint8_t, int32_t id, const uint8_t *data,
                          size_t length, void *user) -> int {
                auto &conn = *static_cast<Connection *>(user);
                conn.streams[id].body.append(reinterpret_cast<const char *>(data), length);
                return 0;
            });
        nghttp2_session_callbacks_set_on_frame_recv_callback(
            callbacks, [](nghttp2_session *session, const nghttp2_frame *frame, void *user) -> int {
                auto &conn = *static_cast<Connection *>(user);
                const std::int32_t id = frame->hd.stream_id;
                if (frame->hd.type == NGHTTP2_HEADERS && !conn.headDone[id]) {
                    conn.headDone[id] = true;
                    if (conn.streams[id].headers["expect"] == "100-continue" &&
                        !(frame->hd.flags & NGHTTP2_FLAG_END_STREAM)) {
                        const std::string s = ":status", v = "100";
                        const nghttp2_nv go[] = {nv(s, v)};
                        nghttp2_submit_headers(session, NGHTTP2_FLAG_NONE, id, nullptr, go, 1,
                                               nullptr);
                    }
                }
                if ((frame->hd.type == NGHTTP2_HEADERS || frame->hd.type == NGHTTP2_DATA) &&
                    (frame->hd.flags & NGHTTP2_FLAG_END_STREAM)) {
                    complete(conn, id);
                }
                return 0;
            });
        nghttp2_session_server_new(&c.session, callbacks, &c);
        nghttp2_session_callbacks_del(callbacks);
        nghttp2_submit_settings(c.session, NGHTTP2_FLAG_NONE, nullptr, 0);
        for (;;) {
            const uint8_t *data = nullptr;
            ssize_t n;
            bool broken = false;
            while ((n = nghttp2_session_mem_send(c.session, &data)) > 0) {
                if (::send(fd, data, size_t(n), MSG_NOSIGNAL) != n) {
                    broken = true;
                    break;
                }
            }
            if (broken) {
                break;
            }
            if (c.closeAfterFlush) {
                // A graceful close: the GOAWAY is read before the end of the stream (a close
                // with unread bytes would be a reset that may discard it).
                ::shutdown(fd, SHUT_WR);
                char sink[16384];
                pollfd p{fd, POLLIN, 0};
                while (::poll(&p, 1, 1000) > 0 && ::recv(fd, sink, sizeof sink, 0) > 0) {
                }
                break;
            }
            char buffer[16384];
            const long r = ::recv(fd, buffer, sizeof buffer, 0);
            if (r <= 0 ||
                nghttp2_session_mem_recv(c.session, reinterpret_cast<uint8_t *>(buffer),
                                         size_t(r)) < 0) {
                break;
            }
        }
        nghttp2_session_del(c.session);
        ::close(fd);
    }

    Script m_script;
    std::vector<H2Received> m_log;
    int m_accepted = 0;
};

// An HTTP/1.1 (or 1.0) client's whole exchange over a raw socket: `request` sent, the bytes read
// until the final response's body is complete (Content-Length or chunked) or the gateway closed.
std::string rawExchange(quint16 port, const std::string &request, int timeoutMs = 5000)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0) {
        ::close(fd);
        return {};
    }
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::string response;
    const auto complete = [&response] {
        std::size_t start = 0;
        for (;;) { // skip interim heads
            const std::size_t end = response.find("\r\n\r\n", start);
            if (end == std::string::npos) {
                return false;
            }
            if (response.compare(start, 10, "HTTP/1.1 1") != 0) {
                std::string head = response.substr(start, end + 4 - start);
                for (char &c : head) { // an HTTP/2 endpoint's field names arrive lower-case
                    c = char(std::tolower(static_cast<unsigned char>(c)));
                }
                const std::string body = response.substr(end + 4);
                if (const std::size_t at = head.find("content-length: "); at != std::string::npos) {
                    return body.size() >= std::stoul(head.substr(at + 16));
                }
                if (head.find("transfer-encoding: chunked") != std::string::npos) {
                    return body.size() >= 5 && body.compare(body.size() - 5, 5, "0\r\n\r\n") == 0;
                }
                return false; // close-delimited
            }
            start = end + 4;
        }
    };
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!complete() && std::chrono::steady_clock::now() < end) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 50) > 0) {
            char buffer[16384];
            const long n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                break;
            }
            response.append(buffer, std::size_t(n));
        }
    }
    ::close(fd);
    return response;
}

std::string bodyOf(const std::string &response)
{
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = response.find("\r\n\r\n", start);
        if (end == std::string::npos) {
            return {};
        }
        if (response.compare(start, 10, "HTTP/1.1 1") != 0) {
            return response.substr(end + 4);
        }
        start = end + 4;
    }
}

H2Reply reply(int status, std::string body)
{
    H2Reply r;
    r.status = status;
    r.headers = {{"content-length", std::to_string(body.size())}};
    r.body = std::move(body);
    return r;
}

H2Reply replyOf(H2Reply::Kind kind)
{
    H2Reply r;
    r.kind = kind;
    return r;
}

RT::HttpRoute routeTo(const std::string &service)
{
    RT::HttpRoute r;
    r.source.kind = "HTTPRoute";
    r.source.ns = "default";
    r.source.name = "r";
    r.match.path = RT::PathMatch{RT::PathMatchType::PathPrefix, "/"};
    RT::Backend b;
    b.ns = "default";
    b.service = service;
    b.port = 8080;
    b.weight = 1;
    r.backends = {b};
    return r;
}

// A route to service "a" whose rule mirrors to `target`; `filtered` adds a header filter after
// the mirror (the copy must carry what the filters did: X-Filtered: yes).
RT::HttpRoute mirroringRoute(const RT::Backend &target, bool filtered = false)
{
    RT::HttpRoute route = routeTo("a");
    RT::Filter filter;
    filter.type = RT::Filter::Type::RequestMirror;
    filter.mirror.backend = std::make_shared<RT::Backend>(target);
    route.filters = {filter};
    if (filtered) {
        RT::Filter header;
        header.type = RT::Filter::Type::RequestHeaderModifier;
        header.headers.set = {{"X-Filtered", "yes"}};
        route.filters.push_back(header);
    }
    return route;
}

struct Running
{
    std::unique_ptr<Gateway> gateway;
    quint16 port = 0;
    std::vector<RequestEvent> events()
    {
        std::vector<RequestEvent> out;
        gateway->drainEvents([&](const RequestEvent &e) { out.push_back(e); });
        return out;
    }
};

Running startGateway(RT::HttpRoute route, EndpointMap endpoints)
{
    RT::RouteTableBuilder builder;
    builder.addListener(kPort, RT::ListenerProtocol::HTTP);
    builder.addListenerHost(kPort, "*");
    builder.addHttpRoute(kPort, {"*"}, std::move(route));
    GatewayConfig config;
    config.listeners.push_back({kPort, "127.0.0.1", 0, nullptr});
    config.eventRingCapacity = 64;
    Running running;
    running.gateway = std::make_unique<Gateway>(config);
    running.gateway->setRouteTable(builder.build());
    running.gateway->setEndpoints(std::move(endpoints));
    if (running.gateway->start()) {
        running.port = running.gateway->boundPorts().at(kPort);
    }
    return running;
}

const std::string kOk = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

std::string answer(int status, const std::string &body)
{
    return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

using RetryTest::refusedEndpoint;
using RetryTest::retryOn;

H2Client::Result exchange(H2Client &client, const std::string &method, const std::string &path,
                          const std::string *body = nullptr)
{
    std::vector<std::pair<std::string, std::string>> extra;
    if (body) {
        extra.emplace_back("content-length", std::to_string(body->size()));
    }
    const std::int32_t id = client.request(method, path, "example.test", extra, body);
    client.runUntil([&] { return client.results[id].closed; });
    return client.results[id];
}

} // namespace

class TestProxyHttp2ClientPath : public QObject
{
    Q_OBJECT
private slots:
    void earlyHintsAreForwarded();
    void continueKeepsTheStream();
    void chunkedTrailersBecomeHttp2Trailers();
    void retriesListedStatusAndReplaysBody();
    void retriesAreBoundedByAttempts();
    void connectFailureIsRetriedOnAnotherEndpoint();
    void staleConnectionIsResentOnce();
    void mirrorGetsACopy();
    void tlsTowardsHttp2Endpoint();
    // Towards an h2c endpoint (Http2Upstream): retries, refused streams, mirrors, 1xx.
    void http1ClientRetriesH2cEndpoint();
    void http2ClientRetriesH2cEndpointAndGrpc();
    void refusedStreamIsResentOnce();
    void closedIdleH2cConnectionIsResentOnce();
    void mirrorToH2cEndpointGoesAsHttp2();
    void h2cMirrorIsBounded();
    void h2MirrorOverTls();
    void interimFromH2cEndpointReachesClients();
};

void TestProxyHttp2ClientPath::earlyHintsAreForwarded()
{
    RawBackend backend([](const Received &) {
        return "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n" + kOk;
    });
    Running g = startGateway(routeTo("a"), {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    QVERIFY(client.connected());
    const std::int32_t id = client.request("GET", "/page", "example.test");
    QVERIFY(client.runUntil([&] { return client.results[id].closed; }));
    const H2Client::Result &r = client.results[id];
    QCOMPARE(r.error, 0u);
    QCOMPARE(r.interim, std::vector<int>{103});
    QCOMPARE(r.header("link"), std::string("</style.css>; rel=preload"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, std::string("ok"));
}

void TestProxyHttp2ClientPath::continueKeepsTheStream()
{
    RawBackend backend([](const Received &r) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(r.body.size()) + "\r\n\r\n" +
               r.body;
    });
    Running g = startGateway(routeTo("a"), {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    const std::string body = "hello";
    const std::int32_t id = client.request(
        "POST", "/upload", "example.test",
        {{"expect", "100-continue"}, {"content-length", "5"}}, &body);
    QVERIFY(client.runUntil([&] { return client.results[id].closed; }));
    QCOMPARE(client.results[id].error, 0u);
    QCOMPARE(client.results[id].interim, std::vector<int>{100});
    QCOMPARE(client.results[id].status, 200);
    QCOMPARE(client.results[id].body, body);
    // The connection goes on: another stream after the interim one.
    const std::int32_t next = client.request("GET", "/after", "example.test");
    QVERIFY(client.runUntil([&] { return client.results[next].closed; }));
    QCOMPARE(client.results[next].status, 200);
    QCOMPARE(backend.log().size(), std::size_t(2));
}

void TestProxyHttp2ClientPath::chunkedTrailersBecomeHttp2Trailers()
{
    RawBackend backend([](const Received &) {
        return std::string("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Checksum\r\n"
                           "\r\n5\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc123\r\n\r\n");
    });
    Running g = startGateway(routeTo("a"), {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    const std::int32_t id = client.request("GET", "/file", "example.test", {{"te", "trailers"}});
    QVERIFY(client.runUntil([&] { return client.results[id].closed; }));
    const H2Client::Result &r = client.results[id];
    QCOMPARE(r.error, 0u);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, std::string("hello world"));
    QCOMPARE(r.header("x-checksum"), std::string("abc123"));
    QVERIFY(r.header("transfer-encoding").empty());
    // A second request reuses the upstream connection: the trailers did not leave it unusable.
    const std::int32_t next = client.request("GET", "/again", "example.test");
    QVERIFY(client.runUntil([&] { return client.results[next].closed; }));
    QCOMPARE(client.results[next].header("x-checksum"), std::string("abc123"));
}

void TestProxyHttp2ClientPath::retriesListedStatusAndReplaysBody()
{
    RawBackend backend([](const Received &r) {
        return r.index < 2 ? answer(503, "busy") : answer(200, "took " + r.body);
    });
    RT::HttpRoute route = routeTo("a");
    route.retry = retryOn({503}, 3, 5);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    const std::string body = "hello body";
    const H2Client::Result r = exchange(client, "POST", "/p", &body);
    QCOMPARE(r.error, 0u);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, std::string("took hello body"));
    const std::vector<Received> log = backend.log();
    QCOMPARE(log.size(), std::size_t(3));
    for (const Received &received : log) {
        QCOMPARE(received.body, body); // the body replayed each time
        QVERIFY2(received.head.rfind("POST /p HTTP/1.1\r\n", 0) == 0, received.head.c_str());
    }
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events[0].attempts, 3);
    QCOMPARE(events[0].status, 200);
    QCOMPARE(std::string(events[0].protocol), std::string("HTTP/2"));
    // The connection goes on.
    QCOMPARE(exchange(client, "GET", "/again").status, 200);
}

void TestProxyHttp2ClientPath::retriesAreBoundedByAttempts()
{
    RawBackend backend([](const Received &) { return answer(503, "busy"); });
    RT::HttpRoute route = routeTo("a");
    route.retry = retryOn({503}, 2, 1);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    const H2Client::Result r = exchange(client, "GET", "/x");
    QCOMPARE(r.status, 503); // the last attempt's answer, passed on
    QCOMPARE(r.body, std::string("busy"));
    QCOMPARE(backend.log().size(), std::size_t(3)); // 1 + 2 retries
    QCOMPARE(g.events().at(0).attempts, 3);
    // An unlisted status is not retried.
    RawBackend failing([](const Received &) { return answer(500, "broken"); });
    Running other = startGateway(route, {{endpointKey("default", "a", 8080), {failing.endpoint()}}});
    H2Client second(other.port);
    QCOMPARE(exchange(second, "GET", "/y").status, 500);
    QCOMPARE(failing.log().size(), std::size_t(1));
}

void TestProxyHttp2ClientPath::connectFailureIsRetriedOnAnotherEndpoint()
{
    RawBackend backend([](const Received &) { return kOk; });
    RT::HttpRoute route = routeTo("a");
    route.retry = retryOn({}, 1, 1);
    // Round robin: the first attempt goes to the refused endpoint, the retry to the live one.
    Running g = startGateway(
        route, {{endpointKey("default", "a", 8080), {refusedEndpoint(), backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    QCOMPARE(exchange(client, "GET", "/x").status, 200);
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.at(0).attempts, 2);
    QCOMPARE(events.at(0).endpoint, backend.endpoint());
    // Without a retry stanza the same failure is the gateway's 502.
    Running plain =
        startGateway(routeTo("a"), {{endpointKey("default", "a", 8080), {refusedEndpoint()}}});
    H2Client other(plain.port);
    QCOMPARE(exchange(other, "GET", "/x").status, 502);
}

void TestProxyHttp2ClientPath::staleConnectionIsResentOnce()
{
    // The second request (on the pooled connection of the first) is met with a close and no
    // answer, as an endpoint closing an idle connection at the moment it is reused.
    RawBackend backend([](const Received &r) {
        return r.index == 1 ? std::string() : answer(200, "attempt " + std::to_string(r.index));
    });
    Running g = startGateway(routeTo("a"), {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    QCOMPARE(exchange(client, "GET", "/one").status, 200);
    const std::string body = "payload";
    const H2Client::Result r = exchange(client, "POST", "/two", &body);
    QCOMPARE(r.status, 200); // re-sent on a fresh connection, not a 502
    QCOMPARE(r.body, std::string("attempt 2"));
    const std::vector<Received> log = backend.log();
    QCOMPARE(log.size(), std::size_t(3));
    QCOMPARE(log.back().body, body);
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.size(), std::size_t(2));
    QCOMPARE(events.at(1).attempts, 1); // not a policy retry
}

void TestProxyHttp2ClientPath::mirrorGetsACopy()
{
    RawBackend main([](const Received &r) { return answer(200, "main got " + r.body); });
    RawBackend mirror([](const Received &) { return answer(500, "mirror"); });
    RT::HttpRoute route = mirroringRoute(routeTo("m").backends.front(), true);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {main.endpoint()}},
                                     {endpointKey("default", "m", 8080), {mirror.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    const std::string body = "copy me";
    QCOMPARE(exchange(client, "POST", "/with-length", &body).body, std::string("main got copy me"));
    // No content-length: the body goes chunked to both.
    const std::int32_t id = client.request("POST", "/chunked", "example.test", {}, &body);
    QVERIFY(client.runUntil([&] { return client.results[id].closed; }));
    QCOMPARE(client.results[id].status, 200); // the mirror's 500 is dropped
    QCOMPARE(exchange(client, "GET", "/no-body").status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(mirror.log().size(), std::size_t(3), 5000);
    for (const Received &received : mirror.log()) {
        QCOMPARE(received.body, received.head.rfind("GET", 0) == 0 ? std::string() : body);
        // The head after the rule's request filters, whatever the filter order.
        QVERIFY2(received.head.find("X-Filtered: yes\r\n") != std::string::npos,
                 received.head.c_str());
    }
    QCOMPARE(main.log().size(), std::size_t(3));
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.size(), std::size_t(3));
    QCOMPARE(events.at(0).mirrors, 1);
    QCOMPARE(g.gateway->droppedMirrors(), std::uint64_t(0));
}

void TestProxyHttp2ClientPath::tlsTowardsHttp2Endpoint()
{
    const auto ca = Tls::CertificateAuthority::create("h2 backend CA");
    TlsH2Backend backend(ca->issue("h2.example.com", {"DNS:h2.example.com"},
                                   Tls::CertificateUse::Server));
    auto policy = std::make_shared<RT::BackendTls>();
    policy->policy = "default/h2-tls";
    policy->hostname = "h2.example.com";
    policy->trustedPem = ca->pem().certificate;
    policy->key = "h2-tls";
    RT::HttpRoute route = routeTo("h2");
    route.backends[0].appProtocol = "kubernetes.io/h2c";
    route.backends[0].tls = policy;
    Running g = startGateway(route, {{endpointKey("default", "h2", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    std::vector<std::int32_t> ids;
    for (int i = 0; i < 5; ++i) { // streams of one client, on one TLS connection upstream
        ids.push_back(client.request("GET", "/s" + std::to_string(i), "example.test"));
    }
    QVERIFY(client.runUntil([&] {
        return std::all_of(ids.begin(), ids.end(),
                           [&](std::int32_t id) { return client.results[id].closed; });
    }));
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(client.results[ids[i]].status, 200);
        QCOMPARE(client.results[ids[i]].body, "tls h2 https /s" + std::to_string(i));
    }
    QCOMPARE(backend.alpnSeen(), std::string("h2"));
    QCOMPARE(backend.connections(), 1);
    {
        // An HTTP/1.1 client's request to the same backend: a stream on that TLS connection.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(g.port);
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa), 0);
        const std::string request = "GET /h1 HTTP/1.1\r\nHost: example.test\r\n\r\n";
        ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
        std::string response;
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (response.find("tls h2 https /h1") == std::string::npos &&
               std::chrono::steady_clock::now() < end) {
            pollfd p{fd, POLLIN, 0};
            char buffer[4096];
            if (::poll(&p, 1, 100) > 0) {
                const long n = ::recv(fd, buffer, sizeof buffer, 0);
                if (n <= 0) {
                    break;
                }
                response.append(buffer, std::size_t(n));
            }
        }
        ::close(fd);
        QVERIFY2(response.rfind("HTTP/1.1 200", 0) == 0, response.c_str());
        QVERIFY2(response.find("tls h2 https /h1") != std::string::npos, response.c_str());
        QCOMPARE(backend.connections(), 1);
    }

    // A policy the endpoint's certificate does not satisfy: no request reaches it, 502.
    auto wrong = std::make_shared<RT::BackendTls>(*policy);
    wrong->hostname = "other.example.com";
    wrong->key = "h2-tls-wrong";
    RT::HttpRoute mismatch = routeTo("h2");
    mismatch.backends[0].appProtocol = "kubernetes.io/h2c";
    mismatch.backends[0].tls = wrong;
    Running other =
        startGateway(mismatch, {{endpointKey("default", "h2", 8080), {backend.endpoint()}}});
    H2Client second(other.port);
    const H2Client::Result r = exchange(second, "GET", "/x");
    QCOMPARE(r.status, 502);
    QVERIFY2(r.body.find("did not verify") != std::string::npos, r.body.c_str());
}

RT::HttpRoute h2cRouteTo(const std::string &service)
{
    RT::HttpRoute route = routeTo(service);
    route.backends[0].appProtocol = "kubernetes.io/h2c";
    return route;
}

void TestProxyHttp2ClientPath::http1ClientRetriesH2cEndpoint()
{
    ScriptedH2cBackend backend([](const H2Received &r) {
        return r.index % 3 < 2 ? reply(503, "busy") : reply(200, "took " + r.body);
    });
    RT::HttpRoute route = h2cRouteTo("a");
    route.retry = retryOn({503}, 3, 5);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    const std::string body = "hello body";
    std::string response = rawExchange(
        g.port, "POST /p HTTP/1.1\r\nHost: example.test\r\nContent-Length: 10\r\n\r\n" + body);
    QVERIFY2(response.rfind("HTTP/1.1 200", 0) == 0, response.c_str());
    QCOMPARE(bodyOf(response), "took " + body);
    // Chunked: the body arrives in two chunks, and is replayed whole to each attempt.
    response = rawExchange(g.port, "POST /c HTTP/1.1\r\nHost: example.test\r\n"
                                   "Transfer-Encoding: chunked\r\n\r\n"
                                   "5\r\nhello\r\n5\r\n body\r\n0\r\n\r\n");
    QVERIFY2(response.rfind("HTTP/1.1 200", 0) == 0, response.c_str());
    QVERIFY2(response.find("took " + body) != std::string::npos, response.c_str());
    const std::vector<H2Received> log = backend.log();
    QCOMPARE(log.size(), std::size_t(6));
    for (const H2Received &received : log) {
        QCOMPARE(received.method, std::string("POST"));
        QCOMPARE(received.body, body); // the same body each time, as HTTP/2 DATA
    }
    QCOMPARE(log[0].path, std::string("/p"));
    QCOMPARE(log[5].path, std::string("/c"));
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.size(), std::size_t(2));
    for (const RequestEvent &e : events) {
        QCOMPARE(e.attempts, 3);
        QCOMPARE(e.status, 200);
    }
}

void TestProxyHttp2ClientPath::http2ClientRetriesH2cEndpointAndGrpc()
{
    ScriptedH2cBackend backend([](const H2Received &r) {
        return r.index % 3 < 2 ? reply(503, "busy") : reply(200, "took " + r.body);
    });
    RT::HttpRoute route = h2cRouteTo("a");
    route.retry = retryOn({503}, 3, 5);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    const std::string body = "hello body";
    H2Client::Result r = exchange(client, "POST", "/p", &body);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, "took " + body);
    // No content-length: the body's length is known only at its end.
    const std::int32_t id = client.request("POST", "/c", "example.test", {}, &body);
    QVERIFY(client.runUntil([&] { return client.results[id].closed; }));
    QCOMPARE(client.results[id].status, 200);
    QCOMPARE(client.results[id].body, "took " + body);
    QCOMPARE(backend.log().size(), std::size_t(6));
    for (const H2Received &received : backend.log()) {
        QCOMPARE(received.body, body);
    }
    for (const RequestEvent &e : g.events()) {
        QCOMPARE(e.attempts, 3);
    }

    // A gRPC call on an HTTPRoute with `retry` (GRPCRoute has no retry in v1.6.1): the endpoint
    // resets the first stream, answers 503 to the second, then answers with grpc-status.
    ScriptedH2cBackend grpc([](const H2Received &r) {
        if (r.index == 0) {
            return replyOf(H2Reply::Kind::Reset);
        }
        if (r.index == 1) {
            return reply(503, "");
        }
        H2Reply ok;
        ok.headers = {{"content-type", "application/grpc"}};
        ok.body = r.body;
        ok.trailers = {{"grpc-status", "0"}};
        return ok;
    });
    RT::HttpRoute grpcRoute = routeTo("g"); // no appProtocol: gRPC goes over HTTP/2 anyway
    grpcRoute.retry = retryOn({503}, 3, 5);
    Running gg = startGateway(grpcRoute, {{endpointKey("default", "g", 8080), {grpc.endpoint()}}});
    QVERIFY(gg.port);
    H2Client grpcClient(gg.port);
    const std::string message("\0\0\0\0\3abc", 8);
    const std::int32_t call = grpcClient.request(
        "POST", "/pkg.Svc/Call", "example.test",
        {{"content-type", "application/grpc"}, {"te", "trailers"}}, &message);
    QVERIFY(grpcClient.runUntil([&] { return grpcClient.results[call].closed; }));
    const H2Client::Result &answer = grpcClient.results[call];
    QCOMPARE(answer.error, 0u);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, message);
    QCOMPARE(answer.header("grpc-status"), std::string("0"));
    const std::vector<H2Received> calls = grpc.log();
    QCOMPARE(calls.size(), std::size_t(3));
    for (const H2Received &received : calls) {
        QCOMPARE(received.body, message);
        QCOMPARE(received.headers.at("te"), std::string("trailers"));
    }
    QCOMPARE(gg.events().at(0).attempts, 3);
}

void TestProxyHttp2ClientPath::refusedStreamIsResentOnce()
{
    const std::string body = "hello body";
    const std::string post =
        "POST /p HTTP/1.1\r\nHost: example.test\r\nContent-Length: 10\r\n\r\n" + body;
    for (const H2Reply::Kind kind : {H2Reply::Kind::Refuse, H2Reply::Kind::GoAway}) {
        const char *name = kind == H2Reply::Kind::Refuse ? "REFUSED_STREAM" : "GOAWAY";
        // Every other stream is refused: each request is re-sent once, on a new connection,
        // without a retry policy.
        ScriptedH2cBackend backend([kind](const H2Received &r) {
            return r.index % 2 == 0
                       ? replyOf(kind)
                       : reply(200, "took " + r.body + " on " + std::to_string(r.connection));
        });
        Running g =
            startGateway(h2cRouteTo("a"), {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
        QVERIFY(g.port);
        const std::string response = rawExchange(g.port, post);
        QVERIFY2(response.rfind("HTTP/1.1 200", 0) == 0, name);
        QCOMPARE(bodyOf(response), "took " + body + " on 1");
        H2Client client(g.port);
        const H2Client::Result r = exchange(client, "POST", "/p", &body);
        QCOMPARE(r.status, 200);
        const std::vector<H2Received> log = backend.log();
        QCOMPARE(log.size(), std::size_t(4));
        for (const H2Received &received : log) {
            QCOMPARE(received.body, body);
        }
        QVERIFY2(log[1].connection != log[0].connection, name);
        QVERIFY2(log[3].connection != log[2].connection, name);
        QCOMPARE(r.body, "took " + body + " on " + std::to_string(log[3].connection));
        for (const RequestEvent &e : g.events()) {
            QCOMPARE(e.attempts, 1); // not a policy retry
            QCOMPARE(e.status, 200);
        }

        // Refused again: the gateway's 502 says why.
        ScriptedH2cBackend refusing([kind](const H2Received &) { return replyOf(kind); });
        Running other = startGateway(h2cRouteTo("a"),
                                     {{endpointKey("default", "a", 8080), {refusing.endpoint()}}});
        const std::string failed = rawExchange(other.port, post);
        QVERIFY2(failed.rfind("HTTP/1.1 502", 0) == 0, failed.c_str());
        QVERIFY2(failed.find("refused the HTTP/2 stream") != std::string::npos, failed.c_str());
        QVERIFY2(failed.find("again after one re-send") != std::string::npos, failed.c_str());
        QCOMPARE(refusing.log().size(), std::size_t(2));
        H2Client second(other.port);
        QCOMPARE(exchange(second, "POST", "/p", &body).status, 502);
        QCOMPARE(refusing.log().size(), std::size_t(4));
    }
}

void TestProxyHttp2ClientPath::closedIdleH2cConnectionIsResentOnce()
{
    // The second request finds the first one's connection idle, and the endpoint closes it
    // without GOAWAY and without an answer: the stale pooled connection's case, re-sent once.
    ScriptedH2cBackend backend([](const H2Received &r) {
        return r.index == 1 ? replyOf(H2Reply::Kind::Close)
                            : reply(200, "took " + r.body + " on " + std::to_string(r.connection));
    });
    Running g =
        startGateway(h2cRouteTo("a"), {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    const std::string body = "hello body";
    const std::string post =
        "POST /p HTTP/1.1\r\nHost: example.test\r\nContent-Length: 10\r\n\r\n" + body;
    QCOMPARE(bodyOf(rawExchange(g.port, post)), "took " + body + " on 0");
    const std::string response = rawExchange(g.port, post);
    QVERIFY2(response.rfind("HTTP/1.1 200", 0) == 0, response.c_str());
    QCOMPARE(bodyOf(response), "took " + body + " on 1");
    QCOMPARE(backend.log().size(), std::size_t(3));
    QCOMPARE(backend.log().at(2).body, body);
    for (const RequestEvent &e : g.events()) {
        QCOMPARE(e.attempts, 1);
    }
    // A connection's first stream that meets a close is not re-sent (it may have been
    // processed): the gateway's 502.
    ScriptedH2cBackend closing([](const H2Received &) { return replyOf(H2Reply::Kind::Close); });
    Running other =
        startGateway(h2cRouteTo("a"), {{endpointKey("default", "a", 8080), {closing.endpoint()}}});
    const std::string failed = rawExchange(other.port, post);
    QVERIFY2(failed.rfind("HTTP/1.1 502", 0) == 0, failed.c_str());
    QCOMPARE(closing.log().size(), std::size_t(1));
}

void TestProxyHttp2ClientPath::mirrorToH2cEndpointGoesAsHttp2()
{
    RawBackend main([](const Received &r) { return answer(200, "main got " + r.body); });
    ScriptedH2cBackend mirror([](const H2Received &) { return reply(500, "mirror"); });
    RT::HttpRoute route = mirroringRoute(h2cRouteTo("m").backends.front(), true);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {main.endpoint()}},
                                     {endpointKey("default", "m", 8080), {mirror.endpoint()}}});
    QVERIFY(g.port);
    const std::string body = "copy me";
    std::string response = rawExchange(
        g.port, "POST /h1 HTTP/1.1\r\nHost: example.test\r\nContent-Length: 7\r\n\r\n" + body);
    QCOMPARE(bodyOf(response), std::string("main got copy me"));
    response = rawExchange(g.port, "POST /h1c HTTP/1.1\r\nHost: example.test\r\n"
                                   "Transfer-Encoding: chunked\r\n\r\n3\r\ncop\r\n4\r\ny me\r\n0\r\n\r\n");
    QVERIFY2(response.find("main got copy me") != std::string::npos, response.c_str());
    H2Client client(g.port);
    QCOMPARE(exchange(client, "POST", "/h2", &body).body, std::string("main got copy me"));
    const std::int32_t id = client.request("POST", "/h2c", "example.test", {}, &body);
    QVERIFY(client.runUntil([&] { return client.results[id].closed; }));
    QCOMPARE(client.results[id].status, 200); // the mirror's 500 is dropped
    QCOMPARE(exchange(client, "GET", "/none").status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(mirror.log().size(), std::size_t(5), 5000);
    std::vector<std::string> paths;
    for (const H2Received &received : mirror.log()) {
        paths.push_back(received.path);
        QCOMPARE(received.body, received.method == "GET" ? std::string() : body);
        QCOMPARE(received.headers.at("x-filtered"), std::string("yes"));
    }
    std::sort(paths.begin(), paths.end());
    QCOMPARE(paths, (std::vector<std::string>{"/h1", "/h1c", "/h2", "/h2c", "/none"}));
    QCOMPARE(main.log().size(), std::size_t(5));
    for (const RequestEvent &e : g.events()) {
        QCOMPARE(e.mirrors, 1);
        QCOMPARE(e.status, 200);
    }
    QCOMPARE(g.gateway->droppedMirrors(), std::uint64_t(0));

    // A dead h2c mirror neither fails nor holds the client's requests.
    Running dead = startGateway(route, {{endpointKey("default", "a", 8080), {main.endpoint()}},
                                        {endpointKey("default", "m", 8080), {refusedEndpoint()}}});
    H2Client other(dead.port);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(exchange(other, "POST", "/d", &body).body, std::string("main got copy me"));
    }
    response = rawExchange(
        dead.port, "POST /d HTTP/1.1\r\nHost: example.test\r\nContent-Length: 7\r\n\r\n" + body);
    QCOMPARE(bodyOf(response), std::string("main got copy me"));
}

void TestProxyHttp2ClientPath::h2cMirrorIsBounded()
{
    RawBackend main([](const Received &r) {
        return answer(200, "main got " + std::to_string(r.body.size()));
    });
    // A mirror endpoint that accepts nothing and reads nothing: it never opens the stream's
    // window, so the body queues in the gateway, and past kMaxQueued the copy is dropped.
    const int stuck = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(stuck, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    ::listen(stuck, 4);
    socklen_t length = sizeof sa;
    ::getsockname(stuck, reinterpret_cast<sockaddr *>(&sa), &length);
    RT::HttpRoute route = mirroringRoute(h2cRouteTo("m").backends.front());
    {
        Running g = startGateway(
            route, {{endpointKey("default", "a", 8080), {main.endpoint()}},
                    {endpointKey("default", "m", 8080),
                     {"127.0.0.1:" + std::to_string(ntohs(sa.sin_port))}}});
        QVERIFY(g.port);
        const std::string body(2 * 1024 * 1024, 'x');
        const std::string response = rawExchange(
            g.port, "POST /big HTTP/1.1\r\nHost: example.test\r\nContent-Length: " +
                        std::to_string(body.size()) + "\r\n\r\n" + body, 10000);
        QCOMPARE(bodyOf(response), "main got " + std::to_string(body.size()));
        QCOMPARE(g.gateway->droppedMirrors(), std::uint64_t(1));
        g.gateway->stop();
    }
    ::close(stuck);

    // At most kMaxInFlight copies per worker: a mirror that never answers holds them all, and
    // the copies past the bound are dropped and counted.
    ScriptedH2cBackend holding([](const H2Received &) { return replyOf(H2Reply::Kind::Hold); });
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {main.endpoint()}},
                                     {endpointKey("default", "m", 8080), {holding.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    const int requests = int(Internal::MirrorSender::kMaxInFlight) + 4;
    for (int i = 0; i < requests; ++i) {
        QCOMPARE(exchange(client, "GET", "/n").status, 200);
    }
    QCOMPARE(g.gateway->droppedMirrors(), std::uint64_t(4));
    QTRY_COMPARE_WITH_TIMEOUT(holding.log().size(), Internal::MirrorSender::kMaxInFlight, 5000);
    g.gateway->stop();
}

void TestProxyHttp2ClientPath::h2MirrorOverTls()
{
    // A BackendTLSPolicy on the h2c mirror backend: the copy goes over TLS with ALPN h2.
    const auto ca = Tls::CertificateAuthority::create("h2 mirror CA");
    TlsH2Backend mirror(ca->issue("m.example.com", {"DNS:m.example.com"},
                                  Tls::CertificateUse::Server));
    RawBackend main([](const Received &) { return kOk; });
    auto policy = std::make_shared<RT::BackendTls>();
    policy->policy = "default/m-tls";
    policy->hostname = "m.example.com";
    policy->trustedPem = ca->pem().certificate;
    policy->key = "m-tls";
    RT::Backend target = h2cRouteTo("m").backends.front();
    target.tls = policy;
    RT::HttpRoute route = mirroringRoute(target);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {main.endpoint()}},
                                     {endpointKey("default", "m", 8080), {mirror.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(exchange(client, "GET", "/t" + std::to_string(i)).status, 200);
    }
    QTRY_COMPARE_WITH_TIMEOUT(mirror.answered(), 3, 5000); // three copies, as HTTP/2 streams
    QCOMPARE(mirror.alpnSeen(), std::string("h2"));
    QCOMPARE(mirror.connections(), 1); // the copies share one TLS connection
    QCOMPARE(g.gateway->droppedMirrors(), std::uint64_t(0));
    QCOMPARE(main.log().size(), std::size_t(3));
}

void TestProxyHttp2ClientPath::interimFromH2cEndpointReachesClients()
{
    ScriptedH2cBackend backend([](const H2Received &r) {
        H2Reply a = reply(200, "got " + r.body);
        a.earlyHints = r.path == "/hints";
        return a;
    });
    Running g =
        startGateway(h2cRouteTo("a"), {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    // HTTP/1.1: the 103 head, then the final one.
    std::string response =
        rawExchange(g.port, "GET /hints HTTP/1.1\r\nHost: example.test\r\n\r\n");
    QVERIFY2(response.rfind("HTTP/1.1 103 ", 0) == 0, response.c_str());
    QVERIFY2(containsNoCase(response.substr(0, response.find("\r\n\r\n")),
                            "link: </style.css>; rel=preload"),
             response.c_str());
    QVERIFY2(response.find("\r\n\r\nHTTP/1.1 200 ") != std::string::npos, response.c_str());
    QCOMPARE(bodyOf(response), std::string("got "));
    // HTTP/1.0 does not know 1xx: only the final answer.
    response = rawExchange(g.port, "GET /hints HTTP/1.0\r\nHost: example.test\r\n\r\n");
    QVERIFY2(response.rfind("HTTP/1.1 200 ", 0) == 0, response.c_str());
    QVERIFY2(response.find(" 103 ") == std::string::npos, response.c_str());
    // HTTP/1.1 with "Expect: 100-continue": the endpoint's 100 arrives before the body is sent.
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(g.port);
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa), 0);
        const std::string head = "POST /up HTTP/1.1\r\nHost: example.test\r\nContent-Length: 5\r\n"
                                 "Expect: 100-continue\r\n\r\n";
        ::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
        std::string got;
        const auto readUntil = [&](const std::string &text) {
            const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5);
            while (got.find(text) == std::string::npos && std::chrono::steady_clock::now() < end) {
                pollfd p{fd, POLLIN, 0};
                char buffer[4096];
                if (::poll(&p, 1, 50) > 0) {
                    const long n = ::recv(fd, buffer, sizeof buffer, 0);
                    if (n <= 0) {
                        break;
                    }
                    got.append(buffer, std::size_t(n));
                }
            }
            return got.find(text) != std::string::npos;
        };
        QVERIFY2(readUntil("HTTP/1.1 100 Continue\r\n\r\n"), got.c_str());
        ::send(fd, "hello", 5, MSG_NOSIGNAL);
        QVERIFY2(readUntil("got hello"), got.c_str());
        QVERIFY2(got.find("HTTP/1.1 200 ") != std::string::npos, got.c_str());
        ::close(fd);
    }
    // HTTP/2: HEADERS frames of their own before the final one.
    H2Client client(g.port);
    const std::int32_t hints = client.request("GET", "/hints", "example.test");
    QVERIFY(client.runUntil([&] { return client.results[hints].closed; }));
    QCOMPARE(client.results[hints].interim, std::vector<int>{103});
    QCOMPARE(client.results[hints].header("link"), std::string("</style.css>; rel=preload"));
    QCOMPARE(client.results[hints].status, 200);
    const std::string body = "hello";
    const std::int32_t up = client.request(
        "POST", "/up", "example.test", {{"expect", "100-continue"}, {"content-length", "5"}},
        &body);
    QVERIFY(client.runUntil([&] { return client.results[up].closed; }));
    QCOMPARE(client.results[up].interim, std::vector<int>{100});
    QCOMPARE(client.results[up].status, 200);
    QCOMPARE(client.results[up].body, std::string("got hello"));
}

QTEST_GUILESS_MAIN(TestProxyHttp2ClientPath)
#include "tst_proxy_http2_client_path.moc"
