#pragma once

// The one wiring of a reconciled design to live sockets, shared by `toriictl serve`
// (ServeSession) and the route-test runner (LiveEnvironment): one Proxy::Gateway per compiled
// table with its HTTP and HTTPS listeners on 127.0.0.1 (or the bind address asked for; HTTPS with
// the certificates listener_certificates.h chooses), and one mock echo
// Service (an endpoint per replica of the same-named Deployment) per Service the tables send to,
// unless a real local app is bound. TCP, UDP and TLS listeners (Passthrough, or Terminate with
// the listener's certificate) are served too, and the Services their routes name get the L4
// stand-ins stream_backends.h chooses (TCP/UDP/TLS echo, HTTPS echo, DNS), one per Service port.
// HTTP backends whose Service port a BackendTLSPolicy targets get HTTPS echo endpoints too
// (backend_tls_backends.h), which the gateway reaches over TLS.
//
// update() brings a running set in line with a new reconciliation (serve --watch) without
// dropping connections: gateways whose listener set is unchanged get the new table and endpoint
// snapshots swapped in (requests in flight finish on the old ones); only a gateway whose listener
// set changed is restarted. Mock Services that appear are started before the swap, those that
// went away are stopped after it.
//
// Thread: create, start, update and stop on one thread; gateways and backends answer on their own.

#include "app/runtime/listener_certificates.h"
#include "engine/controller/controller.h"
#include "engine/proxy/gateway.h"

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Backends {
class MockService;
class StreamEchoService;
class ProtocolEchoService;
}

namespace Torii::Runtime {

struct LocalGatewayOptions
{
    // Listener port → local port: the OS chooses (tests, parallel runs), or port + 10000 below
    // 1024 and the same port otherwise (ARCHITECTURE.md, "Local stand-ins").
    bool anyPort = true;
    // (Gateway "namespace/name", listener port) → local port, overriding the rule above.
    std::map<std::pair<std::string, int>, quint16> portMap;
    // An IP literal the listeners bind; the caller decides whether a non-loopback one is allowed.
    std::string bindAddress = "127.0.0.1";
    // Request parsing limits (431 / 413) of every gateway.
    Http::Limits limits;
    // A request head begun but not complete within this: 408. Unset: the gateway's default.
    std::optional<std::chrono::milliseconds> headerTimeout;
    int workers = 1; // worker threads (event loops) per gateway
    // "namespace/service" → "127.0.0.1:port": a real local app instead of a mock backend.
    std::map<std::string, std::string> realBackends;
    Proxy::RequestEventCallback onEvent; // on the gateways' worker threads
    // Per worker of each gateway: a lock-free ring drainEvents() reads (GatewayConfig::
    // eventRingCapacity); 0: none.
    std::size_t eventRingCapacity = 0;
    // Non-zero: each gateway picks weighted backends with its own std::mt19937_64 seeded from
    // this and its name, so a load run's split is reproducible (tests); 0: random_device.
    std::uint64_t randomSeed = 0;
    // HTTPS listeners whose certificateRefs did not resolve are served with a leaf of this CA
    // (serve --dev-ca); null: they are not served (httpsNotes() says why).
    std::shared_ptr<const Tls::DevelopmentCa> developmentCa;
};

// What update() changed, for serve's one line per reload. Names are "namespace/name".
struct LocalGatewaysChange
{
    std::vector<std::string> servicesStarted;
    std::vector<std::string> servicesStopped;
    std::vector<std::string> gatewaysStarted;
    std::vector<std::string> gatewaysStopped;
    std::vector<std::string> gatewaysRestarted; // listener set changed: connections were cut
};

class LocalGateways
{
public:
    LocalGateways();
    ~LocalGateways();
    LocalGateways(const LocalGateways &) = delete;
    LocalGateways &operator=(const LocalGateways &) = delete;

    // Starts backends and gateways for `computed` (reconciled from `resources`). False with
    // `error` when a gateway cannot bind (everything started is stopped again).
    bool start(const std::vector<Model::Resource> &resources,
               const Controller::ControllerResult &computed, const LocalGatewayOptions &options,
               std::string *error);
    // As start(), keeping what runs and still fits (see the header comment). A gateway that
    // cannot bind after a listener change is left stopped, and false is returned with `error`;
    // everything else is updated. `change` (if given) says what was started, stopped, restarted.
    bool update(const std::vector<Model::Resource> &resources,
                const Controller::ControllerResult &computed, const LocalGatewayOptions &options,
                LocalGatewaysChange *change, std::string *error);
    void stop();

    // The local port serving a Gateway's listener port, when that listener is served.
    std::optional<quint16> localPort(const std::string &gatewayNsName, int listenerPort) const;
    bool servesAnything() const { return !m_gateways.empty(); }
    // The running mock Service "namespace/name" (main and mirror backends), or nullptr (not
    // needed, or a real local app stands in for it). Valid until the next start/update/stop.
    const Backends::MockService *mockService(const std::string &serviceNsName) const;
    // The same, to change its behaviour while it runs (scenario timelines).
    Backends::MockService *mockService(const std::string &serviceNsName);
    // How each HTTPS listener of the last start/update is served (certificate source, or why not).
    std::vector<HttpsListenerNote> httpsNotes() const;
    // The BackendTLSPolicies ("namespace/name", wellKnownCACertificates: System) whose mock
    // backends present development-CA certificates the gateways trust as a stand-in for a public
    // CA (LocalGatewayOptions::developmentCa), since start; empty without it.
    const std::vector<std::string> &systemTrustStandIns() const { return m_systemTrustStandIns; }
    // The finished requests waiting in the running gateways' event rings (eventRingCapacity > 0),
    // with the gateway's "namespace/name"; how many. Thread: the one that started them.
    std::size_t drainEvents(
        const std::function<void(const std::string &gateway, const Proxy::RequestEvent &)> &sink);
    // Events the running gateways dropped because a ring was full.
    std::uint64_t droppedEvents() const;

private:
    struct RunningService
    {
        std::unique_ptr<Backends::MockService> service;
        int replicas = 1;
    };
    struct RunningGateway
    {
        std::unique_ptr<Proxy::Gateway> gateway;
        // What decides whether a new table fits the running listeners: (port, address, the
        // local port asked for, TLS or not).
        std::vector<std::tuple<int, std::string, quint16, bool, int>> listenerKey; // + kind
    };

    // Starts the mock Services the tables need that are not running yet (replica count changes
    // restart one), fills `endpoints`, and returns the running ones no longer needed.
    std::vector<std::string> startBackends(const std::vector<Model::Resource> &resources,
                                           const Controller::ControllerResult &computed,
                                           const LocalGatewayOptions &options,
                                           Proxy::EndpointMap &endpoints,
                                           LocalGatewaysChange *change);
    struct RunningStreamService
    {
        std::unique_ptr<Backends::StreamEchoService> service;
        std::string identity; // kind, replicas and certificate: a change restarts it
    };
    // As startBackends, for the Services behind TCP/UDP/TLS routes ("namespace/name:port").
    std::vector<std::string> startStreamBackends(const std::vector<Model::Resource> &resources,
                                                 const Controller::ControllerResult &computed,
                                                 const LocalGatewayOptions &options,
                                                 Proxy::EndpointMap &endpoints,
                                                 LocalGatewaysChange *change);
    struct RunningProtocolService
    {
        std::unique_ptr<Backends::ProtocolEchoService> service;
        std::string identity; // kind and replicas: a change restarts it
    };
    // As startBackends, for the HTTP/GRPCRoute backends whose pods speak gRPC or h2c
    // (http_backends.h decides; "namespace/name:port"); startBackends leaves those out.
    std::vector<std::string> startProtocolBackends(const std::vector<Model::Resource> &resources,
                                                   const Controller::ControllerResult &computed,
                                                   const LocalGatewayOptions &options,
                                                   Proxy::EndpointMap &endpoints,
                                                   LocalGatewaysChange *change);
    // The gateway configuration of one compiled table; no listeners when none is served.
    Proxy::GatewayConfig gatewayConfigFor(const std::string &gatewayName,
                                          const RouteTable::RouteTable &table,
                                          const LocalGatewayOptions &options) const;

    std::map<std::string, RunningService> m_services;       // "namespace/name"
    std::map<std::string, RunningService> m_starting;       // started by the update in progress
    std::map<std::string, RunningGateway> m_gateways;       // "namespace/name"
    std::map<std::pair<std::string, int>, quint16> m_ports; // (gateway, listener port) → local
    std::map<std::pair<std::string, int>, HttpsPort> m_https; // (gateway, port) → TLS context
    std::vector<std::string> m_systemTrustStandIns; // see systemTrustStandIns()
    std::map<std::string, RunningStreamService> m_streamServices; // "namespace/name:port"
    std::map<std::string, RunningStreamService> m_streamStarting;
    std::map<std::string, RunningProtocolService> m_protocolServices; // "namespace/name:port"
    std::map<std::string, RunningProtocolService> m_protocolStarting;
    // (gateway, port) → the context of its TLS Terminate listeners.
    std::map<std::pair<std::string, int>, std::shared_ptr<SSL_CTX>> m_tlsTerminate;
};

} // namespace Torii::Runtime
