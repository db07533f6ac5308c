#include "serve_session.h"

#include <algorithm>
#include <map>
#include <set>

namespace Torii::Runtime {

namespace RT = Torii::RouteTable;

namespace {

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

// Adds a Service for every backendRef (core group, kind Service) of a route whose Service is not
// among `resources`, with the ports the routes name. Returns their "namespace/name".
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
        if (r.group() != "gateway.networking.k8s.io" || r.kind.size() < 5
            || r.kind.compare(r.kind.size() - 5, 5, "Route") != 0) {
            continue;
        }
        const std::string routeNs = r.ns.empty() ? "default" : r.ns;
        for (const Node &rule : r.object["spec"]["rules"].items()) {
            for (const Node &ref : rule["backendRefs"].items()) {
                const bool service = (!ref.has("group") || ref["group"].asString().empty())
                                     && (!ref.has("kind") || ref["kind"].asString() == "Service");
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

} // namespace

ServeSession::ServeSession() = default;

ServeSession::~ServeSession()
{
    stop();
}

bool ServeSession::start(const std::vector<std::string> &paths, const ServeOptions &options,
                         QString *error)
{
    m_implicitServices.clear();
    m_status = computeStatus(paths, options.controller, [&](std::vector<Model::Resource> &all) {
        if (options.implicitServices) {
            m_implicitServices = addImplicitServices(all);
        }
    });
    if (m_status.unreadable) {
        *error = QStringLiteral("the input could not be read");
        return false;
    }
    LocalGatewayOptions local;
    local.anyPort = options.anyPort;
    local.realBackends = options.realBackends;
    local.onEvent = [this](const Proxy::RequestEvent &event) {
        std::lock_guard lock(m_summaryMutex);
        ++m_summary.requests;
        ++m_summary.byStatus[event.status];
        ++m_summary.byBackend[event.localAnswer || event.backend.empty() ? std::string("(gateway)")
                                                                          : event.backend];
    };
    std::string why;
    if (!m_gateways.start(m_status.resources, m_status.controller, local, &why)) {
        *error = QString::fromStdString(why);
        return false;
    }
    if (!m_gateways.servesAnything()) {
        *error = QStringLiteral("no Gateway has an accepted HTTP listener to serve");
        return false;
    }
    for (const auto &[gatewayName, table] : m_status.controller.routeTables) {
        for (int port : table->ports()) {
            const auto view = table->listener(port);
            ServedListener listener;
            listener.gateway = gatewayName;
            listener.port = port;
            listener.protocol = view->protocol;
            listener.exampleHost = exampleHost(*view);
            listener.localPort = m_gateways.localPort(gatewayName, port).value_or(0);
            m_listeners.push_back(std::move(listener));
        }
    }
    return true;
}

void ServeSession::stop()
{
    m_gateways.stop();
}

TrafficSummary ServeSession::summary() const
{
    std::lock_guard lock(m_summaryMutex);
    return m_summary;
}

} // namespace Torii::Runtime
