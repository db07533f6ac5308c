#include "serve_session.h"

#include "simulator/backends/mock_service.h"

#include <algorithm>
#include <set>

namespace Torii::Runtime {

namespace RT = Torii::RouteTable;

namespace {

int replicasFor(const StatusRun &run, const std::string &ns, const std::string &service)
{
    // The Deployment that stands behind the Service: same namespace and name, as the demo and
    // the conformance manifests name them. Without one, a single endpoint.
    for (const Model::Resource &r : run.resources) {
        if (r.kind == "Deployment" && r.name == service && (r.ns.empty() ? "default" : r.ns) == ns) {
            const Model::Node &replicas = r.object["spec"]["replicas"];
            return replicas.isInt() ? static_cast<int>(std::max<std::int64_t>(0, replicas.asInt())) : 1;
        }
    }
    return 1;
}

quint16 localPortFor(int gatewayPort, bool anyPort)
{
    if (anyPort) {
        return 0;
    }
    return static_cast<quint16>(gatewayPort < 1024 ? gatewayPort + 10000 : gatewayPort);
}

} // namespace

ServeSession::ServeSession() = default;

ServeSession::~ServeSession()
{
    stop();
}

void ServeSession::startBackends(const ServeOptions &options, Proxy::EndpointMap &endpoints)
{
    std::set<std::tuple<std::string, std::string, int>> wanted;
    for (const auto &[gateway, table] : m_status.controller.routeTables) {
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
        const std::string key = ns + '/' + service;
        if (auto real = options.realBackends.find(key); real != options.realBackends.end()) {
            endpoints[Proxy::endpointKey(ns, service, port)] = {real->second};
            continue;
        }
        Backends::MockService *mock = nullptr;
        if (auto it = started.find({ns, service}); it != started.end()) {
            mock = it->second;
        } else {
            auto created = std::make_unique<Backends::MockService>(
                QString::fromStdString(ns), QString::fromStdString(service),
                replicasFor(m_status, ns, service));
            if (!created->start().ok()) {
                continue; // no endpoint: the gateway answers 503 for this backend, saying so
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

bool ServeSession::start(const std::vector<std::string> &paths, const ServeOptions &options,
                         QString *error)
{
    m_status = computeStatus(paths, options.controller);
    if (m_status.unreadable) {
        *error = QStringLiteral("the input could not be read");
        return false;
    }
    Proxy::EndpointMap endpoints;
    startBackends(options, endpoints);
    for (const auto &[gatewayName, table] : m_status.controller.routeTables) {
        Proxy::GatewayConfig config;
        std::vector<ServedListener> served;
        for (int port : table->ports()) {
            const auto view = table->listener(port);
            ServedListener listener;
            listener.gateway = gatewayName;
            listener.port = port;
            listener.protocol = view->protocol;
            for (const auto &host : view->hosts) {
                const bool servesBackends = std::any_of(
                    host.routes.begin(), host.routes.end(),
                    [](const RT::HttpRoute *r) { return !r->backends.empty(); });
                if (servesBackends && listener.exampleHost.empty()) {
                    listener.exampleHost = host.hostname.rfind("*.", 0) == 0
                                               ? "www" + host.hostname.substr(1)
                                               : (host.hostname == "*" ? "" : host.hostname);
                }
            }
            if (view->protocol == RT::ListenerProtocol::HTTP) {
                config.listeners.push_back({port, "127.0.0.1", localPortFor(port, options.anyPort)});
            }
            served.push_back(std::move(listener));
        }
        if (config.listeners.empty()) {
            m_listeners.insert(m_listeners.end(), served.begin(), served.end());
            continue;
        }
        config.onEvent = [this](const Proxy::RequestEvent &event) {
            std::lock_guard lock(m_summaryMutex);
            ++m_summary.requests;
            ++m_summary.byStatus[event.status];
            ++m_summary.byBackend[event.localAnswer || event.backend.empty() ? std::string("(gateway)")
                                                                              : event.backend];
        };
        auto gateway = std::make_unique<Proxy::Gateway>(std::move(config));
        gateway->setRouteTable(table);
        gateway->setEndpoints(endpoints);
        std::string why;
        if (!gateway->start(&why)) {
            *error = QStringLiteral("Gateway %1: %2").arg(QString::fromStdString(gatewayName),
                                                          QString::fromStdString(why));
            stop();
            return false;
        }
        for (ServedListener &listener : served) {
            if (auto it = gateway->boundPorts().find(listener.port);
                it != gateway->boundPorts().end()
                && listener.protocol == RT::ListenerProtocol::HTTP) {
                listener.localPort = it->second;
            }
        }
        m_listeners.insert(m_listeners.end(), served.begin(), served.end());
        m_gateways.push_back(std::move(gateway));
    }
    if (m_gateways.empty()) {
        *error = QStringLiteral("no Gateway has an accepted HTTP listener to serve");
        stop();
        return false;
    }
    return true;
}

void ServeSession::stop()
{
    for (auto &gateway : m_gateways) {
        gateway->stop();
    }
    m_gateways.clear();
    for (auto &service : m_services) {
        service->stop();
    }
    m_services.clear();
}

TrafficSummary ServeSession::summary() const
{
    std::lock_guard lock(m_summaryMutex);
    return m_summary;
}

} // namespace Torii::Runtime
