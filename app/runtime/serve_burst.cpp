#include "serve_burst.h"

#include "app/runtime/load_run.h"
#include "app/runtime/serve_session.h"
#include "simulator/traffic/default_mix.h"

#include <algorithm>

namespace Torii::Runtime {

namespace RT = Torii::RouteTable;

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kInFlight = 4;
constexpr std::chrono::milliseconds kEchoStep{1000};
constexpr std::chrono::milliseconds kProbeStep{150};

quint16 localPortOf(const ServeSession &session, const std::string &gateway, int port)
{
    for (const ServedListener &l : session.listeners()) {
        if (l.gateway == gateway && l.port == port) {
            return l.localPort;
        }
    }
    return 0;
}

std::string gatewayKey(const Traffic::ListenerRef &ref)
{
    return ref.ns + '/' + ref.gateway;
}

} // namespace

ServeBurst::~ServeBurst()
{
    stop();
}

void ServeBurst::start(const ServeSession &session, const BurstOptions &options)
{
    const auto &tables = session.status().controller.routeTables;
    std::vector<Traffic::PreparedRequest> requests;
    bool https = false;
    for (const Traffic::RequestTemplate &t : Traffic::defaultMix(tables).mix.templates) {
        const quint16 port = localPortOf(session, gatewayKey(t.listener), t.listener.port);
        if (port == 0) {
            continue; // an HTTPS listener serve could not serve
        }
        Traffic::PreparedRequest r;
        r.method = t.method;
        r.port = port;
        r.wire =
            Traffic::serializeRequest(t.method, t.host, t.path, t.headers, t.cookies, t.body, true);
        if (t.protocol == Traffic::Protocol::Https) {
            r.tls = true;
            r.serverName = t.host;
            https = true;
        }
        requests.push_back(std::move(r));
    }
    std::vector<Traffic::StreamTarget> targets;
    std::vector<BurstStreamRule> rules;
    for (const Traffic::StreamRule &r : Traffic::streamRules(tables)) {
        const quint16 port = localPortOf(session, r.gateway, r.port);
        if (port == 0 || options.streamSamples <= 0) {
            continue;
        }
        Traffic::StreamTarget target;
        target.protocol = r.protocol;
        target.port = port;
        target.serverName = r.serverName;
        target.samples = options.streamSamples;
        BurstStreamRule rule;
        rule.rule = Traffic::ruleKey(r.route->source);
        rule.protocol = Traffic::toString(r.protocol);
        rule.echo = echoAnswersStreamRule(session.status().resources, r);
        targets.push_back(target);
        rules.push_back(std::move(rule));
    }
    Traffic::GeneratorOptions generator;
    generator.mode = Traffic::LoopMode::Closed;
    generator.connections = kInFlight;
    generator.requestLimit = options.httpRequests;
    generator.duration = options.deadline;
    generator.timeout = std::chrono::milliseconds(2000);
    generator.drainTimeout = std::chrono::milliseconds(1000);
    if (https) {
        Tls::ClientContextOptions tls;
        tls.verify = false; // the split is the point here, not the trust (header comment)
        std::string why;
        generator.tls = Tls::ClientContext::create(tls, &why);
        if (!generator.tls) {
            requests.erase(std::remove_if(requests.begin(), requests.end(),
                                          [](const Traffic::PreparedRequest &r) { return r.tls; }),
                           requests.end());
        }
    }
    if (!requests.empty() && options.httpRequests > 0) {
        m_generator = std::make_unique<Traffic::LoadGenerator>(std::move(requests), generator);
    }
    m_thread =
        std::thread([this, targets = std::move(targets), rules = std::move(rules),
                     options]() mutable { run(std::move(targets), std::move(rules), options); });
}

void ServeBurst::run(std::vector<Traffic::StreamTarget> targets, std::vector<BurstStreamRule> rules,
                     BurstOptions options)
{
    const auto start = Clock::now();
    const auto deadline = start + options.deadline;
    if (m_generator) {
        std::string why;
        const bool ok = m_generator->run(
            [this](const Traffic::Outcome &o) {
                ++m_report.httpSent;
                m_report.httpAnswered += o.status != 0;
            },
            {}, &why);
        if (!ok) {
            m_report.error = why;
        }
    }
    // The L4 samples: sample k of every rule before sample k + 1 of any, kInFlight at a time.
    std::vector<std::pair<std::size_t, int>> jobs;
    for (int k = 0; k < options.streamSamples; ++k) {
        for (std::size_t t = 0; t < targets.size(); ++t) {
            jobs.emplace_back(t, k);
        }
    }
    std::mutex mutex;
    std::size_t next = 0;
    auto worker = [&] {
        const Tls::SigpipeBlock noSigpipe; // TLS samples write with write()
        for (;;) {
            std::size_t target;
            {
                std::lock_guard lock(mutex);
                if (next >= jobs.size() || m_stop || Clock::now() >= deadline) {
                    return;
                }
                target = jobs[next++].first;
            }
            const Traffic::StreamSample sample = Traffic::StreamSampler::sampleOnce(
                targets[target], rules[target].echo ? kEchoStep : kProbeStep);
            std::lock_guard lock(mutex);
            ++rules[target].sent;
            rules[target].answered += sample.error.empty();
        }
    };
    std::vector<std::thread> workers;
    for (int i = 0; i < kInFlight && !jobs.empty(); ++i) {
        workers.emplace_back(worker);
    }
    for (std::thread &t : workers) {
        t.join();
    }
    m_report.streams = std::move(rules);
    m_report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    m_finished = true;
}

void ServeBurst::stop()
{
    m_stop = true;
    if (m_generator) {
        m_generator->stop();
    }
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

} // namespace Torii::Runtime
