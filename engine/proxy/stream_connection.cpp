#include "stream_connection.h"

#include "client_hello.h"
#include "request_router.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <sys/socket.h>

#include <algorithm>

namespace Torii::Proxy::Internal {

namespace {
constexpr std::size_t kReadChunk = 16 * 1024;
} // namespace

StreamConnection::StreamConnection(LoopWorkerContext &context, const StreamSettings &settings,
                                   Net::UniqueFd client, int gatewayPort, ListenerKind kind,
                                   SSL_CTX *terminate, std::function<void(StreamConnection *)> retire)
    : m_context(context)
    , m_settings(settings)
    , m_client(std::move(client))
    , m_kind(kind)
    , m_retire(std::move(retire))
{
    m_event.gatewayPort = gatewayPort;
    m_event.method = kind == ListenerKind::Tcp ? "TCP" : "TLS";
    if (kind == ListenerKind::TlsTerminate && terminate != nullptr) {
        m_ssl = SSL_new(terminate);
    }
}

StreamConnection::~StreamConnection()
{
    if (m_phase != Phase::Done) {
        if (m_clientWatched) {
            m_context.loop->remove(m_client.get());
        }
        if (m_upstream && m_upstreamWatched) {
            m_context.loop->remove(m_upstream.get());
        }
        if (m_timer) {
            m_context.loop->cancelTimer(m_timer);
        }
    }
    if (m_ssl) {
        SSL_free(m_ssl);
    }
}

void StreamConnection::start()
{
    m_started = m_context.loop->now();
    m_lastActivity = m_started;
    if (!m_context.loop->add(m_client.get(), Net::Readable,
                             [this](std::uint32_t events) { onClient(events); })) {
        finish();
        return;
    }
    m_clientInterest = Net::Readable;
    m_clientWatched = true;
    switch (m_kind) {
    case ListenerKind::Tcp:
        route({});
        return;
    case ListenerKind::TlsTerminate:
        if (m_ssl == nullptr || SSL_set_fd(m_ssl, m_client.get()) != 1) {
            ERR_clear_error();
            finish();
            return;
        }
        SSL_set_accept_state(m_ssl);
        SSL_set_mode(m_ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
        m_phase = Phase::Handshaking;
        break;
    default:
        m_phase = Phase::ReadingHello;
        break;
    }
    m_timer = m_context.loop->addTimer(m_settings.helloTimeout, [this] {
        m_timer = 0;
        if (m_context.tlsFailures) {
            m_context.tlsFailures->fetch_add(1, std::memory_order_relaxed);
        }
        finish();
    });
}

void StreamConnection::onClient(std::uint32_t events)
{
    switch (m_phase) {
    case Phase::ReadingHello:
        readHello();
        return;
    case Phase::Handshaking:
        handshake();
        return;
    case Phase::Connecting:
    case Phase::Splicing:
        pump();
        return;
    case Phase::Done:
        return;
    }
}

void StreamConnection::onUpstream(std::uint32_t events)
{
    if (m_phase == Phase::Connecting) {
        if (Net::connectError(m_upstream.get()) != 0) {
            finish();
            return;
        }
        connected();
        return;
    }
    if (m_phase != Phase::Splicing) {
        return;
    }
    pump();
}

void StreamConnection::readHello()
{
    char *space = m_toUpstream.writableSpace(kReadChunk);
    const Net::IoResult r = Net::readSome(m_client.get(), space, kReadChunk);
    if (r.wouldBlock) {
        return;
    }
    if (!r.ok()) {
        finish(); // closed or reset before the ClientHello was whole
        return;
    }
    m_toUpstream.commit(r.bytes);
    m_event.bytesIn += r.bytes;
    const ClientHelloResult hello = parseClientHello(m_toUpstream.readable());
    switch (hello.status) {
    case ClientHelloResult::Status::NeedMore:
        return;
    case ClientHelloResult::Status::Invalid:
        if (m_context.tlsFailures) {
            m_context.tlsFailures->fetch_add(1, std::memory_order_relaxed);
        }
        finish();
        return;
    case ClientHelloResult::Status::Complete:
        route(hello.serverName);
        return;
    }
}

void StreamConnection::handshake()
{
    const int r = SSL_do_handshake(m_ssl);
    if (r == 1) {
        const char *name = SSL_get_servername(m_ssl, TLSEXT_NAMETYPE_host_name);
        std::string serverName = name ? name : "";
        std::transform(serverName.begin(), serverName.end(), serverName.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        m_sslWantsWrite = false;
        route(serverName);
        return;
    }
    const int error = SSL_get_error(m_ssl, r);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
        m_sslWantsWrite = error == SSL_ERROR_WANT_WRITE;
        updateInterest();
        return;
    }
    ERR_clear_error();
    if (m_context.tlsFailures) {
        m_context.tlsFailures->fetch_add(1, std::memory_order_relaxed);
    }
    finish();
}

void StreamConnection::route(const std::string &serverName)
{
    if (m_timer) {
        m_context.loop->cancelTimer(m_timer);
        m_timer = 0;
    }
    m_event.target = serverName;
    m_context.snapshots->refresh();
    const auto &table = m_context.snapshots->table();
    const RouteTable::StreamRoute *stream =
        table ? table->lookupStream(m_event.gatewayPort, serverName) : nullptr;
    if (stream == nullptr) {
        finish();
        return;
    }
    m_event.routed = true;
    m_event.route = stream->source;
    const int chosen = chooseWeighted(stream->backends, m_context.random());
    if (chosen < 0) {
        finish();
        return;
    }
    const RouteTable::Backend &backend = stream->backends[std::size_t(chosen)];
    const std::string key = endpointKey(backend.ns, backend.service, backend.port);
    m_event.backend = key;
    if (!backend.isValid()) {
        finish();
        return;
    }
    m_context.endpointChooser.bind(table, m_context.snapshots->endpoints());
    const std::string *endpoint = EndpointChooser::next(m_context.endpointChooser.target(
        backend, table.get(), *m_context.snapshots->endpoints()));
    if (endpoint == nullptr) {
        finish();
        return;
    }
    m_event.endpoint = *endpoint;
    std::string host;
    quint16 port = 0;
    if (!splitEndpoint(m_event.endpoint, &host, &port)) {
        finish();
        return;
    }
    m_upstream = Net::connectTcp(host, port);
    if (!m_upstream ||
        !m_context.loop->add(m_upstream.get(), Net::Writable,
                             [this](std::uint32_t events) { onUpstream(events); })) {
        m_upstream.reset();
        finish();
        return;
    }
    m_upstreamInterest = Net::Writable;
    m_upstreamWatched = true;
    m_phase = Phase::Connecting;
    m_timer = m_context.loop->addTimer(m_settings.connectTimeout, [this] {
        m_timer = 0;
        finish();
    });
    updateInterest();
}

void StreamConnection::connected()
{
    if (m_timer) {
        m_context.loop->cancelTimer(m_timer);
        m_timer = 0;
    }
    m_phase = Phase::Splicing;
    m_lastActivity = m_context.loop->now();
    armIdle();
    pump();
}

void StreamConnection::pump()
{
    readClient();
    writeUpstream();
    readUpstream();
    writeClient();
    if (m_failed) {
        finish();
        return;
    }
    if (m_phase == Phase::Splicing) {
        if (m_clientEof && m_toUpstream.empty() && !m_upstreamShut) {
            ::shutdown(m_upstream.get(), SHUT_WR);
            m_upstreamShut = true;
        }
        if (m_upstreamEof && m_toClient.empty() && !m_clientShut) {
            if (m_ssl) {
                SSL_shutdown(m_ssl); // close_notify; the answer is not waited for
                ERR_clear_error();
            }
            ::shutdown(m_client.get(), SHUT_WR);
            m_clientShut = true;
        }
        if (m_upstreamShut && m_clientShut) {
            finish();
            return;
        }
    }
    updateInterest();
}

bool StreamConnection::readClient()
{
    bool any = false;
    while (!m_clientEof && !m_failed && m_toUpstream.size() < m_settings.bufferBytes) {
        const std::size_t room = std::min(kReadChunk, m_settings.bufferBytes - m_toUpstream.size());
        char *space = m_toUpstream.writableSpace(room);
        std::size_t got = 0;
        if (m_ssl) {
            const int r = SSL_read(m_ssl, space, int(room));
            if (r > 0) {
                got = std::size_t(r);
            } else {
                const int error = SSL_get_error(m_ssl, r);
                if (error == SSL_ERROR_WANT_READ) {
                    break;
                }
                if (error == SSL_ERROR_WANT_WRITE) {
                    m_sslWantsWrite = true;
                    break;
                }
                ERR_clear_error();
                if (error == SSL_ERROR_ZERO_RETURN ||
                    (error == SSL_ERROR_SYSCALL && r == 0)) {
                    m_clientEof = true; // close_notify, or EOF without it
                } else {
                    m_failed = true;
                }
                break;
            }
        } else {
            const Net::IoResult r = Net::readSome(m_client.get(), space, room);
            if (r.wouldBlock) {
                break;
            }
            if (r.closed) {
                m_clientEof = true;
                break;
            }
            if (r.error) {
                m_failed = true;
                break;
            }
            got = r.bytes;
        }
        m_toUpstream.commit(got);
        m_event.bytesIn += got;
        m_lastActivity = m_context.loop->now();
        any = true;
        if (!m_ssl || SSL_pending(m_ssl) == 0) {
            break; // plain: one read per round (fairness); TLS: until its buffer is empty
        }
    }
    return any;
}

bool StreamConnection::writeUpstream()
{
    if (m_phase != Phase::Splicing || m_toUpstream.empty() || m_failed) {
        return false;
    }
    const Net::IoResult r = Net::writeSome(m_upstream.get(), m_toUpstream.readable());
    if (r.error) {
        m_failed = true;
        return false;
    }
    m_toUpstream.consume(r.bytes);
    return r.bytes > 0;
}

bool StreamConnection::readUpstream()
{
    if (m_phase != Phase::Splicing || m_upstreamEof || m_failed ||
        m_toClient.size() >= m_settings.bufferBytes) {
        return false;
    }
    const std::size_t room = std::min(kReadChunk, m_settings.bufferBytes - m_toClient.size());
    char *space = m_toClient.writableSpace(room);
    const Net::IoResult r = Net::readSome(m_upstream.get(), space, room);
    if (r.wouldBlock) {
        return false;
    }
    if (r.closed) {
        m_upstreamEof = true;
        return false;
    }
    if (r.error) {
        m_failed = true;
        return false;
    }
    m_toClient.commit(r.bytes);
    m_event.bytesOut += r.bytes;
    m_lastActivity = m_context.loop->now();
    return true;
}

bool StreamConnection::writeClient()
{
    if (m_toClient.empty() || m_clientShut || m_failed) {
        return false;
    }
    if (m_ssl) {
        const std::string_view pending = m_toClient.readable();
        const int r = SSL_write(m_ssl, pending.data(),
                                int(std::min<std::size_t>(pending.size(), 1 << 20)));
        if (r > 0) {
            m_toClient.consume(std::size_t(r));
            m_sslWantsWrite = false;
            return true;
        }
        const int error = SSL_get_error(m_ssl, r);
        if (error == SSL_ERROR_WANT_WRITE) {
            m_sslWantsWrite = true;
        } else if (error != SSL_ERROR_WANT_READ) {
            ERR_clear_error();
            m_failed = true;
        }
        return false;
    }
    const Net::IoResult r = Net::writeSome(m_client.get(), m_toClient.readable());
    if (r.error) {
        m_failed = true;
        return false;
    }
    m_toClient.consume(r.bytes);
    return r.bytes > 0;
}

void StreamConnection::updateInterest()
{
    if (m_phase == Phase::Done) {
        return;
    }
    std::uint32_t client = 0;
    if (m_phase == Phase::ReadingHello || m_phase == Phase::Handshaking) {
        client = m_sslWantsWrite ? Net::Writable : Net::Readable;
    } else {
        if (!m_clientEof && m_toUpstream.size() < m_settings.bufferBytes) {
            client |= Net::Readable;
        }
        if ((!m_toClient.empty() && !m_clientShut) || m_sslWantsWrite) {
            client |= Net::Writable;
        }
    }
    setInterest(m_client.get(), client, m_clientEof, &m_clientInterest, &m_clientWatched,
                [this](std::uint32_t events) { onClient(events); });
    if (!m_upstream) {
        return;
    }
    std::uint32_t upstream = 0;
    if (m_phase == Phase::Connecting) {
        upstream = Net::Writable;
    } else {
        if (!m_upstreamEof && m_toClient.size() < m_settings.bufferBytes) {
            upstream |= Net::Readable;
        }
        if (!m_toUpstream.empty() && !m_upstreamShut) {
            upstream |= Net::Writable;
        }
    }
    setInterest(m_upstream.get(), upstream, m_upstreamEof, &m_upstreamInterest,
                &m_upstreamWatched, [this](std::uint32_t events) { onUpstream(events); });
}

// The loop always reports a peer's half-close (EPOLLRDHUP, level-triggered), so a side that has
// sent its EOF and is owed nothing is unwatched until there is something to write to it;
// otherwise its callback would run on every round while the other side is still talking.
void StreamConnection::setInterest(int fd, std::uint32_t interest, bool eof,
                                   std::uint32_t *current, bool *watched,
                                   Net::EventLoop::IoCallback callback)
{
    if (eof && interest == 0) {
        if (*watched) {
            m_context.loop->remove(fd);
            *watched = false;
        }
        return;
    }
    if (!*watched) {
        if (m_context.loop->add(fd, interest, std::move(callback))) {
            *watched = true;
            *current = interest;
        } else {
            m_failed = true;
        }
        return;
    }
    if (interest != *current) {
        m_context.loop->modify(fd, interest);
        *current = interest;
    }
}

void StreamConnection::armIdle()
{
    const auto deadline = m_lastActivity + m_settings.idleTimeout;
    m_timer = m_context.loop->addTimerAt(deadline, [this] {
        m_timer = 0;
        if (m_context.loop->now() - m_lastActivity >= m_settings.idleTimeout) {
            finish();
        } else {
            armIdle(); // there was traffic since: wait for the rest of the idle time
        }
    });
}

void StreamConnection::finish()
{
    if (m_phase == Phase::Done) {
        return;
    }
    m_phase = Phase::Done;
    if (m_timer) {
        m_context.loop->cancelTimer(m_timer);
        m_timer = 0;
    }
    if (m_clientWatched) {
        m_context.loop->remove(m_client.get());
    }
    if (m_upstream && m_upstreamWatched) {
        m_context.loop->remove(m_upstream.get());
    }
    m_clientWatched = m_upstreamWatched = false;
    m_upstream.reset();
    m_client.reset();
    m_event.latencyMicros = std::chrono::duration_cast<std::chrono::microseconds>(
                                Net::EventLoop::Clock::now() - m_started)
                                .count();
    m_context.publish(std::move(m_event));
    m_retire(this);
}

} // namespace Torii::Proxy::Internal
