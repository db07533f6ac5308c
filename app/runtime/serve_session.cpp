#include "serve_session.h"

#include "engine/validation/validator.h"
#include "engine/workspace/studio_settings.h"

#include <QtCore/QFileInfo>

#include <algorithm>
#include <map>
#include <set>

namespace Torii::Runtime {

namespace RT = Torii::RouteTable;

namespace {
const std::string kGatewayAnswers = "(gateway)"; // the summary's key for local answers

// A host name one of the listener's routes answers with a backend, for the curl line.
std::string exampleHost(const RT::RouteTable::ListenerView &view)
{
    for (const auto &host : view.hosts) {
        const bool servesBackends =
            std::any_of(host.routes.begin(), host.routes.end(),
                        [](const RT::HttpRoute *r) { return !r->backends.empty(); });
        if (servesBackends) {
            if (host.hostname.rfind("*.", 0) == 0) {
                return "www" + host.hostname.substr(1);
            }
            return host.hostname == "*" ? std::string() : host.hostname;
        }
    }
    return {};
}

// "/<service>/<method>" for the curl line of a listener only GRPCRoutes send to backends: the
// first such row's exact method match, the parts it leaves open filled with the echo backend's
// own (gateway_api_conformance.echo_basic.grpcecho.GrpcEcho, Echo). Empty otherwise.
std::string grpcExamplePath(const RT::RouteTable::ListenerView &view)
{
    const RT::HttpRoute *grpc = nullptr;
    for (const auto &host : view.hosts) {
        for (const RT::HttpRoute *r : host.routes) {
            if (r->backends.empty()) {
                continue;
            }
            if (r->source.kind != "GRPCRoute") {
                return {}; // an HTTPRoute answers the plain curl line
            }
            grpc = grpc ? grpc : r;
        }
    }
    if (grpc == nullptr) {
        return {};
    }
    std::string service = "gateway_api_conformance.echo_basic.grpcecho.GrpcEcho";
    std::string method = "Echo";
    if (const auto &m = grpc->match.grpcMethod; m && m->type == RT::StringMatchType::Exact) {
        service = m->service.empty() ? service : m->service;
        method = m->method.empty() ? method : m->method;
    }
    return '/' + service + '/' + method;
}

} // namespace

std::vector<std::string> addImplicitServices(std::vector<Model::Resource> &resources)
{
    using Model::Node;
    std::set<std::string> existing;
    for (const Model::Resource &r : resources) {
        if (r.kind == "Service" && r.group().empty()) {
            existing.insert((r.ns.empty() ? "default" : r.ns) + '/' + r.name);
        }
    }
    std::map<std::string, std::set<std::int64_t>> wanted; // ns/name → ports
    for (const Model::Resource &r : resources) {
        if (r.group() != "gateway.networking.k8s.io" || r.kind.size() < 5 ||
            r.kind.compare(r.kind.size() - 5, 5, "Route") != 0) {
            continue;
        }
        const std::string routeNs = r.ns.empty() ? "default" : r.ns;
        for (const Node &rule : r.object["spec"]["rules"].items()) {
            for (const Node &ref : rule["backendRefs"].items()) {
                const bool service = (!ref.has("group") || ref["group"].asString().empty()) &&
                                     (!ref.has("kind") || ref["kind"].asString() == "Service");
                if (!service || !ref["name"].isString() || !ref["port"].isInt()) {
                    continue;
                }
                const std::string ns =
                    ref["namespace"].isString() ? ref["namespace"].str() : routeNs;
                const std::string key = ns + '/' + ref["name"].str();
                if (!existing.count(key)) {
                    wanted[key].insert(ref["port"].asInt());
                }
            }
        }
    }
    std::vector<std::string> added;
    for (const auto &[key, ports] : wanted) {
        const auto slash = key.find('/');
        Node object = Node::map();
        object.set("apiVersion", Node::string("v1"));
        object.set("kind", Node::string("Service"));
        Node metadata = Node::map();
        metadata.set("name", Node::string(key.substr(slash + 1)));
        metadata.set("namespace", Node::string(key.substr(0, slash)));
        Node annotations = Node::map();
        annotations.set("torii.dev/implicit-service", Node::string("true"));
        metadata.set("annotations", std::move(annotations));
        object.set("metadata", std::move(metadata));
        Node portList = Node::list();
        for (std::int64_t port : ports) {
            Node p = Node::map();
            p.set("port", Node::integer(port));
            portList.append(std::move(p));
        }
        Node spec = Node::map();
        spec.set("ports", std::move(portList));
        object.set("spec", std::move(spec));
        resources.push_back(Model::makeResource(std::move(object), {"<implicit>", -1, -1, {}}));
        added.push_back(key);
    }
    return added;
}

namespace {

// A design's reading and validation errors, without their positions: an error that only moved
// (a line added above it) is the same error.
std::set<std::string> errorKeys(const StatusRun &run, Core::Diagnostics *errors)
{
    std::set<std::string> keys;
    Core::Diagnostics all = run.diagnostics;
    for (Core::Diagnostic &d : Validation::validateAll(run.resources)) {
        all.push_back(std::move(d));
    }
    for (Core::Diagnostic &d : all) {
        if (!d.isError() || d.code.rfind("controller.", 0) == 0) {
            continue;
        }
        keys.insert(d.file + '\n' + d.code + '\n' + d.fieldPath + '\n' + d.message);
        if (errors) {
            errors->push_back(std::move(d));
        }
    }
    return keys;
}

// Route objects by "Kind namespace/name" → their spec, to say what a reload changed.
std::map<std::string, Model::Node> routeSpecs(const std::vector<Model::Resource> &resources)
{
    std::map<std::string, Model::Node> routes;
    for (const Model::Resource &r : resources) {
        if (r.group() == "gateway.networking.k8s.io" && r.kind.size() > 5 &&
            r.kind.compare(r.kind.size() - 5, 5, "Route") == 0) {
            routes[r.kind + ' ' + (r.ns.empty() ? "default" : r.ns) + '/' + r.name] =
                r.object["spec"];
        }
    }
    return routes;
}

} // namespace

ServeSession::ServeSession() = default;

ServeSession::~ServeSession()
{
    stop();
}

StatusRun ServeSession::load(std::vector<std::string> &implicitServices) const
{
    implicitServices.clear();
    return computeStatus(m_paths, m_options.controller, [&](std::vector<Model::Resource> &all) {
        if (m_options.implicitServices) {
            implicitServices = addImplicitServices(all);
        }
    });
}

LocalGatewayOptions ServeSession::localOptions()
{
    LocalGatewayOptions local;
    local.anyPort = m_options.anyPort;
    local.portMap = m_options.portMap;
    local.bindAddress = m_options.bindAddress;
    local.limits = m_options.limits;
    local.headerTimeout = m_options.headerTimeout;
    local.workers = m_options.workers;
    local.realBackends = m_options.realBackends;
    local.developmentCa = m_developmentCa;
    local.onEvent = [this](const Proxy::RequestEvent &event) { count(event); };
    return local;
}

bool ServeSession::start(const std::vector<std::string> &paths, const ServeOptions &options,
                         QString *error)
{
    m_paths = paths;
    m_options = options;
    // A served folder's studio settings (torii.yaml) give their port map; the caller's wins.
    Core::Diagnostics settingsDiagnostics;
    for (const std::string &path : paths) {
        const QString folder = QString::fromStdString(path);
        if (!QFileInfo(folder).isDir()) {
            continue;
        }
        Workspace::StudioSettingsRead settings =
            Workspace::readStudioSettings(Workspace::studioSettingsPath(folder));
        for (const Workspace::PortOverride &p : settings.settings.ports) {
            m_options.portMap.emplace(std::pair{p.gateway, p.port}, quint16(p.localPort));
        }
        settingsDiagnostics.insert(settingsDiagnostics.end(), settings.diagnostics.begin(),
                                   settings.diagnostics.end());
    }
    m_status = load(m_implicitServices);
    m_status.diagnostics.insert(m_status.diagnostics.end(), settingsDiagnostics.begin(),
                                settingsDiagnostics.end());
    if (m_status.unreadable) {
        *error = QStringLiteral("the input could not be read");
        return false;
    }
    const auto cancelled = [&] {
        if (m_options.cancel && m_options.cancel->load()) {
            *error = QStringLiteral("cancelled");
            return true;
        }
        return false;
    };
    if (cancelled()) {
        return false;
    }
    if (m_options.reloadable) {
        m_errors = errorKeys(m_status, nullptr);
    }
    m_developmentCa.reset();
    if (m_options.developmentCa) {
        Core::Text problem;
        m_developmentCa = Tls::DevelopmentCa::open(developmentCaFolderFor(m_paths), &problem);
        if (!m_developmentCa) {
            *error = QString::fromStdString(problem.localized());
            return false;
        }
    }
    if (cancelled()) {
        return false;
    }
    std::string why;
    if (!m_gateways.start(m_status.resources, m_status.controller, localOptions(), &why)) {
        *error = QString::fromStdString(why);
        return false;
    }
    if (cancelled()) {
        m_gateways.stop(); // the ports bound meanwhile are free again when start() returns
        return false;
    }
    if (!m_gateways.servesAnything()) {
        *error = QStringLiteral("no Gateway has an accepted HTTP listener, or an HTTPS listener "
                                "with a usable certificate, to serve (--dev-ca serves HTTPS "
                                "listeners without one)");
        return false;
    }
    listListeners();
    return true;
}

ReloadReport ServeSession::reload()
{
    ReloadReport report;
    std::vector<std::string> implicitServices;
    StatusRun next = load(implicitServices);
    Core::Diagnostics errors;
    const std::set<std::string> nextErrors = errorKeys(next, &errors);
    std::erase_if(errors, [&](const Core::Diagnostic &d) {
        return m_errors.count(d.file + '\n' + d.code + '\n' + d.fieldPath + '\n' + d.message) > 0;
    });
    if (next.unreadable || !errors.empty()) {
        report.outcome = ReloadReport::Outcome::Rejected;
        report.diagnostics = std::move(errors);
        return report;
    }

    const auto before = routeSpecs(m_status.resources);
    const auto after = routeSpecs(next.resources);
    for (const auto &[name, spec] : after) {
        const auto old = before.find(name);
        if (old == before.end()) {
            report.routesAdded.push_back(name);
        } else if (!(old->second == spec)) {
            report.routesChanged.push_back(name);
        }
    }
    for (const auto &[name, spec] : before) {
        if (!after.count(name)) {
            report.routesRemoved.push_back(name);
        }
    }

    const bool sameObjects =
        next.resources.size() == m_status.resources.size() &&
        std::equal(next.resources.begin(), next.resources.end(), m_status.resources.begin(),
                   [](const Model::Resource &a, const Model::Resource &b) {
                       return a.object == b.object;
                   });
    m_status = std::move(next);
    m_errors = nextErrors;
    m_implicitServices = std::move(implicitServices);
    if (sameObjects) {
        return report; // Unchanged: a save without an edit, or a touch
    }
    report.outcome = ReloadReport::Outcome::Applied;
    if (!m_gateways.update(m_status.resources, m_status.controller, localOptions(),
                           &report.gateways, &report.error)) {
        // Reported; the gateways that could be updated were.
    }
    listListeners();
    return report;
}

bool ServeSession::applyResources(std::vector<Model::Resource> resources, std::string *error)
{
    m_status.controller = Controller::reconcile(resources, m_options.controller);
    m_status.resources = std::move(resources);
    const bool ok = m_gateways.update(m_status.resources, m_status.controller, localOptions(),
                                      nullptr, error);
    listListeners();
    return ok;
}

void ServeSession::listListeners()
{
    m_listeners.clear();
    for (const auto &[gatewayName, table] : m_status.controller.routeTables) {
        for (int port : table->ports()) {
            const auto view = table->listener(port);
            ServedListener listener;
            listener.gateway = gatewayName;
            listener.port = port;
            listener.protocol = view->protocol;
            listener.exampleHost = exampleHost(*view);
            listener.grpcExamplePath = grpcExamplePath(*view);
            listener.localPort = m_gateways.localPort(gatewayName, port).value_or(0);
            m_listeners.push_back(std::move(listener));
        }
    }
}

void ServeSession::stop()
{
    m_gateways.stop();
}

void ServeSession::count(const Proxy::RequestEvent &event)
{
    static constexpr std::string_view kStreamKinds[] = {"TCP", "TLS", "UDP"};
    std::lock_guard lock(m_summaryMutex);
    ++m_tally.requests;
    int stream = -1;
    if (event.method.size() == 3) {
        for (int i = 0; i < 3; ++i) {
            if (event.method == kStreamKinds[i]) {
                stream = i;
            }
        }
    }
    if (stream >= 0) {
        ++m_tally.byStream[std::size_t(stream)]; // an L4 connection or flow has no status
    } else if (event.status >= 0 && event.status < int(m_tally.byStatus.size())) {
        ++m_tally.byStatus[std::size_t(event.status)];
    } else {
        ++m_tally.otherStatus[event.status];
    }
    // No temporary string per request: the common key is found in place.
    const bool gateway = event.localAnswer || event.backend.empty();
    const std::string &backend = gateway ? kGatewayAnswers : event.backend;
    auto it = m_tally.byBackend.find(backend);
    if (it == m_tally.byBackend.end()) {
        it = m_tally.byBackend.emplace(backend, 0).first;
    }
    ++it->second;
}

TrafficSummary ServeSession::summary() const
{
    static constexpr const char *kStreamKinds[] = {"TCP", "TLS", "UDP"};
    std::lock_guard lock(m_summaryMutex);
    TrafficSummary summary;
    summary.requests = m_tally.requests;
    for (std::size_t status = 0; status < m_tally.byStatus.size(); ++status) {
        if (m_tally.byStatus[status] > 0) {
            summary.byStatus[int(status)] = m_tally.byStatus[status];
        }
    }
    for (const auto &[status, count] : m_tally.otherStatus) {
        summary.byStatus[status] += count;
    }
    for (std::size_t i = 0; i < m_tally.byStream.size(); ++i) {
        if (m_tally.byStream[i] > 0) {
            summary.byStream[kStreamKinds[i]] = m_tally.byStream[i];
        }
    }
    summary.byBackend.insert(m_tally.byBackend.begin(), m_tally.byBackend.end());
    return summary;
}

} // namespace Torii::Runtime
