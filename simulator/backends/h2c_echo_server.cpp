#include "h2c_echo_server.h"

#include "echo_answer.h"
#include "echo_router.h"
#include "engine/http/http1_codec.h"

#include <nghttp2/nghttp2.h>

#include <QByteArray>
#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <list>
#include <map>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace Torii::Backends {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kPreface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

void setNonBlocking(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

std::string httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(),
                  QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toStdString();
}


// One request stream: its head as received, then the answer waiting to be written.
struct Stream
{
    Http::RequestHead head;
    std::string authority;
    std::string body; // the answer's body, read by the data source
    std::size_t bodyOffset = 0;
    std::optional<Clock::time_point> answerAt; // a ?delay= answer not submitted yet
    EchoAction action;
};

// One client connection: its nghttp2 server session and what it has not written yet.
class Connection
{
public:
    Connection(int fd, const EchoIdentity &identity, RetryLedger &retries,
               std::atomic<int> &answered)
        : m_fd(fd)
        , m_identity(identity)
        , m_retries(retries)
        , m_answered(answered)
    {}
    ~Connection()
    {
        if (m_session) {
            nghttp2_session_del(m_session);
        }
        ::close(m_fd);
    }

    int fd() const { return m_fd; }
    bool wantsWrite() const { return !m_out.empty(); }
    bool closed() const { return m_closed; }

    // Reads what the socket holds and answers it; false once the connection is over.
    void onReadable()
    {
        char buffer[16384];
        for (;;) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n == 0) {
                m_closed = true;
                return;
            }
            if (n < 0) {
                if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                    m_closed = true;
                }
                break;
            }
            feed(std::string_view(buffer, std::size_t(n)));
            if (m_closed) {
                return;
            }
        }
        flush();
    }

    void onWritable() { writeOut(); }

    // Submits the delayed answers whose time has come; returns the earliest still waiting.
    std::optional<Clock::time_point> runTimers(Clock::time_point now)
    {
        std::optional<Clock::time_point> next;
        for (auto &[id, stream] : m_streams) {
            if (!stream.answerAt) {
                continue;
            }
            if (*stream.answerAt <= now) {
                stream.answerAt.reset();
                act(id, stream);
            } else if (!next || *stream.answerAt < *next) {
                next = stream.answerAt;
            }
        }
        flush();
        return next;
    }

private:
    void feed(std::string_view data)
    {
        if (!m_session) {
            m_sniff.append(data);
            const std::size_t compared = std::min(m_sniff.size(), kPreface.size());
            if (m_sniff.compare(0, compared, kPreface.substr(0, compared)) != 0) {
                upgradeOrRefuse();
                return;
            }
            if (m_sniff.size() < kPreface.size()) {
                return;
            }
            startSession();
            data = m_sniff;
        }
        const ssize_t used = nghttp2_session_mem_recv(
            m_session, reinterpret_cast<const uint8_t *>(data.data()), data.size());
        m_sniff.clear();
        if (used < 0) {
            m_closed = true; // a protocol error nghttp2 could not answer with GOAWAY
        }
    }

    // An HTTP/1.1 request: an h2c Upgrade (RFC 7540 §3.2: "Upgrade: h2c", one HTTP2-Settings
    // field, both named in Connection; no body) switches the connection to HTTP/2 and answers
    // the request on stream 1; anything else is refused.
    void upgradeOrRefuse()
    {
        const std::size_t end = m_sniff.find("\r\n\r\n");
        if (end == std::string::npos) {
            if (m_sniff.size() > 65536) {
                refuseHttp1();
            }
            return; // the head is not complete yet
        }
        Http::RequestHead head;
        std::string authority;
        std::string settings;
        std::string upgrade;
        std::string connection;
        bool body = false;
        std::size_t lineStart = 0;
        bool first = true;
        while (lineStart < end) {
            const std::size_t lineEnd = m_sniff.find("\r\n", lineStart);
            const std::string line = m_sniff.substr(lineStart, lineEnd - lineStart);
            lineStart = lineEnd + 2;
            if (first) {
                first = false;
                const std::size_t a = line.find(' ');
                const std::size_t b = line.rfind(' ');
                if (a == std::string::npos || b == a ||
                    line.compare(b + 1, std::string::npos, "HTTP/1.1") != 0) {
                    refuseHttp1();
                    return;
                }
                head.method = line.substr(0, a);
                head.target = line.substr(a + 1, b - a - 1);
                continue;
            }
            const std::size_t colon = line.find(':');
            if (colon == std::string::npos) {
                refuseHttp1();
                return;
            }
            const std::string name = Http::asciiLower(line.substr(0, colon));
            std::string value =
                QByteArray::fromStdString(line.substr(colon + 1)).trimmed().toStdString();
            if (name == "host") {
                authority = value;
            } else if (name == "http2-settings") {
                settings = value;
            } else if (name == "upgrade") {
                upgrade = Http::asciiLower(value);
            } else if (name == "connection") {
                connection = Http::asciiLower(value);
            } else if ((name == "content-length" && value != "0") || name == "transfer-encoding") {
                body = true;
            } else {
                head.headers.add(line.substr(0, colon), std::move(value));
            }
        }
        const bool upgradeAsked = upgrade == "h2c" &&
                                  connection.find("upgrade") != std::string::npos &&
                                  connection.find("http2-settings") != std::string::npos;
        if (!upgradeAsked || body) {
            refuseHttp1();
            return;
        }
        const QByteArray payload =
            QByteArray::fromBase64(QByteArray::fromStdString(settings),
                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        m_out = "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n";
        startSession();
        if (nghttp2_session_upgrade2(m_session, reinterpret_cast<const uint8_t *>(payload.data()),
                                     std::size_t(payload.size()), head.method == "HEAD",
                                     nullptr) != 0) {
            m_out.clear();
            refuseHttp1();
            return;
        }
        const std::string rest = m_sniff.substr(end + 4); // the client preface may follow
        m_sniff.clear();
        Stream &stream = m_streams[1];
        stream.head = std::move(head);
        stream.head.versionMajor = 2;
        stream.head.versionMinor = 0;
        stream.authority = authority;
        answer(1, stream);
        if (!rest.empty()) {
            feed(rest);
        }
        flush();
    }

    // Not HTTP/2: what Go's h2c-only handler does with an HTTP/1 request (a plain 400), then close.
    void refuseHttp1()
    {
        const std::string body = "this port accepts only HTTP/2 cleartext (h2c)\n";
        m_out = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\n"
                "Connection: close\r\nContent-Length: " +
                std::to_string(body.size()) + "\r\n\r\n" + body;
        m_closeAfterWrite = true;
        writeOut();
    }

    void startSession()
    {
        nghttp2_session_callbacks *callbacks = nullptr;
        nghttp2_session_callbacks_new(&callbacks);
        nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, &Connection::onBegin);
        nghttp2_session_callbacks_set_on_header_callback(callbacks, &Connection::onHeader);
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, &Connection::onFrame);
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks,
                                                               &Connection::onStreamClose);
        nghttp2_session_server_new(&m_session, callbacks, this);
        nghttp2_session_callbacks_del(callbacks);
        nghttp2_settings_entry settings[] = {{NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, 100}};
        nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, 1);
    }

    static int onBegin(nghttp2_session *, const nghttp2_frame *frame, void *self)
    {
        if (frame->hd.type == NGHTTP2_HEADERS && frame->headers.cat == NGHTTP2_HCAT_REQUEST) {
            Stream &stream = static_cast<Connection *>(self)->m_streams[frame->hd.stream_id];
            stream.head.versionMajor = 2;
            stream.head.versionMinor = 0;
        }
        return 0;
    }

    static int onHeader(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name,
                        size_t nameLength, const uint8_t *value, size_t valueLength, uint8_t,
                        void *self)
    {
        auto &streams = static_cast<Connection *>(self)->m_streams;
        auto it = streams.find(frame->hd.stream_id);
        if (it == streams.end()) {
            return 0; // trailers of a stream already answered
        }
        const std::string key(reinterpret_cast<const char *>(name), nameLength);
        std::string text(reinterpret_cast<const char *>(value), valueLength);
        Stream &stream = it->second;
        if (key == ":method") {
            stream.head.method = std::move(text);
        } else if (key == ":path") {
            stream.head.target = std::move(text);
        } else if (key == ":authority") {
            stream.authority = std::move(text);
        } else if (key == "host") {
            if (stream.authority.empty()) {
                stream.authority = std::move(text);
            }
        } else if (!key.empty() && key.front() != ':') {
            stream.head.headers.add(key, std::move(text));
        }
        return 0;
    }

    static int onFrame(nghttp2_session *, const nghttp2_frame *frame, void *self)
    {
        auto *connection = static_cast<Connection *>(self);
        const bool ends = (frame->hd.flags & NGHTTP2_FLAG_END_STREAM) != 0;
        if (ends && (frame->hd.type == NGHTTP2_HEADERS || frame->hd.type == NGHTTP2_DATA)) {
            auto it = connection->m_streams.find(frame->hd.stream_id);
            if (it != connection->m_streams.end()) {
                connection->answer(frame->hd.stream_id, it->second);
            }
        }
        return 0;
    }

    static int onStreamClose(nghttp2_session *, int32_t streamId, uint32_t, void *self)
    {
        static_cast<Connection *>(self)->m_streams.erase(streamId);
        return 0;
    }

    void answer(int32_t id, Stream &stream)
    {
        // Go's HTTP/2 server puts :authority in Request.Host; the echo reads it from Host.
        stream.head.headers.fields.insert(stream.head.headers.fields.begin(),
                                          Http::HeaderField{"Host", stream.authority});
        stream.action = answerRequest(stream.head, m_identity, m_retries);
        if (stream.action.delay.count() > 0) {
            stream.answerAt = Clock::now() + stream.action.delay;
            return;
        }
        act(id, stream);
    }

    void act(int32_t id, Stream &stream)
    {
        switch (stream.action.kind) {
        case EchoAction::Kind::Reset:
            nghttp2_submit_rst_stream(m_session, NGHTTP2_FLAG_NONE, id, NGHTTP2_INTERNAL_ERROR);
            return;
        case EchoAction::Kind::Close:
            m_closeAfterWrite = true;
            nghttp2_session_terminate_session(m_session, NGHTTP2_INTERNAL_ERROR);
            return;
        case EchoAction::Kind::Hang:
            return;
        case EchoAction::Kind::Respond:
            break;
        }
        stream.body = std::move(stream.action.body);
        std::vector<std::pair<std::string, std::string>> fields;
        fields.emplace_back(":status", std::to_string(stream.action.status));
        for (const Http::HeaderField &f : stream.action.headers.fields) {
            const std::string name = Http::asciiLower(f.name);
            if (name == "connection" || name == "content-length" || name == "transfer-encoding" ||
                name == "keep-alive") {
                continue; // connection-specific: not allowed in HTTP/2
            }
            fields.emplace_back(name, f.value);
        }
        fields.emplace_back("content-length", std::to_string(stream.body.size()));
        fields.emplace_back("date", httpDate());
        std::vector<nghttp2_nv> nva;
        for (auto &[name, value] : fields) {
            nva.push_back({reinterpret_cast<uint8_t *>(name.data()),
                           reinterpret_cast<uint8_t *>(value.data()), name.size(), value.size(),
                           NGHTTP2_NV_FLAG_NONE});
        }
        nghttp2_data_provider provider;
        provider.source.ptr = &stream;
        provider.read_callback = &Connection::readBody;
        nghttp2_submit_response(m_session, id, nva.data(), nva.size(),
                                stream.body.empty() ? nullptr : &provider);
        ++m_answered;
    }

    static ssize_t readBody(nghttp2_session *, int32_t, uint8_t *buffer, size_t length,
                            uint32_t *flags, nghttp2_data_source *source, void *)
    {
        auto *stream = static_cast<Stream *>(source->ptr);
        const std::size_t n = std::min(length, stream->body.size() - stream->bodyOffset);
        std::memcpy(buffer, stream->body.data() + stream->bodyOffset, n);
        stream->bodyOffset += n;
        if (stream->bodyOffset == stream->body.size()) {
            *flags |= NGHTTP2_DATA_FLAG_EOF;
        }
        return ssize_t(n);
    }

    // Moves what the session wants to send into m_out and writes it.
    void flush()
    {
        if (m_session) {
            for (;;) {
                const uint8_t *data = nullptr;
                const ssize_t n = nghttp2_session_mem_send(m_session, &data);
                if (n <= 0) {
                    break;
                }
                m_out.append(reinterpret_cast<const char *>(data), std::size_t(n));
            }
            if (!nghttp2_session_want_read(m_session) && !nghttp2_session_want_write(m_session) &&
                m_out.empty()) {
                m_closed = true;
            }
        }
        writeOut();
    }

    void writeOut()
    {
        while (!m_out.empty()) {
            const ssize_t n = ::send(m_fd, m_out.data(), m_out.size(), MSG_NOSIGNAL);
            if (n < 0) {
                if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                    m_closed = true;
                }
                return;
            }
            m_out.erase(0, std::size_t(n));
        }
        if (m_closeAfterWrite) {
            m_closed = true;
        }
    }

    int m_fd;
    const EchoIdentity &m_identity;
    RetryLedger &m_retries;
    std::atomic<int> &m_answered;
    nghttp2_session *m_session = nullptr;
    std::string m_sniff; // bytes before the preface is complete
    std::string m_out;
    std::map<int32_t, Stream> m_streams;
    bool m_closed = false;
    bool m_closeAfterWrite = false;
};

} // namespace

H2cEchoServer::H2cEchoServer(EchoIdentity identity)
    : m_identity(std::move(identity))
{}

H2cEchoServer::~H2cEchoServer()
{
    stop();
}

std::string H2cEchoServer::start(quint16 port)
{
    stop();
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return std::string("cannot open a socket: ") + std::strerror(errno);
    }
    const int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(fd, 128) != 0) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        return "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + why;
    }
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    if (::pipe2(m_wakeFds, O_CLOEXEC) != 0) {
        ::close(fd);
        return std::string("cannot create a pipe: ") + std::strerror(errno);
    }
    setNonBlocking(fd);
    m_listenFd = fd;
    m_port = ntohs(address.sin_port);
    m_worker = std::thread([this] { serve(); });
    return {};
}

void H2cEchoServer::stop()
{
    if (!m_worker.joinable()) {
        return;
    }
    const char byte = 0;
    (void)!::write(m_wakeFds[1], &byte, 1);
    m_worker.join();
    ::close(m_listenFd);
    ::close(m_wakeFds[0]);
    ::close(m_wakeFds[1]);
    m_listenFd = -1;
    m_wakeFds[0] = m_wakeFds[1] = -1;
    m_port = 0;
}

void H2cEchoServer::serve()
{
    RetryLedger retries; // this endpoint's /retry/ memory, as each echo pod keeps its own
    std::list<Connection> connections;
    Clock::time_point nextTimer = Clock::time_point::max(); // max: no delayed answer waiting
    for (;;) {
        std::vector<pollfd> fds;
        fds.push_back({m_wakeFds[0], POLLIN, 0});
        fds.push_back({m_listenFd, POLLIN, 0});
        for (const Connection &c : connections) {
            fds.push_back({c.fd(), short(POLLIN | (c.wantsWrite() ? POLLOUT : 0)), 0});
        }
        int timeout = -1;
        if (nextTimer != Clock::time_point::max()) {
            const auto wait =
                std::chrono::ceil<std::chrono::milliseconds>(nextTimer - Clock::now());
            timeout = int(std::clamp<std::int64_t>(wait.count(), 0, 60000));
        }
        if (::poll(fds.data(), fds.size(), timeout) < 0 && errno != EINTR) {
            break;
        }
        if (fds[0].revents != 0) {
            break; // stop()
        }
        if (fds[1].revents & POLLIN) {
            for (;;) {
                const int client = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
                if (client < 0) {
                    break;
                }
                setNonBlocking(client);
                connections.emplace_back(client, m_identity, retries, m_answered);
            }
        }
        std::size_t index = 2;
        for (Connection &c : connections) {
            if (index >= fds.size()) {
                break; // accepted in this round: polled next time
            }
            const short events = fds[index++].revents;
            if (events & (POLLIN | POLLHUP | POLLERR)) {
                c.onReadable();
            }
            if ((events & POLLOUT) && !c.closed()) {
                c.onWritable();
            }
        }
        nextTimer = Clock::time_point::max();
        const auto now = Clock::now();
        for (Connection &c : connections) {
            if (auto next = c.runTimers(now)) {
                nextTimer = std::min(nextTimer, *next);
            }
        }
        connections.remove_if([](const Connection &c) { return c.closed(); });
    }
}

} // namespace Torii::Backends
