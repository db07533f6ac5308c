#include "load_run.h"

#include "app/runtime/listener_certificates.h"
#include "app/runtime/load_calls.h"
#include "app/runtime/serve_session.h"
#include "app/runtime/stream_backends.h"
#include "simulator/backends/mock_service.h"
#include "simulator/traffic/default_mix.h"

#include <QtCore/QCoreApplication>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

namespace Torii::Runtime {

namespace RT = Torii::RouteTable;

namespace {

// The listener protocol a template's protocol is sent to.
RT::ListenerProtocol listenerProtocolOf(Traffic::Protocol protocol)
{
    switch (protocol) {
    case Traffic::Protocol::Https:
    case Traffic::Protocol::H2:
        return RT::ListenerProtocol::HTTPS;
    case Traffic::Protocol::Tcp:
        return RT::ListenerProtocol::TCP;
    case Traffic::Protocol::Udp:
        return RT::ListenerProtocol::UDP;
    case Traffic::Protocol::Tls:
        return RT::ListenerProtocol::TLS;
    case Traffic::Protocol::Http:
    case Traffic::Protocol::H2c:
    case Traffic::Protocol::Grpc:
        break;
    }
    return RT::ListenerProtocol::HTTP;
}

const char *listenerProtocolName(RT::ListenerProtocol protocol)
{
    switch (protocol) {
    case RT::ListenerProtocol::HTTP:
        return "HTTP";
    case RT::ListenerProtocol::HTTPS:
        return "HTTPS";
    case RT::ListenerProtocol::TLS:
        return "TLS";
    case RT::ListenerProtocol::TCP:
        return "TCP";
    case RT::ListenerProtocol::UDP:
        return "UDP";
    }
    return "?";
}

Traffic::StreamProtocol streamProtocolOf(Traffic::Protocol protocol)
{
    return protocol == Traffic::Protocol::Udp   ? Traffic::StreamProtocol::Udp
           : protocol == Traffic::Protocol::Tls ? Traffic::StreamProtocol::Tls
                                                : Traffic::StreamProtocol::Tcp;
}

// The Gateway a template's listener names: by namespace and name, or (unnamed) the first whose
// tables hold that port as a listener of the template's protocol (HTTP or HTTPS).
const std::pair<const std::string, std::shared_ptr<const RT::RouteTable>> *
gatewayFor(const Controller::ControllerResult &computed, const Traffic::ListenerRef &ref,
           RT::ListenerProtocol protocol)
{
    for (const auto &entry : computed.routeTables) {
        const auto slash = entry.first.find('/');
        const std::string ns = entry.first.substr(0, slash);
        const std::string name = entry.first.substr(slash + 1);
        if ((!ref.gateway.empty() && ref.gateway != name) || (!ref.ns.empty() && ref.ns != ns)) {
            continue;
        }
        for (int port : entry.second->ports()) {
            if ((ref.port == 0 || ref.port == port) &&
                entry.second->listener(port)->protocol == protocol) {
                return &entry;
            }
        }
    }
    return nullptr;
}

int firstPort(const RT::RouteTable &table, int wanted, RT::ListenerProtocol protocol)
{
    for (int port : table.ports()) {
        if ((wanted == 0 || wanted == port) && table.listener(port)->protocol == protocol) {
            return port;
        }
    }
    return 0;
}

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Events per gateway worker ring: drained after every answer, so a ring only has to hold what
// the workers finish between two answers of the generator's loop.
constexpr std::size_t kEventRing = 1 << 14;

} // namespace

LoadRun::LoadRun() = default;

LoadRun::~LoadRun()
{
    m_gateways.stop();
}

bool LoadRun::prepare(const std::vector<std::string> &paths, const LoadOptions &options,
                      QString *error)
{
    m_options = options;
    m_status = computeStatus(paths, options.controller, [&](std::vector<Model::Resource> &all) {
        if (options.implicitServices) {
            m_implicitServices = addImplicitServices(all);
        }
    });
    m_diagnostics = m_status.diagnostics;
    if (m_status.unreadable) {
        *error = QCoreApplication::translate("toriictl", "the input could not be read");
        return false;
    }
    const auto &tables = m_status.controller.routeTables;

    if (!options.mixFile.empty()) {
        Traffic::MixParseResult parsed = Traffic::readMixFile(options.mixFile);
        m_diagnostics.insert(m_diagnostics.end(), parsed.diagnostics.begin(),
                             parsed.diagnostics.end());
        if (!parsed.ok()) {
            *error = QCoreApplication::translate("toriictl", "the request mix %1 has errors")
                         .arg(QString::fromStdString(options.mixFile));
            return false;
        }
        m_mix = std::move(parsed.mix);
    } else {
        Traffic::DefaultMix made = Traffic::defaultMix(tables);
        m_mix = std::move(made.mix);
        m_report.skippedRules = std::move(made.skipped);
        if (m_mix.templates.empty() && Traffic::streamRules(tables).empty()) {
            *error = QCoreApplication::translate(
                "toriictl", "no HTTP route to send requests to; name a request mix with --mix");
            return false;
        }
    }

    if (!options.scenarioFile.empty() && options.target) {
        *error = QCoreApplication::translate(
            "toriictl", "a scenario changes the in-process gateways; it cannot drive --target");
        return false;
    }
    if (options.developmentCa) {
        Core::Text problem;
        m_developmentCa = Tls::DevelopmentCa::open(developmentCaFolderFor(paths), &problem);
        if (!m_developmentCa) {
            *error = QString::fromStdString(problem.localized());
            return false;
        }
    }
    if (!options.target) {
        LocalGatewayOptions local;
        local.anyPort = true; // never collide with a `toriictl serve` already running
        local.randomSeed = options.gatewaySeed;
        local.developmentCa = m_developmentCa;
        local.realBackends = options.realBackends;
        local.eventRingCapacity = kEventRing;
        m_local = local;
        std::string why;
        // The gateways' worker threads inherit this mask: OpenSSL writes with write(), and a
        // client that closed its TLS connection must not end the whole run with SIGPIPE.
        const Tls::SigpipeBlock noSigpipe;
        if (!m_gateways.start(m_status.resources, m_status.controller, local, &why)) {
            *error = QString::fromStdString(why);
            return false;
        }
    }
    if (!options.scenarioFile.empty() && !prepareScenario(error)) {
        return false;
    }

    if (options.mixFile.empty()) {
        // The default mix leaves out what it cannot send, and says so: HTTPS listeners that are
        // not served (no usable certificate, no --dev-ca), and with --target every HTTPS one
        // (the target is one port; a mix names what goes to it).
        std::vector<Traffic::RequestTemplate> kept;
        for (Traffic::RequestTemplate &t : m_mix.templates) {
            const auto *gateway =
                gatewayFor(m_status.controller, t.listener, listenerProtocolOf(t.protocol));
            const bool served = t.protocol != Traffic::Protocol::Https ||
                                (!options.target && gateway &&
                                 m_gateways.localPort(gateway->first, t.listener.port).has_value());
            if (served) {
                kept.push_back(std::move(t));
            } else {
                m_report.unservedHttps.push_back(t.name);
            }
        }
        m_mix.templates = std::move(kept);
        prepareStreams();
        if (m_mix.templates.empty() && !m_sampler) {
            *error = QCoreApplication::translate(
                "toriictl", "no HTTP route to send requests to; name a request mix with --mix");
            return false;
        }
    }

    const bool keepAlive = options.generator.keepAlive;
    for (const Traffic::RequestTemplate &t : m_mix.templates) {
        m_report.templates.push_back(t.name);
        const RT::ListenerProtocol protocol = listenerProtocolOf(t.protocol);
        const bool stream = Traffic::isStreamProtocol(t.protocol);
        if (stream && options.target) {
            *error = QCoreApplication::translate(
                         "toriictl", "the request \"%1\" is a %2 line: tcp, udp and tls lines "
                                     "need the in-process gateway (--target is one HTTP port)")
                         .arg(QString::fromStdString(t.name),
                              QString::fromLatin1(Traffic::toString(t.protocol)));
            return false;
        }
        const auto *gateway = gatewayFor(m_status.controller, t.listener, protocol);
        TemplateRoute route;
        route.stream = stream;
        Traffic::PreparedRequest request;
        request.method = t.method;
        request.weight = t.weight;
        int port = 0;
        if (gateway) {
            port = firstPort(*gateway->second, t.listener.port, protocol);
            route.listener = gateway->first + ':' + std::to_string(port);
        }
        if (options.target) {
            request.address = options.target->first;
            request.port = options.target->second;
        } else if (gateway) {
            request.port = m_gateways.localPort(gateway->first, port).value_or(0);
        }
        if (request.port == 0 && stream) {
            //: %1 the mix line's listener, %2 its name, %3 TCP, UDP or TLS
            *error = QCoreApplication::translate(
                         "toriictl", "no served %3 listener matches %1 of the request \"%2\"")
                         .arg(QString::fromStdString(t.listener.toString()),
                              QString::fromStdString(t.name),
                              QString::fromLatin1(listenerProtocolName(protocol)));
            return false;
        }
        if (request.port == 0) {
            if (protocol == RT::ListenerProtocol::HTTPS) {
                *error = QCoreApplication::translate(
                    "toriictl", "no served HTTPS listener matches %1 of the request \"%2\" (an "
                                "HTTPS listener without a usable certificate is served with "
                                "--dev-ca)");
            } else {
                *error = QCoreApplication::translate(
                    "toriictl", "no served HTTP listener matches %1 of the request \"%2\"");
            }
            *error = error->arg(QString::fromStdString(t.listener.toString()),
                                QString::fromStdString(t.name));
            return false;
        }
        std::string host = t.host;
        if (host.empty() && !stream) {
            host = "any.torii.invalid";
        }
        m_report.streamLines = m_report.streamLines || stream;
        m_report.grpcLines = m_report.grpcLines || t.protocol == Traffic::Protocol::Grpc;
        if (stream) {
            if (!prepareStreamLine(t, *gateway, port, request, route, error)) {
                return false;
            }
        } else {
            switch (t.protocol) {
            case Traffic::Protocol::Https:
                request.tls = true;
                request.serverName = host;
                m_report.https = true;
                break;
            case Traffic::Protocol::H2:
                m_report.https = true;
                m_h2Lines.push_back(m_requests.size()); // its call is made with the TLS context
                break;
            case Traffic::Protocol::H2c:
                request.call = http2Call(request.port, t, nullptr);
                break;
            case Traffic::Protocol::Grpc:
                request.call = grpcCall(request.port, t);
                break;
            default:
                break;
            }
            request.wire = Traffic::serializeRequest(t.method, host, t.path, t.headers, t.cookies,
                                                     t.body, keepAlive);
            route.rule = gateway ? ruleFor(t, gateway->first, port) : -1;
        }
        if (route.rule >= 0) {
            const RuleLoad &r = m_report.rules[std::size_t(route.rule)];
            route.route = r.kind.empty() ? std::string() : r.kind + ' ' + r.ns + '/' + r.name;
        }
        m_requests.push_back(std::move(request));
        m_routes.push_back(std::move(route));
    }
    if (!options.mixFile.empty()) {
        // Lists the L4 rules no line of the mix samples as not sampled: the mix names what is sent.
        prepareStreams();
    }
    if (m_report.https && !prepareTls(paths, error)) {
        return false;
    }
    for (const std::size_t i : m_h2Lines) {
        const Traffic::RequestTemplate &t = m_mix.templates[i];
        m_requests[i].call = http2Call(m_requests[i].port, t, m_tlsH2);
    }
    return true;
}

bool LoadRun::prepareStreamLine(
    const Traffic::RequestTemplate &t,
    const std::pair<const std::string, std::shared_ptr<const RT::RouteTable>> &gateway, int port,
    Traffic::PreparedRequest &request, TemplateRoute &route, QString *error)
{
    Traffic::StreamRule rule;
    rule.gateway = gateway.first;
    rule.port = port;
    rule.protocol = streamProtocolOf(t.protocol);
    rule.serverName = t.protocol == Traffic::Protocol::Tls ? t.host : std::string();
    rule.route = gateway.second->lookupStream(port, rule.serverName);
    if (rule.route) {
        const bool real = std::any_of(
            rule.route->backends.begin(), rule.route->backends.end(), [&](const RT::Backend &b) {
                return m_options.realBackends.count(b.ns + '/' + b.service) > 0;
            });
        if (real || !echoAnswersStreamRule(m_status.resources, rule)) {
            //: %2 is a route rule such as "TCPRoute ns/name rule 0"
            *error = QCoreApplication::translate(
                         "toriictl", "the request \"%1\" lands on %2, whose backends do not "
                                     "answer the echo (a DNS server, an HTTP echo or a real app): "
                                     "its samples could not name a backend")
                         .arg(QString::fromStdString(t.name),
                              QString::fromStdString(Traffic::ruleKey(rule.route->source)));
            return false;
        }
        const RT::RouteSource &s = rule.route->source;
        const std::string key = Traffic::ruleKey(s);
        route.rule = -1;
        for (std::size_t i = 0; i < m_report.rules.size(); ++i) {
            if (m_report.rules[i].key == key) {
                route.rule = int(i);
            }
        }
        if (route.rule < 0) {
            RuleLoad load;
            load.key = key;
            load.kind = s.kind;
            load.ns = s.ns;
            load.name = s.name;
            load.ruleIndex = s.ruleIndex;
            route.rule = addRule(std::move(load), &rule.route->backends);
        }
    } else {
        route.rule = noRouteRule();
    }
    Traffic::StreamTarget target;
    target.protocol = rule.protocol;
    target.port = request.port;
    target.serverName = rule.serverName;
    request.call = streamCall(std::move(target));
    return true;
}

int LoadRun::noRouteRule()
{
    for (std::size_t i = 0; i < m_report.rules.size(); ++i) {
        if (m_report.rules[i].key == "(no route)") {
            return int(i);
        }
    }
    RuleLoad rule;
    rule.key = "(no route)";
    return addRule(std::move(rule), nullptr);
}

bool LoadRun::prepareTls(const std::vector<std::string> &paths, QString *error)
{
    Tls::ClientContextOptions tls;
    tls.verify = !m_options.insecure;
    tls.trustedCertificates = m_options.trustedCertificates;
    if (tls.trustedCertificates.empty()) {
        // The certificates the listeners are served with (a Secret's chain: Go's client, like
        // ours, trusts any certificate of its pool as an anchor)...
        for (const auto &[gateway, listeners] : m_status.controller.tlsListeners) {
            for (const Controller::TlsListener &l : listeners) {
                if (l.protocol == "HTTPS" && !l.keyPairs.empty()) {
                    tls.trustedCertificates.push_back(l.keyPairs.front().certificateChain);
                }
            }
        }
        // ...and the development CA: the one filling listeners in-process, or the one a
        // `toriictl serve --dev-ca` of this workspace uses (read, never created, for --target).
        if (m_developmentCa) {
            tls.trustedCertificates.push_back(m_developmentCa->authority().pem().certificate);
        } else if (m_options.target) {
            const std::string ca = readFile(
                Tls::DevelopmentCa::directoryFor(developmentCaFolderFor(paths)) + "/ca.crt");
            if (!ca.empty()) {
                tls.trustedCertificates.push_back(ca);
            }
        }
    }
    std::string why;
    m_tls = Tls::ClientContext::create(tls, &why);
    if (!m_tls) {
        *error = QString::fromStdString(why);
        return false;
    }
    if (!m_h2Lines.empty()) {
        tls.alpn = {"h2"}; // the mix's h2 lines: HTTP/2 by ALPN, with the same trust
        m_tlsH2 = Tls::ClientContext::create(tls, &why);
        if (!m_tlsH2) {
            *error = QString::fromStdString(why);
            return false;
        }
    }
    if (m_tls->verifies() && m_tls->trustedCount() == 0) {
        // Every handshake would fail: say it once, before sending anything.
        *error = QCoreApplication::translate(
            "toriictl", "HTTPS: no certificate to check the servers against (the design has no "
                        "listener certificate and the workspace no development CA); give --ca "
                        "or --insecure");
        return false;
    }
    m_report.tlsVerified = tls.verify;
    return true;
}

RT::Request routeRequestOf(const Traffic::RequestTemplate &t)
{
    RT::Request request;
    request.method = t.method;
    request.host = t.host;
    request.path = t.path;
    if (t.protocol == Traffic::Protocol::Grpc) {
        // What the gRPC client sends: POST /service/method, content-type application/grpc.
        request.method = "POST";
        request.path = '/' + t.grpcService + '/' + t.grpcMethod;
        request.grpc = true;
        request.headers.push_back({"content-type", "application/grpc"});
    }
    for (const auto &[name, value] : t.headers) {
        request.headers.push_back({name, value});
    }
    if (!t.cookies.empty()) {
        std::string cookie;
        for (const auto &[name, value] : t.cookies) {
            cookie += (cookie.empty() ? "" : "; ") + name + '=' + value;
        }
        request.headers.push_back({"Cookie", cookie});
    }
    return request;
}

bool echoAnswersStreamRule(const std::vector<Model::Resource> &resources,
                           const Traffic::StreamRule &rule)
{
    using Kind = Backends::StreamEchoService::Kind;
    const bool udp = rule.protocol == Traffic::StreamProtocol::Udp;
    const RT::ListenerProtocol protocol =
        udp ? RT::ListenerProtocol::UDP
            : (rule.protocol == Traffic::StreamProtocol::Tls ? RT::ListenerProtocol::TLS
                                                             : RT::ListenerProtocol::TCP);
    for (const RT::Backend &b : rule.route->backends) {
        const Kind kind = streamBackendFor(resources, b.ns, b.service, b.port, protocol).kind;
        if (udp ? kind != Kind::Udp : (kind != Kind::Tcp && kind != Kind::TcpTls)) {
            return false;
        }
    }
    return true;
}

int LoadRun::ruleFor(const Traffic::RequestTemplate &t, const std::string &gatewayName, int port)
{
    const auto &table = m_status.controller.routeTables.at(gatewayName);
    const RT::MatchResult match = table->lookup(port, routeRequestOf(t));
    RuleLoad rule;
    if (match.route) {
        const RT::RouteSource &s = match.route->source;
        rule.key = Traffic::ruleKey(s);
        rule.kind = s.kind;
        rule.ns = s.ns;
        rule.name = s.name;
        rule.ruleIndex = s.ruleIndex;
    } else {
        rule.key = "(no route)";
    }
    for (std::size_t i = 0; i < m_report.rules.size(); ++i) {
        if (m_report.rules[i].key == rule.key) {
            return int(i);
        }
    }
    return addRule(std::move(rule), match.route ? &match.route->backends : nullptr);
}

int LoadRun::ruleIndexOf(const RT::RouteSource &source)
{
    const std::string key = Traffic::ruleKey(source);
    for (std::size_t i = 0; i < m_report.rules.size(); ++i) {
        if (m_report.rules[i].key == key) {
            return int(i);
        }
    }
    // A rule no template was looked up onto (a table swapped by a scenario, a redirect...):
    // counted under its own key, without configured weights.
    RuleLoad rule;
    rule.key = key;
    rule.kind = source.kind;
    rule.ns = source.ns;
    rule.name = source.name;
    rule.ruleIndex = source.ruleIndex;
    return addRule(std::move(rule), nullptr);
}

int LoadRun::addRule(RuleLoad rule, const std::vector<RT::Backend> *backends)
{
    Metrics::RuleSplit split;
    split.rule = rule.key;
    if (backends) {
        for (const RT::Backend &b : *backends) {
            split.addBackend(b.ns + '/' + b.service, b.weight);
        }
    }
    m_report.rules.push_back(std::move(rule));
    m_splits.push_back(std::move(split));
    return int(m_report.rules.size() - 1);
}

bool LoadRun::run(const std::function<void(const Traffic::Progress &)> &progress, QString *error)
{
    m_report.mode = m_options.generator.mode;
    m_report.rate = m_options.generator.rate;
    m_report.connections = m_options.generator.connections;
    m_report.alpha = m_options.alpha;
    const bool events = !m_options.target;
    m_report.backendSource = events ? BackendSource::GatewayEvents : BackendSource::EchoBody;
    Traffic::GeneratorOptions generator = m_options.generator;
    generator.readEchoIdentity = !events; // the fallback only: the gateway is not ours
    generator.tls = m_tls;
    m_generator = std::make_unique<Traffic::LoadGenerator>(m_requests, generator);
    std::int64_t lastDone = 0;
    std::uint64_t answered = 0; // outcomes with a status: each has a gateway event
    std::uint64_t drained = 0;
    std::string why;
    if (m_scenario) {
        advanceScenario(0); // the steps at 0 s, before the first request
    }
    bool ok = true;
    if (!m_requests.empty()) { // an L4-only design has only the samples below to send
        ok = m_generator->run(
            [&](const Traffic::Outcome &o) {
                lastDone = std::max(lastDone, o.doneMicros);
                record(o);
                if (events) {
                    answered += o.status != 0 && !m_routes[std::size_t(o.request)].stream;
                    drained += drainEvents(o.doneMicros);
                }
                if (m_scenario) {
                    advanceScenario(o.doneMicros);
                }
            },
            [&](const Traffic::Progress &p) {
                if (m_scenario) {
                    advanceScenario(p.elapsedMicros);
                }
                if (progress) {
                    progress(p);
                }
            },
            &why);
    }
    if (events) {
        // A worker publishes its event just after queueing the answer the client already has:
        // wait (briefly) for the last ones before the gateways stop.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        while (true) {
            drained += drainEvents(lastDone);
            if (drained >= answered || std::chrono::steady_clock::now() > deadline) {
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        m_report.droppedEvents = m_gateways.droppedEvents();
    }
    if (ok && m_sampler) {
        // After the HTTP traffic, on the same clock: the samples' times follow its last answer.
        const std::int64_t offset = lastDone;
        m_sampler->run([&](const Traffic::StreamSample &sample) {
            recordStream(sample, offset);
            lastDone = std::max(lastDone, offset + sample.doneMicros);
        });
    }
    m_gateways.stop();
    if (!ok) {
        *error = QString::fromStdString(why);
        return false;
    }
    m_report.elapsedSeconds = double(lastDone) / 1e6;
    finishReport();
    return true;
}

void LoadRun::stop()
{
    if (m_generator) {
        m_generator->stop();
    }
    if (m_sampler) {
        m_sampler->stop();
    }
}

void LoadRun::prepareStreams()
{
    std::vector<Traffic::StreamTarget> targets;
    for (const Traffic::StreamRule &r : Traffic::streamRules(m_status.controller.routeTables)) {
        const std::string key = Traffic::ruleKey(r.route->source);
        if (!m_options.mixFile.empty() &&
            std::any_of(m_report.rules.begin(), m_report.rules.end(),
                        [&](const RuleLoad &rule) { return rule.key == key; })) {
            continue; // a line of the mix samples it
        }
        quint16 port = 0; // 0: not sampled
        if (!m_options.target && m_options.mixFile.empty()) {
            port = m_gateways.localPort(r.gateway, r.port).value_or(0);
        }
        const bool real = std::any_of(
            r.route->backends.begin(), r.route->backends.end(), [&](const RT::Backend &b) {
                return m_options.realBackends.count(b.ns + '/' + b.service) > 0;
            });
        if (port == 0 || m_options.streamSamples <= 0 || real ||
            !echoAnswersStreamRule(m_status.resources, r)) {
            m_report.unsampledStreams.push_back(key);
            continue;
        }
        Traffic::StreamTarget target;
        target.protocol = r.protocol;
        target.port = port;
        target.serverName = r.serverName;
        target.samples = m_options.streamSamples;
        TemplateRoute route;
        route.listener = r.gateway + ':' + std::to_string(r.port);
        route.route = r.route->source.kind + ' ' + r.route->source.ns + '/' + r.route->source.name;
        route.rule = -1;
        for (std::size_t i = 0; i < m_report.rules.size(); ++i) {
            if (m_report.rules[i].key == key) {
                route.rule = int(i);
            }
        }
        if (route.rule < 0) {
            RuleLoad rule;
            rule.key = key;
            rule.kind = r.route->source.kind;
            rule.ns = r.route->source.ns;
            rule.name = r.route->source.name;
            rule.ruleIndex = r.route->source.ruleIndex;
            route.rule = addRule(std::move(rule), &r.route->backends);
        }
        targets.push_back(std::move(target));
        m_streamRoutes.push_back(std::move(route));
    }
    if (!targets.empty()) {
        m_sampler = std::make_unique<Traffic::StreamSampler>(std::move(targets));
    }
}

void LoadRun::recordStream(const Traffic::StreamSample &s, std::int64_t offsetMicros)
{
    // An answered sample counts as 2xx (header comment); a failed one has no status.
    constexpr int kAnswered = 200;
    const TemplateRoute &route = m_streamRoutes[std::size_t(s.target)];
    RuleLoad &rule = m_report.rules[std::size_t(route.rule)];
    Metrics::Sample sample;
    sample.atMicros = offsetMicros + s.doneMicros;
    sample.listener = route.listener;
    sample.route = route.route;
    sample.rule = rule.key;
    sample.backend = s.backend;
    sample.status = s.error.empty() ? kAnswered : 0;
    sample.latencyMicros = s.latencyMicros;
    ++m_report.requests;
    ++m_report.streamSamples;
    if (!s.error.empty()) {
        ++m_report.errors;
        ++m_report.failures[s.error];
    }
    m_report.overall.add(sample);
    m_report.series.record(sample);
    ++rule.requests;
    ++rule.byClass[std::size_t(Metrics::statusClassOf(sample.status))];
    rule.latency.record(s.latencyMicros);
    if (!s.backend.empty()) {
        // A failed sample reached no known backend: not "answered by the gateway" either.
        recordBackend(route.rule, s.backend, sample.status, s.latencyMicros, sample.atMicros);
    }
}

void LoadRun::record(const Traffic::Outcome &o)
{
    const TemplateRoute &route = m_routes[std::size_t(o.request)];
    Metrics::Sample sample;
    sample.atMicros = o.doneMicros;
    sample.listener = route.listener;
    sample.route = route.route;
    sample.status = o.status;
    sample.bytes = o.bytes;
    sample.latencyMicros = o.latencyMicros;
    // L4 lines name their backend from the echo's answer in every kind of run (the gateway's
    // events of L4 connections are not read: drainEvents).
    const bool echo = m_report.backendSource == BackendSource::EchoBody || route.stream;
    if (route.stream) {
        sample.backend = o.backend;
    } else if (echo && !o.echoPod.empty()) {
        sample.backend = o.echoNamespace + '/' + Traffic::serviceOfPod(o.echoPod);
        sample.endpoint = o.echoNamespace + '/' + o.echoPod;
    }
    ++m_report.requests;
    const int cls = Metrics::statusClassOf(o.status);
    if (cls == 0 || cls >= 4) {
        ++m_report.errors;
    }
    if (o.status == 0) {
        ++m_report.failures[o.error];
    }
    m_report.overall.add(sample);
    if (route.rule >= 0) {
        RuleLoad &rule = m_report.rules[std::size_t(route.rule)];
        sample.rule = rule.key;
        ++rule.requests;
        ++rule.byClass[std::size_t(cls)];
        rule.latency.record(o.latencyMicros);
        // A failed L4 sample reached no known backend: not "answered by the gateway" either.
        if (echo && !(route.stream && sample.backend.empty())) {
            recordBackend(route.rule, sample.backend, o.status, o.latencyMicros, o.doneMicros);
        }
    }
    m_report.series.record(sample);
    applyPendingRollback();
}

std::size_t LoadRun::drainEvents(std::int64_t nowMicros)
{
    std::size_t count = 0; // HTTP events: each answers one outcome of the generator
    m_gateways.drainEvents([&](const std::string &, const Proxy::RequestEvent &e) {
        if (e.method == "TCP" || e.method == "TLS" || e.method == "UDP") {
            return; // an L4 sample: counted from the echo's answer (record)
        }
        ++count;
        const int rule = e.routed ? ruleIndexOf(e.route) : -1;
        if (rule < 0) {
            return; // a 404 without route: the client's row "(no route)" counts it
        }
        // "namespace/service:port" → "namespace/service", as the rule's weights name it.
        const std::string backend = e.backend.substr(0, e.backend.rfind(':'));
        recordBackend(rule, backend, e.status, e.latencyMicros, nowMicros);
        Metrics::Sample sample; // the backend and endpoint series: the gateway's view
        sample.atMicros = nowMicros;
        sample.backend = backend;
        sample.endpoint = e.endpoint; // "127.0.0.1:port": one per endpoint of the run
        sample.status = e.status;
        sample.bytes = e.bytesOut;
        sample.latencyMicros = e.latencyMicros;
        if (!sample.backend.empty()) {
            m_report.series.record(sample);
        }
    });
    // Not inside the drain: a rollback swaps the gateways' tables.
    applyPendingRollback();
    return count;
}

void LoadRun::applyPendingRollback()
{
    if (m_pendingRollback) {
        auto [reason, atMicros] = std::move(*m_pendingRollback);
        m_pendingRollback.reset();
        rollBack(reason, atMicros);
    }
}

void LoadRun::recordBackend(int ruleIndex, const std::string &backend, int status,
                            std::int64_t latencyMicros, std::int64_t atMicros)
{
    RuleLoad &rule = m_report.rules[std::size_t(ruleIndex)];
    Metrics::RuleSplit &split = m_splits[std::size_t(ruleIndex)];
    split.observe(backend);
    if (m_rollback && !m_rollback->fired() && !m_pendingRollback) {
        if (auto reason = m_rollback->observe(atMicros, rule.key, backend, status, latencyMicros)) {
            m_pendingRollback.emplace(std::move(*reason), atMicros);
        }
    }
    if (backend.empty()) {
        return;
    }
    const std::size_t index = split.addBackend(backend, 0.0);
    if (rule.backends.size() <= index) {
        rule.backends.resize(index + 1);
    }
    BackendLoad &b = rule.backends[index];
    ++b.requests;
    ++b.byClass[std::size_t(Metrics::statusClassOf(status))];
    b.latency.record(latencyMicros);
}

void LoadRun::finishReport()
{
    for (std::size_t r = 0; r < m_report.rules.size(); ++r) {
        RuleLoad &rule = m_report.rules[r];
        const Metrics::RuleSplit &split = m_splits[r];
        rule.backends.resize(split.backends.size());
        rule.unattributed = split.unattributed;
        for (std::size_t i = 0; i < split.backends.size(); ++i) {
            BackendLoad &b = rule.backends[i];
            const auto slash = split.backends[i].find('/');
            b.ns = split.backends[i].substr(0, slash);
            b.service = split.backends[i].substr(slash + 1);
            b.share = split.share(i);
            b.configuredShare = split.configuredShare(i);
            b.errors = b.byClass[0] + b.byClass[4] + b.byClass[5];
        }
        rule.weightTest =
            Metrics::chiSquareGoodnessOfFit(split.observed, split.weights, m_options.alpha);
    }
}

const char *toString(BackendSource source)
{
    return source == BackendSource::GatewayEvents ? "gateway-events" : "echo-body";
}

const char *toString(TimelineEvent::Kind kind)
{
    switch (kind) {
    case TimelineEvent::Kind::Step:
        return "step";
    case TimelineEvent::Kind::Rollback:
        return "rollback";
    case TimelineEvent::Kind::Failed:
        return "failed";
    }
    return "?";
}

bool LoadRun::prepareScenario(QString *error)
{
    Scenarios::ScenarioParseResult parsed =
        Scenarios::readTrafficScenarioFile(m_options.scenarioFile);
    m_diagnostics.insert(m_diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    const QString file = QString::fromStdString(m_options.scenarioFile);
    if (!parsed.ok()) {
        *error = QCoreApplication::translate("toriictl", "the scenario %1 has errors").arg(file);
        return false;
    }
    // Every name must exist now: a typo found at 90 s into a run wastes the run.
    const auto &resources = m_status.resources;
    for (const Scenarios::TimelineStep &step : parsed.scenario.steps) {
        QString problem;
        if (step.weights && Scenarios::resolveRuleIndex(resources, step.weights->rule) < 0) {
            problem = QString::fromStdString(step.weights->rule.toString());
        } else if (step.behaviour) {
            const std::string key = step.behaviour->serviceNs + '/' + step.behaviour->serviceName;
            const Backends::MockService *service = m_gateways.mockService(key);
            if (!service || step.behaviour->replica >= service->replicaCount()) {
                problem = QString::fromStdString(key);
            }
        }
        if (!problem.isEmpty()) {
            //: %1 is the scenario file, %2 a line, %3 a route rule or a Service
            *error = QCoreApplication::translate(
                         "toriictl", "%1:%2: %3 is not in the design (or has no mock backend)")
                         .arg(file)
                         .arg(step.line)
                         .arg(problem);
            return false;
        }
    }
    if (parsed.scenario.rollback) {
        const Scenarios::RollbackRule &rule = *parsed.scenario.rollback;
        const int index = Scenarios::resolveRuleIndex(resources, rule.rule);
        if (index < 0) {
            *error = QCoreApplication::translate("toriictl", "%1: %2 is not in the design")
                         .arg(file, QString::fromStdString(rule.rule.toString()));
            return false;
        }
        m_rollback = std::make_unique<Scenarios::RollbackWatch>(rule);
        m_rollback->setRuleIndex(index);
    }
    m_scenario = std::move(parsed.scenario);
    m_report.scenario = true;
    return true;
}

void LoadRun::advanceScenario(std::int64_t nowMicros)
{
    while (m_nextStep < m_scenario->steps.size() &&
           std::int64_t(m_scenario->steps[m_nextStep].at.count()) * 1000 <= nowMicros) {
        applyStep(m_scenario->steps[m_nextStep++], nowMicros);
    }
}

void LoadRun::applyStep(const Scenarios::TimelineStep &step, std::int64_t nowMicros)
{
    TimelineEvent event;
    event.atSeconds = double(nowMicros) / 1e6;
    event.dueSeconds = double(step.at.count()) / 1e3;
    event.what = step.describe();
    std::string why;
    if (step.weights) {
        if (Scenarios::applyWeights(m_status.resources, *step.weights, &why)) {
            reconcileAndSwap(&why);
        }
    } else if (step.behaviour) {
        const Scenarios::BehaviourChange &change = *step.behaviour;
        const std::string key = change.serviceNs + '/' + change.serviceName;
        Backends::MockService *service = m_gateways.mockService(key);
        if (!service) {
            why = "no mock backend for " + key;
        } else {
            std::uint64_t &base = m_behaviourSeeds[key];
            if (change.patch.seed) {
                base = *change.patch.seed;
            } else if (base == 0) {
                base = m_options.gatewaySeed ? m_options.gatewaySeed : 1;
            }
            for (int i = 0; i < service->replicaCount(); ++i) {
                if (change.replica >= 0 && change.replica != i) {
                    continue;
                }
                Backends::BackendBehaviour b = service->endpoint(i).behaviour();
                change.patch.applyTo(b);
                // Each replica its own stream, the same on every run with the same seed.
                b.seed =
                    base * 0x9E3779B97F4A7C15ULL + std::hash<std::string>{}(key) + std::uint64_t(i);
                const QString error = service->setEndpointBehaviour(i, b);
                if (!error.isEmpty() && why.empty()) {
                    why = error.toStdString();
                }
            }
        }
    }
    if (!why.empty()) {
        event.kind = TimelineEvent::Kind::Failed;
        event.reason = why;
    }
    addEvent(std::move(event));
}

void LoadRun::rollBack(const std::string &reason, std::int64_t nowMicros)
{
    const Scenarios::RollbackRule &rule = m_rollback->rule();
    Scenarios::WeightChange change;
    change.rule = rule.rule;
    change.backends.emplace_back(rule.backendName, 0);
    TimelineEvent event;
    event.kind = TimelineEvent::Kind::Rollback;
    event.atSeconds = double(nowMicros) / 1e6;
    event.dueSeconds = event.atSeconds;
    event.what = "weight of " + rule.backendKey() + " in " + rule.rule.toString() + " set to 0";
    event.reason = reason;
    std::string why;
    if (!Scenarios::applyWeights(m_status.resources, change, &why) || !reconcileAndSwap(&why)) {
        event.kind = TimelineEvent::Kind::Failed;
        event.reason = reason + "; not applied: " + why;
    }
    addEvent(std::move(event));
}

bool LoadRun::reconcileAndSwap(std::string *why)
{
    m_status.controller = Controller::reconcile(m_status.resources, m_options.controller);
    const Tls::SigpipeBlock noSigpipe; // for the workers of a restarted gateway (see prepare)
    return m_gateways.update(m_status.resources, m_status.controller, m_local, nullptr, why);
}

void LoadRun::addEvent(TimelineEvent event)
{
    m_report.timeline.push_back(std::move(event));
    if (m_onTimeline) {
        m_onTimeline(m_report.timeline.back());
    }
}

} // namespace Torii::Runtime
