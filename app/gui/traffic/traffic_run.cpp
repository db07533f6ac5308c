#include "traffic_run.h"

#include "app/runtime/load_calls.h"
#include "app/runtime/load_run.h"
#include "app/runtime/serve_session.h"
#include "simulator/traffic/default_mix.h"
#include "simulator/traffic/load_generator.h"
#include "simulator/traffic/stream_sampler.h"
#include "engine/tls/client_context.h"
#include "engine/tls/development_ca.h"

#include <algorithm>

namespace Torii::Gui {

namespace RT = Torii::RouteTable;

TrafficRun::TrafficRun(QObject *parent) : QObject(parent) {}

TrafficRun::~TrafficRun()
{
    cancel();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

bool TrafficRun::start(const Runtime::ServeSession &session, const TrafficSettings &settings,
                       QString *error)
{
    if (isRunning()) {
        *error = tr("A traffic run is already going; cancel it first.");
        return false;
    }
    if (settings.durationSeconds <= 0.0 || (settings.openLoop && settings.rate <= 0.0)
        || (!settings.openLoop && settings.concurrency < 1)) {
        *error = tr("The duration, rate and concurrency must be positive.");
        return false;
    }
    const auto &tables = session.status().controller.routeTables;
    Traffic::DefaultMix mix;
    if (settings.mix) {
        mix.mix = *settings.mix;
    } else {
        mix = Traffic::defaultMix(tables);
    }
    const std::vector<Traffic::StreamRule> streams =
        settings.mix || settings.streamSamples <= 0 ? std::vector<Traffic::StreamRule>()
                                                    : Traffic::streamRules(tables);
    if (mix.mix.templates.empty() && streams.empty()) {
        *error = tr("No HTTP route to send requests to.");
        return false;
    }

    m_rules.clear();
    m_templates.clear();
    m_ruleOfRequest.clear();
    m_ruleOfTarget.clear();
    {
        std::lock_guard lock(m_mutex);
        m_pending.clear();
    }
    std::vector<Traffic::PreparedRequest> requests;
    std::vector<std::pair<std::size_t, Traffic::RequestTemplate>> h2Lines; // calls made with TLS
    for (const Traffic::RequestTemplate &t : mix.mix.templates) {
        // The served HTTP listener the template names (a mix file may leave out the gateway or
        // its namespace, or the port).
        std::string gateway;
        int listenerPort = 0;
        quint16 localPort = 0;
        // HTTPS (the default mix's requests for served HTTPS listeners) and h2: over TLS, SNI =
        // host. h2c, h2, grpc and the L4 lines are blocking calls of the generator, made with
        // the clients `toriictl load` uses (app/runtime/load_calls.h).
        const bool https = t.protocol == Traffic::Protocol::Https || t.protocol == Traffic::Protocol::H2;
        const bool stream = Traffic::isStreamProtocol(t.protocol);
        const RT::ListenerProtocol protocol = t.protocol == Traffic::Protocol::Tcp ? RT::ListenerProtocol::TCP
                                              : t.protocol == Traffic::Protocol::Udp ? RT::ListenerProtocol::UDP
                                              : t.protocol == Traffic::Protocol::Tls ? RT::ListenerProtocol::TLS
                                              : https ? RT::ListenerProtocol::HTTPS
                                                      : RT::ListenerProtocol::HTTP;
        for (const Runtime::ServedListener &l : session.listeners()) {
            const auto slash = l.gateway.find('/');
            const bool named = (t.listener.gateway.empty() || l.gateway.substr(slash + 1) == t.listener.gateway)
                               && (t.listener.ns.empty() || l.gateway.substr(0, slash) == t.listener.ns)
                               && (t.listener.port == 0 || l.port == t.listener.port);
            if (named && l.localPort != 0 && l.protocol == protocol) {
                gateway = l.gateway;
                listenerPort = l.port;
                localPort = l.localPort;
                break;
            }
        }
        const auto table = tables.find(gateway);
        if (localPort == 0 || table == tables.end()) {
            continue; // a listener the studio does not serve (yet): nothing to send it
        }
        Traffic::PreparedRequest request;
        request.method = t.method;
        request.weight = t.weight;
        request.port = localPort;
        request.tls = t.protocol == Traffic::Protocol::Https;
        request.serverName = request.tls ? t.host : std::string();
        request.wire = Traffic::serializeRequest(t.method, t.host.empty() ? "any.torii.invalid" : t.host,
                                                 t.path, t.headers, t.cookies, t.body, true);
        const std::string sni = t.protocol == Traffic::Protocol::Tls ? t.host : std::string();
        if (t.protocol == Traffic::Protocol::H2c) {
            request.call = Runtime::http2Call(localPort, t, nullptr);
        } else if (t.protocol == Traffic::Protocol::Grpc) {
            request.call = Runtime::grpcCall(localPort, t);
        } else if (t.protocol == Traffic::Protocol::H2) {
            h2Lines.emplace_back(requests.size(), t);
        } else if (stream) {
            Traffic::StreamTarget target;
            target.protocol = t.protocol == Traffic::Protocol::Udp   ? Traffic::StreamProtocol::Udp
                              : t.protocol == Traffic::Protocol::Tls ? Traffic::StreamProtocol::Tls
                                                                     : Traffic::StreamProtocol::Tcp;
            target.port = localPort;
            target.serverName = sni;
            request.call = Runtime::streamCall(std::move(target));
        }

        // The rule: the HTTP row the request matches, or the L4 route of the listener (and SNI).
        const RT::StreamRoute *streamRoute = stream ? table->second->lookupStream(listenerPort, sni) : nullptr;
        const RT::MatchResult match =
            stream ? RT::MatchResult{} : table->second->lookup(listenerPort, Runtime::routeRequestOf(t));
        const RT::RouteSource *source =
            streamRoute ? &streamRoute->source : (match.route ? &match.route->source : nullptr);
        const std::vector<RT::Backend> *routeBackends =
            streamRoute ? &streamRoute->backends : (match.route ? &match.route->backends : nullptr);
        const std::string key = source ? Traffic::ruleKey(*source) : "(no route)";
        int rule = -1;
        for (std::size_t i = 0; i < m_rules.size(); ++i) {
            if (m_rules[i].key == key) {
                rule = int(i);
            }
        }
        if (rule < 0) {
            TrafficRule made;
            made.key = key;
            if (routeBackends) {
                for (const RT::Backend &b : *routeBackends) {
                    made.backends.push_back(b.ns + '/' + b.service);
                    made.weights.push_back(b.weight);
                }
            }
            m_rules.push_back(std::move(made));
            rule = int(m_rules.size() - 1);
        }
        m_ruleOfRequest.push_back(rule);
        m_templates.push_back(t.name);
        requests.push_back(std::move(request));
    }
    std::vector<Traffic::StreamTarget> targets;
    for (const Traffic::StreamRule &r : streams) {
        const auto served = std::find_if(
            session.listeners().begin(), session.listeners().end(),
            [&](const Runtime::ServedListener &l) { return l.gateway == r.gateway && l.port == r.port; });
        if (served == session.listeners().end() || served->localPort == 0 ||
            !Runtime::echoAnswersStreamRule(session.status().resources, r)) {
            continue; // not served (a TLS Terminate listener without a certificate), or a DNS
                      // server behind a UDP route: no echo to name the backend
        }
        Traffic::StreamTarget target;
        target.protocol = r.protocol;
        target.port = served->localPort;
        target.serverName = r.serverName;
        target.samples = settings.streamSamples;
        TrafficRule made;
        made.key = Traffic::ruleKey(r.route->source);
        for (const RT::Backend &b : r.route->backends) {
            made.backends.push_back(b.ns + '/' + b.service);
            made.weights.push_back(b.weight);
        }
        m_rules.push_back(std::move(made));
        m_ruleOfTarget.push_back(int(m_rules.size() - 1));
        targets.push_back(std::move(target));
    }
    if (requests.empty() && targets.empty()) {
        *error = tr("None of the mix's listeners is served; start the gateway first.");
        return false;
    }

    Traffic::GeneratorOptions options;
    if (!h2Lines.empty() || std::any_of(requests.begin(), requests.end(),
                                        [](const Traffic::PreparedRequest &r) { return r.tls; })) {
        // Trust exactly what the session serves its HTTPS listeners with: their Secrets'
        // certificates and the development CA when it filled listeners (as `toriictl load`).
        Tls::ClientContextOptions tls;
        for (const auto &[name, listeners] : session.status().controller.tlsListeners) {
            for (const Controller::TlsListener &l : listeners) {
                if (l.protocol == "HTTPS" && !l.keyPairs.empty()) {
                    tls.trustedCertificates.push_back(l.keyPairs.front().certificateChain);
                }
            }
        }
        if (const Tls::DevelopmentCa *ca = session.developmentCa()) {
            tls.trustedCertificates.push_back(ca->authority().pem().certificate);
        }
        std::string why;
        options.tls = Tls::ClientContext::create(tls, &why);
        if (!options.tls) {
            *error = tr("Cannot set up TLS for the HTTPS requests: %1").arg(QString::fromStdString(why));
            return false;
        }
        if (!h2Lines.empty()) {
            tls.alpn = {"h2"}; // the mix's h2 lines: HTTP/2 by ALPN, with the same trust
            const std::shared_ptr<const Tls::ClientContext> h2 = Tls::ClientContext::create(tls, &why);
            if (!h2) {
                *error = tr("Cannot set up TLS for the HTTPS requests: %1").arg(QString::fromStdString(why));
                return false;
            }
            for (const auto &[index, line] : h2Lines) {
                requests[index].call = Runtime::http2Call(requests[index].port, line, h2);
            }
        }
    }
    options.mode = settings.openLoop ? Traffic::LoopMode::Open : Traffic::LoopMode::Closed;
    options.rate = settings.rate;
    options.connections = settings.openLoop ? std::max(4, settings.concurrency) : settings.concurrency;
    options.duration = std::chrono::microseconds(std::int64_t(settings.durationSeconds * 1e6));
    options.requestLimit = settings.requestLimit;
    options.readEchoIdentity = true;
    options.drainTimeout = std::chrono::milliseconds(2000);
    m_generator = requests.empty()
                      ? nullptr
                      : std::make_unique<Traffic::LoadGenerator>(std::move(requests), options);
    m_sampler = targets.empty() ? nullptr : std::make_unique<Traffic::StreamSampler>(std::move(targets));

    Traffic::LoadGenerator *generator = m_generator.get();
    Traffic::StreamSampler *sampler = m_sampler.get();
    const std::vector<int> ruleOf = m_ruleOfRequest;
    const std::vector<int> ruleOfTarget = m_ruleOfTarget;
    m_thread = std::thread([this, generator, sampler, ruleOf, ruleOfTarget] {
        std::string why;
        std::int64_t lastDone = 0;
        const bool ok = !generator || generator->run(
            [this, &ruleOf, &lastDone](const Traffic::Outcome &o) {
                lastDone = std::max(lastDone, o.doneMicros);
                TrafficSample sample;
                sample.doneMicros = o.doneMicros;
                sample.rule = ruleOf[std::size_t(o.request)];
                sample.status = o.status;
                sample.latencyMicros = o.latencyMicros;
                if (!o.echoPod.empty()) {
                    sample.backend = o.echoNamespace + '/' + Traffic::serviceOfPod(o.echoPod);
                } else {
                    sample.backend = o.backend; // an L4 line: the echo named its Service
                }
                std::lock_guard lock(m_mutex);
                m_pending.push_back(std::move(sample));
            },
            {}, &why);
        if (ok && sampler) {
            const std::int64_t offset = lastDone; // the samples follow the HTTP answers
            sampler->run([this, &ruleOfTarget, offset](const Traffic::StreamSample &s) {
                TrafficSample sample;
                sample.doneMicros = offset + s.doneMicros;
                sample.rule = ruleOfTarget[std::size_t(s.target)];
                sample.status = s.error.empty() ? 200 : 0; // see the header
                sample.latencyMicros = s.latencyMicros;
                sample.backend = s.backend;
                std::lock_guard lock(m_mutex);
                m_pending.push_back(std::move(sample));
            });
        }
        // The destructor joins this thread before `this` goes; a call queued to an object being
        // destroyed is dropped by Qt.
        QMetaObject::invokeMethod(
            this, [this, ok, why] { onThreadDone(ok, QString::fromStdString(why)); },
            Qt::QueuedConnection);
    });
    return true;
}

void TrafficRun::cancel()
{
    if (m_generator) {
        m_generator->stop();
    }
    if (m_sampler) {
        m_sampler->stop();
    }
}

std::vector<TrafficSample> TrafficRun::takeSamples()
{
    std::vector<TrafficSample> out;
    std::lock_guard lock(m_mutex);
    out.swap(m_pending);
    return out;
}

void TrafficRun::onThreadDone(bool ok, const QString &error)
{
    if (m_thread.joinable()) {
        m_thread.join();
    }
    m_generator.reset();
    m_sampler.reset();
    Q_EMIT finished(ok, error);
}

} // namespace Torii::Gui
