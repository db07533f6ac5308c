#include "load_run.h"

#include "app/runtime/serve_session.h"
#include "simulator/backends/mock_service.h"
#include "simulator/traffic/default_mix.h"

#include <QtCore/QCoreApplication>

#include <algorithm>
#include <set>

namespace Torii::Runtime {

namespace RT = Torii::RouteTable;

namespace {

// The Gateway a template's listener names: by namespace and name, or (unnamed) the first whose
// tables hold that port as an HTTP listener.
const std::pair<const std::string, std::shared_ptr<const RT::RouteTable>> *
gatewayFor(const Controller::ControllerResult &computed, const Traffic::ListenerRef &ref)
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
                entry.second->listener(port)->protocol == RT::ListenerProtocol::HTTP) {
                return &entry;
            }
        }
    }
    return nullptr;
}

int firstHttpPort(const RT::RouteTable &table, int wanted)
{
    for (int port : table.ports()) {
        if ((wanted == 0 || wanted == port) &&
            table.listener(port)->protocol == RT::ListenerProtocol::HTTP) {
            return port;
        }
    }
    return 0;
}

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
        if (m_mix.templates.empty()) {
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
    if (!options.target) {
        LocalGatewayOptions local;
        local.anyPort = true; // never collide with a `toriictl serve` already running
        local.randomSeed = options.gatewaySeed;
        m_local = local;
        std::string why;
        if (!m_gateways.start(m_status.resources, m_status.controller, local, &why)) {
            *error = QString::fromStdString(why);
            return false;
        }
    }
    if (!options.scenarioFile.empty() && !prepareScenario(error)) {
        return false;
    }

    const bool keepAlive = options.generator.keepAlive;
    for (const Traffic::RequestTemplate &t : m_mix.templates) {
        m_report.templates.push_back(t.name);
        const auto *gateway = gatewayFor(m_status.controller, t.listener);
        TemplateRoute route;
        Traffic::PreparedRequest request;
        request.method = t.method;
        request.weight = t.weight;
        int port = 0;
        if (gateway) {
            port = firstHttpPort(*gateway->second, t.listener.port);
            route.listener = gateway->first + ':' + std::to_string(port);
        }
        if (options.target) {
            request.address = options.target->first;
            request.port = options.target->second;
        } else if (gateway) {
            request.port = m_gateways.localPort(gateway->first, port).value_or(0);
        }
        if (request.port == 0) {
            *error = QCoreApplication::translate(
                         "toriictl", "no served HTTP listener matches %1 of the request \"%2\"")
                         .arg(QString::fromStdString(t.listener.toString()),
                              QString::fromStdString(t.name));
            return false;
        }
        std::string host = t.host;
        if (host.empty()) {
            host = "any.torii.invalid";
        }
        request.wire = Traffic::serializeRequest(t.method, host, t.path, t.headers, t.cookies,
                                                 t.body, keepAlive);
        route.rule = gateway ? ruleFor(t, gateway->first, port) : -1;
        if (route.rule >= 0) {
            const RuleLoad &r = m_report.rules[std::size_t(route.rule)];
            route.route = r.kind.empty() ? std::string() : r.kind + ' ' + r.ns + '/' + r.name;
        }
        m_requests.push_back(std::move(request));
        m_routes.push_back(std::move(route));
    }
    return true;
}

RT::Request routeRequestOf(const Traffic::RequestTemplate &t)
{
    RT::Request request;
    request.method = t.method;
    request.host = t.host;
    request.path = t.path;
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
    Metrics::RuleSplit split;
    split.rule = rule.key;
    if (match.route) {
        for (const RT::Backend &b : match.route->backends) {
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
    Traffic::GeneratorOptions generator = m_options.generator;
    generator.readEchoIdentity = true;
    m_generator = std::make_unique<Traffic::LoadGenerator>(m_requests, generator);
    std::int64_t lastDone = 0;
    std::string why;
    if (m_scenario) {
        advanceScenario(0); // the steps at 0 s, before the first request
    }
    const bool ok = m_generator->run(
        [&](const Traffic::Outcome &o) {
            lastDone = std::max(lastDone, o.doneMicros);
            record(o);
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
    if (!o.echoPod.empty()) {
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
        Metrics::RuleSplit &split = m_splits[std::size_t(route.rule)];
        sample.rule = rule.key;
        ++rule.requests;
        ++rule.byClass[std::size_t(cls)];
        rule.latency.record(o.latencyMicros);
        split.observe(sample.backend);
        if (m_rollback && !m_rollback->fired()) {
            if (auto reason = m_rollback->observe(o.doneMicros, sample.rule, sample.backend,
                                                  o.status, o.latencyMicros)) {
                rollBack(*reason, o.doneMicros);
            }
        }
        if (!sample.backend.empty()) {
            const std::size_t index = split.addBackend(sample.backend, 0.0);
            if (rule.backends.size() <= index) {
                rule.backends.resize(index + 1);
            }
            BackendLoad &b = rule.backends[index];
            ++b.requests;
            ++b.byClass[std::size_t(cls)];
            b.latency.record(o.latencyMicros);
        }
    }
    m_report.series.record(sample);
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
