#include "http1_upstream.h"

#include <algorithm>
#include <utility>

namespace Torii::Proxy::Internal {

namespace {
constexpr std::size_t kReadChunk = 64 * 1024; // one read() per readiness event
} // namespace

Http1Upstream::Http1Upstream(Net::EventLoop &loop, std::string endpoint, const std::string &host,
                             std::uint16_t port, const Http::Limits &limits,
                             std::chrono::milliseconds connectTimeout,
                             std::unique_ptr<BackendTlsSession> tls)
    : m_loop(loop)
    , m_endpoint(std::move(endpoint))
    , m_parser(limits)
    , m_tls(std::move(tls))
{
    std::string error;
    m_fd = Net::connectTcp(host, port, &error);
    if (!m_fd || !m_loop.add(m_fd.get(), Net::Writable, [this](std::uint32_t e) { onIo(e); },
                             &error)) {
        m_fd.reset();
        // Reported from the loop, once a listener is attached (begin() comes after this).
        m_connectFailure = error;
        m_connectTimer = m_loop.addTimer(std::chrono::milliseconds(0),
                                         [this] {
                                             m_connectTimer = 0;
                                             fail(m_connectFailure);
                                         });
        return;
    }
    m_connectTimer = m_loop.addTimer(connectTimeout, [this, connectTimeout] {
        m_connectTimer = 0;
        fail("connecting to " + m_endpoint + " timed out after " +
             std::to_string(connectTimeout.count()) + " ms");
    });
}

Http1Upstream::~Http1Upstream()
{
    if (m_connectTimer) {
        m_loop.cancelTimer(m_connectTimer);
    }
    if (m_fd) {
        m_loop.remove(m_fd.get());
    }
}

void Http1Upstream::begin(UpstreamListener *listener, std::string_view method)
{
    m_listener = listener;
    m_parser.setRequestMethod(method);
    m_awaitingResponse = true;
    m_keepAlive = false;
    m_responseBytes = false;
}

void Http1Upstream::send(std::string_view bytes)
{
    if (m_broken || bytes.empty()) {
        return;
    }
    if (m_connected && m_output.empty()) {
        // The common case: the socket takes it all at once, no copy.
        const Net::IoResult r = transportWrite(bytes);
        if (r.error) {
            fail("writing to " + m_endpoint + " failed: " + Net::errorText(r.error));
            return;
        }
        bytes.remove_prefix(r.bytes);
        if (bytes.empty()) {
            return;
        }
    }
    m_output.append(bytes);
    if (m_connected) {
        updateInterest();
    }
}

bool Http1Upstream::reusable() const
{
    return m_connected && !m_broken && m_keepAlive && !m_awaitingResponse && m_parser.idle() &&
           m_input.empty() && m_fd.valid();
}

void Http1Upstream::setReadPaused(bool paused)
{
    if (m_readPaused == paused) {
        return;
    }
    m_readPaused = paused;
    if (!paused && !m_input.empty()) {
        parseInput();
        if (m_broken) {
            return;
        }
    }
    updateInterest();
    if (!paused && m_tls && m_connected && m_tls->pending()) {
        readAvailable(); // decrypted bytes wait inside OpenSSL: no readiness event will come
    }
}

void Http1Upstream::updateInterest()
{
    if (!m_fd) {
        return;
    }
    if (m_handshakeInterest != 0) {
        m_loop.modify(m_fd.get(), m_handshakeInterest); // the handshake decides until it ends
        return;
    }
    std::uint32_t interest = 0;
    if (!m_connected || !m_output.empty()) {
        interest |= Net::Writable;
    }
    if (m_connected && !m_readPaused) {
        interest |= Net::Readable;
    }
    m_loop.modify(m_fd.get(), interest);
}

void Http1Upstream::onIo(std::uint32_t events)
{
    if (m_broken) {
        return;
    }
    if (!m_connected) {
        if (m_handshakeInterest != 0) {
            continueHandshake();
        } else if (events & (Net::Writable | Net::Hangup)) {
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
                m_handshakeInterest = Net::Writable;
                continueHandshake();
                return;
            }
            onConnected();
        }
        return;
    }
    if (events & Net::Writable) {
        flush();
        if (m_broken) {
            return;
        }
    }
    if (events & Net::Readable) {
        if (!m_readPaused || !m_listener) {
            readAvailable();
        } else if (events & Net::Hangup) {
            // Paused, but the endpoint went away: let the reads continue to find EOF (level
            // triggered: Hangup would be reported again and again otherwise).
            readAvailable();
        }
    }
}

// One step of the TLS handshake on the connected socket; the certificate check ends it.
void Http1Upstream::continueHandshake()
{
    const BackendTlsSession::Step step = m_tls->handshake();
    m_handshakeInterest = BackendTlsSession::interestOf(step);
    if (step == BackendTlsSession::Step::Done) {
        onConnected();
        return;
    }
    if (step == BackendTlsSession::Step::Failed) {
        fail(m_tls->failure());
        return;
    }
    m_loop.modify(m_fd.get(), m_handshakeInterest);
}

Net::IoResult Http1Upstream::transportRead(char *buffer, std::size_t capacity)
{
    return m_tls ? m_tls->read(buffer, capacity) : Net::readSome(m_fd.get(), buffer, capacity);
}

Net::IoResult Http1Upstream::transportWrite(std::string_view bytes)
{
    return m_tls ? m_tls->write(bytes) : Net::writeSome(m_fd.get(), bytes);
}

void Http1Upstream::onConnected()
{
    if (m_connectTimer) {
        m_loop.cancelTimer(m_connectTimer);
        m_connectTimer = 0;
    }
    m_connected = true;
    flush();
    if (!m_broken) {
        updateInterest();
    }
}

void Http1Upstream::flush()
{
    while (!m_output.empty()) {
        const Net::IoResult r = transportWrite(m_output.readable());
        if (r.wouldBlock) {
            break;
        }
        if (r.error) {
            fail("writing to " + m_endpoint + " failed: " + Net::errorText(r.error));
            return;
        }
        const bool wasHigh = m_output.size() >= kHighWater;
        m_output.consume(r.bytes);
        if (wasHigh && m_output.size() < kHighWater && m_listener) {
            m_listener->upstreamWritable();
            if (m_broken) {
                return;
            }
        }
    }
    updateInterest();
}

void Http1Upstream::readAvailable()
{
    char *space = m_input.writableSpace(kReadChunk);
    const Net::IoResult r = transportRead(space, m_input.writableSize());
    if (r.wouldBlock) {
        return;
    }
    if (r.error || r.closed) {
        onPeerClosed();
        return;
    }
    m_input.commit(r.bytes);
    m_responseBytes = m_responseBytes || m_awaitingResponse;
    parseInput();
    if (!m_broken && m_listener) {
        m_listener->upstreamBatchDone();
    }
    // OpenSSL may hold decrypted bytes of a record the socket will not signal again.
    if (m_tls && !m_broken && !m_readPaused && m_fd && m_tls->pending()) {
        readAvailable();
    }
}

void Http1Upstream::parseInput()
{
    while (!m_input.empty() && !m_broken && !m_readPaused) {
        if (!m_listener || !m_awaitingResponse) {
            // Bytes nobody asked for: the connection can no longer be trusted.
            becameUnusable();
            return;
        }
        const Http::FeedResult result = m_parser.feed(m_input.readable(), *this);
        m_input.consume(result.consumed);
        if (m_completed) {
            // Told only now that the bytes are consumed and the parser is idle, so the listener
            // can hand this connection back to the pool as reusable.
            m_completed = false;
            if (m_listener && !m_trailers.fields.empty()) {
                m_listener->upstreamTrailers(std::exchange(m_trailers, Http::Headers()));
            }
            if (m_listener) {
                m_listener->upstreamComplete();
            }
            continue;
        }
        if (result.status == Http::FeedStatus::NeedMore) {
            break;
        }
        if (result.status == Http::FeedStatus::Error) {
            fail("invalid response from " + m_endpoint + ": " + m_parser.error().reason);
            return;
        }
        if (result.status == Http::FeedStatus::Upgraded) {
            fail("the endpoint " + m_endpoint + " switched protocols, which this gateway does " +
                 "not forward yet");
            return;
        }
    }
}

void Http1Upstream::onPeerClosed()
{
    if (m_broken) {
        return;
    }
    if (m_listener && m_awaitingResponse) {
        m_readPaused = false; // the rest must be parsed now: nothing more will come
        parseInput();
        if (m_broken) {
            return;
        }
        if (m_listener && m_awaitingResponse) {
            const Http::FeedResult result = m_parser.finish(*this);
            if (m_completed) { // a close-delimited body ended with the connection
                m_completed = false;
                m_broken = true; // not reusable: the endpoint closed it
                if (m_fd) {
                    m_loop.remove(m_fd.get());
                    m_fd.reset();
                }
                if (m_listener) {
                    m_listener->upstreamComplete();
                }
                return;
            }
            if (m_awaitingResponse) {
                fail(result.status == Http::FeedStatus::Error
                         ? "the endpoint " + m_endpoint +
                               " closed the connection mid-response: " + m_parser.error().reason
                         : "the endpoint " + m_endpoint +
                               " closed the connection without answering");
                return;
            }
        }
    }
    becameUnusable();
}

void Http1Upstream::becameUnusable()
{
    if (m_broken) {
        return;
    }
    m_broken = true;
    if (m_fd) {
        m_loop.remove(m_fd.get());
        m_fd.reset();
    }
    if (m_onUnusable) {
        auto callback = std::move(m_onUnusable);
        m_onUnusable = nullptr;
        callback(); // may retire this connection: nothing after it
    }
}

void Http1Upstream::fail(const std::string &reason)
{
    if (m_broken) {
        return;
    }
    m_broken = true;
    if (m_connectTimer) {
        m_loop.cancelTimer(m_connectTimer);
        m_connectTimer = 0;
    }
    if (m_fd) {
        m_loop.remove(m_fd.get());
        m_fd.reset();
    }
    UpstreamListener *listener = std::exchange(m_listener, nullptr);
    m_awaitingResponse = false;
    if (listener) {
        listener->upstreamFailed(reason); // may retire this connection: nothing after it
    } else if (m_onUnusable) {
        auto callback = std::move(m_onUnusable);
        m_onUnusable = nullptr;
        callback();
    }
}

void Http1Upstream::onHead(Http::ResponseHead &&head)
{
    m_lastWasInterim = head.isInterim();
    if (!m_lastWasInterim) {
        m_keepAlive = head.keepAlive;
    }
    if (m_listener) {
        m_listener->upstreamHead(std::move(head));
    }
}

void Http1Upstream::onBody(std::string_view chunk)
{
    if (m_listener) {
        m_listener->upstreamBody(chunk);
    }
}

void Http1Upstream::onComplete(Http::Headers &&trailers)
{
    if (!m_awaitingResponse || m_lastWasInterim) {
        return; // an interim (1xx) response is a message of its own; the final one follows
    }
    m_trailers = std::move(trailers);
    m_awaitingResponse = false;
    m_completed = true; // reported by parseInput once the feed returned
}

Http1UpstreamPool::Http1UpstreamPool(Net::EventLoop &loop, Http::Limits limits,
                                     std::chrono::milliseconds connectTimeout,
                                     std::size_t maxIdlePerEndpoint, Retire retire)
    : m_loop(loop)
    , m_limits(limits)
    , m_connectTimeout(connectTimeout)
    , m_maxIdle(maxIdlePerEndpoint)
    , m_retire(std::move(retire))
{}

Http1UpstreamPool::~Http1UpstreamPool() = default;

std::unique_ptr<Http1Upstream> Http1UpstreamPool::acquire(const std::string &endpoint,
                                                          const std::string &host,
                                                          std::uint16_t port,
                                                          const RouteTable::BackendTls *tls)
{
    // Plain connections are kept under the endpoint; TLS ones under endpoint and policy.
    std::string tlsKey;
    if (tls) {
        tlsKey = endpoint + '#' + tls->key;
    }
    auto idle = m_idle.find(tls ? tlsKey : endpoint);
    while (idle != m_idle.end() && !idle->second.empty()) {
        std::unique_ptr<Http1Upstream> connection = std::move(idle->second.back());
        idle->second.pop_back();
        connection->setOnUnusable(nullptr);
        if (connection->reusable()) {
            connection->markReused();
            return connection;
        }
        m_retire(std::move(connection));
    }
    return create(endpoint, host, port, tls, std::move(tlsKey));
}

std::unique_ptr<Http1Upstream> Http1UpstreamPool::connect(const std::string &endpoint,
                                                          const std::string &host,
                                                          std::uint16_t port,
                                                          const RouteTable::BackendTls *tls)
{
    return create(endpoint, host, port, tls, tls ? endpoint + '#' + tls->key : std::string());
}

std::unique_ptr<Http1Upstream> Http1UpstreamPool::create(const std::string &endpoint,
                                                         const std::string &host,
                                                         std::uint16_t port,
                                                         const RouteTable::BackendTls *tls,
                                                         std::string poolKey)
{
    std::unique_ptr<BackendTlsSession> session;
    if (tls) {
        session = m_tlsContexts.newSession(*tls, endpoint, std::move(poolKey));
    }
    return std::make_unique<Http1Upstream>(m_loop, endpoint, host, port, m_limits,
                                           m_connectTimeout, std::move(session));
}

void Http1UpstreamPool::release(std::unique_ptr<Http1Upstream> connection)
{
    connection->detach();
    auto &idle = m_idle[connection->poolKey()];
    if (!connection->reusable() || idle.size() >= m_maxIdle) {
        discard(std::move(connection));
        return;
    }
    Http1Upstream *raw = connection.get();
    raw->setOnUnusable([this, raw] { drop(raw); });
    idle.push_back(std::move(connection));
}

void Http1UpstreamPool::discard(std::unique_ptr<Http1Upstream> connection)
{
    connection->detach();
    connection->setOnUnusable(nullptr);
    m_retire(std::move(connection));
}

std::size_t Http1UpstreamPool::idleCount() const
{
    std::size_t count = 0;
    for (const auto &[endpoint, list] : m_idle) {
        count += list.size();
    }
    return count;
}

void Http1UpstreamPool::drop(Http1Upstream *connection)
{
    auto &idle = m_idle[connection->poolKey()];
    const auto it = std::find_if(idle.begin(), idle.end(),
                                 [connection](const auto &p) { return p.get() == connection; });
    if (it != idle.end()) {
        std::unique_ptr<Http1Upstream> gone = std::move(*it);
        idle.erase(it);
        m_retire(std::move(gone));
    }
}

} // namespace Torii::Proxy::Internal
