#include "client_connection.h"

#include "local_answers.h"
#include "request_filters.h"
#include "request_router.h"
#include "worker_context.h"

#include <QTcpSocket>
#include <QTimer>

#include <QHostAddress>

namespace Torii::Proxy::Internal {

namespace {
constexpr qint64 kHighWater = 1 << 20;     // bytes queued towards the client
constexpr qint64 kReadBuffer = 256 * 1024; // what Qt reads ahead from the kernel
} // namespace

// One request and its answer. The table and endpoint snapshots are held for the whole exchange:
// the route and filter pointers below point into the table.
struct ClientConnection::Exchange
{
    std::shared_ptr<const RouteTable::RouteTable> table;
    std::shared_ptr<const EndpointMap> endpoints;
    RequestEvent event;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    std::vector<const RouteTable::HeaderModifier *> responseHeaders; // not owned
    UpstreamConnection *upstream = nullptr; // owned (QObject child) while in use
    std::string routeText;                  // for 502/504 explanations
    bool headRequest = false;
    bool clientKeepAlive = true;
    bool client11 = true;
    bool chunkedUpstream = false;   // the request body is sent chunked
    bool chunkedDownstream = false; // the response body is sent chunked
    bool requestComplete = false;
    bool responseStarted = false;
    bool responseComplete = false;
    bool closeAfter = false;
};

ClientConnection::ClientConnection(QTcpSocket *socket, int gatewayPort, WorkerContext *context,
                                   QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_timer(new QTimer(this))
    , m_gatewayPort(gatewayPort)
    , m_context(context)
    , m_parser(context->limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadBuffer);
    QHostAddress peer = m_socket->peerAddress();
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    m_clientAddress = (isV4 ? QHostAddress(v4) : peer).toString().toStdString();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ClientConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &ClientConnection::processInput);
    connect(m_socket, &QTcpSocket::disconnected, this, &ClientConnection::onClientGone);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this](qint64) {
        if (m_current && m_current->upstream && m_socket->bytesToWrite() < kHighWater) {
            m_current->upstream->setReadPaused(false);
        }
    });
    if (m_socket->bytesAvailable() > 0) {
        scheduleResume();
    }
}

ClientConnection::~ClientConnection() = default;

void ClientConnection::write(std::string_view bytes)
{
    if (!bytes.empty() && !m_closing) {
        m_socket->write(bytes.data(), qint64(bytes.size()));
    }
}

void ClientConnection::scheduleResume()
{
    if (!m_resumeQueued) {
        m_resumeQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_resumeQueued = false;
            processInput();
        });
    }
}

void ClientConnection::processInput()
{
    if (m_processing || m_closing) {
        return;
    }
    m_processing = true;
    while (!m_closing) {
        // Backpressure: leave the bytes in the socket (and the kernel) while the endpoint is slow.
        if (m_current && m_current->upstream && m_current->upstream->bytesToWrite() >= kHighWater) {
            break;
        }
        // One request at a time: the next is parsed once this one is answered.
        if (m_current && m_current->requestComplete) {
            break;
        }
        m_input += m_socket->readAll();
        if (m_input.isEmpty()) {
            break;
        }
        const Http::FeedResult result =
            m_parser.feed(std::string_view(m_input.constData(), m_input.size()), *this);
        m_input.remove(0, qsizetype(result.consumed));
        if (result.status == Http::FeedStatus::NeedMore) {
            if (m_socket->bytesAvailable() == 0) {
                break;
            }
            continue;
        }
        if (result.status == Http::FeedStatus::Error) {
            answerProtocolError(m_parser.error());
            break;
        }
        if (result.status == Http::FeedStatus::Upgraded) {
            // Upgrades (WebSocket, h2c) are planned: this request was forwarded as plain
            // HTTP/1.1, and the parser accepts nothing more, so the connection ends after it.
            m_input.clear();
            if (m_current) {
                m_current->closeAfter = true;
            }
            break;
        }
    }
    m_processing = false;
}

void ClientConnection::onHead(Http::RequestHead &&head)
{
    m_current = std::make_unique<Exchange>();
    Exchange &x = *m_current;
    x.table = m_context->shared->table();
    x.endpoints = m_context->shared->endpoints();
    x.event.gatewayPort = m_gatewayPort;
    x.event.method = head.method;
    x.event.target = head.target;
    x.headRequest = head.method == "HEAD";
    x.clientKeepAlive = head.keepAlive;
    x.client11 = head.versionMajor == 1 && head.versionMinor >= 1;
    x.chunkedUpstream = head.chunked;
    const bool bodyFollows = head.chunked || head.contentLength.value_or(0) > 0;
    const bool expectContinue = head.expectContinue;

    RoutingInput input;
    input.gatewayPort = m_gatewayPort;
    input.table = x.table.get();
    input.endpoints = x.endpoints.get();
    input.clientAddress = m_clientAddress;
    input.random = &m_context->random;
    input.roundRobin = &m_context->roundRobin;
    RequestDecision decision = decideRequest(input, std::move(head));

    x.event.hostnameKey = decision.hostnameKey;
    x.event.routed = decision.route != nullptr;
    if (decision.route) {
        x.event.route = decision.route->source;
        x.routeText = describeRoute(decision.route->source);
    }
    x.event.backend = decision.backend;
    if (decision.local) {
        // A client waiting for "100 Continue" will not send the body we would have to read, so
        // the connection ends after the answer (RFC 9110 10.1.1 allows either).
        x.closeAfter = expectContinue && bodyFollows;
        answerLocally(*decision.local);
        return;
    }
    ForwardPlan &plan = decision.forward;
    x.event.endpoint = plan.endpoint;
    x.responseHeaders = std::move(plan.responseHeaders);
    std::optional<std::chrono::milliseconds> timeout = plan.requestTimeout;
    if (plan.backendTimeout && (!timeout || *plan.backendTimeout < *timeout)) {
        timeout = plan.backendTimeout;
    }
    if (timeout && timeout->count() > 0) {
        m_timer->start(*timeout);
    }
    x.upstream =
        m_context->pool->acquire(plan.endpoint, plan.endpointHost, plan.endpointPort, this);
    x.upstream->begin(this, plan.head.method);
    x.upstream->send(Http::serializeRequestHead(plan.head));
}

void ClientConnection::onBody(std::string_view chunk)
{
    if (!m_current) {
        return;
    }
    m_current->event.bytesIn += chunk.size();
    if (m_current->upstream) {
        m_current->upstream->send(m_current->chunkedUpstream ? Http::encodeChunk(chunk)
                                                             : std::string(chunk));
    }
}

void ClientConnection::onComplete(Http::Headers &&trailers)
{
    if (!m_current) {
        return;
    }
    m_current->requestComplete = true;
    if (m_current->upstream && m_current->chunkedUpstream) {
        m_current->upstream->send(Http::lastChunk(trailers));
    }
    if (m_current->responseComplete) {
        finishExchange();
    }
}

void ClientConnection::upstreamHead(Http::ResponseHead &&head)
{
    if (!m_current) {
        return;
    }
    Exchange &x = *m_current;
    Http::removeHopByHop(head.headers);
    if (head.isInterim()) {
        if (x.client11) { // HTTP/1.0 clients do not understand 1xx (RFC 9110 15.2)
            head.versionMajor = 1;
            head.versionMinor = 1;
            write(Http::serializeResponseHead(head));
        }
        return;
    }
    for (const RouteTable::HeaderModifier *modifier : x.responseHeaders) {
        applyHeaderModifier(*modifier, head.headers);
    }
    if (head.hasBody) {
        if (head.contentLength && !head.chunked) {
            head.headers.set("Content-Length", std::to_string(*head.contentLength));
        } else {
            head.headers.remove("Content-Length");
            if (x.client11) {
                head.headers.add("Transfer-Encoding", "chunked");
                x.chunkedDownstream = true;
            } else {
                x.closeAfter = true; // HTTP/1.0: the close ends the body
            }
        }
    }
    if (!x.clientKeepAlive) {
        x.closeAfter = true;
    }
    if (x.closeAfter) {
        head.headers.add("Connection", "close");
    } else if (!x.client11) {
        head.headers.add("Connection", "keep-alive");
    }
    head.versionMajor = 1;
    head.versionMinor = 1;
    x.event.status = head.status;
    x.responseStarted = true;
    write(Http::serializeResponseHead(head));
}

void ClientConnection::upstreamBody(std::string_view chunk)
{
    if (!m_current || !m_current->responseStarted) {
        return;
    }
    m_current->event.bytesOut += chunk.size();
    write(m_current->chunkedDownstream ? Http::encodeChunk(chunk) : chunk);
    if (m_socket->bytesToWrite() >= kHighWater && m_current->upstream) {
        m_current->upstream->setReadPaused(true); // resumed by bytesWritten
    }
}

void ClientConnection::upstreamComplete()
{
    if (!m_current) {
        return;
    }
    Exchange &x = *m_current;
    if (x.chunkedDownstream) {
        write(Http::lastChunk());
    }
    m_timer->stop();
    x.responseComplete = true;
    // The connection can carry another request only if this one was sent whole.
    releaseUpstream(x.requestComplete);
    if (x.requestComplete) {
        finishExchange();
    } else {
        scheduleResume(); // read (and drop) the rest of the request body
    }
}

void ClientConnection::upstreamFailed(const std::string &reason)
{
    if (!m_current) {
        return;
    }
    Exchange &x = *m_current;
    m_timer->stop();
    releaseUpstream(false);
    if (x.responseStarted) {
        abortConnection(); // part of the response is out: only closing tells the client
        return;
    }
    x.closeAfter = x.closeAfter || !x.requestComplete;
    answerLocally(LocalAnswer{502,
                              "502 " + x.routeText + ", backend " + x.event.backend +
                                  ", endpoint " + x.event.endpoint + ": " + reason + '\n',
                              {}});
}

void ClientConnection::upstreamWritable()
{
    scheduleResume();
}

void ClientConnection::onTimeout()
{
    if (!m_current || m_current->responseComplete) {
        return;
    }
    Exchange &x = *m_current;
    releaseUpstream(false);
    if (x.responseStarted) {
        abortConnection();
        return;
    }
    x.closeAfter = x.closeAfter || !x.requestComplete;
    answerLocally(LocalAnswer{504,
                              "504 " + x.routeText + ", backend " + x.event.backend +
                                  ", endpoint " + x.event.endpoint +
                                  ": no complete answer within the route's timeout (" +
                                  std::to_string(m_timer->interval()) + " ms)\n",
                              {}});
}

void ClientConnection::releaseUpstream(bool reuse)
{
    UpstreamConnection *upstream = std::exchange(m_current->upstream, nullptr);
    if (!upstream) {
        return;
    }
    if (reuse) {
        m_context->pool->release(upstream);
    } else {
        m_context->pool->discard(upstream);
    }
}

void ClientConnection::answerLocally(const LocalAnswer &answer)
{
    Exchange &x = *m_current;
    if (!x.clientKeepAlive) {
        x.closeAfter = true;
    }
    x.event.localAnswer = true;
    x.event.status = answer.status;
    x.event.bytesOut = x.headRequest ? 0 : answer.explanation.size();
    x.responseStarted = true;
    x.responseComplete = true;
    write(serializeLocalAnswer(answer, x.closeAfter, x.headRequest));
    if (x.requestComplete || x.closeAfter) {
        finishExchange();
    }
}

void ClientConnection::answerProtocolError(const Http::Error &error)
{
    if (m_current && m_current->responseStarted) {
        abortConnection();
        return;
    }
    if (!m_current) {
        m_current = std::make_unique<Exchange>();
        m_current->event.gatewayPort = m_gatewayPort;
    }
    if (m_current->upstream) {
        releaseUpstream(false);
    }
    m_timer->stop();
    m_current->closeAfter = true;
    answerLocally(LocalAnswer{
        error.status, std::to_string(error.status) + " bad request: " + error.reason + '\n', {}});
}

void ClientConnection::finishExchange()
{
    std::unique_ptr<Exchange> done = std::move(m_current);
    m_timer->stop();
    done->event.latencyMicros = std::chrono::duration_cast<std::chrono::microseconds>(
                                    std::chrono::steady_clock::now() - done->started)
                                    .count();
    if (m_context->onEvent) {
        m_context->onEvent(done->event);
    }
    if (done->closeAfter) {
        m_closing = true;
        m_input.clear();
        m_socket->disconnectFromHost(); // writes what is queued, then closes
        return;
    }
    // Deferred: this may run inside an upstream callback, which must return before the next
    // request reuses that connection.
    scheduleResume();
}

void ClientConnection::abortConnection()
{
    m_closing = true;
    if (m_current) {
        if (m_current->upstream) {
            releaseUpstream(false);
        }
        if (m_context->onEvent) {
            m_context->onEvent(m_current->event);
        }
        m_current.reset();
    }
    m_socket->abort();
    deleteLater();
}

void ClientConnection::onClientGone()
{
    if (m_current && m_current->upstream) {
        releaseUpstream(false);
    }
    m_current.reset();
    m_closing = true;
    deleteLater();
}

} // namespace Torii::Proxy::Internal
