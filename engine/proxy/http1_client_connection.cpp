#include "http1_client_connection.h"

#include "http2_client_connection.h"
#include "loop_worker_context.h"
#include "upgrade_tunnel.h"
#include "mirror_policy.h"
#include "mirror_sender.h"
#include "tls_io.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace Torii::Proxy::Internal {

namespace {
constexpr std::size_t kReadChunk = 64 * 1024;
constexpr std::chrono::milliseconds kLinger{1000};    // reading after "Connection: close"
constexpr std::chrono::milliseconds kHandshake{10000}; // TLS handshake
} // namespace

// What the per-request path may skip for a whole table: the copy of the client's head kept for a
// retry's new decision, and the mirror lookup. Scanned once per table snapshot.
TableTraits scanTable(const RouteTable::RouteTable &table)
{
    TableTraits traits;
    for (int port : table.ports()) {
        const std::optional<RouteTable::RouteTable::ListenerView> view = table.listener(port);
        if (!view) {
            continue;
        }
        for (const RouteTable::RouteTable::HostView &host : view->hosts) {
            for (const RouteTable::HttpRoute *route : host.routes) {
                traits.retries = traits.retries || route->retry;
                for (const RouteTable::Backend &backend : route->backends) {
                    traits.h2c = traits.h2c || speaksH2c(backend.appProtocol);
                }
                traits.mirrors = traits.mirrors || !MirrorPolicy({&route->filters}).mirrors().empty();
                for (const RouteTable::Backend &backend : route->backends) {
                    traits.mirrors =
                        traits.mirrors || !MirrorPolicy({&backend.filters}).mirrors().empty();
                }
            }
        }
    }
    return traits;
}

Http1ClientConnection::Http1ClientConnection(LoopWorkerContext &context, Net::UniqueFd fd,
                                             std::string peer, int gatewayPort, SSL_CTX *tls)
    : m_context(context)
    , m_fd(std::move(fd))
    , m_peer(std::move(peer))
    , m_gatewayPort(gatewayPort)
    , m_parser(context.limits)
{
    if (tls) {
        m_handshakeDone = false; // stays false (start() fails) if SSL_new fails
        m_ssl = SSL_new(tls);
        if (m_ssl) {
            SSL_set_fd(m_ssl, m_fd.get());
            SSL_set_accept_state(m_ssl);
            // The output buffer may move between a retried SSL_write and the next.
            SSL_set_mode(m_ssl, SSL_MODE_ENABLE_PARTIAL_WRITE |
                                    SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
        }
    }
}

Http1ClientConnection::~Http1ClientConnection()
{
    if (m_timer) {
        m_context.loop->cancelTimer(m_timer);
    }
    if (m_retryTimer) {
        m_context.loop->cancelTimer(m_retryTimer);
    }
    if (m_fd) {
        m_context.loop->remove(m_fd.get());
    }
    if (m_upstream) {
        m_upstream->detach();
    }
    if (m_ssl) {
        SSL_free(m_ssl);
    }
}

bool Http1ClientConnection::start()
{
    m_interest = Net::Readable;
    if (!m_fd || (m_ssl == nullptr && m_handshakeDone == false) ||
        !m_context.loop->add(m_fd.get(), m_interest, [this](std::uint32_t e) { onIo(e); })) {
        m_fd.reset();
        closeNow();
        return false;
    }
    if (!m_handshakeDone) {
        setDeadline(Deadline::Handshake, kHandshake);
    } else {
        setDeadline(Deadline::Idle, m_context.idleTimeout);
    }
    return true;
}

void Http1ClientConnection::abort()
{
    if (m_current) {
        abandonMirrors();
        releaseUpstream(false);
        finishEvent(*m_current, m_context.loop->now());
        m_context.publish(std::move(m_current->event));
        m_current.reset();
    }
    closeNow();
}

// ---- socket I/O -----------------------------------------------------------------------------

Net::IoResult Http1ClientConnection::transportRead(char *buffer, std::size_t capacity)
{
    return m_ssl ? tlsReadSome(m_ssl, buffer, capacity, &m_tlsWantsWrite)
                 : Net::readSome(m_fd.get(), buffer, capacity);
}

Net::IoResult Http1ClientConnection::transportWrite(std::string_view bytes)
{
    return m_ssl ? tlsWriteSome(m_ssl, bytes) : Net::writeSome(m_fd.get(), bytes);
}

bool Http1ClientConnection::handshake()
{
    ERR_clear_error();
    const int r = SSL_do_handshake(m_ssl);
    if (r == 1) {
        m_handshakeDone = true;
        m_tlsWantsWrite = false;
        if (const char *name = SSL_get_servername(m_ssl, TLSEXT_NAMETYPE_host_name)) {
            m_sni = name;
        }
        setDeadline(Deadline::Header, m_context.headerTimeout);
        return true;
    }
    const int error = SSL_get_error(m_ssl, r);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
        m_tlsWantsWrite = error == SSL_ERROR_WANT_WRITE;
        updateInterest();
        return false;
    }
    // Not TLS, or a handshake that failed (no shared cipher, unknown name): close quietly.
    if (m_context.tlsFailures) {
        m_context.tlsFailures->fetch_add(1, std::memory_order_relaxed);
    }
    ERR_clear_error();
    closeNow();
    return false;
}

void Http1ClientConnection::onIo(std::uint32_t events)
{
    if (m_closed) {
        return;
    }
    if (!m_handshakeDone) {
        if (!handshake()) {
            return;
        }
        const unsigned char *alpn = nullptr;
        unsigned int alpnLength = 0;
        SSL_get0_alpn_selected(m_ssl, &alpn, &alpnLength);
        if (alpnLength == 2 && std::memcmp(alpn, "h2", 2) == 0) {
            handOverToHttp2(std::nullopt);
            return;
        }
        // Application data may already sit decrypted in the SSL buffer: read it now.
        events |= Net::Readable;
    }
    if ((events & Net::Writable) || m_tlsWantsWrite) {
        m_tlsWantsWrite = false;
        flushOutput();
        if (m_closed) {
            return;
        }
    }
    if (events & Net::Readable) {
        readInput(events & Net::Hangup);
        if (m_closed) {
            return;
        }
    }
    flushOutput();
}

void Http1ClientConnection::readInput(bool hangup)
{
    const bool wanted = (m_interest & Net::Readable) != 0;
    if (!wanted && !hangup) {
        return;
    }
    do {
        char *space = m_input.writableSpace(kReadChunk);
        const Net::IoResult r = transportRead(space, m_input.writableSize());
        if (r.wouldBlock) {
            break;
        }
        if (r.closed || r.error) {
            // The client went away (or closed its side): whatever is in flight is cut, as a
            // browser's cancelled request is.
            if (m_current) {
                releaseUpstream(false);
                if (!m_closing) {
                    finishEvent(*m_current, m_context.loop->now());
                    m_context.publish(std::move(m_current->event));
                }
                m_current.reset();
            }
            closeNow();
            return;
        }
        if (m_closing) {
            continue; // lingering: drop what the client still sends
        }
        m_input.commit(r.bytes);
        if (m_deadlineKind == Deadline::Idle) {
            setDeadline(Deadline::Header, m_context.headerTimeout);
        }
        if (!wanted) {
            break; // a hangup while paused: keep the bytes, the EOF comes on the next read
        }
    } while (m_ssl && SSL_pending(m_ssl) > 0);
    if (!m_closing) {
        processInput();
    }
}

void Http1ClientConnection::processInput()
{
    if (m_processing || m_closing) {
        return;
    }
    if (m_mayBeHttp2 && !m_input.empty()) { // HTTP/2 with prior knowledge (RFC 9113 3.3)
        switch (checkHttp2Preface(m_input.readable())) {
        case PrefaceCheck::Yes:
            handOverToHttp2(std::nullopt);
            return;
        case PrefaceCheck::Partial:
            updateInterest();
            return; // the rest of the preface, or of a request that only starts like it
        case PrefaceCheck::No:
            m_mayBeHttp2 = false;
            break;
        }
    }
    m_processing = true;
    while (!m_closing && !m_input.empty()) {
        // Backpressure: leave the bytes in the kernel while the endpoint is slow.
        if ((m_upstream && m_upstream->bytesToWrite() >= Http1Upstream::kHighWater) ||
            (m_h2 && m_h2->bytesToWrite(m_h2Id) >= Http2Upstream::kHighWater)) {
            break;
        }
        // One request at a time: the next is parsed once this one is answered.
        if (m_current && m_current->requestComplete) {
            break;
        }
        const Http::FeedResult result = m_parser.feed(m_input.readable(), *this);
        m_input.consume(result.consumed);
        if (result.status == Http::FeedStatus::NeedMore) {
            break;
        }
        if (result.status == Http::FeedStatus::Error) {
            answerProtocolError(m_parser.error());
            break;
        }
        if (result.status == Http::FeedStatus::Upgraded) {
            if (m_h2cUpgrade) {
                m_processing = false;
                handOverToHttp2(std::exchange(m_h2cUpgrade, std::nullopt));
                return;
            }
            if (m_websocket && m_current) {
                m_processing = false;
                handOverToTunnel();
                return;
            }
            // Upgrades (WebSocket) are planned: this request was forwarded as plain
            // HTTP/1.1, and the parser accepts nothing more, so the connection ends after it.
            m_input.clear();
            if (m_current) {
                m_current->closeAfter = true;
            }
            break;
        }
    }
    m_processing = false;
    if (!m_current && m_input.empty() && m_parser.idle() && m_deadlineKind == Deadline::Header) {
        setDeadline(Deadline::Idle, m_context.idleTimeout); // between requests: idle, not 408
    }
    updateInterest();
}

void Http1ClientConnection::updateInterest()
{
    if (m_closed || !m_fd) {
        return;
    }
    std::uint32_t interest = 0;
    // While a request waits for its answer, reading stays on (a client that waits sends nothing,
    // so this costs no event, and saves two epoll_ctl per request); pipelined bytes are buffered
    // up to one read chunk, then reading pauses until the answer is out.
    const bool waiting = m_current && m_current->requestComplete && m_input.size() >= kReadChunk;
    const bool blocked =
        waiting || (m_upstream && m_upstream->bytesToWrite() >= Http1Upstream::kHighWater) ||
        (m_h2 && m_h2->bytesToWrite(m_h2Id) >= Http2Upstream::kHighWater);
    const bool reading = m_closing ? !m_closeWhenFlushed || m_output.empty() : !blocked;
    if (reading || !m_handshakeDone) {
        interest |= Net::Readable;
    }
    // Writable only once a write could not take everything: output queued during a callback is
    // written by the flushOutput() that always follows, usually at once, so toggling EPOLLOUT
    // for it would cost two epoll_ctl per request.
    if ((m_writeBlocked && !m_output.empty()) || m_tlsWantsWrite) {
        interest |= Net::Writable;
    }
    if (interest != m_interest) {
        m_interest = interest;
        m_context.loop->modify(m_fd.get(), interest);
    }
}

void Http1ClientConnection::write(std::string_view bytes)
{
    if (!bytes.empty() && !m_closed && !(m_closing && !m_closeWhenFlushed)) {
        m_output.append(bytes);
    }
}

void Http1ClientConnection::flushOutput()
{
    if (m_closed) {
        return;
    }
    const Net::IoResult r =
        m_output.drainTo([this](std::string_view bytes) { return transportWrite(bytes); });
    m_writeBlocked = r.wouldBlock;
    if (r.error) {
        abort();
        return;
    }
    if (m_upstreamPaused && m_output.size() < kHighWater && m_h2) {
        m_upstreamPaused = false;
        m_h2->setReadPaused(m_h2Id, false);
    }
    if (m_upstreamPaused && m_output.size() < kHighWater && m_upstream) {
        m_upstreamPaused = false;
        m_upstream->setReadPaused(false); // may call back (body, complete)
        if (m_closed) {
            return;
        }
        if (!m_output.empty() && !m_writeBlocked) {
            flushOutput(); // what those callbacks queued (Writable is only watched once blocked)
            return;
        }
    }
    if (m_closeWhenFlushed && m_output.empty()) {
        m_closeWhenFlushed = false;
        startLingeringClose();
        return;
    }
    updateInterest();
}

// ---- requests -------------------------------------------------------------------------------

void Http1ClientConnection::onHead(Http::RequestHead &&head)
{
    m_mayBeHttp2 = false;
    // "Upgrade: h2c" without a body (RFC 7540 3.2) on plain HTTP: answered over HTTP/2.
    if (head.upgrade && !m_ssl && head.headers.hasToken("Upgrade", "h2c") &&
        head.headers.contains("HTTP2-Settings") && !head.chunked &&
        head.contentLength.value_or(0) == 0) {
        m_h2cUpgrade = std::move(head);
        return;
    }
    m_current.emplace();
    Exchange &x = *m_current;
    x.started = m_context.loop->now();
    m_context.snapshots->refresh();
    x.table = m_context.snapshots->table();
    x.endpoints = m_context.snapshots->endpoints();
    if (x.table != m_context.scannedTable) {
        m_context.scannedTable = x.table;
        m_context.tableTraits = x.table ? scanTable(*x.table) : TableTraits{};
    }
    m_context.endpointChooser.bind(x.table, x.endpoints);
    // A retry decides again on the client's head: keep a copy, only when some row retries.
    std::optional<Http::RequestHead> clientHead;
    if (m_context.tableTraits.retries) {
        clientHead = head;
    }
    const bool wantsTrailers = m_context.tableTraits.h2c && head.headers.hasToken("TE", "trailers");
    // WebSocket (RFC 6455): routed like any request, then tunnelled (over the client's TLS on
    // HTTPS listeners: the SSL goes to the tunnel).
    std::string websocketUpgrade;
    if (head.upgrade && head.headers.hasToken("Upgrade", "websocket")) {
        websocketUpgrade = head.headers.find("Upgrade")->value;
    }

    const RoutingInput input = routingInput(x);
    RequestDecision start = startExchange(x, input, std::move(head));
    if (start.local) {
        setDeadline(Deadline::None, {});
        answerLocally(*start.local);
        return;
    }
    if (x.retry && x.retry->enabled()) {
        x.clientHead = std::move(clientHead);
        x.keepBody = x.clientHead.has_value();
    }
    ForwardPlan &plan = start.forward;
    if (!websocketUpgrade.empty()) {
        // The hop-by-hop removal took the upgrade fields: this hop asks for the same upgrade.
        plan.head.headers.add("Connection", "Upgrade");
        plan.head.headers.add("Upgrade", websocketUpgrade);
        x.upstreamHead = Http::serializeRequestHead(plan.head);
        m_websocket = true;
        setDeadline(Deadline::None, {});
        return; // handed over once the parser reports the upgrade (handOverToTunnel)
    }
    if (m_context.tableTraits.h2c && plan.backendRef && speaksH2c(plan.backendRef->appProtocol)) {
        startH2cStream(plan, wantsTrailers);
        return;
    }
    x.h2Head.reset();
    x.upstreamHead = std::move(m_spareHead); // the last exchange's buffer: no allocation
    Http::serializeRequestHead(plan.head, x.upstreamHead);
    startMirrors(plan);
    m_upstream = m_context.pool->acquire(plan.endpoint, plan.endpointHost, plan.endpointPort,
                                         plan.backendTls);
    // A reused connection may turn out stale: keep the body so the request can be re-sent.
    x.keepBody = x.keepBody || m_upstream->wasReused();
    if (x.keepBody && !RetryPolicy::shouldBufferBody(plan.head)) {
        x.keepBody = false; // declared larger than the replay limit: streamed, never re-sent
    }
    armAttemptDeadline();
    Http1Upstream *upstream = m_upstream.get();
    upstream->begin(this, plan.head.method);
    upstream->send(x.upstreamHead); // may fail at once (and re-send, or answer)
}

RoutingInput Http1ClientConnection::routingInput(const Exchange &x) const
{
    RoutingInput input;
    input.gatewayPort = m_gatewayPort;
    input.table = x.table.get();
    input.endpoints = x.endpoints.get();
    input.clientAddress = m_peer;
    input.random = &m_context.random;
    input.endpointChooser = &m_context.endpointChooser;
    input.tls = m_ssl != nullptr;
    input.serverName = m_sni;
    return input;
}

void Http1ClientConnection::keepBody(std::string_view chunk)
{
    keepBodyChunk(*m_current, chunk);
}

void Http1ClientConnection::onBody(std::string_view chunk)
{
    if (!m_current) {
        return;
    }
    Exchange &x = *m_current;
    x.event.bytesIn += chunk.size();
    keepBody(chunk);
    sendToMirrors(chunk); // unframed: each copy frames it
    if (m_h2) {
        m_h2->sendBody(m_h2Id, chunk); // HTTP/2 frames it: no chunked encoding
        return;
    }
    if (!m_upstream) {
        return; // a retry's backoff: the kept body is sent with the next attempt
    }
    if (x.chunkedUpstream) {
        m_upstream->send(Http::encodeChunk(chunk));
    } else {
        m_upstream->send(chunk);
    }
}

void Http1ClientConnection::onComplete(Http::Headers &&trailers)
{
    if (!m_current) {
        return;
    }
    Exchange &x = *m_current;
    x.requestComplete = true;
    if (m_h2) {
        m_h2->endBody(m_h2Id, trailers);
    }
    if (x.keepBody && x.bodyState != RetryPolicy::BodyState::Streamed) {
        x.bodyTrailers = trailers; // a re-sent attempt ends the body the same way
    }
    if (x.chunkedUpstream && m_upstream) {
        m_upstream->send(Http::lastChunk(trailers));
    }
    for (std::uint64_t id : x.mirrorCopies) {
        m_context.mirrors->finishBody(id, trailers);
    }
    x.mirrorCopies.clear();
    if (m_current && m_current->responseComplete) {
        finishExchange();
    }
}

// ---- attempts: retries and the stale-connection re-send --------------------------------------

// Sends the current attempt (head, the body kept so far, its end when complete) to
// x.event.endpoint. Called for re-sends only: the first attempt streams the body as it comes.
void Http1ClientConnection::sendAttempt(bool freshConnection)
{
    Exchange &x = *m_current;
    if (x.h2Head) {
        openH2Attempt(freshConnection, true);
        return;
    }
    m_upstream = freshConnection
                     ? m_context.pool->connect(x.event.endpoint, x.endpointHost, x.endpointPort,
                                               x.backendTls)
                     : m_context.pool->acquire(x.event.endpoint, x.endpointHost, x.endpointPort,
                                               x.backendTls);
    Http1Upstream *upstream = m_upstream.get();
    upstream->begin(this, x.event.method);
    upstream->send(replayBytes(x)); // may fail at once: upstreamFailed has run then
}

// The deadline of the attempt starting now: timeouts.backendRequest, within what is left of
// timeouts.request.
void Http1ClientConnection::armAttemptDeadline()
{
    Exchange &x = *m_current;
    std::chrono::milliseconds after{0};
    if (x.requestTimeout.count() > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            x.started + x.requestTimeout - m_context.loop->now());
        after = std::max(left, std::chrono::milliseconds(1));
    }
    if (x.backendTimeout.count() > 0 && (after.count() == 0 || x.backendTimeout < after)) {
        after = x.backendTimeout;
    }
    if (after.count() > 0) {
        setDeadline(Deadline::Request, after);
    } else {
        setDeadline(Deadline::None, {});
    }
}

// Asks the row's retry policy after an attempt ended with `outcome` (nothing sent to the
// client yet). True: the current upstream is dropped and the next attempt waits its backoff.
bool Http1ClientConnection::retryAfter(const RetryPolicy::Outcome &outcome)
{
    Exchange &x = *m_current;
    if (!x.retry || !x.clientHead || x.responseStarted) {
        return false;
    }
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        m_context.loop->now() - x.started);
    const RetryPolicy::BodyState body =
        x.bodyState == RetryPolicy::BodyState::None && !x.requestComplete
            ? RetryPolicy::BodyState::Buffered // nothing arrived yet; it will be kept
            : x.bodyState;
    const RetryPolicy::Decision decision = x.retry->afterAttempt(x.event.attempts, outcome,
                                                                 elapsed, body);
    if (!decision.retry) {
        return false;
    }
    releaseUpstream(false); // a failed or unwanted answer: that connection is not reused
    if (x.requestTimeout.count() > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            x.started + x.requestTimeout - m_context.loop->now());
        setDeadline(Deadline::Request, std::max(left, std::chrono::milliseconds(1)));
    } else {
        setDeadline(Deadline::None, {});
    }
    m_retryTimer = m_context.loop->addTimer(decision.delay, [this] {
        m_retryTimer = 0;
        startRetry();
    });
    return true;
}

void Http1ClientConnection::startRetry()
{
    if (m_closed || !m_current) {
        return;
    }
    Exchange &x = *m_current;
    if (x.bodyState == RetryPolicy::BodyState::Streamed) {
        // The body outgrew the replay limit during the backoff: it cannot be sent again.
        x.closeAfter = x.closeAfter || !x.requestComplete;
        answerLocally(upstreamFailedAnswer(
            x, "the request body outgrew what a retry can replay (" +
                   std::to_string(RetryPolicy::kMaxReplayableBody) + " bytes)"));
        flushOutput();
        return;
    }
    // The backend choice again, on the same snapshots (another backend or endpoint may answer).
    RequestDecision next = nextAttempt(x, routingInput(x));
    if (next.local) {
        x.closeAfter = x.closeAfter || !x.requestComplete;
        answerLocally(*next.local);
        flushOutput();
        return;
    }
    // The next backend may speak HTTP/2 where the last did not, or the other way round.
    if (m_context.h2Pool && next.forward.backendRef &&
        speaksH2c(next.forward.backendRef->appProtocol)) {
        x.h2Head = std::move(next.forward.head);
    } else {
        x.h2Head.reset();
    }
    armAttemptDeadline();
    sendAttempt(false);
}

// A request that failed before any response byte on a connection taken from the idle pool:
// the endpoint closed it while idle, nothing was processed, so it is sent once more on a new
// connection (not a policy retry).
bool Http1ClientConnection::resendIfStale()
{
    Exchange &x = *m_current;
    if (!m_upstream || !m_upstream->wasReused() || m_upstream->responseStarted() ||
        x.responseStarted || x.staleResent || !x.keepBody ||
        x.bodyState == RetryPolicy::BodyState::Streamed) {
        return false;
    }
    x.staleResent = true;
    releaseUpstream(false);
    sendAttempt(true);
    return true;
}

// ---- mirrors ----------------------------------------------------------------------------------

void Http1ClientConnection::startMirrors(const ForwardPlan &plan)
{
    Exchange &x = *m_current;
    if (!x.route || !m_context.mirrors || !m_context.tableTraits.mirrors) {
        return;
    }
    startMirrorCopies(*m_context.mirrors, x, plan, m_context.endpointChooser, m_context.random);
}

void Http1ClientConnection::sendToMirrors(std::string_view bytes)
{
    if (!m_current) {
        return;
    }
    for (std::uint64_t id : m_current->mirrorCopies) {
        m_context.mirrors->sendBody(id, bytes);
    }
}

void Http1ClientConnection::abandonMirrors()
{
    if (!m_current) {
        return;
    }
    for (std::uint64_t id : m_current->mirrorCopies) {
        m_context.mirrors->abandon(id);
    }
    m_current->mirrorCopies.clear();
}

// ---- the upstream's answer ------------------------------------------------------------------

void Http1ClientConnection::upstreamHead(Http::ResponseHead &&head)
{
    if (!m_current) {
        return;
    }
    Exchange &x = *m_current;
    if (head.isInterim()) {
        if (shapeInterimHead(x, head)) {
            write(Http::serializeResponseHead(head));
        }
        return;
    }
    if (x.retry && x.retry->isRetriable({RetryPolicy::Outcome::Kind::Response, head.status}) &&
        retryAfter({RetryPolicy::Outcome::Kind::Response, head.status})) {
        return; // this answer is dropped; the next attempt's goes to the client
    }
    shapeResponseHead(x, head);
    Http::serializeResponseHead(head, m_headScratch);
    write(m_headScratch);
}

void Http1ClientConnection::upstreamBody(std::string_view chunk)
{
    if (!m_current || !m_current->responseStarted) {
        return;
    }
    m_current->event.bytesOut += chunk.size();
    if (m_current->chunkedDownstream) {
        write(Http::encodeChunk(chunk));
    } else {
        write(chunk);
    }
    if (m_output.size() >= kHighWater) {
        flushOutput();
        if (!m_closed && m_output.size() >= kHighWater && m_upstream && !m_upstreamPaused) {
            m_upstreamPaused = true;
            m_upstream->setReadPaused(true); // resumed by flushOutput
        } else if (!m_closed && m_output.size() >= kHighWater && m_h2 && !m_upstreamPaused) {
            m_upstreamPaused = true;
            m_h2->setReadPaused(m_h2Id, true);
        }
    }
}

void Http1ClientConnection::upstreamComplete()
{
    if (!m_current) {
        return;
    }
    Exchange &x = *m_current;
    m_h2 = nullptr; // an h2c stream is over once complete
    if (x.chunkedDownstream) {
        write(Http::lastChunk(m_h2Trailers ? m_h2ResponseTrailers : Http::Headers()));
    }
    m_h2ResponseTrailers.fields.clear();
    x.responseComplete = true;
    // The connection can carry another request only if this one was sent whole.
    releaseUpstream(x.requestComplete);
    if (x.requestComplete) {
        finishExchange();
    } else {
        processInput(); // read (and drop) the rest of the request body
    }
    flushOutput();
}

void Http1ClientConnection::upstreamFailed(const std::string &reason)
{
    if (!m_current) {
        return;
    }
    Exchange &x = *m_current;
    if (!x.responseStarted && resendIfStale()) {
        return;
    }
    const bool connected = m_h2 ? m_h2->connected() : m_upstream && m_upstream->connected();
    const bool answered = m_upstream && m_upstream->responseStarted();
    if (!x.responseStarted && !answered &&
        retryAfter({connected ? RetryPolicy::Outcome::Kind::Reset
                              : RetryPolicy::Outcome::Kind::ConnectFailed,
                    0})) {
        return;
    }
    releaseUpstream(false);
    if (x.responseStarted) {
        abort(); // part of the response is out: only closing tells the client
        return;
    }
    x.closeAfter = x.closeAfter || !x.requestComplete;
    answerLocally(upstreamFailedAnswer(x, reason));
    flushOutput();
}

void Http1ClientConnection::upstreamWritable()
{
    processInput();
    flushOutput(); // a local answer the parsed input produced
}

void Http1ClientConnection::upstreamBatchDone()
{
    flushOutput();
}

void Http1ClientConnection::upstreamTrailers(Http::Headers &&trailers)
{
    m_h2ResponseTrailers = std::move(trailers);
}

void Http1ClientConnection::startH2cStream(ForwardPlan &plan, bool clientWantsTrailers)
{
    Exchange &x = *m_current;
    m_h2Trailers = clientWantsTrailers;
    m_h2ResponseTrailers.fields.clear();
    startMirrors(plan);
    // A refused stream (REFUSED_STREAM, GOAWAY) is sent again without asking the retry policy
    // (RFC 9113 8.7): keep the body while it is replayable, as for a reused HTTP/1.1 connection.
    x.keepBody = RetryPolicy::shouldBufferBody(plan.head);
    x.h2Head = std::move(plan.head);
    armAttemptDeadline();
    openH2Attempt(false, false);
}

// Opens the current attempt's stream (x.h2Head) on a pooled HTTP/2 connection to
// x.event.endpoint, or on a new one (`freshConnection`: a refused stream sent again).
// `replay`: an attempt after the first, sent with the body kept so far.
void Http1ClientConnection::openH2Attempt(bool freshConnection, bool replay)
{
    Exchange &x = *m_current;
    Http2UpstreamPool &pool = *m_context.h2Pool;
    m_h2 = pool.forAttempt(freshConnection, x.event.endpoint, x.endpointHost, x.endpointPort,
                           x.backendTls, &m_context.pool->tlsContexts());
    if (replay) {
        m_h2Id = m_h2->openReplay(this, *x.h2Head, x.body, x.requestComplete, x.bodyTrailers);
    } else {
        const bool bodyFollows = x.h2Head->chunked || x.h2Head->contentLength.value_or(0) > 0;
        m_h2Id = m_h2->open(this, *x.h2Head, !bodyFollows);
    }
    if (m_h2Id < 0) {
        m_h2 = nullptr;
        x.closeAfter = x.closeAfter || !x.requestComplete;
        answerLocally(upstreamFailedAnswer(x, "the HTTP/2 connection takes no new stream"));
        flushOutput();
    }
}

// The endpoint never processed the stream (http2_upstream.h): sent once more on a new
// connection, as a stale HTTP/1.1 connection's request is; a second refusal is a failure
// (the retry policy may still apply).
void Http1ClientConnection::upstreamRefused(const std::string &reason)
{
    if (!m_current) {
        return;
    }
    Exchange &x = *m_current;
    if (m_h2 && !x.responseStarted && !x.staleResent && x.h2Head &&
        x.bodyState != RetryPolicy::BodyState::Streamed) {
        x.staleResent = true;
        m_h2 = nullptr; // that stream is over
        m_upstreamPaused = false;
        openH2Attempt(true, true);
        return;
    }
    upstreamFailed(x.staleResent ? reason + ", again after one re-send" : reason);
}

void Http1ClientConnection::releaseUpstream(bool reuse)
{
    if (m_h2) {
        m_h2->close(m_h2Id); // cancels the stream unless it completed
        m_h2 = nullptr;
        m_upstreamPaused = false;
    }
    if (!m_upstream) {
        return;
    }
    m_upstreamPaused = false;
    if (reuse) {
        m_context.pool->release(std::move(m_upstream));
    } else {
        m_context.pool->discard(std::move(m_upstream));
    }
}

void Http1ClientConnection::answerLocally(const LocalAnswer &answer)
{
    Exchange &x = *m_current;
    write(localAnswerBytes(x, answer));
    if (x.requestComplete || x.closeAfter) {
        finishExchange();
    }
}

void Http1ClientConnection::answerProtocolError(const Http::Error &error)
{
    if (m_current && m_current->responseStarted) {
        abort();
        return;
    }
    if (!m_current) {
        m_current.emplace();
        m_current->started = m_context.loop->now();
        m_current->event.gatewayPort = m_gatewayPort;
    }
    releaseUpstream(false);
    setDeadline(Deadline::None, {});
    m_current->closeAfter = true;
    answerLocally(LocalAnswer{
        error.status, std::to_string(error.status) + " bad request: " + error.reason + '\n', {}});
}

void Http1ClientConnection::finishExchange()
{
    abandonMirrors(); // a body the client did not finish sending
    if (m_retryTimer) {
        m_context.loop->cancelTimer(m_retryTimer);
        m_retryTimer = 0;
    }
    Exchange &x = *m_current;
    const bool close = x.closeAfter;
    finishEvent(x, m_context.loop->now());
    m_context.publish(std::move(x.event));
    m_spareHead = std::move(x.upstreamHead);
    m_current.reset();
    if (close) {
        m_closing = true;
        m_closeWhenFlushed = true;
        m_input.clear();
        setDeadline(Deadline::Linger, kLinger);
        return; // flushOutput() starts the lingering close once the answer is out
    }
    setDeadline(m_input.empty() ? Deadline::Idle : Deadline::Header,
                m_input.empty() ? m_context.idleTimeout : m_context.headerTimeout);
    // Pipelined requests already read: parse the next one (the upstream that answered was
    // released above, so this may start another exchange at once).
    processInput();
}

void Http1ClientConnection::handOverToHttp2(std::optional<Http::RequestHead> upgrade)
{
    Http2Handover handover;
    handover.peer = m_peer;
    handover.gatewayPort = m_gatewayPort;
    handover.sni = m_sni;
    handover.received.assign(m_input.readable());
    m_input.clear();
    if (upgrade) {
        handover.http2Settings = upgrade->headers.find("HTTP2-Settings")->value;
        handover.upgrade = std::move(upgrade);
    }
    m_context.loop->remove(m_fd.get());
    handover.fd = std::move(m_fd);
    handover.ssl = std::exchange(m_ssl, nullptr);
    closeNow(); // retires this connection; the socket and the SSL live on in the new one
    m_context.startHttp2(std::move(handover));
}

void Http1ClientConnection::handOverToTunnel()
{
    UpgradeHandover handover;
    handover.clientBytes.assign(m_input.readable());
    m_input.clear();
    Exchange &x = *m_current;
    handover.upstreamHead = std::move(x.upstreamHead);
    handover.endpointHost = x.endpointHost;
    handover.endpointPort = x.endpointPort;
    handover.exchange = std::move(x);
    m_current.reset();
    m_websocket = false;
    m_context.loop->remove(m_fd.get());
    handover.fd = std::move(m_fd);
    handover.clientSsl.reset(std::exchange(m_ssl, nullptr));
    closeNow(); // retires this connection; the socket (and its SSL) live on in the tunnel
    m_context.startTunnel(std::move(handover));
}

void Http1ClientConnection::startLingeringClose()
{
    if (m_ssl) {
        ERR_clear_error();
        SSL_shutdown(m_ssl); // close_notify; the client's answer to it is not awaited
    }
    ::shutdown(m_fd.get(), SHUT_WR);
    m_closing = true;
    updateInterest(); // keep reading (dropping) until EOF or the linger deadline
}

void Http1ClientConnection::closeNow()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    m_closing = true;
    abandonMirrors();
    if (m_timer) {
        m_context.loop->cancelTimer(m_timer);
        m_timer = 0;
    }
    if (m_retryTimer) {
        m_context.loop->cancelTimer(m_retryTimer);
        m_retryTimer = 0;
    }
    if (m_fd) {
        m_context.loop->remove(m_fd.get());
        m_fd.reset();
    }
    releaseUpstream(false);
    m_context.retireConnection(this);
}

// ---- timers ---------------------------------------------------------------------------------

// One loop timer per connection. Moving a deadline later (the common case: each request pushes
// the idle deadline) only updates m_deadline; the timer, when it fires early, re-arms itself.
void Http1ClientConnection::setDeadline(Deadline kind, std::chrono::milliseconds after)
{
    m_deadlineKind = kind;
    if (kind == Deadline::None || after.count() <= 0) {
        m_deadlineKind = Deadline::None;
        return; // an armed timer finds no deadline and stays quiet
    }
    m_deadline = m_context.loop->now() + after;
    if (m_timer && m_timerAt <= m_deadline) {
        return;
    }
    if (m_timer) {
        m_context.loop->cancelTimer(m_timer);
    }
    m_timerAt = m_deadline;
    m_timer = m_context.loop->addTimerAt(m_timerAt, [this] { onTimer(); });
}

void Http1ClientConnection::onTimer()
{
    m_timer = 0;
    if (m_closed || m_deadlineKind == Deadline::None) {
        return;
    }
    if (m_context.loop->now() < m_deadline) {
        m_timerAt = m_deadline;
        m_timer = m_context.loop->addTimerAt(m_timerAt, [this] { onTimer(); });
        return;
    }
    onDeadline();
}

void Http1ClientConnection::onDeadline()
{
    const Deadline kind = std::exchange(m_deadlineKind, Deadline::None);
    switch (kind) {
    case Deadline::None:
        return;
    case Deadline::Idle:
    case Deadline::Linger:
    case Deadline::Handshake:
        if (m_current) {
            releaseUpstream(false);
            m_current.reset();
        }
        closeNow();
        return;
    case Deadline::Header:
        if (m_current) { // a body that stopped arriving after the answer: give up
            abort();
            return;
        }
        if (m_input.empty() && m_parser.idle()) { // nothing started: an idle connection
            closeNow();
            return;
        }
        m_current.emplace();
        m_current->started = m_context.loop->now();
        m_current->event.gatewayPort = m_gatewayPort;
        m_current->closeAfter = true;
        answerLocally(LocalAnswer{408,
                                  "408 request timeout: the request head did not arrive within " +
                                      std::to_string(m_context.headerTimeout.count()) + " ms\n",
                                  {}});
        flushOutput();
        return;
    case Deadline::Request: {
        if (!m_current || m_current->responseComplete) {
            return;
        }
        Exchange &x = *m_current;
        const bool waitingRetry = m_retryTimer != 0;
        if (m_retryTimer) {
            m_context.loop->cancelTimer(m_retryTimer);
            m_retryTimer = 0;
        }
        const bool requestExpired =
            waitingRetry || (x.requestTimeout.count() > 0 &&
                             m_context.loop->now() >= x.started + x.requestTimeout);
        if (!requestExpired && !x.responseStarted &&
            retryAfter({RetryPolicy::Outcome::Kind::BackendTimeout, 0})) {
            return;
        }
        x.timeout = requestExpired ? x.requestTimeout : x.backendTimeout;
        releaseUpstream(false);
        if (x.responseStarted) {
            abort();
            return;
        }
        x.closeAfter = x.closeAfter || !x.requestComplete;
        answerLocally(timeoutAnswer(x));
        flushOutput();
        return;
    }
    }
}

} // namespace Torii::Proxy::Internal
