#include "mirror_sender.h"

#include "mirror_policy.h"

#include <utility>

namespace Torii::Proxy::Internal {

// One copy in flight: the listener of its upstream (an HTTP/1.1 connection it holds, or a stream
// of a shared HTTP/2 connection), dropping whatever the mirror answers.
class MirrorSender::Copy final : public Http2StreamListener
{
    MirrorSender &m_sender;
    std::uint64_t m_id;

public:
    Copy(MirrorSender &sender, std::uint64_t id)
        : m_sender(sender)
        , m_id(id)
    {}
    ~Copy() override
    {
        if (timer) {
            m_sender.m_loop.cancelTimer(timer);
        }
        if (upstream) {
            m_sender.m_pool.discard(std::move(upstream));
        }
        if (h2) {
            h2->close(h2Id); // reset unless it completed; the connection stays for others
        }
    }

    void upstreamHead(Http::ResponseHead &&) override {}
    void upstreamBody(std::string_view) override {}
    // Reusable only when the mirror read the whole request before answering.
    void upstreamComplete() override
    {
        h2 = nullptr; // the stream is over
        m_sender.end(m_id, bodyDone);
    }
    void upstreamFailed(const std::string &) override
    {
        h2 = nullptr;
        m_sender.end(m_id, false);
    }
    void upstreamWritable() override {}
    void upstreamBatchDone() override {}

    std::unique_ptr<Http1Upstream> upstream;
    Http2Upstream *h2 = nullptr; // or this stream (the h2 pool owns the connection)
    std::int32_t h2Id = -1;
    Net::TimerId timer = 0;
    bool chunked = false; // HTTP/1.1: the head says chunked, the body is chunk-framed here
    bool bodyDone = false;
};

MirrorSender::MirrorSender(Net::EventLoop &loop, Http1UpstreamPool &pool,
                           std::atomic<std::uint64_t> *dropped, Http2UpstreamPool *h2Pool)
    : m_loop(loop)
    , m_pool(pool)
    , m_h2Pool(h2Pool)
    , m_dropped(dropped)
{}

MirrorSender::~MirrorSender() = default;

std::uint64_t MirrorSender::start(const std::string &endpoint, const std::string &host,
                                  std::uint16_t port, const Http::RequestHead &head,
                                  std::string_view serializedHead,
                                  const RouteTable::BackendTls *tls, bool http2)
{
    if (m_copies.size() >= kMaxInFlight) {
        countDrop();
        return 0;
    }
    const std::uint64_t id = m_nextId++;
    auto copy = std::make_unique<Copy>(*this, id);
    Copy *raw = copy.get();
    m_copies.emplace(id, std::move(copy));
    raw->timer = m_loop.addTimer(kTimeout, [this, raw, id] {
        raw->timer = 0;
        end(id, false);
    });
    if (http2 && m_h2Pool) {
        const bool bodyFollows = head.chunked || head.contentLength.value_or(0) > 0;
        Http2Upstream *h2 = m_h2Pool->acquire(endpoint, host, port, tls, &m_pool.tlsContexts());
        const std::int32_t stream = h2->open(raw, head, !bodyFollows);
        if (stream < 0) {
            end(id, false);
            return 0;
        }
        raw->h2 = h2;
        raw->h2Id = stream;
        return id; // a connection failure arrives later, through upstreamFailed
    }
    raw->chunked = head.chunked;
    raw->upstream = m_pool.acquire(endpoint, host, port, tls);
    raw->upstream->begin(raw, head.method);
    raw->upstream->send(serializedHead); // may fail at once (then the copy has ended)
    return m_copies.count(id) ? id : 0;
}

void MirrorSender::sendBody(std::uint64_t id, std::string_view bytes)
{
    const auto it = m_copies.find(id);
    if (it == m_copies.end() || bytes.empty()) {
        return;
    }
    Copy &copy = *it->second;
    if (copy.h2) {
        if (copy.h2->bytesToWrite(copy.h2Id) + bytes.size() > kMaxQueued) {
            countDrop(); // the mirror does not keep up: give this copy up
            end(id, false);
            return;
        }
        copy.h2->sendBody(copy.h2Id, bytes);
        return;
    }
    if (!copy.upstream) {
        return;
    }
    Http1Upstream &upstream = *copy.upstream;
    if (upstream.bytesToWrite() + bytes.size() > kMaxQueued) {
        countDrop();
        end(id, false);
        return;
    }
    if (copy.chunked) {
        upstream.send(Http::encodeChunk(bytes));
    } else {
        upstream.send(bytes);
    }
}

void MirrorSender::finishBody(std::uint64_t id, const Http::Headers &trailers)
{
    const auto it = m_copies.find(id);
    if (it == m_copies.end()) {
        return;
    }
    Copy &copy = *it->second;
    copy.bodyDone = true;
    if (copy.h2) {
        copy.h2->endBody(copy.h2Id, trailers);
    } else if (copy.upstream && copy.chunked) {
        copy.upstream->send(Http::lastChunk(trailers)); // may fail at once: the copy ends
    }
}

void MirrorSender::abandon(std::uint64_t id)
{
    end(id, false);
}

void MirrorSender::end(std::uint64_t id, bool reuse)
{
    const auto it = m_copies.find(id);
    if (it == m_copies.end()) {
        return;
    }
    std::unique_ptr<Copy> copy = std::move(it->second);
    m_copies.erase(it);
    if (copy->upstream) {
        if (reuse) {
            m_pool.release(std::move(copy->upstream));
        } else {
            m_pool.discard(std::move(copy->upstream));
        }
    }
    // `copy` may be inside its own callback: its members are not touched after this returns.
}

void MirrorSender::countDrop()
{
    if (m_dropped) {
        m_dropped->fetch_add(1, std::memory_order_relaxed);
    }
}

void startMirrorCopies(MirrorSender &sender, Exchange &x, const ForwardPlan &plan,
                       EndpointChooser &chooser, const std::function<double()> &random)
{
    if (!x.route) {
        return;
    }
    const MirrorPolicy policy({&x.route->filters, plan.backendRef ? &plan.backendRef->filters
                                                                   : nullptr});
    if (policy.mirrors().empty()) {
        return;
    }
    const bool bodyFollows = plan.head.chunked || plan.head.contentLength.value_or(0) > 0;
    // gRPC is HTTP/2 end to end, as for the main request.
    const Http::HeaderField *contentType = plan.head.headers.find("content-type");
    const bool grpc = contentType && contentType->value.rfind("application/grpc", 0) == 0;
    std::string serialized; // for HTTP/1.1 copies when the main request went over HTTP/2
    for (const RouteTable::Backend *target : policy.firing(random)) {
        const EndpointChooser::Endpoint *next =
            EndpointChooser::next(chooser.target(*target, x.table.get(), *x.endpoints));
        if (next == nullptr || next->port == 0) {
            continue; // no endpoint to mirror to: the copy is not sent
        }
        const std::string &endpoint = next->address;
        const std::string &host = next->host;
        const quint16 port = next->port;
        const bool http2 = grpc || speaksH2c(target->appProtocol);
        if (!http2 && x.upstreamHead.empty() && serialized.empty()) {
            serialized = Http::serializeRequestHead(plan.head);
        }
        const std::string_view head = x.upstreamHead.empty() ? serialized : x.upstreamHead;
        const std::uint64_t id =
            sender.start(endpoint, host, port, plan.head, head, target->tls.get(), http2);
        if (id != 0) {
            ++x.event.mirrors;
            if (bodyFollows) {
                x.mirrorCopies.push_back(id);
            } else {
                sender.finishBody(id);
            }
        }
    }
}

} // namespace Torii::Proxy::Internal
