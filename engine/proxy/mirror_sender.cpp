#include "mirror_sender.h"

#include "mirror_policy.h"

#include <utility>

namespace Torii::Proxy::Internal {

// One copy in flight: the listener of its upstream, dropping whatever the mirror answers.
class MirrorSender::Copy final : public UpstreamListener
{
    MirrorSender &m_sender;
    std::uint64_t m_id;

public:
    Copy(MirrorSender &sender, std::uint64_t id, std::unique_ptr<Http1Upstream> upstream)
        : m_sender(sender)
        , m_id(id)
        , upstream(std::move(upstream))
    {}
    ~Copy() override
    {
        if (timer) {
            m_sender.m_loop.cancelTimer(timer);
        }
        if (upstream) {
            m_sender.m_pool.discard(std::move(upstream));
        }
    }

    void upstreamHead(Http::ResponseHead &&) override {}
    void upstreamBody(std::string_view) override {}
    // Reusable only when the mirror read the whole request before answering.
    void upstreamComplete() override { m_sender.end(m_id, bodyDone); }
    void upstreamFailed(const std::string &) override { m_sender.end(m_id, false); }
    void upstreamWritable() override {}
    void upstreamBatchDone() override {}

    std::unique_ptr<Http1Upstream> upstream;
    Net::TimerId timer = 0;
    bool bodyDone = false;
};

MirrorSender::MirrorSender(Net::EventLoop &loop, Http1UpstreamPool &pool,
                           std::atomic<std::uint64_t> *dropped)
    : m_loop(loop)
    , m_pool(pool)
    , m_dropped(dropped)
{}

MirrorSender::~MirrorSender() = default;

std::uint64_t MirrorSender::start(const std::string &endpoint, const std::string &host,
                                  std::uint16_t port, std::string_view method,
                                  std::string_view head, const RouteTable::BackendTls *tls)
{
    if (m_copies.size() >= kMaxInFlight) {
        countDrop();
        return 0;
    }
    const std::uint64_t id = m_nextId++;
    auto copy = std::make_unique<Copy>(*this, id, m_pool.acquire(endpoint, host, port, tls));
    Copy *raw = copy.get();
    m_copies.emplace(id, std::move(copy));
    raw->timer = m_loop.addTimer(kTimeout, [this, raw, id] {
        raw->timer = 0;
        end(id, false);
    });
    raw->upstream->begin(raw, method);
    raw->upstream->send(head); // may fail at once (then the copy has ended)
    return m_copies.count(id) ? id : 0;
}

void MirrorSender::sendBody(std::uint64_t id, std::string_view bytes)
{
    const auto it = m_copies.find(id);
    if (it == m_copies.end() || !it->second->upstream) {
        return;
    }
    Http1Upstream &upstream = *it->second->upstream;
    if (upstream.bytesToWrite() + bytes.size() > kMaxQueued) {
        countDrop(); // the mirror does not keep up: give this copy up
        end(id, false);
        return;
    }
    upstream.send(bytes);
}

void MirrorSender::finishBody(std::uint64_t id)
{
    const auto it = m_copies.find(id);
    if (it != m_copies.end()) {
        it->second->bodyDone = true;
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
    for (const RouteTable::Backend *target : policy.firing(random)) {
        const EndpointChooser::Endpoint *next =
            EndpointChooser::next(chooser.target(*target, x.table.get(), *x.endpoints));
        if (next == nullptr || next->port == 0) {
            continue; // no endpoint to mirror to: the copy is not sent
        }
        const std::string &endpoint = next->address;
        const std::string &host = next->host;
        const quint16 port = next->port;
        const std::uint64_t id = sender.start(endpoint, host, port, plan.head.method,
                                              x.upstreamHead, target->tls.get());
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
