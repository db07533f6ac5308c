#include "stream_connection.h"

#include "client_hello.h"
#include "request_router.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <fcntl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

namespace Torii::Proxy::Internal {

namespace {
// Both sockets, for the whole connection: never modified (see the header).
constexpr std::uint32_t kWatch = Net::Readable | Net::Writable | Net::EdgeTriggered;
// Bytes read per direction in one callback before the connection lets the others run: two fast
// peers would otherwise keep one callback moving bytes for ever.
constexpr std::size_t kRoundBudget = 256 * 1024;
// A read this large says bulk: the direction splices from then on (see the header).
constexpr std::size_t kBulkRead = 32 * 1024;
// A pipe's default capacity (16 pages); splicing is used only when bufferBytes allows as much.
constexpr std::size_t kPipeBytes = 64 * 1024;
} // namespace

std::size_t StreamConnection::poolBlockBytes(const StreamSettings &settings)
{
    return std::max(settings.bufferBytes, kMaxClientHello);
}

StreamConnection::StreamConnection(LoopWorkerContext &context, const StreamSettings &settings,
                                   RelayBufferPool &buffers, Net::UniqueFd client, int gatewayPort,
                                   ListenerKind kind, SSL_CTX *terminate,
                                   std::function<void(StreamConnection *)> retire)
    : m_context(context)
    , m_settings(settings)
    , m_client(std::move(client))
    , m_kind(kind)
    , m_retire(std::move(retire))
    , m_toUpstream(buffers)
    , m_toClient(buffers)
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
        if (m_resume) {
            m_context.loop->cancelTimer(m_resume);
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
    if (!m_context.loop->add(m_client.get(), kWatch,
                             [this](std::uint32_t events) { onClient(events); })) {
        finish();
        return;
    }
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
    // TLS listeners defer accept (TCP_DEFER_ACCEPT, Gateway::start): the ClientHello is usually
    // here already, so read it now instead of after another loop round. A client that stayed
    // silent past the deferral costs one read that would block.
    m_clientReadable = true;
    if (m_phase == Phase::ReadingHello) {
        readHello();
    } else {
        handshake();
    }
}

void StreamConnection::onClient(std::uint32_t events)
{
    m_clientReadable = m_clientReadable || (events & Net::Readable) != 0; // Hangup comes with it
    m_clientWritable = m_clientWritable || (events & Net::Writable) != 0;
    m_clientHangup = m_clientHangup || (events & Net::Hangup) != 0;
    switch (m_phase) {
    case Phase::ReadingHello:
        readHello();
        return;
    case Phase::Handshaking:
        if (m_sslWantsWrite ? m_clientWritable : m_clientReadable) {
            handshake();
        }
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
    m_upstreamReadable = m_upstreamReadable || (events & Net::Readable) != 0;
    m_upstreamWritable = m_upstreamWritable || (events & Net::Writable) != 0;
    m_upstreamHangup = m_upstreamHangup || (events & Net::Hangup) != 0;
    if (m_phase == Phase::Connecting) {
        // The Writable edge says the connect is done; only an error or a hangup needs SO_ERROR
        // (a backend that accepted and closed at once is connected, and then read as EOF).
        if ((events & Net::Hangup) && Net::connectError(m_upstream.get()) != 0) {
            finish();
            return;
        }
        if (events & (Net::Writable | Net::Hangup)) {
            connected();
        }
        return;
    }
    if (m_phase != Phase::Splicing) {
        return;
    }
    pump();
}

void StreamConnection::readHello()
{
    while (m_clientReadable) {
        std::size_t room = 0;
        char *space = m_toUpstream.space(m_toUpstream.size() + kMaxClientHello, &room);
        if (room == 0) {
            // kMaxClientHello bytes and still no whole ClientHello: the parser would refuse it.
            if (m_context.tlsFailures) {
                m_context.tlsFailures->fetch_add(1, std::memory_order_relaxed);
            }
            finish();
            return;
        }
        const Net::IoResult r = Net::readSome(m_client.get(), space, room);
        if (r.wouldBlock) {
            m_clientReadable = false;
            m_toUpstream.releaseIfEmpty();
            return;
        }
        if (!r.ok()) {
            finish(); // closed or reset before the ClientHello was whole
            return;
        }
        m_clientReadable = r.bytes == room || m_clientHangup; // a short read drained it
        m_toUpstream.commit(r.bytes);
        m_event.bytesIn += r.bytes;
        const ClientHelloResult hello = parseClientHello(m_toUpstream.readable());
        switch (hello.status) {
        case ClientHelloResult::Status::NeedMore:
            continue;
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
        // The client's first records may already wait behind the handshake's: read before
        // trusting the edge, which came before them.
        m_clientReadable = true;
        route(serverName);
        return;
    }
    const int error = SSL_get_error(m_ssl, r);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
        m_sslWantsWrite = error == SSL_ERROR_WANT_WRITE;
        if (m_sslWantsWrite) {
            m_clientWritable = false;
        } else {
            m_clientReadable = false;
        }
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
    // The chooser keeps each backendRef's key per snapshot (as for HTTP): no string built per
    // connection.
    m_context.endpointChooser.bind(table, m_context.snapshots->endpoints());
    const EndpointChooser::Target &target =
        m_context.endpointChooser.target(backend, table.get(), *m_context.snapshots->endpoints());
    m_event.backend = target.key;
    if (!backend.isValid()) {
        finish();
        return;
    }
    const EndpointChooser::Endpoint *endpoint = EndpointChooser::next(target);
    if (endpoint == nullptr || endpoint->port == 0) {
        finish();
        return;
    }
    m_event.endpoint = endpoint->address;
    m_upstream = Net::connectTcp(endpoint->host, endpoint->port);
    if (!m_upstream ||
        !m_context.loop->add(m_upstream.get(), kWatch,
                             [this](std::uint32_t events) { onUpstream(events); })) {
        m_upstream.reset();
        finish();
        return;
    }
    m_upstreamWatched = true;
    m_phase = Phase::Connecting;
    m_timer = m_context.loop->addTimer(m_settings.connectTimeout, [this] {
        m_timer = 0;
        finish();
    });
    // Bytes the client sent meanwhile are read (up to the buffer) while the connect completes.
    pump();
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

// Moves bytes both ways until no side can go on (each read stops at a short read, each write at
// one that would block), within kRoundBudget per direction; then passes EOFs on.
void StreamConnection::pump()
{
    std::size_t budgetIn = kRoundBudget;
    std::size_t budgetOut = kRoundBudget;
    bool moved = true;
    while (moved && !m_failed) {
        moved = readClient(&budgetIn);
        moved = writeUpstream() || moved;
        moved = readUpstream(&budgetOut) || moved;
        moved = writeClient() || moved;
    }
    if (m_failed) {
        finish();
        return;
    }
    if (m_phase != Phase::Splicing) {
        return;
    }
    closeDirections();
    if (m_phase == Phase::Done) {
        return;
    }
    startSplicing(m_pipeToUpstream, m_toUpstream, m_clientEof);
    startSplicing(m_pipeToClient, m_toClient, m_upstreamEof);
    // Stopped by the budget with a side still ready: the edge will not come again.
    const bool clientMore = m_clientReadable && !m_clientEof && budgetIn == 0;
    const bool upstreamMore = m_upstreamReadable && !m_upstreamEof && budgetOut == 0;
    if ((clientMore || upstreamMore) && m_resume == 0) {
        m_resume = m_context.loop->resumeNextRound([this] {
            m_resume = 0;
            if (m_phase == Phase::Splicing) {
                pump();
            }
        });
    }
}

// A direction whose sender finished and whose bytes are all delivered is closed with SHUT_WR;
// when the other is done too, the connection ends and close() sends the last FIN itself.
void StreamConnection::closeDirections()
{
    const bool upstreamDone = m_clientEof && m_toUpstream.empty() && m_pipeToUpstream.bytes == 0;
    const bool clientDone = m_upstreamEof && m_toClient.empty() && m_pipeToClient.bytes == 0;
    if (upstreamDone && clientDone && !m_ssl) {
        finish();
        return;
    }
    if (upstreamDone && !m_upstreamShut) {
        ::shutdown(m_upstream.get(), SHUT_WR);
        m_upstreamShut = true;
    }
    if (clientDone && !m_clientShut) {
        if (m_ssl) {
            SSL_shutdown(m_ssl); // close_notify; the answer is not waited for
            ERR_clear_error();
        }
        ::shutdown(m_client.get(), SHUT_WR);
        m_clientShut = true;
    }
    if (m_upstreamShut && m_clientShut) {
        finish();
    }
}

void StreamConnection::startSplicing(SplicePipe &pipe, const RelayBuffer &buffer, bool eof)
{
    // Only once the buffer is empty (the bytes keep their order), for plain sockets, and only
    // when the pipe's capacity is within the direction's bound.
    if (!pipe.wanted || pipe.active() || m_spliceFailed || m_ssl || eof || !buffer.empty() ||
        m_settings.bufferBytes < kPipeBytes) {
        return;
    }
    int ends[2];
    if (::pipe2(ends, O_NONBLOCK | O_CLOEXEC) != 0) {
        m_spliceFailed = true; // out of descriptors or pipes: the copy works as well
        return;
    }
    pipe.readEnd = Net::UniqueFd(ends[0]);
    pipe.writeEnd = Net::UniqueFd(ends[1]);
}

// Socket → pipe until the socket has nothing (EAGAIN with an empty pipe; with bytes in the pipe
// EAGAIN may mean a full pipe, so the side stays readable until the pipe is drained), EOF, the
// bound or the budget.
bool StreamConnection::spliceIn(int from, SplicePipe &pipe, bool *readable, bool *eof,
                                std::size_t *budget, std::uint64_t *counter)
{
    bool any = false;
    while (*readable && !*eof && !m_failed && *budget > 0 && pipe.bytes < kPipeBytes) {
        const ssize_t n = ::splice(from, nullptr, pipe.writeEnd.get(), nullptr,
                                   kPipeBytes - pipe.bytes, SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
        if (n > 0) {
            pipe.bytes += std::size_t(n);
            *counter += std::uint64_t(n);
            *budget -= std::min(*budget, std::size_t(n));
            m_lastActivity = m_context.loop->now();
            any = true;
            continue;
        }
        if (n == 0) {
            *readable = false;
            *eof = true;
            break;
        }
        if (errno == EINTR) {
            continue;
        }
        if (errno == EAGAIN) {
            *readable = *readable && pipe.bytes > 0;
            break;
        }
        m_failed = true;
        break;
    }
    return any;
}

// Pipe → socket; the side stops being writable only when the socket says EAGAIN.
bool StreamConnection::spliceOut(SplicePipe &pipe, int to, bool *writable)
{
    while (pipe.bytes > 0 && *writable && !m_failed) {
        const ssize_t n = ::splice(pipe.readEnd.get(), nullptr, to, nullptr, pipe.bytes,
                                   SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
        if (n > 0) {
            pipe.bytes -= std::min(pipe.bytes, std::size_t(n));
            return true;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && errno == EAGAIN) {
            *writable = false;
            return false;
        }
        m_failed = n < 0; // EPIPE, ECONNRESET, ...
        return false;
    }
    return false;
}

bool StreamConnection::readClient(std::size_t *budget)
{
    if (m_pipeToUpstream.active()) {
        return spliceIn(m_client.get(), m_pipeToUpstream, &m_clientReadable, &m_clientEof, budget,
                        &m_event.bytesIn);
    }
    bool any = false;
    while (m_clientReadable && !m_clientEof && !m_failed && *budget > 0 &&
           m_toUpstream.size() < m_settings.bufferBytes) {
        std::size_t room = 0;
        char *space = m_toUpstream.space(m_settings.bufferBytes, &room);
        std::size_t got = 0;
        if (m_ssl) {
            const int r = SSL_read(m_ssl, space, int(room));
            if (r > 0) {
                got = std::size_t(r);
            } else {
                const int error = SSL_get_error(m_ssl, r);
                if (error == SSL_ERROR_WANT_READ) {
                    m_clientReadable = false;
                } else if (error == SSL_ERROR_WANT_WRITE) {
                    m_clientWritable = false; // a renegotiation's answer: the Writable edge retries
                } else {
                    ERR_clear_error();
                    if (error == SSL_ERROR_ZERO_RETURN ||
                        (error == SSL_ERROR_SYSCALL && r == 0)) {
                        m_clientEof = true; // close_notify, or EOF without it
                    } else {
                        m_failed = true;
                    }
                }
                m_toUpstream.releaseIfEmpty();
                break;
            }
        } else {
            const Net::IoResult r = Net::readSome(m_client.get(), space, room);
            if (!r.ok() || r.wouldBlock || r.bytes == 0) {
                m_clientReadable = false;
                m_clientEof = r.closed;
                m_failed = r.error != 0;
                m_toUpstream.releaseIfEmpty();
                break;
            }
            got = r.bytes;
            m_pipeToUpstream.wanted = m_pipeToUpstream.wanted || got >= kBulkRead;
            // A short read emptied the socket: the next bytes come with the next edge. Not the
            // EOF, though, when it came with the edge already used: read on until it is seen.
            m_clientReadable = got == room || m_clientHangup;
        }
        m_toUpstream.commit(got);
        m_event.bytesIn += got;
        *budget -= std::min(*budget, got);
        m_lastActivity = m_context.loop->now();
        any = true;
    }
    return any;
}

bool StreamConnection::writeUpstream()
{
    if (m_phase == Phase::Splicing && m_pipeToUpstream.active()) {
        return spliceOut(m_pipeToUpstream, m_upstream.get(), &m_upstreamWritable);
    }
    if (m_phase != Phase::Splicing || !m_upstreamWritable || m_toUpstream.empty() || m_failed) {
        return false;
    }
    const std::string_view pending = m_toUpstream.readable();
    const Net::IoResult r = Net::writeSome(m_upstream.get(), pending);
    if (r.error) {
        m_failed = true;
        return false;
    }
    m_upstreamWritable = r.bytes == pending.size();
    m_toUpstream.consume(r.bytes);
    return r.bytes > 0;
}

bool StreamConnection::readUpstream(std::size_t *budget)
{
    if (m_phase == Phase::Splicing && m_pipeToClient.active()) {
        return spliceIn(m_upstream.get(), m_pipeToClient, &m_upstreamReadable, &m_upstreamEof,
                        budget, &m_event.bytesOut);
    }
    bool any = false;
    while (m_phase == Phase::Splicing && m_upstreamReadable && !m_upstreamEof && !m_failed &&
           *budget > 0 && m_toClient.size() < m_settings.bufferBytes) {
        std::size_t room = 0;
        char *space = m_toClient.space(m_settings.bufferBytes, &room);
        const Net::IoResult r = Net::readSome(m_upstream.get(), space, room);
        if (!r.ok() || r.wouldBlock || r.bytes == 0) {
            m_upstreamReadable = false;
            m_upstreamEof = r.closed;
            m_failed = r.error != 0;
            m_toClient.releaseIfEmpty();
            break;
        }
        m_upstreamReadable = r.bytes == room || m_upstreamHangup;
        m_pipeToClient.wanted = m_pipeToClient.wanted || r.bytes >= kBulkRead;
        m_toClient.commit(r.bytes);
        m_event.bytesOut += r.bytes;
        *budget -= std::min(*budget, r.bytes);
        m_lastActivity = m_context.loop->now();
        any = true;
    }
    return any;
}

bool StreamConnection::writeClient()
{
    if (m_pipeToClient.active()) {
        return !m_clientShut && spliceOut(m_pipeToClient, m_client.get(), &m_clientWritable);
    }
    if (m_toClient.empty() || m_clientShut || m_failed || !m_clientWritable) {
        return false;
    }
    if (m_ssl) {
        const std::string_view pending = m_toClient.readable();
        const int r = SSL_write(m_ssl, pending.data(),
                                int(std::min<std::size_t>(pending.size(), 1 << 20)));
        if (r > 0) {
            m_toClient.consume(std::size_t(r));
            return true;
        }
        const int error = SSL_get_error(m_ssl, r);
        if (error == SSL_ERROR_WANT_WRITE) {
            m_clientWritable = false;
        } else if (error != SSL_ERROR_WANT_READ) {
            ERR_clear_error();
            m_failed = true;
        }
        // WANT_READ (a renegotiation): retried on the next event of either kind.
        return false;
    }
    const std::string_view pending = m_toClient.readable();
    const Net::IoResult r = Net::writeSome(m_client.get(), pending);
    if (r.error) {
        m_failed = true;
        return false;
    }
    m_clientWritable = r.bytes == pending.size();
    m_toClient.consume(r.bytes);
    return r.bytes > 0;
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
    if (m_resume) {
        m_context.loop->cancelTimer(m_resume);
        m_resume = 0;
    }
    // Both descriptors are closed right below and are their sockets' only ones.
    if (m_clientWatched) {
        m_context.loop->forget(m_client.get());
    }
    if (m_upstream && m_upstreamWatched) {
        m_context.loop->forget(m_upstream.get());
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
