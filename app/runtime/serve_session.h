#pragma once

#include "app/runtime/status_run.h"
#include "app/runtime/local_gateways.h"

#include <QtCore/QString>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace Torii::Runtime {

struct ServeOptions
{
    Controller::ControllerOptions controller;
    // Local port for a Gateway listener port: port + 10000 below 1024, the same port otherwise
    // (ARCHITECTURE.md, "Local stand-ins"); anyPort: let the OS choose (tests, parallel runs).
    bool anyPort = false;
    // "namespace/service" → "127.0.0.1:port": a real local app instead of a mock backend.
    std::map<std::string, std::string> realBackends;
    // A route that names a Service the workspace does not hold gets one made up (annotated
    // torii.dev/implicit-service), so partial designs such as the guide's can be served; the
    // status then differs from `toriictl status`, which reports BackendNotFound as a cluster
    // would. Off: those backends answer 500, as in a cluster.
    bool implicitServices = true;
};

// One served listener, as `toriictl serve` prints it.
struct ServedListener
{
    std::string gateway; // namespace/name
    int port = 0;        // the Gateway API listener port
    RouteTable::ListenerProtocol protocol = RouteTable::ListenerProtocol::HTTP;
    // 0: not served: Torii's gateway serves HTTP listeners today (HTTPS, TLS, TCP and UDP come
    // with the next parts of the live gateway).
    quint16 localPort = 0;
    std::string exampleHost; // a host name a route on it answers, for the curl line
};

// Per-request counts, for the summary `toriictl serve` prints when it stops.
struct TrafficSummary
{
    int requests = 0;
    std::map<int, int> byStatus;
    std::map<std::string, int> byBackend; // "namespace/service" or "(gateway)" for local answers
};

// A running design: the controller's tables served by one Proxy::Gateway per Gateway, and one
// mock Service (one HTTP echo endpoint per replica of its Deployment) per Service the tables
// send to. Thread: create, start and stop on the thread that runs the QCoreApplication.
class ServeSession
{
public:
    ServeSession();
    ~ServeSession();

    // Loads `paths`, reconciles, starts backends and gateways. False with `error` when nothing
    // can be served or a port is taken; the reading and controller diagnostics are in status().
    bool start(const std::vector<std::string> &paths, const ServeOptions &options, QString *error);
    void stop();

    const StatusRun &status() const { return m_status; }
    const std::vector<ServedListener> &listeners() const { return m_listeners; }
    // "namespace/name" of the Services made up because the workspace has none of that name.
    const std::vector<std::string> &implicitServices() const { return m_implicitServices; }
    TrafficSummary summary() const;

private:
    StatusRun m_status;
    LocalGateways m_gateways;
    std::vector<ServedListener> m_listeners;
    std::vector<std::string> m_implicitServices;
    mutable std::mutex m_summaryMutex; // events arrive on the gateways' worker threads
    TrafficSummary m_summary;
};

} // namespace Torii::Runtime
