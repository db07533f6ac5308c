#pragma once

// The one wiring of a reconciled design to live sockets, shared by `toriictl serve`
// (ServeSession) and the route-test runner (LiveEnvironment): one Proxy::Gateway per compiled
// table with its HTTP listeners on 127.0.0.1, and one mock echo Service (an endpoint per replica
// of the same-named Deployment) per Service the tables send to, unless a real local app is bound.
//
// Thread: create, start and stop on one thread; gateways and backends answer on their own.

#include "engine/controller/controller.h"
#include "engine/proxy/gateway.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Backends {
class MockService;
}

namespace Torii::Runtime {

struct LocalGatewayOptions
{
    // Listener port → local port: the OS chooses (tests, parallel runs), or port + 10000 below
    // 1024 and the same port otherwise (ARCHITECTURE.md, "Local stand-ins").
    bool anyPort = true;
    // "namespace/service" → "127.0.0.1:port": a real local app instead of a mock backend.
    std::map<std::string, std::string> realBackends;
    Proxy::RequestEventCallback onEvent; // on the gateways' worker threads
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
    void stop();

    // The local port serving a Gateway's listener port, when that listener is served.
    std::optional<quint16> localPort(const std::string &gatewayNsName, int listenerPort) const;
    bool servesAnything() const { return !m_gateways.empty(); }

private:
    void startBackends(const std::vector<Model::Resource> &resources,
                       const Controller::ControllerResult &computed,
                       const LocalGatewayOptions &options, Proxy::EndpointMap &endpoints);

    std::vector<std::unique_ptr<Backends::MockService>> m_services;
    std::vector<std::unique_ptr<Proxy::Gateway>> m_gateways;
    std::map<std::pair<std::string, int>, quint16> m_ports; // (gateway, listener port) → local
};

} // namespace Torii::Runtime
