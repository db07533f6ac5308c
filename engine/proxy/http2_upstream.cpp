#include "http2_upstream.h"
#include "engine/http/http1_codec.h"

#include <nghttp2/nghttp2.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <utility>

namespace Torii::Proxy::Internal {

namespace {
constexpr std::size_t kReadChunk = 64 * 1024;
constexpr std::int32_t kStreamWindow = 1 << 20;
constexpr std::int32_t kConnectionWindow = 16 << 20;


// Fields HTTP/2 forbids (RFC 9113 8.2.2); "te" only as "trailers".
bool connectionSpecific(std::string_view lower)
{
    return lower == "connection" || lower == "keep-alive" || lower == "proxy-connection" ||
           lower == "transfer-encoding" || lower == "upgrade" || lower == "host" ||
           lower == "te" || lower == "http2-settings";
}
} // namespace

bool speaksH2c(const std::string &appProtocol)
{
    return appProtocol == "kubernetes.io/h2c";
}

struct Http2Upstream::Stream
{
    Http2StreamListener *listener = nullptr;
    std::string pending; // request body bytes not framed yet, from offset
    std::size_t offset = 0;
    bool bodyEnded = false;
    bool deferred = false;
    Http::Headers trailers;
    Http::ResponseHead head;
    bool headDone = false;
    Http::Headers responseTrailers;
    bool complete = false;
    bool paused = false;
    bool answered = false;   // some response HEADERS (interim or final) arrived
    bool reusedIdle = false; // opened on a connection idle after earlier streams
    std::size_t withheld = 0; // response bytes not acknowledged while paused
};

struct Http2Upstream::Callbacks
{
    static Http2Upstream &self(void *user) { return *static_cast<Http2Upstream *>(user); }

    static int header(nghttp2_session *, const nghttp2_frame *frame, const std::uint8_t *name,
                      std::size_t nameLength, const std::uint8_t *value, std::size_t valueLength,
                      std::uint8_t, void *user)
    {
        Stream *s = self(user).streamOf(frame->hd.stream_id);
        if (!s || frame->hd.type != NGHTTP2_HEADERS) {
            return 0;
        }
        const std::string_view n(reinterpret_cast<const char *>(name), nameLength);
        const std::string_view v(reinterpret_cast<const char *>(value), valueLength);
        if (s->headDone) {
            s->responseTrailers.add(std::string(n), std::string(v));
            return 0;
        }
        if (n == ":status") {
            s->answered = true;
            int status = 0;
            std::from_chars(v.data(), v.data() + v.size(), status);
            s->head = Http::ResponseHead();
            s->head.status = status;
            s->head.reason = std::string(Http::reasonPhrase(status));
            return 0;
        }
        if (n == "content-length") {
            std::uint64_t length = 0;
            if (std::from_chars(v.data(), v.data() + v.size(), length).ptr == v.data() + v.size()) {
                s->head.contentLength = length;
            }
        }
        s->head.headers.add(std::string(n), std::string(v));
        return 0;
    }

    static int frameReceived(nghttp2_session *, const nghttp2_frame *frame, void *user)
    {
        Http2Upstream &u = self(user);
        if (frame->hd.type == NGHTTP2_GOAWAY) {
            u.m_goaway = true;
            return 0;
        }
        Stream *s = u.streamOf(frame->hd.stream_id);
        if (!s || !s->listener) {
            return 0;
        }
        const bool endStream = (frame->hd.flags & NGHTTP2_FLAG_END_STREAM) != 0;
        if (frame->hd.type == NGHTTP2_HEADERS) {
            if (!s->headDone) {
                Http::ResponseHead head = s->head;
                if (head.isInterim()) {
                    s->head = Http::ResponseHead();
                    s->listener->upstreamHead(std::move(head));
                    return 0;
                }
                s->headDone = true;
                head.hasBody = !endStream && head.status != 204 && head.status != 304;
                head.chunked = head.hasBody && !head.contentLength;
                s->listener->upstreamHead(std::move(head));
            } else if (!s->responseTrailers.fields.empty() && s->listener) {
                s->listener->upstreamTrailers(std::move(s->responseTrailers));
            }
        }
        if (endStream && s->listener && !s->complete) {
            s->complete = true;
            if (!s->bodyEnded) {
                // Answered before the request body ended: the rest is not wanted (RFC 9113
                // 8.1); the stream must not wait for it.
                s->bodyEnded = true;
                s->pending.clear();
                s->offset = 0;
                nghttp2_submit_rst_stream(u.m_session, NGHTTP2_FLAG_NONE, frame->hd.stream_id,
                                          NGHTTP2_NO_ERROR);
            }
            ++u.m_streamsEnded;
            Http2StreamListener *listener = std::exchange(s->listener, nullptr);
            listener->upstreamComplete();
        }
        return 0;
    }

    static int dataChunk(nghttp2_session *session, std::uint8_t, std::int32_t id,
                         const std::uint8_t *data, std::size_t length, void *user)
    {
        Stream *s = self(user).streamOf(id);
        if (!s || !s->listener) {
            nghttp2_session_consume(session, id, length);
            return 0;
        }
        if (s->paused) {
            s->withheld += length;
        } else {
            nghttp2_session_consume(session, id, length);
        }
        s->listener->upstreamBody({reinterpret_cast<const char *>(data), length});
        return 0;
    }

    static int streamClose(nghttp2_session *, std::int32_t id, std::uint32_t error, void *user)
    {
        Http2Upstream &u = self(user);
        const auto it = u.m_streams.find(id);
        if (it == u.m_streams.end()) {
            return 0;
        }
        std::unique_ptr<Stream> s = std::move(it->second);
        u.m_streams.erase(it);
        if (s->listener && !s->complete) {
            // REFUSED_STREAM: reset by the endpoint, or closed by nghttp2 for a GOAWAY whose
            // last-stream-id is below this stream. Either way it was not processed.
            if (error == NGHTTP2_REFUSED_STREAM && !s->answered) {
                s->listener->upstreamRefused("the endpoint refused the HTTP/2 stream "
                                             "(REFUSED_STREAM or GOAWAY before it)");
            } else {
                s->listener->upstreamFailed("the endpoint reset the HTTP/2 stream (" +
                                            std::string(nghttp2_http2_strerror(error)) + ")");
            }
        }
        return 0;
    }

    static ssize_t read(nghttp2_session *session, std::int32_t id, std::uint8_t *buffer,
                        std::size_t length, std::uint32_t *flags, nghttp2_data_source *,
                        void *user)
    {
        Http2Upstream &u = self(user);
        Stream *s = u.streamOf(id);
        if (!s) {
            return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE;
        }
        const std::size_t n = std::min(length, s->pending.size() - s->offset);
        if (n == 0 && !s->bodyEnded) {
            s->deferred = true;
            return NGHTTP2_ERR_DEFERRED;
        }
        std::memcpy(buffer, s->pending.data() + s->offset, n);
        s->offset += n;
        if (s->offset == s->pending.size()) {
            s->pending.clear();
            s->offset = 0;
        }
        if (s->bodyEnded && s->pending.empty()) {
            *flags |= NGHTTP2_DATA_FLAG_EOF;
            if (!s->trailers.fields.empty()) {
                std::vector<std::string> strings;
                for (const Http::HeaderField &f : s->trailers.fields) {
                    strings.push_back(Http::asciiLower(f.name));
                    strings.push_back(f.value);
                }
                std::vector<nghttp2_nv> nva;
                for (std::size_t i = 0; i + 1 < strings.size(); i += 2) {
                    nva.push_back({reinterpret_cast<uint8_t *>(strings[i].data()),
                                   reinterpret_cast<uint8_t *>(strings[i + 1].data()),
                                   strings[i].size(), strings[i + 1].size(),
                                   NGHTTP2_NV_FLAG_NONE});
                }
                if (nghttp2_submit_trailer(session, id, nva.data(), nva.size()) == 0) {
                    *flags |= NGHTTP2_DATA_FLAG_NO_END_STREAM;
                }
            }
        }
        return ssize_t(n);
    }
};

Http2Upstream::Http2Upstream(Net::EventLoop &loop, std::string endpoint, const std::string &host,
                             std::uint16_t port, std::chrono::milliseconds connectTimeout,
                             std::unique_ptr<BackendTlsSession> tls)
    : m_loop(loop)
    , m_endpoint(std::move(endpoint))
    , m_tls(std::move(tls))
{
    nghttp2_session_callbacks *callbacks = nullptr;
    nghttp2_session_callbacks_new(&callbacks);
    nghttp2_session_callbacks_set_on_header_callback(callbacks, &Callbacks::header);
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, &Callbacks::frameReceived);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, &Callbacks::dataChunk);
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, &Callbacks::streamClose);
    nghttp2_option *option = nullptr;
    nghttp2_option_new(&option);
    nghttp2_option_set_no_auto_window_update(option, 1);
    if (nghttp2_session_client_new2(&m_session, callbacks, this, option) != 0) {
        m_session = nullptr;
    }
    nghttp2_option_del(option);
    nghttp2_session_callbacks_del(callbacks);
    std::string error;
    if (m_session) {
        const nghttp2_settings_entry settings[] = {
            {NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
            {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, std::uint32_t(kStreamWindow)},
        };
        nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, std::size(settings));
        nghttp2_session_set_local_window_size(m_session, NGHTTP2_FLAG_NONE, 0, kConnectionWindow);
        m_fd = Net::connectTcp(host, port, &error);
    }
    if (!m_fd || !m_loop.add(m_fd.get(), Net::Writable, [this](std::uint32_t e) { onIo(e); },
                             &error)) {
        m_fd.reset();
        m_failed = true;
        const std::string reason = "cannot connect to " + m_endpoint + ": " + error;
        std::weak_ptr<bool> alive = m_alive;
        m_loop.post([this, alive, reason] {
            if (!alive.expired()) {
                fail(reason);
            }
        });
        return;
    }
    m_interest = Net::Writable;
    m_connectTimer = m_loop.addTimer(connectTimeout, [this] {
        m_connectTimer = 0;
        fail("no connection to " + m_endpoint + " within the connect timeout");
    });
}

Http2Upstream::~Http2Upstream()
{
    *m_alive = false;
    if (m_connectTimer) {
        m_loop.cancelTimer(m_connectTimer);
    }
    if (m_fd) {
        m_loop.remove(m_fd.get());
    }
    m_streams.clear();
    if (m_session) {
        nghttp2_session_del(m_session);
    }
}

bool Http2Upstream::acceptsStreams() const
{
    if (m_failed || m_goaway || !m_session) {
        return false;
    }
    const std::uint32_t limit =
        nghttp2_session_get_remote_settings(m_session, NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS);
    return m_streams.size() < std::min<std::uint32_t>(limit, 1000) &&
           nghttp2_session_get_next_stream_id(m_session) < (1u << 30);
}

Http2Upstream::Stream *Http2Upstream::streamOf(std::int32_t id) const
{
    const auto it = m_streams.find(id);
    return it == m_streams.end() ? nullptr : it->second.get();
}

std::int32_t Http2Upstream::open(Http2StreamListener *listener, const Http::RequestHead &head,
                                 bool endStream)
{
    if (!acceptsStreams()) {
        return -1;
    }
    std::vector<std::string> strings;
    strings.reserve(8 + 2 * head.headers.fields.size());
    const auto add = [&strings](std::string name, std::string value) {
        strings.push_back(std::move(name));
        strings.push_back(std::move(value));
    };
    const Http::HeaderField *host = head.headers.find("Host");
    add(":method", head.method);
    add(":scheme", m_tls ? "https" : "http");
    add(":authority", host ? host->value : m_endpoint);
    add(":path", head.target.empty() ? std::string("/") : head.target);
    bool grpc = false;
    for (const Http::HeaderField &f : head.headers.fields) {
        std::string name = Http::asciiLower(f.name);
        if (connectionSpecific(name)) {
            continue;
        }
        grpc = grpc || (name == "content-type" && f.value.rfind("application/grpc", 0) == 0);
        add(std::move(name), f.value);
    }
    if (grpc) {
        add("te", "trailers"); // gRPC servers require it; hop-by-hop removal took the client's
    }
    std::vector<nghttp2_nv> nva;
    nva.reserve(strings.size() / 2);
    for (std::size_t i = 0; i + 1 < strings.size(); i += 2) {
        nva.push_back({reinterpret_cast<uint8_t *>(strings[i].data()),
                       reinterpret_cast<uint8_t *>(strings[i + 1].data()), strings[i].size(),
                       strings[i + 1].size(), NGHTTP2_NV_FLAG_NONE});
    }
    auto stream = std::make_unique<Stream>();
    stream->listener = listener;
    stream->bodyEnded = endStream;
    stream->reusedIdle = m_streamsEnded > 0 && m_streams.empty() && !m_goaway;
    nghttp2_data_provider provider{};
    provider.read_callback = &Callbacks::read;
    const std::int32_t id = nghttp2_submit_request(m_session, nullptr, nva.data(), nva.size(),
                                                   endStream ? nullptr : &provider, nullptr);
    if (id < 0) {
        return -1;
    }
    m_streams[id] = std::move(stream);
    flushSoon();
    return id;
}

std::int32_t Http2Upstream::openReplay(Http2StreamListener *listener,
                                       const Http::RequestHead &head, std::string_view body,
                                       bool complete, const Http::Headers &trailers)
{
    const bool endStream = complete && body.empty() && trailers.fields.empty();
    const std::int32_t id = open(listener, head, endStream);
    if (id < 0 || endStream) {
        return id;
    }
    Stream *s = streamOf(id);
    s->pending.assign(body);
    if (complete) {
        s->bodyEnded = true;
        s->trailers = trailers;
    }
    return id;
}

void Http2Upstream::sendBody(std::int32_t id, std::string_view bytes)
{
    Stream *s = streamOf(id);
    if (!s || s->bodyEnded || bytes.empty()) {
        return;
    }
    s->pending.append(bytes);
    if (s->deferred) {
        s->deferred = false;
        nghttp2_session_resume_data(m_session, id);
    }
    flushSoon();
}

void Http2Upstream::endBody(std::int32_t id, const Http::Headers &trailers)
{
    Stream *s = streamOf(id);
    if (!s || s->bodyEnded) {
        return;
    }
    s->bodyEnded = true;
    s->trailers = trailers;
    if (s->deferred) {
        s->deferred = false;
        nghttp2_session_resume_data(m_session, id);
    }
    flushSoon();
}

std::size_t Http2Upstream::bytesToWrite(std::int32_t id) const
{
    const Stream *s = streamOf(id);
    return s ? s->pending.size() - s->offset : 0;
}

void Http2Upstream::setReadPaused(std::int32_t id, bool paused)
{
    Stream *s = streamOf(id);
    if (!s || s->paused == paused) {
        return;
    }
    s->paused = paused;
    if (!paused && s->withheld > 0) {
        nghttp2_session_consume(m_session, id, std::exchange(s->withheld, 0));
        if (m_connected) {
            flush();
        }
    }
}

void Http2Upstream::close(std::int32_t id)
{
    const auto it = m_streams.find(id);
    if (it == m_streams.end()) {
        return;
    }
    it->second->listener = nullptr;
    if (!it->second->complete && m_session && !m_failed) {
        nghttp2_submit_rst_stream(m_session, NGHTTP2_FLAG_NONE, id, NGHTTP2_CANCEL);
    }
    if (it->second->withheld > 0 && m_session) {
        nghttp2_session_consume_connection(m_session, std::exchange(it->second->withheld, 0));
    }
    if (m_connected && !m_inSession) {
        flush();
    }
}

void Http2Upstream::onIo(std::uint32_t events)
{
    if (m_failed) {
        return;
    }
    if (m_handshaking) {
        continueHandshake();
        return;
    }
    if (!m_connected) {
        const int error = Net::connectError(m_fd.get());
        if (error != 0) {
            fail("cannot connect to " + m_endpoint + ": " + Net::errorText(error));
            return;
        }
        if (m_tls) {
            if (!m_tls->attach(m_fd.get())) {
                fail(m_tls->failure());
                return;
            }
            // The policy's context offers http/1.1; this connection asks for h2 only.
            static constexpr unsigned char kH2[] = {2, 'h', '2'};
            SSL_set_alpn_protos(m_tls->ssl(), kH2, sizeof kH2);
            m_handshaking = true;
            continueHandshake();
            return;
        }
        onConnected();
        return;
    }
    if (events & Net::Writable) {
        flush();
    }
    if (!m_failed && (events & (Net::Readable | Net::Hangup))) {
        readAvailable();
    }
}

void Http2Upstream::continueHandshake()
{
    const BackendTlsSession::Step step = m_tls->handshake();
    switch (step) {
    case BackendTlsSession::Step::Done: {
        m_handshaking = false;
        const unsigned char *protocol = nullptr;
        unsigned int length = 0;
        SSL_get0_alpn_selected(m_tls->ssl(), &protocol, &length);
        if (std::string_view(reinterpret_cast<const char *>(protocol), length) != "h2") {
            fail("the endpoint " + m_endpoint + " did not agree to HTTP/2 over TLS (ALPN h2)");
            return;
        }
        m_interest = Net::Readable;
        m_loop.modify(m_fd.get(), m_interest);
        onConnected();
        return;
    }
    case BackendTlsSession::Step::WantRead:
    case BackendTlsSession::Step::WantWrite:
        break;
    case BackendTlsSession::Step::Failed:
        m_handshaking = false;
        fail(m_tls->failure());
        return;
    }
    m_interest = BackendTlsSession::interestOf(step);
    m_loop.modify(m_fd.get(), m_interest);
}

Net::IoResult Http2Upstream::transportRead(char *buffer, std::size_t capacity)
{
    return m_tls ? m_tls->read(buffer, capacity) : Net::readSome(m_fd.get(), buffer, capacity);
}

Net::IoResult Http2Upstream::transportWrite(std::string_view bytes)
{
    return m_tls ? m_tls->write(bytes) : Net::writeSome(m_fd.get(), bytes);
}

void Http2Upstream::onConnected()
{
    m_connected = true;
    if (m_connectTimer) {
        m_loop.cancelTimer(m_connectTimer);
        m_connectTimer = 0;
    }
    flush();
}

void Http2Upstream::readAvailable()
{
    char buffer[kReadChunk];
    for (;;) {
        const Net::IoResult r = transportRead(buffer, sizeof buffer);
        if (r.wouldBlock) {
            break;
        }
        if (r.closed || r.error) {
            m_closedByPeer = true;
            fail("the endpoint " + m_endpoint + " closed the HTTP/2 connection");
            return;
        }
        std::weak_ptr<bool> alive = m_alive;
        m_inSession = true;
        const ssize_t n = nghttp2_session_mem_recv(
            m_session, reinterpret_cast<const std::uint8_t *>(buffer), r.bytes);
        if (alive.expired()) {
            return;
        }
        m_inSession = false;
        if (n < 0) {
            fail("the endpoint " + m_endpoint + " broke HTTP/2 (" +
                 std::string(nghttp2_strerror(int(n))) + ")");
            return;
        }
        if (r.bytes < sizeof buffer && !(m_tls && m_tls->pending())) {
            break; // (decrypted bytes OpenSSL holds raise no event of their own)
        }
    }
    // Listeners flush what they queued for their clients.
    std::vector<Http2StreamListener *> listeners;
    for (auto &[id, s] : m_streams) {
        if (s->listener) {
            listeners.push_back(s->listener);
        }
    }
    flush();
    for (Http2StreamListener *l : listeners) {
        l->upstreamBatchDone();
    }
    checkIdleUnusable();
}

void Http2Upstream::flush()
{
    if (m_failed || !m_connected || m_inSession) {
        return;
    }
    std::vector<std::int32_t> drained; // streams whose buffered body shrank below high water
    for (auto &[id, s] : m_streams) {
        if (s->listener && s->pending.size() - s->offset >= kHighWater) {
            drained.push_back(id);
        }
    }
    for (;;) {
        while (m_output.size() < (1u << 20)) {
            const std::uint8_t *data = nullptr;
            const ssize_t n = nghttp2_session_mem_send(m_session, &data);
            if (n < 0) {
                fail("HTTP/2 framing towards " + m_endpoint + " failed");
                return;
            }
            if (n == 0) {
                break;
            }
            m_output.append({reinterpret_cast<const char *>(data), std::size_t(n)});
        }
        const Net::IoResult r =
            m_output.drainTo([this](std::string_view bytes) { return transportWrite(bytes); });
        m_writeBlocked = r.wouldBlock;
        if (r.error) {
            fail("writing to " + m_endpoint + " failed: " + Net::errorText(r.error));
            return;
        }
        if (m_writeBlocked || !nghttp2_session_want_write(m_session)) {
            break;
        }
    }
    updateInterest();
    std::weak_ptr<bool> alive = m_alive;
    for (std::int32_t id : drained) {
        Stream *s = streamOf(id);
        if (s && s->listener && s->pending.size() - s->offset < kHighWater) {
            s->listener->upstreamWritable();
            if (alive.expired()) {
                return;
            }
        }
    }
}

// Frames queued by the streams during this loop round go out at its end, in one write: the
// requests of many client streams share the endpoint's connection and its syscalls.
void Http2Upstream::flushSoon()
{
    if (m_flushPosted || !m_connected || m_failed) {
        return;
    }
    m_flushPosted = true;
    std::weak_ptr<bool> alive = m_alive;
    m_loop.post([this, alive] {
        if (alive.expired()) {
            return;
        }
        m_flushPosted = false;
        flush();
    });
}

void Http2Upstream::updateInterest()
{
    if (!m_fd || m_failed) {
        return;
    }
    std::uint32_t interest = Net::Readable;
    if (m_writeBlocked && !m_output.empty()) {
        interest |= Net::Writable;
    }
    if (interest != m_interest) {
        m_interest = interest;
        m_loop.modify(m_fd.get(), interest);
    }
}

void Http2Upstream::fail(const std::string &reason)
{
    if (m_fd) {
        m_loop.remove(m_fd.get());
        m_fd.reset();
    }
    if (m_connectTimer) {
        m_loop.cancelTimer(m_connectTimer);
        m_connectTimer = 0;
    }
    m_failed = true;
    m_inSession = false;
    auto streams = std::move(m_streams);
    m_streams.clear();
    std::weak_ptr<bool> alive = m_alive;
    for (auto &[id, s] : streams) {
        if (s->listener && !s->complete) {
            // A close (no GOAWAY) before any answer on a stream that found the connection
            // idle: the endpoint closed it while idle, as a stale HTTP/1.1 pooled connection.
            if (m_closedByPeer && !m_goaway && s->reusedIdle && !s->answered) {
                s->listener->upstreamRefused(reason);
            } else {
                s->listener->upstreamFailed(reason);
            }
            if (alive.expired()) {
                return;
            }
        }
    }
    checkIdleUnusable();
}

void Http2Upstream::checkIdleUnusable()
{
    if (m_streams.empty() && (m_failed || m_goaway) && m_onIdleUnusable) {
        auto callback = std::move(m_onIdleUnusable);
        m_onIdleUnusable = nullptr;
        callback();
    }
}

// ---- pool ------------------------------------------------------------------------------------

Http2UpstreamPool::Http2UpstreamPool(Net::EventLoop &loop, std::chrono::milliseconds connectTimeout)
    : m_loop(loop)
    , m_connectTimeout(connectTimeout)
{}

Http2UpstreamPool::~Http2UpstreamPool()
{
    *m_alive = false;
}

Http2Upstream *Http2UpstreamPool::acquire(const std::string &endpoint, const std::string &host,
                                          std::uint16_t port, const RouteTable::BackendTls *tls,
                                          BackendTlsContexts *contexts)
{
    const bool secure = tls != nullptr && contexts != nullptr;
    const std::string key = secure ? endpoint + '\n' + tls->key : endpoint;
    std::vector<std::unique_ptr<Http2Upstream>> &list = m_connections[key];
    for (const std::unique_ptr<Http2Upstream> &u : list) {
        if (u->acceptsStreams()) {
            return u.get();
        }
    }
    return add(list, key, endpoint, host, port, tls, contexts);
}

Http2Upstream *Http2UpstreamPool::connect(const std::string &endpoint, const std::string &host,
                                          std::uint16_t port, const RouteTable::BackendTls *tls,
                                          BackendTlsContexts *contexts)
{
    const bool secure = tls != nullptr && contexts != nullptr;
    const std::string key = secure ? endpoint + '\n' + tls->key : endpoint;
    return add(m_connections[key], key, endpoint, host, port, tls, contexts);
}

Http2Upstream *Http2UpstreamPool::add(std::vector<std::unique_ptr<Http2Upstream>> &list,
                                      const std::string &key, const std::string &endpoint,
                                      const std::string &host, std::uint16_t port,
                                      const RouteTable::BackendTls *tls,
                                      BackendTlsContexts *contexts)
{
    const bool secure = tls != nullptr && contexts != nullptr;
    list.push_back(std::make_unique<Http2Upstream>(
        m_loop, endpoint, host, port, m_connectTimeout,
        secure ? contexts->newSession(*tls, endpoint, key) : nullptr));
    Http2Upstream *raw = list.back().get();
    raw->setOnIdleUnusable([this, raw] { retire(raw); });
    return raw;
}

void Http2UpstreamPool::retire(Http2Upstream *upstream)
{
    auto found = m_connections.find(upstream->poolKey());
    if (found == m_connections.end()) {
        return;
    }
    auto &list = found->second;
    const auto it = std::find_if(list.begin(), list.end(),
                                 [upstream](const auto &u) { return u.get() == upstream; });
    if (it == list.end()) {
        return;
    }
    m_dead.push_back(std::move(*it));
    list.erase(it);
    std::weak_ptr<bool> alive = m_alive;
    m_loop.post([this, alive] {
        if (!alive.expired()) {
            m_dead.clear();
        }
    });
}

} // namespace Torii::Proxy::Internal
