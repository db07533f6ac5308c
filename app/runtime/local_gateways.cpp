#include "local_gateways.h"

#include "simulator/backends/mock_service.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace Torii::Runtime {

namespace RT = Torii::RouteTable;

namespace {

// The Deployment of the same namespace and name stands behind a Service, as the demo and the
// conformance manifests name them; without one, a single endpoint.
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

quint16 localPortFor(int listenerPort, bool anyPort)
{
    if (anyPort) {
        return 0;
    }
    return static_cast<quint16>(listenerPort < 1024 ? listenerPort + 10000 : listenerPort);
}

} // namespace

LocalGateways::LocalGateways() = default;

LocalGateways::~LocalGateways()
{
    stop();
}

void LocalGateways::startBackends(const std::vector<Model::Resource> &resources,
                                  const Controller::ControllerResult &computed,
                                  const LocalGatewayOptions &options,
                                  Proxy::EndpointMap &endpoints)
{
    std::set<std::tuple<std::string, std::string, int>> wanted;
    for (const auto &[gateway, table] : computed.routeTables) {
        for (int port : table->ports()) {
            const auto view = table->listener(port); // by value: keep it alive for the loop
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
        if (auto real = options.realBackends.find(ns + '/' + service);
            real != options.realBackends.end()) {
            endpoints[Proxy::endpointKey(ns, service, port)] = {real->second};
            continue;
        }
        Backends::MockService *mock = nullptr;
        if (auto it = started.find({ns, service}); it != started.end()) {
            mock = it->second;
        } else {
            auto created = std::make_unique<Backends::MockService>(
                QString::fromStdString(ns), QString::fromStdString(service),
                replicasFor(resources, ns, service));
            if (!created->start().ok()) {
                continue; // no endpoint: the gateway answers 503 for it, saying so
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

bool LocalGateways::start(const std::vector<Model::Resource> &resources,
                          const Controller::ControllerResult &computed,
                          const LocalGatewayOptions &options, std::string *error)
{
    stop();
    Proxy::EndpointMap endpoints;
    startBackends(resources, computed, options, endpoints);
    for (const auto &[gatewayName, table] : computed.routeTables) {
        Proxy::GatewayConfig config;
        for (int port : table->ports()) {
            if (table->listener(port)->protocol == RT::ListenerProtocol::HTTP) {
                config.listeners.push_back({port, "127.0.0.1", localPortFor(port, options.anyPort)});
            }
        }
        if (config.listeners.empty()) {
            continue;
        }
        config.onEvent = options.onEvent;
        auto gateway = std::make_unique<Proxy::Gateway>(std::move(config));
        gateway->setRouteTable(table);
        gateway->setEndpoints(endpoints);
        std::string why;
        if (!gateway->start(&why)) {
            if (error) {
                *error = "Gateway " + gatewayName + ": " + why;
            }
            stop();
            return false;
        }
        for (const auto &[listenerPort, local] : gateway->boundPorts()) {
            m_ports[{gatewayName, listenerPort}] = local;
        }
        m_gateways.push_back(std::move(gateway));
    }
    return true;
}

std::optional<quint16> LocalGateways::localPort(const std::string &gatewayNsName,
                                                int listenerPort) const
{
    const auto it = m_ports.find({gatewayNsName, listenerPort});
    if (it == m_ports.end()) {
        return std::nullopt;
    }
    return it->second;
}

void LocalGateways::stop()
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
