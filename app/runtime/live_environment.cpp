#include "live_environment.h"

#include "simulator/backends/mock_service.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace Torii::Runtime {

namespace RT = Torii::RouteTable;

namespace {

// The Deployment of the same namespace and name stands behind a Service (as in ServeSession);
// without one, a single endpoint.
int replicasFor(const std::vector<Model::Resource> &resources, const std::string &ns,
                const std::string &service)
{
    for (const Model::Resource &r : resources) {
        if (r.kind == "Deployment" && r.name == service &&
            (r.ns.empty() ? "default" : r.ns) == ns) {
            const Model::Node &replicas = r.object["spec"]["replicas"];
            return replicas.isInt()
                       ? static_cast<int>(std::max<std::int64_t>(0, replicas.asInt()))
                       : 1;
        }
    }
    return 1;
}

} // namespace

LiveEnvironment::LiveEnvironment() = default;

LiveEnvironment::~LiveEnvironment()
{
    stop();
}

void LiveEnvironment::startBackends(const std::vector<Model::Resource> &resources,
                                    const Controller::ControllerResult &computed,
                                    Proxy::EndpointMap &endpoints)
{
    std::set<std::tuple<std::string, std::string, int>> wanted;
    for (const auto &[gateway, table] : computed.routeTables) {
        for (int port : table->ports()) {
            const auto view = table->listener(port);
            for (const auto &host : view->hosts) {
                for (const RT::HttpRoute *route : host.routes) {
                    for (const RT::Backend &b : route->backends) {
                        if (b.isValid()) {
                            wanted.insert({b.ns, b.service, b.port});
                        }
                    }
                }
            }
        }
    }
    std::map<std::pair<std::string, std::string>, Backends::MockService *> started;
    for (const auto &[ns, service, port] : wanted) {
        Backends::MockService *mock = nullptr;
        if (auto it = started.find({ns, service}); it != started.end()) {
            mock = it->second;
        } else {
            auto created = std::make_unique<Backends::MockService>(
                QString::fromStdString(ns), QString::fromStdString(service),
                replicasFor(resources, ns, service));
            if (!created->start().ok()) {
                continue; // no endpoint: the gateway answers 503 for it, which a test then sees
            }
            mock = created.get();
            started[{ns, service}] = mock;
            m_services.push_back(std::move(created));
        }
        std::vector<std::string> addresses;
        for (quint16 p : mock->ports()) {
            addresses.push_back("127.0.0.1:" + std::to_string(p));
        }
        endpoints[Proxy::endpointKey(ns, service, port)] = addresses;
    }
}

bool LiveEnvironment::start(const std::vector<Model::Resource> &resources,
                            const Controller::ControllerOptions &options, std::string *error)
{
    stop();
    const Controller::ControllerResult computed = Controller::reconcile(resources, options);
    Proxy::EndpointMap endpoints;
    startBackends(resources, computed, endpoints);
    for (const auto &[gatewayName, table] : computed.routeTables) {
        Proxy::GatewayConfig config;
        for (int port : table->ports()) {
            if (table->listener(port)->protocol == RT::ListenerProtocol::HTTP) {
                config.listeners.push_back({port, "127.0.0.1", 0});
            }
        }
        if (config.listeners.empty()) {
            continue;
        }
        auto gateway = std::make_unique<Proxy::Gateway>(std::move(config));
        gateway->setRouteTable(table);
        gateway->setEndpoints(endpoints);
        std::string why;
        if (!gateway->start(&why)) {
            *error = "Gateway " + gatewayName + ": " + why;
            stop();
            return false;
        }
        for (const auto &[listenerPort, local] : gateway->boundPorts()) {
            m_ports[{gatewayName, listenerPort}] = local;
        }
        m_gateways.push_back(std::move(gateway));
    }
    // No Gateway to serve is not an error here: each request then says which listener it missed.
    return true;
}

std::optional<quint16> LiveEnvironment::localPort(const std::string &gatewayNsName,
                                                  int listenerPort) const
{
    const auto it = m_ports.find({gatewayNsName, listenerPort});
    if (it == m_ports.end()) {
        return std::nullopt;
    }
    return it->second;
}

void LiveEnvironment::stop()
{
    for (auto &gateway : m_gateways) {
        gateway->stop();
    }
    m_gateways.clear();
    for (auto &service : m_services) {
        service->stop();
    }
    m_services.clear();
    m_ports.clear();
}

} // namespace Torii::Runtime
