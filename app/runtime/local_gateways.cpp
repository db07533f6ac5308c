#include "local_gateways.h"

#include "backend_tls_backends.h"
#include "http_backends.h"
#include "stream_backends.h"

#include "simulator/backends/mock_service.h"
#include "simulator/backends/protocol_echo_service.h"
#include "simulator/backends/stream_echo_service.h"

#include <algorithm>
#include <random>
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
            return replicas.isInt() ? static_cast<int>(std::max<std::int64_t>(0, replicas.asInt()))
                                    : 1;
        }
    }
    return 1;
}

using BackendPort = std::tuple<std::string, std::string, int>; // namespace, Service, port

// Every valid backend of an HTTP-like row, with whether a GRPCRoute row sends to it.
std::map<BackendPort, bool> httpRouteBackends(const Controller::ControllerResult &computed)
{
    std::map<BackendPort, bool> out;
    for (const auto &[gateway, table] : computed.routeTables) {
        for (int port : table->ports()) {
            const auto view = table->listener(port);
            for (const auto &host : view->hosts) {
                for (const RT::HttpRoute *route : host.routes) {
                    for (const RT::Backend &b : route->backends) {
                        if (b.isValid() && !b.tls) {
                            bool &grpc = out[{b.ns, b.service, b.port}];
                            grpc = grpc || route->source.kind == "GRPCRoute";
                        }
                    }
                }
            }
        }
    }
    return out;
}

quint16 localPortFor(const std::string &gateway, int listenerPort,
                     const LocalGatewayOptions &options)
{
    if (auto it = options.portMap.find({gateway, listenerPort}); it != options.portMap.end()) {
        return it->second;
    }
    if (options.anyPort) {
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

std::vector<std::string> LocalGateways::startBackends(const std::vector<Model::Resource> &resources,
                                                      const Controller::ControllerResult &computed,
                                                      const LocalGatewayOptions &options,
                                                      Proxy::EndpointMap &endpoints,
                                                      LocalGatewaysChange *change)
{
    std::set<std::tuple<std::string, std::string, int>> wanted;
    for (const auto &[gateway, table] : computed.routeTables) {
        for (int port : table->ports()) {
            const auto view = table->listener(port); // by value: keep it alive for the loop
            for (const auto &host : view->hosts) {
                for (const RT::HttpRoute *route : host.routes) {
                    for (const RT::Backend &b : route->backends) {
                        if (b.isValid() && !b.tls) { // TLS ones: HTTPS echo, stream backends
                            wanted.insert({b.ns, b.service, b.port});
                        }
                    }
                    // RequestMirror targets (rule- and backendRef-level) need endpoints too.
                    auto addMirrors = [&wanted](const std::vector<RT::Filter> &filters) {
                        for (const RT::Filter &f : filters) {
                            if (f.type == RT::Filter::Type::RequestMirror && f.mirror.backend &&
                                f.mirror.backend->isValid()) {
                                const RT::Backend &m = *f.mirror.backend;
                                wanted.insert({m.ns, m.service, m.port});
                            }
                        }
                    };
                    addMirrors(route->filters);
                    for (const RT::Backend &b : route->backends) {
                        addMirrors(b.filters);
                    }
                }
            }
        }
    }
    const std::map<BackendPort, bool> routed = httpRouteBackends(computed);
    std::set<std::string> needed;
    for (const auto &[ns, service, port] : wanted) {
        const std::string key = ns + '/' + service;
        if (auto real = options.realBackends.find(key); real != options.realBackends.end()) {
            endpoints[Proxy::endpointKey(ns, service, port)] = {real->second};
            continue;
        }
        const auto grpc = routed.find({ns, service, port});
        if (httpBackendFor(resources, ns, service, port, grpc != routed.end() && grpc->second)
                .kind != HttpBackendKind::Http1) {
            continue; // gRPC or h2c pods: startProtocolBackends
        }
        needed.insert(key);
        const int replicas = replicasFor(resources, ns, service);
        auto running = m_services.find(key);
        if (running != m_services.end() && running->second.replicas != replicas) {
            // A changed replica count is a new set of pods; the old ones go after the swap.
            running = m_services.end();
        }
        Backends::MockService *mock = nullptr;
        if (running != m_services.end()) {
            mock = running->second.service.get();
        } else if (auto it = m_starting.find(key); it != m_starting.end()) {
            mock = it->second.service.get();
        } else {
            auto created = std::make_unique<Backends::MockService>(
                QString::fromStdString(ns), QString::fromStdString(service), replicas);
            if (!created->start().ok()) {
                continue; // no endpoint: the gateway answers 503 for it, saying so
            }
            mock = created.get();
            m_starting[key] = {std::move(created), replicas};
            if (change) {
                change->servicesStarted.push_back(key);
            }
        }
        std::vector<std::string> addresses;
        for (quint16 p : mock->ports()) {
            addresses.push_back("127.0.0.1:" + std::to_string(p));
        }
        endpoints[Proxy::endpointKey(ns, service, port)] = addresses;
    }
    std::vector<std::string> unneeded;
    for (const auto &[key, running] : m_services) {
        if (!needed.count(key) || m_starting.count(key)) {
            unneeded.push_back(key);
        }
    }
    return unneeded;
}

std::vector<std::string>
LocalGateways::startStreamBackends(const std::vector<Model::Resource> &resources,
                                   const Controller::ControllerResult &computed,
                                   const LocalGatewayOptions &options,
                                   Proxy::EndpointMap &endpoints, LocalGatewaysChange *change)
{
    struct Wanted
    {
        RT::ListenerProtocol protocol = RT::ListenerProtocol::TCP;
        bool passthrough = false;
        std::vector<std::string> hostnames; // the SNI names that reach it (passthrough)
        std::shared_ptr<const RT::BackendTls> backendTls; // HTTP through a BackendTLSPolicy
    };
    std::map<std::tuple<std::string, std::string, int>, Wanted> wanted;
    for (const auto &[gateway, table] : computed.routeTables) {
        for (int port : table->ports()) {
            const auto view = table->listener(port);
            const bool passthrough = view->protocol == RT::ListenerProtocol::TLS &&
                                     !m_tlsTerminate.count({gateway, port});
            for (const auto &host : view->hosts) {
                for (const RT::StreamRoute *route : host.streams) {
                    for (const RT::Backend &b : route->backends) {
                        if (!b.isValid()) {
                            continue;
                        }
                        Wanted fresh;
                        fresh.protocol = view->protocol;
                        Wanted &w = wanted.try_emplace(std::make_tuple(b.ns, b.service, b.port),
                                                       std::move(fresh))
                                        .first->second;
                        w.passthrough = w.passthrough || passthrough;
                        if (passthrough) {
                            w.hostnames.push_back(host.hostname);
                        }
                    }
                }
            }
        }
    }
    for (const auto &[target, tls] : backendTlsTargets(computed)) { // backend_tls_backends.h
        wanted.try_emplace(target, Wanted{RT::ListenerProtocol::HTTPS, false, {}, tls});
    }
    std::set<std::string> needed;
    for (const auto &[backend, want] : wanted) {
        const auto &[ns, service, port] = backend;
        const std::string endpointKey = Proxy::endpointKey(ns, service, port);
        if (auto real = options.realBackends.find(ns + '/' + service);
            real != options.realBackends.end()) {
            endpoints[endpointKey] = {real->second};
            continue;
        }
        const StreamBackendSpec spec =
            want.backendTls ? httpsBackendFor(resources, ns, service, *want.backendTls,
                                              options.developmentCa.get())
                            : streamBackendFor(resources, ns, service, port, want.protocol,
                                               want.passthrough, want.hostnames);
        if (want.backendTls && want.backendTls->systemTrust && options.developmentCa) {
            // The development CA stands in for a public CA towards this mock (gatewayConfigFor).
            const std::string &policy = want.backendTls->policy;
            if (std::find(m_systemTrustStandIns.begin(), m_systemTrustStandIns.end(), policy) ==
                m_systemTrustStandIns.end()) {
                m_systemTrustStandIns.push_back(policy);
            }
        }
        const std::string key = ns + '/' + service + ':' + std::to_string(port);
        // A self-signed certificate is new each time: its names identify it.
        std::string names;
        for (const std::string &h : want.hostnames) {
            names += h + ',';
        }
        if (want.backendTls) {
            names += want.backendTls->key; // the policy's settings decide the made certificate
        }
        const std::string identity = std::to_string(int(spec.kind)) + '/' +
                                     std::to_string(spec.replicas) + '/' +
                                     (spec.selfSigned ? "self-signed:" + names : spec.certificatePem);
        needed.insert(key);
        Backends::StreamEchoService *mock = nullptr;
        if (auto running = m_streamServices.find(key);
            running != m_streamServices.end() && running->second.identity == identity) {
            mock = running->second.service.get();
        } else {
            auto created = std::make_unique<Backends::StreamEchoService>(
                QString::fromStdString(ns), QString::fromStdString(service), spec.replicas,
                spec.kind, spec.certificatePem, spec.privateKeyPem);
            if (!created->start().empty()) {
                continue; // no endpoint: the gateway closes its connections
            }
            mock = created.get();
            m_streamStarting[key] = {std::move(created), identity};
            if (change) {
                change->servicesStarted.push_back(key);
            }
        }
        std::vector<std::string> addresses;
        for (quint16 p : mock->ports()) {
            addresses.push_back("127.0.0.1:" + std::to_string(p));
        }
        endpoints[endpointKey] = addresses;
    }
    std::vector<std::string> unneeded;
    for (const auto &[key, running] : m_streamServices) {
        if (!needed.count(key) || m_streamStarting.count(key)) {
            unneeded.push_back(key);
        }
    }
    return unneeded;
}

std::vector<std::string>
LocalGateways::startProtocolBackends(const std::vector<Model::Resource> &resources,
                                     const Controller::ControllerResult &computed,
                                     const LocalGatewayOptions &options,
                                     Proxy::EndpointMap &endpoints, LocalGatewaysChange *change)
{
    std::set<std::string> needed;
    for (const auto &[backend, grpcRouted] : httpRouteBackends(computed)) {
        const auto &[ns, service, port] = backend;
        if (options.realBackends.count(ns + '/' + service)) {
            continue; // startBackends points the gateway at the real app
        }
        const HttpBackendSpec spec = httpBackendFor(resources, ns, service, port, grpcRouted);
        if (spec.kind == HttpBackendKind::Http1) {
            continue;
        }
        const auto kind = spec.kind == HttpBackendKind::Grpc
                              ? Backends::ProtocolEchoService::Kind::Grpc
                              : Backends::ProtocolEchoService::Kind::H2c;
        const std::string key = ns + '/' + service + ':' + std::to_string(port);
        const std::string identity =
            std::to_string(int(kind)) + '/' + std::to_string(spec.replicas);
        Backends::ProtocolEchoService *mock = nullptr;
        if (auto running = m_protocolServices.find(key);
            running != m_protocolServices.end() && running->second.identity == identity) {
            mock = running->second.service.get();
        } else {
            auto created = std::make_unique<Backends::ProtocolEchoService>(
                QString::fromStdString(ns), QString::fromStdString(service), spec.replicas, kind);
            if (!created->start().empty()) {
                continue; // no endpoint: the gateway answers 503 for it, saying so
            }
            mock = created.get();
            m_protocolStarting[key] = {std::move(created), identity};
            if (change) {
                change->servicesStarted.push_back(key);
            }
        }
        needed.insert(key);
        std::vector<std::string> addresses;
        for (quint16 p : mock->ports()) {
            addresses.push_back("127.0.0.1:" + std::to_string(p));
        }
        endpoints[Proxy::endpointKey(ns, service, port)] = addresses;
    }
    std::vector<std::string> unneeded;
    for (const auto &[key, running] : m_protocolServices) {
        if (!needed.count(key) || m_protocolStarting.count(key)) {
            unneeded.push_back(key);
        }
    }
    return unneeded;
}

Proxy::GatewayConfig LocalGateways::gatewayConfigFor(const std::string &gatewayName,
                                                     const RT::RouteTable &table,
                                                     const LocalGatewayOptions &options) const
{
    Proxy::GatewayConfig config;
    for (int port : table.ports()) {
        if (table.listener(port)->protocol == RT::ListenerProtocol::HTTP) {
            Proxy::ListenerConfig listener;
            listener.gatewayPort = port;
            listener.bindAddress = options.bindAddress;
            listener.localPort = localPortFor(gatewayName, port, options);
            config.listeners.push_back(std::move(listener));
        } else if (table.listener(port)->protocol == RT::ListenerProtocol::HTTPS) {
            const auto https = m_https.find({gatewayName, port});
            if (https != m_https.end() && https->second.context) {
                config.listeners.push_back({port, options.bindAddress,
                                            localPortFor(gatewayName, port, options),
                                            https->second.context});
            }
        } else {
            // L4: TCP, UDP, and TLS (Terminate when its listeners' certificates resolved,
            // otherwise Passthrough).
            const RT::ListenerProtocol protocol = table.listener(port)->protocol;
            Proxy::ListenerConfig listener{port, options.bindAddress,
                                           localPortFor(gatewayName, port, options), nullptr};
            if (protocol == RT::ListenerProtocol::TCP) {
                listener.kind = Proxy::ListenerKind::Tcp;
            } else if (protocol == RT::ListenerProtocol::UDP) {
                listener.kind = Proxy::ListenerKind::Udp;
            } else if (const auto terminate = m_tlsTerminate.find({gatewayName, port});
                       terminate != m_tlsTerminate.end()) {
                if (!terminate->second) {
                    continue; // Terminate without a usable certificate: not served
                }
                listener.kind = Proxy::ListenerKind::TlsTerminate;
                listener.tlsContext = terminate->second;
            } else {
                listener.kind = Proxy::ListenerKind::TlsPassthrough;
            }
            config.listeners.push_back(std::move(listener));
        }
    }
    config.limits = options.limits;
    if (options.headerTimeout) {
        config.headerTimeout = *options.headerTimeout;
    }
    config.workers = options.workers;
    config.onEvent = options.onEvent;
    config.eventRingCapacity = options.eventRingCapacity;
    if (options.developmentCa) {
        // BackendTLSPolicies with wellKnownCACertificates: System: the mock HTTPS backends
        // present leaves of the development CA (httpsBackendFor), trusted as a stand-in for a
        // public CA; a real app bound with --backend is judged by the system store alone.
        auto standIn = std::make_shared<Proxy::SystemTrustStandIn>();
        standIn->certificatePem = options.developmentCa->authority().pem().certificate;
        for (const auto &[service, address] : options.realBackends) {
            standIn->excludedEndpoints.insert(address);
        }
        config.systemTrustStandIn = std::move(standIn);
    }
    if (options.randomSeed != 0) {
        // One generator per gateway: each is called on its own worker thread only.
        auto rng = std::make_shared<std::mt19937_64>(options.randomSeed ^
                                                     std::hash<std::string>{}(gatewayName));
        config.random = [rng] { return std::uniform_real_distribution<double>(0.0, 1.0)(*rng); };
    }
    return config;
}

bool LocalGateways::start(const std::vector<Model::Resource> &resources,
                          const Controller::ControllerResult &computed,
                          const LocalGatewayOptions &options, std::string *error)
{
    stop();
    if (!update(resources, computed, options, nullptr, error)) {
        stop();
        return false;
    }
    return true;
}

bool LocalGateways::update(const std::vector<Model::Resource> &resources,
                           const Controller::ControllerResult &computed,
                           const LocalGatewayOptions &options, LocalGatewaysChange *change,
                           std::string *error)
{
    // Before gatewayConfigFor(), which reads the HTTPS contexts.
    m_https = planHttpsPorts(computed, options.developmentCa.get());
    m_tlsTerminate = planTlsTerminatePorts(computed, options.developmentCa.get());
    Proxy::EndpointMap endpoints;
    const std::vector<std::string> unneeded =
        startBackends(resources, computed, options, endpoints, change);
    const std::vector<std::string> unneededStreams =
        startStreamBackends(resources, computed, options, endpoints, change);
    const std::vector<std::string> unneededProtocols =
        startProtocolBackends(resources, computed, options, endpoints, change);

    bool ok = true;
    std::set<std::string> served;
    for (const auto &[gatewayName, table] : computed.routeTables) {
        Proxy::GatewayConfig config = gatewayConfigFor(gatewayName, *table, options);
        if (config.listeners.empty()) {
            continue;
        }
        decltype(RunningGateway::listenerKey) key;
        for (const Proxy::ListenerConfig &l : config.listeners) {
            key.emplace_back(l.gatewayPort, l.bindAddress, l.localPort, l.tlsContext != nullptr,
                             int(l.kind));
        }
        auto running = m_gateways.find(gatewayName);
        if (running != m_gateways.end() && running->second.listenerKey == key) {
            running->second.gateway->setEndpoints(endpoints);
            running->second.gateway->setRouteTable(table);
            // Certificates may have changed with the same listeners (an edited Secret): new
            // connections take the contexts just built, open ones keep theirs.
            Proxy::TlsContextMap contexts;
            for (const Proxy::ListenerConfig &l : config.listeners) {
                if (l.tlsContext) {
                    contexts[l.gatewayPort] = l.tlsContext;
                }
            }
            running->second.gateway->setTlsContexts(std::move(contexts));
            served.insert(gatewayName);
            continue;
        }
        const bool restart = running != m_gateways.end();
        if (restart) {
            // Listeners that stay keep the local port the OS gave them, so what the user was
            // told still holds.
            for (Proxy::ListenerConfig &l : config.listeners) {
                if (l.localPort == 0) {
                    if (auto old = m_ports.find({gatewayName, l.gatewayPort});
                        old != m_ports.end()) {
                        l.localPort = old->second;
                    }
                }
            }
            running->second.gateway->stop();
            m_gateways.erase(running);
        }
        for (auto it = m_ports.begin(); it != m_ports.end();) {
            it = it->first.first == gatewayName ? m_ports.erase(it) : std::next(it);
        }
        auto gateway = std::make_unique<Proxy::Gateway>(std::move(config));
        gateway->setRouteTable(table);
        gateway->setEndpoints(endpoints);
        std::string why;
        if (!gateway->start(&why)) {
            if (error && ok) {
                *error = "Gateway " + gatewayName + ": " + why;
            }
            ok = false;
            continue;
        }
        for (const auto &[listenerPort, local] : gateway->boundPorts()) {
            m_ports[{gatewayName, listenerPort}] = local;
        }
        m_gateways[gatewayName] = {std::move(gateway), std::move(key)};
        served.insert(gatewayName);
        if (change) {
            (restart ? change->gatewaysRestarted : change->gatewaysStarted).push_back(gatewayName);
        }
    }
    for (auto it = m_gateways.begin(); it != m_gateways.end();) {
        if (served.count(it->first)) {
            ++it;
            continue;
        }
        it->second.gateway->stop();
        if (change) {
            change->gatewaysStopped.push_back(it->first);
        }
        for (auto p = m_ports.begin(); p != m_ports.end();) {
            p = p->first.first == it->first ? m_ports.erase(p) : std::next(p);
        }
        it = m_gateways.erase(it);
    }

    // Every gateway now reads the new endpoints: the Services no one sends to can go.
    for (const std::string &key : unneeded) {
        auto it = m_services.find(key);
        it->second.service->stop();
        if (change && !m_starting.count(key)) {
            change->servicesStopped.push_back(key);
        }
        m_services.erase(it);
    }
    for (auto &[key, startedService] : m_starting) {
        m_services[key] = std::move(startedService);
    }
    m_starting.clear();
    for (const std::string &key : unneededStreams) {
        if (change && !m_streamStarting.count(key)) {
            change->servicesStopped.push_back(key);
        }
        m_streamServices.erase(key); // stops it
    }
    for (auto &[key, startedService] : m_streamStarting) {
        m_streamServices[key] = std::move(startedService);
    }
    m_streamStarting.clear();
    for (const std::string &key : unneededProtocols) {
        if (change && !m_protocolStarting.count(key)) {
            change->servicesStopped.push_back(key);
        }
        m_protocolServices.erase(key); // stops it
    }
    for (auto &[key, startedService] : m_protocolStarting) {
        m_protocolServices[key] = std::move(startedService);
    }
    m_protocolStarting.clear();
    return ok;
}

const Backends::MockService *LocalGateways::mockService(const std::string &serviceNsName) const
{
    const auto it = m_services.find(serviceNsName);
    return it == m_services.end() ? nullptr : it->second.service.get();
}

Backends::MockService *LocalGateways::mockService(const std::string &serviceNsName)
{
    const auto it = m_services.find(serviceNsName);
    return it == m_services.end() ? nullptr : it->second.service.get();
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
    for (auto &[name, running] : m_gateways) {
        running.gateway->stop();
    }
    m_gateways.clear();
    for (auto &[key, running] : m_services) {
        running.service->stop();
    }
    m_services.clear();
    m_streamServices.clear();
    m_protocolServices.clear();
    m_ports.clear();
    m_https.clear();
    m_tlsTerminate.clear();
    m_systemTrustStandIns.clear();
}

std::size_t LocalGateways::drainEvents(
    const std::function<void(const std::string &gateway, const Proxy::RequestEvent &)> &sink)
{
    std::size_t count = 0;
    for (auto &[name, running] : m_gateways) {
        count += running.gateway->drainEvents(
            [&, gateway = &name](const Proxy::RequestEvent &event) { sink(*gateway, event); });
    }
    return count;
}

std::uint64_t LocalGateways::droppedEvents() const
{
    std::uint64_t dropped = 0;
    for (const auto &[name, running] : m_gateways) {
        dropped += running.gateway->droppedEvents();
    }
    return dropped;
}

std::vector<HttpsListenerNote> LocalGateways::httpsNotes() const
{
    std::vector<HttpsListenerNote> out;
    for (const auto &[key, port] : m_https) {
        out.insert(out.end(), port.notes.begin(), port.notes.end());
    }
    return out;
}

} // namespace Torii::Runtime
