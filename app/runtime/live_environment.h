#pragma once

// The live environment the route-test runner sends its requests to (Scenarios::LiveEnvironment):
// the objects the runner holds in memory, reconciled and served as `toriictl serve` serves a
// design (ServeSession): one Proxy::Gateway per Gateway with its listeners (HTTP, HTTPS, TCP,
// UDP, TLS) on ports the OS chooses on 127.0.0.1, and one mock echo Service (a replica per pod of
// its Deployment; for L4 routes the stand-ins of app/runtime/stream_backends.h) per Service the
// tables send to. Nothing is read from disk.
//
// Thread: create, start and stop on one thread; the gateways and backends answer on their own.

#include "simulator/scenarios/live_environment.h"

#include "app/runtime/local_gateways.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Runtime {

class LiveEnvironment final : public Scenarios::LiveEnvironment
{
public:
    LiveEnvironment();
    ~LiveEnvironment() override;

    bool start(const std::vector<Model::Resource> &resources,
               const Controller::ControllerOptions &options, std::string *error) override;
    std::optional<quint16> localPort(const std::string &gatewayNsName,
                                     int listenerPort) const override;
    void stop() override;
    // From the mock Service's request logs (simulator/backends RequestLog).
    std::optional<int> echoedRequests(const std::string &serviceNsName,
                                      const std::string &target) const override;

private:
    LocalGateways m_gateways;
};

} // namespace Torii::Runtime
