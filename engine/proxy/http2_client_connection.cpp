#include "http2_client_connection.h"

#include "http2_upstream.h"
#include "loop_worker_context.h"
#include "mirror_sender.h"
#include "tls_io.h"
#include "engine/http/http1_codec.h"

#include <nghttp2/nghttp2.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <utility>

namespace Torii::Proxy::Internal {

namespace {
constexpr std::size_t kReadChunk = 64 * 1024;
constexpr std::string_view kPreface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
constexpr std::int32_t kStreamWindow = 1 << 20;     // per stream: what a client may send unasked
constexpr std::int32_t kConnectionWindow = 16 << 20; // the whole connection
constexpr std::uint32_t kMaxConcurrentStreams = 256;


nghttp2_nv field(std::string_view name, std::string_view value)
{
    return nghttp2_nv{reinterpret_cast<uint8_t *>(const_cast<char *>(name.data())),
                      reinterpret_cast<uint8_t *>(const_cast<char *>(value.data())), name.size(),
                      value.size(), NGHTTP2_NV_FLAG_NONE};
}

// HTTP/2 field names are lower-case (RFC 9113 8.2.1); the head's own strings are changed in
// place rather than copied (this runs for every field of every response).
void lowerInPlace(std::string &name)
{
    for (char &c : name) {
        if (c >= 'A' && c <= 'Z') {
            c = char(c - 'A' + 'a');
        }
    }
}

// A block of header fields for nghttp2, which copies them during the submit call: the array is
// the worker thread's, reused, so building a block allocates nothing once it has grown.
std::vector<nghttp2_nv> &headerBlock()
{
    thread_local std::vector<nghttp2_nv> block;
    block.clear();
    return block;
}

// Adds `headers` (names lower-cased in place) to `block`, minus the fields HTTP/2 does not
// carry: shapeResponseHead already dropped the hop-by-hop ones and only adds Transfer-Encoding
// (chunked, an HTTP/1.1 framing) or Connection; Host is a request's.
void appendFields(std::vector<nghttp2_nv> &block, Http::Headers &headers)
{
    for (Http::HeaderField &f : headers.fields) {
        lowerInPlace(f.name);
        if (f.name == "transfer-encoding" || f.name == "connection" || f.name == "host" ||
            f.name == "keep-alive") {
            continue;
        }
        block.push_back(field(f.name, f.value));
    }
}

// base64url without padding (RFC 7540 3.2.1's HTTP2-Settings); false on a bad character.
bool decodeBase64Url(std::string_view text, std::string *out)
{
    out->clear();
    std::uint32_t bits = 0;
    int count = 0;
    for (char c : text) {
        int v;
        if (c >= 'A' && c <= 'Z') {
            v = c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            v = c - 'a' + 26;
        } else if (c >= '0' && c <= '9') {
            v = c - '0' + 52;
        } else if (c == '-' || c == '+') {
            v = 62;
        } else if (c == '_' || c == '/') {
            v = 63;
        } else if (c == '=') {
            break;
        } else {
            return false;
        }
        bits = (bits << 6) | std::uint32_t(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out->push_back(char((bits >> count) & 0xff));
        }
    }
    return true;
}
} // namespace

int grpcStatusForHttp(int httpStatus, bool timeout)
{
    if (timeout) {
        return 4; // DEADLINE_EXCEEDED
    }
    switch (httpStatus) {
    case 400:
        return 13; // INTERNAL
    case 401:
        return 16; // UNAUTHENTICATED
    case 403:
        return 7; // PERMISSION_DENIED
    case 404:
        return 12; // UNIMPLEMENTED
    case 429:
    case 502:
    case 503:
    case 504:
        return 14; // UNAVAILABLE
    default:
        return 2; // UNKNOWN
    }
}

std::string grpcPercentEncode(std::string_view message)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(message.size());
    for (char ch : message) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c <= 0x7e && c != '%') {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0xf]);
        }
    }
    return out;
}

PrefaceCheck checkHttp2Preface(std::string_view received)
{
    const std::size_t n = std::min(received.size(), kPreface.size());
    if (received.substr(0, n) != kPreface.substr(0, n)) {
        return PrefaceCheck::No;
    }
    return n == kPreface.size() ? PrefaceCheck::Yes : PrefaceCheck::Partial;
}

// ---- one stream -------------------------------------------------------------------------------

// One request/response on the connection: the Exchange, its upstream, the response bytes not
// yet framed. Destroyed (deferred) when nghttp2 closes the stream.
class Http2ClientConnection::Stream : private Http2StreamListener
{
public:
    Stream(Http2ClientConnection &owner, std::int32_t id)
        : m_owner(owner)
        , m_id(id)
    {
        m_head.headers.fields.reserve(12); // a browser's or h2load's request: no regrowth
    }
    ~Stream() override
    {
        if (m_timer) {
            m_owner.m_context.loop->cancelTimer(m_timer);
        }
        if (m_retryTimer) {
            m_owner.m_context.loop->cancelTimer(m_retryTimer);
        }
        if (m_upstream) {
            m_upstream->detach();
            m_owner.m_context.pool->discard(std::move(m_upstream));
        }
        closeH2();
    }

    // Header fields of the request block (or of its trailers). False: refuse the stream.
    bool header(std::string_view name, std::string_view value)
    {
        m_headerBytes += name.size() + value.size() + 32;
        if (m_headerBytes > m_owner.m_context.limits.maxHeaderBytes) {
            return false;
        }
        if (m_headComplete) {
            m_trailers.add(std::string(name), std::string(value));
            return true;
        }
        if (!name.empty() && name.front() == ':') {
            if (name == ":method") {
                m_head.method = value;
            } else if (name == ":path") {
                m_head.target = value;
            } else if (name == ":authority") {
                m_authority = value;
            }
            return true; // :scheme is the listener's; :protocol is not enabled
        }
        m_head.headers.add(std::string(name), std::string(value));
        return true;
    }

    void headComplete(bool endStream) { start(std::move(m_head), endStream); }

    // The request as an HTTP/1.1 head: stream 1 of an h2c upgrade.
    void startUpgraded(Http::RequestHead &&head)
    {
        head.headers.remove("HTTP2-Settings");
        if (const Http::HeaderField *host = head.headers.find("Host")) {
            m_authority = host->value;
            head.headers.remove("Host");
        }
        Http::removeHopByHop(head.headers);
        start(std::move(head), true);
    }

    void body(std::string_view chunk)
    {
        sendToMirrors(chunk);
        if (m_h2 && !m_answered) {
            m_x.event.bytesIn += chunk.size();
            keepBodyChunk(m_x, chunk);
            m_h2->sendBody(m_h2Id, chunk);
            if (m_h2 && m_h2->bytesToWrite(m_h2Id) >= Http2Upstream::kHighWater) {
                m_withheld += chunk.size();
            } else {
                consume(chunk.size());
            }
            return;
        }
        if (m_retryTimer && !m_answered) {
            m_x.event.bytesIn += chunk.size(); // a retry's backoff: sent with the next attempt
            keepBodyChunk(m_x, chunk);
            consume(chunk.size());
            return;
        }
        if (m_answered || !m_upstream) {
            consume(chunk.size()); // a local answer went out: the body is read and dropped
            return;
        }
        m_x.event.bytesIn += chunk.size();
        keepBodyChunk(m_x, chunk);
        if (m_x.chunkedUpstream) {
            m_upstream->send(Http::encodeChunk(chunk));
        } else {
            m_upstream->send(chunk);
        }
        if (m_upstream && m_upstream->bytesToWrite() >= Http1Upstream::kHighWater) {
            m_withheld += chunk.size(); // acknowledged once the endpoint took it
        } else {
            consume(chunk.size());
        }
    }

    void requestEnd()
    {
        m_x.requestComplete = true;
        if (m_x.keepBody && m_x.bodyState != RetryPolicy::BodyState::Streamed) {
            m_x.bodyTrailers = m_trailers; // a re-sent attempt ends the body the same way
        }
        if (m_h2) {
            m_h2->endBody(m_h2Id, m_trailers);
        }
        if (m_upstream && m_x.chunkedUpstream) {
            m_upstream->send(Http::lastChunk(m_trailers));
        }
        if (!m_x.mirrorCopies.empty()) {
            for (std::uint64_t id : m_x.mirrorCopies) {
                m_owner.m_context.mirrors->finishBody(id, m_trailers);
            }
            m_x.mirrorCopies.clear();
        }
        if (m_upstreamDone) {
            releaseUpstream(false); // it answered before the body ended: not reused
        }
    }

    // nghttp2's data source: response bytes in order, EOF once the upstream completed.
    ssize_t read(std::uint8_t *buffer, std::size_t length, std::uint32_t *flags)
    {
        const std::size_t n = std::min(length, m_pending.size() - m_pendingOffset);
        if (n == 0 && !m_bodyEnded) {
            m_deferred = true;
            return NGHTTP2_ERR_DEFERRED;
        }
        std::memcpy(buffer, m_pending.data() + m_pendingOffset, n);
        m_pendingOffset += n;
        if (m_pendingOffset == m_pending.size()) {
            m_pending.clear();
            m_pendingOffset = 0;
        }
        if (m_bodyEnded && m_pending.empty()) {
            *flags |= NGHTTP2_DATA_FLAG_EOF;
            if (!m_responseTrailers.fields.empty()) { // gRPC status, an HTTP/1.1 chunked body's
                std::vector<nghttp2_nv> &nva = headerBlock();
                appendFields(nva, m_responseTrailers);
                if (!nva.empty() &&
                    nghttp2_submit_trailer(m_owner.m_session, m_id, nva.data(), nva.size()) == 0) {
                    *flags |= NGHTTP2_DATA_FLAG_NO_END_STREAM;
                }
                m_responseTrailers.fields.clear();
            }
        }
        if (m_paused && m_pending.size() - m_pendingOffset < kHighWater / 2) {
            m_owner.m_resume.push_back(m_id); // resumed after the send (it may call back)
        }
        return ssize_t(n);
    }

    void resumeUpstream()
    {
        if (m_paused && m_h2) {
            m_paused = false;
            m_h2->setReadPaused(m_h2Id, false);
        }
        if (m_paused && m_upstream) {
            m_paused = false;
            m_upstream->setReadPaused(false);
        }
    }

    // The client or the session ended the stream.
    void closed()
    {
        abandonMirrors(); // the client's request ended before its body did (if any is left)
        if (!m_published && m_started) {
            publish();
        }
        if (m_upstream) {
            releaseUpstream(m_upstreamDone && m_x.requestComplete);
        }
        closeH2();
    }

    void onTimeout()
    {
        m_timer = 0;
        if (m_upstreamDone || m_answered) {
            return;
        }
        if (m_retryTimer) {
            m_owner.m_context.loop->cancelTimer(m_retryTimer);
            m_retryTimer = 0;
        }
        releaseUpstream(false);
        closeH2();
        if (m_x.responseStarted) {
            reset(NGHTTP2_CANCEL);
            return;
        }
        answerLocally(timeoutAnswer(m_x), true);
    }

    // Upstream flow control: the endpoint took bytes; acknowledge what was held back.
    // Upstream flow control (HTTP/1.1 send buffer, or the h2c stream's body buffer).
    void upstreamWritable() override
    {
        if (m_withheld > 0) {
            consume(std::exchange(m_withheld, 0));
        }
        m_owner.sendSoon();
    }

private:
    void closeH2()
    {
        if (m_h2) {
            m_h2->close(m_h2Id);
            m_h2 = nullptr;
        }
    }

    void consume(std::size_t bytes)
    {
        if (bytes > 0 && m_owner.m_session) {
            nghttp2_session_consume(m_owner.m_session, m_id, bytes);
        }
    }

    void start(Http::RequestHead &&head, bool endStream)
    {
        m_headComplete = true;
        m_started = true;
        LoopWorkerContext &context = m_owner.m_context;
        Exchange &x = m_x;
        x.started = context.loop->now();
        x.event.protocol = "HTTP/2";
        if (!m_authority.empty()) {
            head.headers.remove("Host");
            head.headers.fields.insert(head.headers.fields.begin(),
                                       Http::HeaderField{"Host", m_authority});
        }
        head.versionMajor = 1;
        head.versionMinor = 1;
        head.keepAlive = true;
        head.chunked = false;
        head.contentLength.reset();
        if (const Http::HeaderField *length = head.headers.find("content-length")) {
            std::uint64_t value = 0;
            const char *end = length->value.data() + length->value.size();
            if (std::from_chars(length->value.data(), end, value).ptr == end) {
                head.contentLength = value;
            }
        }
        if (!endStream && !head.contentLength) {
            head.chunked = true; // a body of unknown length: chunked towards HTTP/1.1
        }
        const Http::HeaderField *contentType = head.headers.find("content-type");
        m_grpc = contentType && contentType->value.rfind("application/grpc", 0) == 0;

        context.snapshots->refresh();
        x.table = context.snapshots->table();
        x.endpoints = context.snapshots->endpoints();
        if (x.table != context.scannedTable) {
            context.scannedTable = x.table;
            context.tableTraits = x.table ? scanTable(*x.table) : TableTraits{};
        }
        context.endpointChooser.bind(x.table, x.endpoints);
        // A retry decides again on the client's head: keep a copy, only when some row retries.
        std::optional<Http::RequestHead> clientHead;
        if (context.tableTraits.retries) {
            clientHead = head;
        }
        if (!m_owner.m_firstTable) {
            m_owner.m_firstTable = x.table;
        } else if (x.table != m_owner.m_firstTable && !m_owner.m_goawaySent) {
            m_owner.goAway(NGHTTP2_NO_ERROR); // this stream is served; later ones reconnect
        }

        RequestDecision begin = startExchange(x, routingInput(), std::move(head));
        // The connection's framing is HTTP/2's: the HTTP/1.1 close and chunking rules of the
        // exchange do not apply.
        x.client11 = true;
        x.clientKeepAlive = true;
        x.closeAfter = false;
        x.requestComplete = endStream;
        if (begin.local) {
            answerLocally(*begin.local, false);
            return;
        }
        ForwardPlan &plan = begin.forward;
        if (x.timeout.count() > 0) {
            const std::int32_t id = m_id;
            Http2ClientConnection *owner = &m_owner;
            m_timer = context.loop->addTimer(x.timeout, [owner, id] {
                if (Stream *stream = owner->streamOf(id)) {
                    stream->onTimeout();
                    owner->sendPending();
                }
            });
        }
        if (plan.backendRef && context.h2Pool &&
            (speaksH2c(plan.backendRef->appProtocol) || m_grpc)) {
            // An h2c backend, or a gRPC call (HTTP/2 end to end, whatever the Service port
            // says): a stream on the endpoint's shared connection.
            if (x.retry && x.retry->enabled()) {
                x.clientHead = std::move(clientHead);
            }
            if (context.mirrors && context.tableTraits.mirrors) {
                startMirrorCopies(*context.mirrors, x, plan, context.endpointChooser,
                                  context.random);
            }
            // A refused stream is sent again without asking the retry policy (RFC 9113 8.7):
            // the body is kept while replayable.
            x.keepBody = RetryPolicy::shouldBufferBody(plan.head);
            x.h2Head = std::move(plan.head);
            openH2Attempt(false, false, endStream);
            return;
        }
        if (x.retry && x.retry->enabled()) {
            x.clientHead = std::move(clientHead);
            x.keepBody = x.clientHead.has_value();
        }
        x.h2Head.reset();
        x.upstreamHead = Http::serializeRequestHead(plan.head);
        if (context.mirrors && context.tableTraits.mirrors) {
            startMirrorCopies(*context.mirrors, x, plan, context.endpointChooser, context.random);
        }
        m_upstream = context.pool->acquire(plan.endpoint, plan.endpointHost, plan.endpointPort,
                                           plan.backendTls);
        // A reused connection may turn out stale: keep the body so the request can be re-sent.
        x.keepBody = x.keepBody || m_upstream->wasReused();
        if (x.keepBody && !RetryPolicy::shouldBufferBody(plan.head)) {
            x.keepBody = false; // declared larger than the replay limit: streamed, never re-sent
        }
        m_upstream->begin(this, plan.head.method);
        m_upstream->send(x.upstreamHead); // may fail at once (upstreamFailed answers)
    }

    // RequestMirror copies get the request body as it arrives (unframed: each copy frames it
    // for its protocol), during a retry's backoff too.
    void sendToMirrors(std::string_view chunk)
    {
        if (m_x.mirrorCopies.empty() || chunk.empty()) {
            return;
        }
        for (std::uint64_t id : m_x.mirrorCopies) {
            m_owner.m_context.mirrors->sendBody(id, chunk);
        }
    }

    void abandonMirrors()
    {
        for (std::uint64_t id : m_x.mirrorCopies) {
            m_owner.m_context.mirrors->abandon(id);
        }
        m_x.mirrorCopies.clear();
    }

    RoutingInput routingInput()
    {
        LoopWorkerContext &context = m_owner.m_context;
        RoutingInput input;
        input.gatewayPort = m_owner.m_gatewayPort;
        input.table = m_x.table.get();
        input.endpoints = m_x.endpoints.get();
        input.clientAddress = m_owner.m_peer;
        input.random = &context.random;
        input.endpointChooser = &context.endpointChooser;
        input.tls = m_owner.m_ssl != nullptr;
        input.serverName = m_owner.m_sni;
        return input;
    }

    // ---- attempts after the first: the HTTPRoute retry policy, the stale re-send ----------
    // (the same RetryPolicy and Exchange helpers as the HTTP/1.1 client path; towards an HTTP/2
    // endpoint each attempt is a new stream replaying the kept body, and a refused stream is
    // the stale re-send's analogue)

    // Asks the row's retry policy after an attempt ended with `outcome` (nothing sent to the
    // client yet). True: the upstream is dropped and the next attempt waits its backoff.
    bool retryAfter(const RetryPolicy::Outcome &outcome)
    {
        Exchange &x = m_x;
        if (!x.retry || !x.clientHead || m_responseHeadSent || m_answered) {
            return false;
        }
        const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
            m_owner.m_context.loop->now() - x.started);
        const RetryPolicy::BodyState body =
            x.bodyState == RetryPolicy::BodyState::None && !x.requestComplete
                ? RetryPolicy::BodyState::Buffered // nothing arrived yet; it will be kept
                : x.bodyState;
        const RetryPolicy::Decision decision =
            x.retry->afterAttempt(x.event.attempts, outcome, elapsed, body);
        if (!decision.retry) {
            return false;
        }
        releaseUpstream(false); // a failed or unwanted answer: that connection is not reused
        closeH2();              // (an HTTP/2 stream is reset; its connection stays)
        releaseWithheld();
        const std::int32_t id = m_id;
        Http2ClientConnection *owner = &m_owner;
        m_retryTimer = m_owner.m_context.loop->addTimer(decision.delay, [owner, id] {
            if (Stream *stream = owner->streamOf(id)) {
                stream->m_retryTimer = 0;
                stream->startRetry();
                owner->sendSoon();
            }
        });
        return true;
    }

    void startRetry()
    {
        Exchange &x = m_x;
        if (m_answered) {
            return;
        }
        if (x.bodyState == RetryPolicy::BodyState::Streamed) {
            // The body outgrew the replay limit during the backoff: it cannot be sent again.
            answerLocally(upstreamFailedAnswer(
                              x, "the request body outgrew what a retry can replay (" +
                                     std::to_string(RetryPolicy::kMaxReplayableBody) + " bytes)"),
                          false);
            return;
        }
        RequestDecision next = nextAttempt(x, routingInput());
        if (next.local) {
            answerLocally(*next.local, false);
            return;
        }
        // The next backend may speak HTTP/2 where the last did not, or the other way round.
        LoopWorkerContext &context = m_owner.m_context;
        if (context.h2Pool && next.forward.backendRef &&
            (speaksH2c(next.forward.backendRef->appProtocol) || m_grpc)) {
            x.h2Head = std::move(next.forward.head);
        } else {
            x.h2Head.reset();
        }
        sendAttempt(false);
    }

    // Opens the current attempt's stream (x.h2Head) on a pooled HTTP/2 connection to
    // x.event.endpoint, or on a new one (`freshConnection`: a refused stream sent again).
    // `replay`: an attempt after the first, sent with the body kept so far.
    void openH2Attempt(bool freshConnection, bool replay, bool endStream = false)
    {
        Exchange &x = m_x;
        LoopWorkerContext &context = m_owner.m_context;
        Http2UpstreamPool &pool = *context.h2Pool;
        m_h2 = pool.forAttempt(freshConnection, x.event.endpoint, x.endpointHost,
                               x.endpointPort, x.backendTls, &context.pool->tlsContexts());
        m_h2Id = replay ? m_h2->openReplay(this, *x.h2Head, x.body, x.requestComplete,
                                           x.bodyTrailers)
                        : m_h2->open(this, *x.h2Head, endStream);
        if (m_h2Id < 0) {
            m_h2 = nullptr;
            answerLocally(upstreamFailedAnswer(x, "the HTTP/2 connection takes no new stream"),
                          false);
        }
    }

    // Request bytes held back from the client for a dropped attempt's stream: acknowledged
    // (the next attempt replays them from the kept body).
    void releaseWithheld()
    {
        if (m_withheld > 0) {
            consume(std::exchange(m_withheld, 0));
        }
    }

    // The HTTP/2 endpoint never processed the stream (http2_upstream.h): sent once more on a
    // new connection; a second refusal is a failure (the retry policy may still apply).
    void upstreamRefused(const std::string &reason) override
    {
        Exchange &x = m_x;
        if (m_h2 && !m_responseHeadSent && !m_answered && !x.staleResent && x.h2Head &&
            x.bodyState != RetryPolicy::BodyState::Streamed) {
            x.staleResent = true;
            m_h2 = nullptr; // that stream is over
            m_paused = false;
            releaseWithheld();
            openH2Attempt(true, true);
            m_owner.sendSoon();
            return;
        }
        upstreamFailed(x.staleResent ? reason + ", again after one re-send" : reason);
    }

    // A request that failed before any response byte on a connection taken from the idle
    // pool: the endpoint closed it while idle, so it is sent once more on a new connection.
    bool resendIfStale()
    {
        Exchange &x = m_x;
        if (!m_upstream || !m_upstream->wasReused() || m_upstream->responseStarted() ||
            m_responseHeadSent || x.staleResent || !x.keepBody ||
            x.bodyState == RetryPolicy::BodyState::Streamed) {
            return false;
        }
        x.staleResent = true;
        releaseUpstream(false);
        sendAttempt(true);
        return true;
    }

    // Sends the current attempt (head, the body kept so far, its end when complete).
    void sendAttempt(bool freshConnection)
    {
        Exchange &x = m_x;
        if (x.h2Head) {
            openH2Attempt(freshConnection, true);
            return;
        }
        Http1UpstreamPool &pool = *m_owner.m_context.pool;
        m_upstream = freshConnection ? pool.connect(x.event.endpoint, x.endpointHost,
                                                    x.endpointPort, x.backendTls)
                                     : pool.acquire(x.event.endpoint, x.endpointHost,
                                                    x.endpointPort, x.backendTls);
        m_upstream->begin(this, x.event.method);
        m_upstream->send(replayBytes(x)); // may fail at once: upstreamFailed has run then
    }

    void answerLocally(const LocalAnswer &answer, bool timeout)
    {
        if (m_answered) {
            return;
        }
        m_answered = true;
        m_x.event.localAnswer = true;
        m_x.event.status = answer.status;
        m_x.responseStarted = true;
        m_x.responseComplete = true;
        std::vector<std::string> strings;
        strings.reserve(8 + 2 * answer.headers.fields.size());
        const auto add = [&strings](std::string name, std::string value) {
            strings.push_back(std::move(name));
            strings.push_back(std::move(value));
        };
        if (m_grpc) {
            // Trailers-only (gRPC over HTTP/2): one HEADERS frame with END_STREAM.
            std::string message = answer.explanation;
            while (!message.empty() && message.back() == '\n') {
                message.pop_back();
            }
            add(":status", "200");
            add("content-type", "application/grpc");
            add("grpc-status", std::to_string(grpcStatusForHttp(answer.status, timeout)));
            add("grpc-message", grpcPercentEncode(message));
            m_x.event.bytesOut = 0;
        } else {
            add(":status", std::to_string(answer.status));
            add("content-type", "text/plain; charset=utf-8");
            add("content-length", std::to_string(answer.explanation.size()));
            for (const Http::HeaderField &f : answer.headers.fields) {
                add(Http::asciiLower(f.name), f.value);
            }
            if (!m_x.headRequest) {
                m_pending = answer.explanation;
                m_x.event.bytesOut = answer.explanation.size();
            }
        }
        m_bodyEnded = true;
        submit(strings, !m_grpc && !m_pending.empty());
        publish();
    }

    void submit(const std::vector<std::string> &strings, bool withBody)
    {
        std::vector<nghttp2_nv> &nva = headerBlock();
        for (std::size_t i = 0; i + 1 < strings.size(); i += 2) {
            nva.push_back(field(strings[i], strings[i + 1]));
        }
        submit(nva, withBody);
    }

    void submit(const std::vector<nghttp2_nv> &nva, bool withBody)
    {
        nghttp2_data_provider provider;
        provider.source.ptr = this;
        provider.read_callback = [](nghttp2_session *, std::int32_t, std::uint8_t *buf,
                                    std::size_t length, std::uint32_t *flags,
                                    nghttp2_data_source *source, void *) -> ssize_t {
            return static_cast<Stream *>(source->ptr)->read(buf, length, flags);
        };
        if (nghttp2_submit_response(m_owner.m_session, m_id, nva.data(), nva.size(),
                                    withBody ? &provider : nullptr) != 0) {
            reset(NGHTTP2_INTERNAL_ERROR);
        }
    }

    void reset(std::uint32_t error)
    {
        nghttp2_submit_rst_stream(m_owner.m_session, NGHTTP2_FLAG_NONE, m_id, error);
    }

    void publish()
    {
        if (m_published) {
            return;
        }
        m_published = true;
        finishEvent(m_x, m_owner.m_context.loop->now());
        m_owner.m_context.publish(std::move(m_x.event));
    }

    void releaseUpstream(bool reuse)
    {
        if (!m_upstream) {
            return;
        }
        m_upstream->detach();
        m_paused = false;
        if (reuse) {
            m_owner.m_context.pool->release(std::move(m_upstream));
        } else {
            m_owner.m_context.pool->discard(std::move(m_upstream));
        }
    }

    // UpstreamListener
    void upstreamHead(Http::ResponseHead &&head) override
    {
        if (m_answered) {
            return;
        }
        if (head.isInterim()) {
            forwardInterim(head);
            return;
        }
        if (m_x.retry && m_x.retry->isRetriable({RetryPolicy::Outcome::Kind::Response, head.status}) &&
            retryAfter({RetryPolicy::Outcome::Kind::Response, head.status})) {
            return;
        }
        shapeResponseHead(m_x, head);
        const std::string status = std::to_string(head.status);
        std::vector<nghttp2_nv> &nva = headerBlock();
        nva.push_back(field(":status", status));
        appendFields(nva, head.headers);
        m_headOnly = m_x.headRequest || !head.hasBody;
        m_responseHeadSent = true;
        submit(nva, !m_headOnly);
    }

    // An interim response (100 Continue, 103 Early Hints) is a HEADERS frame of its own before
    // the final one (RFC 9113 8.1). 101 has no meaning in HTTP/2 (the upgrade is the HTTP/1.1
    // hop's) and is not sent.
    void forwardInterim(Http::ResponseHead &head)
    {
        if (m_responseHeadSent || head.status == 101 || !shapeInterimHead(m_x, head)) {
            return;
        }
        const std::string status = std::to_string(head.status);
        std::vector<nghttp2_nv> &nva = headerBlock();
        nva.push_back(field(":status", status));
        appendFields(nva, head.headers);
        nghttp2_submit_headers(m_owner.m_session, NGHTTP2_FLAG_NONE, m_id, nullptr, nva.data(),
                               nva.size(), nullptr);
    }

    void upstreamBody(std::string_view chunk) override
    {
        if (!m_responseHeadSent || m_headOnly) {
            return;
        }
        m_x.event.bytesOut += chunk.size();
        if (m_pendingOffset > 0 && m_pendingOffset >= m_pending.size() / 2) {
            m_pending.erase(0, m_pendingOffset);
            m_pendingOffset = 0;
        }
        m_pending.append(chunk);
        if (m_deferred) {
            m_deferred = false;
            nghttp2_session_resume_data(m_owner.m_session, m_id);
        }
        if (m_pending.size() - m_pendingOffset >= kHighWater && !m_paused && (m_upstream || m_h2)) {
            m_paused = true; // resumed by read() once the client took some
            if (m_h2) {
                m_h2->setReadPaused(m_h2Id, true);
            } else {
                m_upstream->setReadPaused(true);
            }
        }
    }

    void upstreamTrailers(Http::Headers &&trailers) override
    {
        m_responseTrailers = std::move(trailers);
    }

    void upstreamComplete() override
    {
        m_h2 = nullptr; // its stream is over
        m_upstreamDone = true;
        m_bodyEnded = true;
        m_x.responseComplete = true;
        if (m_deferred) {
            m_deferred = false;
            nghttp2_session_resume_data(m_owner.m_session, m_id);
        }
        if (m_timer) {
            m_owner.m_context.loop->cancelTimer(m_timer);
            m_timer = 0;
        }
        if (m_x.requestComplete) {
            releaseUpstream(true);
        }
        publish();
        m_owner.sendSoon();
    }

    void upstreamFailed(const std::string &reason) override
    {
        const bool h2 = m_h2 != nullptr;
        const bool connected = h2 ? m_h2->connected() : m_upstream && m_upstream->connected();
        m_h2 = nullptr; // its stream is over
        if ((m_upstream || h2) && !m_responseHeadSent) {
            const RetryPolicy::Outcome outcome{connected ? RetryPolicy::Outcome::Kind::Reset
                                                         : RetryPolicy::Outcome::Kind::ConnectFailed,
                                               0};
            if (resendIfStale() || retryAfter(outcome)) {
                m_owner.sendSoon();
                return;
            }
        }
        releaseUpstream(false);
        if (m_timer) {
            m_owner.m_context.loop->cancelTimer(m_timer);
            m_timer = 0;
        }
        if (m_responseHeadSent) {
            reset(NGHTTP2_INTERNAL_ERROR); // part of the response is out
            publish();
        } else {
            answerLocally(upstreamFailedAnswer(m_x, reason), false);
        }
        m_owner.sendSoon();
    }

    void upstreamBatchDone() override { m_owner.sendSoon(); }

    Http2ClientConnection &m_owner;
    const std::int32_t m_id;
    Exchange m_x;
    Http::RequestHead m_head; // filled by header()
    std::string m_authority;
    Http::Headers m_trailers;
    std::size_t m_headerBytes = 0;
    std::unique_ptr<Http1Upstream> m_upstream;
    Http2Upstream *m_h2 = nullptr; // an h2c endpoint's connection (the worker's h2 pool owns it)
    std::int32_t m_h2Id = -1;
    Http::Headers m_responseTrailers;
    Net::TimerId m_timer = 0;
    Net::TimerId m_retryTimer = 0; // the backoff before the next attempt
    std::string m_pending; // response bytes not framed yet, from m_pendingOffset
    std::size_t m_pendingOffset = 0;
    std::size_t m_withheld = 0; // request bytes received but not acknowledged (flow control)
    bool m_headComplete = false;
    bool m_started = false;
    bool m_grpc = false;
    bool m_answered = false;
    bool m_responseHeadSent = false;
    bool m_headOnly = false;
    bool m_bodyEnded = false;
    bool m_deferred = false;
    bool m_paused = false;
    bool m_upstreamDone = false;
    bool m_published = false;
};

// ---- nghttp2 callbacks ------------------------------------------------------------------------

struct Http2ClientConnection::Callbacks
{
    static Http2ClientConnection &self(void *user) { return *static_cast<Http2ClientConnection *>(user); }

    static int beginHeaders(nghttp2_session *session, const nghttp2_frame *frame, void *user)
    {
        if (frame->hd.type != NGHTTP2_HEADERS || frame->headers.cat != NGHTTP2_HCAT_REQUEST) {
            return 0;
        }
        Http2ClientConnection &c = self(user);
        auto stream = std::make_unique<Stream>(c, frame->hd.stream_id);
        nghttp2_session_set_stream_user_data(session, frame->hd.stream_id, stream.get());
        c.m_streams[frame->hd.stream_id] = std::move(stream);
        if (c.m_idleTimer) {
            c.m_context.loop->cancelTimer(c.m_idleTimer);
            c.m_idleTimer = 0;
        }
        return 0;
    }

    static int header(nghttp2_session *, const nghttp2_frame *frame, const std::uint8_t *name,
                      std::size_t nameLength, const std::uint8_t *value, std::size_t valueLength,
                      std::uint8_t, void *user)
    {
        Stream *stream = self(user).streamOf(frame->hd.stream_id);
        if (!stream) {
            return 0;
        }
        const bool ok =
            stream->header({reinterpret_cast<const char *>(name), nameLength},
                           {reinterpret_cast<const char *>(value), valueLength});
        return ok ? 0 : NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE; // resets this stream only
    }

    static int frameReceived(nghttp2_session *, const nghttp2_frame *frame, void *user)
    {
        Stream *stream = self(user).streamOf(frame->hd.stream_id);
        if (!stream) {
            return 0;
        }
        const bool endStream = (frame->hd.flags & NGHTTP2_FLAG_END_STREAM) != 0;
        if (frame->hd.type == NGHTTP2_HEADERS && frame->headers.cat == NGHTTP2_HCAT_REQUEST) {
            stream->headComplete(endStream);
            return 0;
        }
        if ((frame->hd.type == NGHTTP2_HEADERS || frame->hd.type == NGHTTP2_DATA) && endStream) {
            stream->requestEnd();
        }
        return 0;
    }

    static int dataChunk(nghttp2_session *session, std::uint8_t, std::int32_t id,
                         const std::uint8_t *data, std::size_t length, void *user)
    {
        if (Stream *stream = self(user).streamOf(id)) {
            stream->body({reinterpret_cast<const char *>(data), length});
        } else {
            nghttp2_session_consume(session, id, length);
        }
        return 0;
    }

    static int streamClose(nghttp2_session *, std::int32_t id, std::uint32_t, void *user)
    {
        self(user).streamClosed(id);
        return 0;
    }
};

// ---- the connection ---------------------------------------------------------------------------

Http2ClientConnection::Http2ClientConnection(LoopWorkerContext &context, Http2Handover &&handover)
    : m_context(context)
    , m_fd(std::move(handover.fd))
    , m_peer(std::move(handover.peer))
    , m_gatewayPort(handover.gatewayPort)
    , m_ssl(handover.ssl)
    , m_sni(std::move(handover.sni))
    , m_received(std::move(handover.received))
    , m_upgrade(std::move(handover.upgrade))
    , m_http2Settings(std::move(handover.http2Settings))
{
    handover.ssl = nullptr;
}

Http2ClientConnection::~Http2ClientConnection()
{
    *m_alive = false;
    if (m_idleTimer) {
        m_context.loop->cancelTimer(m_idleTimer);
    }
    if (m_fd) {
        m_context.loop->remove(m_fd.get());
    }
    m_streams.clear(); // before the session: streams submit nothing while going
    m_deadStreams.clear();
    if (m_session) {
        nghttp2_session_del(m_session);
    }
    if (m_ssl) {
        SSL_free(m_ssl);
    }
}

bool Http2ClientConnection::setUpSession()
{
    nghttp2_session_callbacks *callbacks = nullptr;
    if (nghttp2_session_callbacks_new(&callbacks) != 0) {
        return false;
    }
    nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, &Callbacks::beginHeaders);
    nghttp2_session_callbacks_set_on_header_callback(callbacks, &Callbacks::header);
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, &Callbacks::frameReceived);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, &Callbacks::dataChunk);
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, &Callbacks::streamClose);
    nghttp2_option *option = nullptr;
    nghttp2_option_new(&option);
    nghttp2_option_set_no_auto_window_update(option, 1); // consumed as the upstream takes it
    nghttp2_option_set_max_send_header_block_length(option, 256 * 1024);
    const int made = nghttp2_session_server_new2(&m_session, callbacks, this, option);
    nghttp2_option_del(option);
    nghttp2_session_callbacks_del(callbacks);
    if (made != 0) {
        m_session = nullptr;
        return false;
    }
    const nghttp2_settings_entry settings[] = {
        {NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, kMaxConcurrentStreams},
        {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, std::uint32_t(kStreamWindow)},
        {NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, std::uint32_t(m_context.limits.maxHeaderBytes)},
    };
    if (nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, std::size(settings)) != 0 ||
        nghttp2_session_set_local_window_size(m_session, NGHTTP2_FLAG_NONE, 0,
                                              kConnectionWindow) != 0) {
        return false;
    }
    if (m_upgrade) {
        std::string payload;
        if (!decodeBase64Url(m_http2Settings, &payload)) {
            return false;
        }
        auto stream = std::make_unique<Stream>(*this, 1);
        Stream *raw = stream.get();
        if (nghttp2_session_upgrade2(m_session, reinterpret_cast<const uint8_t *>(payload.data()),
                                     payload.size(), m_upgrade->method == "HEAD" ? 1 : 0,
                                     raw) != 0) {
            return false;
        }
        m_streams[1] = std::move(stream);
        m_output.append("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n"
                        "Upgrade: h2c\r\n\r\n");
        raw->startUpgraded(std::move(*m_upgrade));
        m_upgrade.reset();
    }
    return true;
}

bool Http2ClientConnection::start()
{
    m_interest = Net::Readable;
    if (!m_fd || !setUpSession() ||
        !m_context.loop->add(m_fd.get(), m_interest, [this](std::uint32_t e) { onIo(e); })) {
        closeNow();
        return false;
    }
    armIdleTimer();
    std::string received = std::move(m_received);
    receive(received);
    if (!m_closed && m_ssl) {
        readInput(); // decrypted bytes may already wait inside the SSL (no event will come)
    }
    return !m_closed;
}

void Http2ClientConnection::receive(std::string_view bytes)
{
    if (m_closed || !m_session) {
        return;
    }
    if (!bytes.empty()) {
        // Frames are produced after the whole input is read, never from inside nghttp2's
        // callbacks (sendPending is a no-op while m_sending).
        m_sending = true;
        const ssize_t r = nghttp2_session_mem_recv(
            m_session, reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
        m_sending = false;
        if (m_closed) {
            return;
        }
        if (r < 0) {
            // Not HTTP/2 (a bad preface) or a fatal session error: GOAWAY went into the
            // session's queue where it applies; send what is there and close.
            sendPending();
            flushOutput();
            closeNow();
            return;
        }
    }
    sendPending();
}

Http2ClientConnection::Stream *Http2ClientConnection::streamOf(std::int32_t id) const
{
    const auto it = m_streams.find(id);
    return it == m_streams.end() ? nullptr : it->second.get();
}

void Http2ClientConnection::abort()
{
    if (m_closed) {
        return;
    }
    if (m_session && !m_goawaySent) {
        goAway(NGHTTP2_NO_ERROR);
    }
    for (auto &[id, stream] : m_streams) {
        stream->closed(); // the event of what was in flight
    }
    if (m_session) {
        m_sending = false;
        const std::uint8_t *data = nullptr;
        ssize_t n;
        while ((n = nghttp2_session_mem_send(m_session, &data)) > 0) {
            m_output.append({reinterpret_cast<const char *>(data), std::size_t(n)});
        }
        if (!m_output.empty() && m_fd) {
            transportWrite(m_output.readable()); // best effort: the worker is going
        }
    }
    closeNow();
}

void Http2ClientConnection::goAway(std::uint32_t error)
{
    m_goawaySent = true;
    nghttp2_submit_goaway(m_session, NGHTTP2_FLAG_NONE,
                          nghttp2_session_get_last_proc_stream_id(m_session), error, nullptr, 0);
}

// ---- socket I/O -------------------------------------------------------------------------------

Net::IoResult Http2ClientConnection::transportRead(char *buffer, std::size_t capacity)
{
    return m_ssl ? tlsReadSome(m_ssl, buffer, capacity, &m_tlsWantsWrite)
                 : Net::readSome(m_fd.get(), buffer, capacity);
}

Net::IoResult Http2ClientConnection::transportWrite(std::string_view bytes)
{
    return m_ssl ? tlsWriteSome(m_ssl, bytes) : Net::writeSome(m_fd.get(), bytes);
}

void Http2ClientConnection::onIo(std::uint32_t events)
{
    if (m_closed) {
        return;
    }
    if ((events & Net::Writable) || m_tlsWantsWrite) {
        m_tlsWantsWrite = false;
        flushOutput();
        sendPending();
        if (m_closed) {
            return;
        }
    }
    // Decrypted bytes left inside the SSL when reading paused raise no event of their own.
    if ((events & (Net::Readable | Net::Hangup)) || (m_ssl && SSL_pending(m_ssl) > 0)) {
        readInput();
    }
}

void Http2ClientConnection::readInput()
{
    std::string buffer;
    char chunk[kReadChunk];
    do {
        if (m_closed || m_output.size() >= kHighWater) {
            break; // the client does not read what we send: stop reading it too
        }
        const Net::IoResult r = transportRead(chunk, sizeof chunk);
        if (r.wouldBlock) {
            break;
        }
        if (r.closed || r.error) {
            for (auto &[id, stream] : m_streams) {
                stream->closed();
            }
            closeNow();
            return;
        }
        receive({chunk, r.bytes});
    } while (m_ssl && SSL_pending(m_ssl) > 0);
    updateInterest();
}

// Frames nghttp2 has ready → m_output → the socket, until the socket is full.
void Http2ClientConnection::sendPending()
{
    if (m_closed || !m_session || m_sending) {
        return;
    }
    m_sending = true;
    for (;;) {
        while (m_output.size() < kHighWater) {
            const std::uint8_t *data = nullptr;
            const ssize_t n = nghttp2_session_mem_send(m_session, &data);
            if (n < 0) {
                m_sending = false;
                closeNow();
                return;
            }
            if (n == 0) {
                break;
            }
            m_output.append({reinterpret_cast<const char *>(data), std::size_t(n)});
        }
        // Upstreams read again once their stream's buffer drained (this may queue more DATA).
        if (m_resume.empty()) {
            break;
        }
        std::vector<std::int32_t> resume;
        resume.swap(m_resume);
        for (std::int32_t id : resume) {
            if (Stream *stream = streamOf(id)) {
                stream->resumeUpstream();
            }
        }
        if (m_closed) {
            return;
        }
    }
    m_sending = false;
    flushOutput();
    if (!m_closed) {
        closeWhenDone();
    }
}

void Http2ClientConnection::flushOutput()
{
    if (m_closed) {
        return;
    }
    const Net::IoResult r =
        m_output.drainTo([this](std::string_view bytes) { return transportWrite(bytes); });
    m_writeBlocked = r.wouldBlock;
    if (r.error) {
        for (auto &[id, stream] : m_streams) {
            stream->closed();
        }
        closeNow();
        return;
    }
    updateInterest();
}

void Http2ClientConnection::updateInterest()
{
    if (m_closed || !m_fd) {
        return;
    }
    std::uint32_t interest = 0;
    if (m_output.size() < kHighWater) {
        interest |= Net::Readable;
    }
    if ((m_writeBlocked && !m_output.empty()) || m_tlsWantsWrite) {
        interest |= Net::Writable;
    }
    if (interest != m_interest) {
        m_interest = interest;
        m_context.loop->modify(m_fd.get(), interest);
    }
}

// The session is over (GOAWAY both ways or sent with no stream left) once its frames are out.
void Http2ClientConnection::closeWhenDone()
{
    const bool over = !nghttp2_session_want_read(m_session) && !nghttp2_session_want_write(m_session);
    const bool drained = m_goawaySent && m_streams.empty() && !nghttp2_session_want_write(m_session);
    if ((over || drained) && m_output.empty()) {
        if (m_ssl) {
            ERR_clear_error();
            SSL_shutdown(m_ssl);
        }
        closeNow();
    }
}

void Http2ClientConnection::streamClosed(std::int32_t id)
{
    const auto it = m_streams.find(id);
    if (it == m_streams.end()) {
        return;
    }
    it->second->closed();
    m_deadStreams.push_back(std::move(it->second));
    m_streams.erase(it);
    reapStreams();
    if (m_streams.empty()) {
        armIdleTimer();
    }
}

// Streams are deleted after the current callbacks (one may be inside its own upstream's).
void Http2ClientConnection::reapStreams()
{
    postRoundEnd();
}

// What the upstreams' callbacks queued during this loop round goes out at its end, in one
// write: 160 streams answered in one round are one send per client, not one per response.
void Http2ClientConnection::sendSoon()
{
    m_sendDeferred = true;
    postRoundEnd();
}

// One task per loop round (posted tasks run after the round's events): the deferred send, then
// the dead streams' deletion.
void Http2ClientConnection::postRoundEnd()
{
    if (m_roundEndPosted || m_closed) {
        return;
    }
    m_roundEndPosted = true;
    std::weak_ptr<bool> alive = m_alive;
    m_context.loop->post([this, alive] {
        if (alive.expired() || !*alive.lock()) {
            return;
        }
        m_roundEndPosted = false;
        if (std::exchange(m_sendDeferred, false)) {
            sendPending();
        }
        m_deadStreams.clear();
    });
}

void Http2ClientConnection::armIdleTimer()
{
    if (m_idleTimer || m_closed) {
        return;
    }
    m_idleSince = m_context.loop->now();
    m_idleTimer = m_context.loop->addTimer(m_context.idleTimeout, [this] { onIdleTimer(); });
}

void Http2ClientConnection::onIdleTimer()
{
    m_idleTimer = 0;
    if (m_closed || !m_streams.empty()) {
        return;
    }
    if (!m_goawaySent) {
        goAway(NGHTTP2_NO_ERROR);
    }
    sendPending();
    if (!m_closed) {
        closeNow(); // a client that does not read its GOAWAY is not waited for
    }
}

void Http2ClientConnection::closeNow()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    if (m_idleTimer) {
        m_context.loop->cancelTimer(m_idleTimer);
        m_idleTimer = 0;
    }
    if (m_fd) {
        m_context.loop->remove(m_fd.get());
        m_fd.reset();
    }
    if (m_context.retireHttp2) {
        m_context.retireHttp2(this);
    }
}

} // namespace Torii::Proxy::Internal
