#pragma once

#include "app/runtime/local_gateways.h"
#include "app/runtime/status_run.h"

#include <QtCore/QString>

#include <array>
#include <atomic>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace Torii::Runtime {

struct ServeOptions
{
    Controller::ControllerOptions controller;
    // Local port for a Gateway listener port: port + 10000 below 1024, the same port otherwise
    // (ARCHITECTURE.md, "Local stand-ins"); anyPort: let the OS choose (tests, parallel runs).
    bool anyPort = false;
    // (Gateway "namespace/name", listener port) → local port; wins over the rule above. A served
    // folder's torii.yaml (engine/workspace/studio_settings.h) adds the entries not given here.
    std::map<std::pair<std::string, int>, quint16> portMap;
    // The address every listener binds (an IP literal); the CLI allows loopback only unless told.
    std::string bindAddress = "127.0.0.1";
    Http::Limits limits; // 431 / 413 thresholds
    // A request head begun but not complete within this: 408. Unset: the gateway's default.
    std::optional<std::chrono::milliseconds> headerTimeout;
    int workers = 1; // worker threads (event loops) per gateway
    // "namespace/service" → "127.0.0.1:port": a real local app instead of a mock backend.
    std::map<std::string, std::string> realBackends;
    // A route that names a Service the workspace does not hold gets one made up (annotated
    // torii.dev/implicit-service), so partial designs such as the guide's can be served; the
    // status then differs from `toriictl status`, which reports BackendNotFound as a cluster
    // would. Off: those backends answer 500, as in a cluster.
    bool implicitServices = true;
    // HTTPS listeners without a usable certificate are served with a leaf of the workspace's
    // development CA (created on first use, see engine/tls/development_ca.h); off: not served.
    bool developmentCa = false;
    // reload() will be called (serve --watch): start() then records the design's validation
    // errors, which a reload may keep but not add to. Off spares a large design's validation.
    bool reloadable = false;
    // Checked between the steps of start() (after reading, before and after binding the
    // listeners): once true, start() stops what it started and returns false. The studio's
    // Cancel of a gateway start sets it from the GUI thread while start() runs on a worker.
    const std::atomic<bool> *cancel = nullptr;
};

// Adds a Service for every backendRef (core group, kind Service) of a route whose Service is not
// among `resources`, with the ports the routes name. Returns their "namespace/name". Shared by
// ServeSession and LoadRun (`toriictl load`).
std::vector<std::string> addImplicitServices(std::vector<Model::Resource> &resources);

// One served listener, as `toriictl serve` prints it.
struct ServedListener
{
    std::string gateway; // namespace/name
    int port = 0;        // the Gateway API listener port
    RouteTable::ListenerProtocol protocol = RouteTable::ListenerProtocol::HTTP;
    // 0: not served: Torii's gateway serves HTTP listeners, and HTTPS listeners with a usable
    // (or, with --dev-ca, a development) certificate; TLS, TCP and UDP come later.
    quint16 localPort = 0;
    std::string exampleHost; // a host name a route on it answers, for the curl line
    // "/<service>/<method>" a GRPCRoute on it answers, when only GRPCRoutes send it to backends
    // (their rows match gRPC requests only, so the plain curl line would get 404).
    std::string grpcExamplePath;
};

// Per-request counts, for the summary `toriictl serve` prints when it stops.
struct TrafficSummary
{
    int requests = 0;                     // HTTP requests, L4 connections and UDP flows
    std::map<int, int> byStatus;          // HTTP requests only
    std::map<std::string, int> byStream;  // "TCP", "TLS", "UDP" → connections (UDP: flows)
    std::map<std::string, int> byBackend; // "namespace/service" or "(gateway)" for local answers
};

// What one reload (serve --watch) did. Route names are "Kind namespace/name".
struct ReloadReport
{
    // Applied: the new design runs. Rejected: it does not read or validate (`diagnostics` says
    // where), the last good one keeps running. Unchanged: nothing that is served changed.
    enum class Outcome { Applied, Rejected, Unchanged };
    Outcome outcome = Outcome::Unchanged;
    Core::Diagnostics diagnostics; // the errors that made it Rejected
    std::vector<std::string> routesAdded;
    std::vector<std::string> routesRemoved;
    std::vector<std::string> routesChanged;
    LocalGatewaysChange gateways;
    std::string error; // a restarted gateway could not bind (the rest was applied)
};

// A running design: the controller's tables served by one Proxy::Gateway per Gateway, and one
// mock Service (one HTTP echo endpoint per replica of its Deployment) per Service the tables
// send to. Thread: create, start, reload and stop on the thread that runs the QCoreApplication.
class ServeSession
{
public:
    ServeSession();
    ~ServeSession();

    // Loads `paths`, reconciles, starts backends and gateways. False with `error` when nothing
    // can be served or a port is taken; the reading and controller diagnostics are in status().
    bool start(const std::vector<std::string> &paths, const ServeOptions &options, QString *error);
    // Reads the same paths again. A design that reads and validates with no error the running
    // one did not have replaces it without dropping connections (LocalGateways::update);
    // otherwise the running one stays. Precondition: start() succeeded with `reloadable` set.
    ReloadReport reload();
    // Serves `resources` in place of the running design (the studio's traffic scenarios change
    // weights this way): reconciled and swapped into the running gateways as reload() does.
    // reload() brings the files' design back. False with `error` when a gateway could not bind.
    bool applyResources(std::vector<Model::Resource> resources, std::string *error);
    void stop();

    const StatusRun &status() const { return m_status; }
    const std::vector<ServedListener> &listeners() const { return m_listeners; }
    // "namespace/name" of the Services made up because the workspace has none of that name.
    const std::vector<std::string> &implicitServices() const { return m_implicitServices; }
    // The running mock Service "namespace/name" (the studio's behaviour controls), or null.
    // Valid until the next reload or stop.
    Backends::MockService *mockService(const std::string &serviceNsName)
    {
        return m_gateways.mockService(serviceNsName);
    }
    TrafficSummary summary() const;
    // The development CA in use (--dev-ca), or null.
    const Tls::DevelopmentCa *developmentCa() const { return m_developmentCa.get(); }
    // How each HTTPS listener is served: its Secret, a development certificate, or not (why).
    std::vector<HttpsListenerNote> httpsNotes() const { return m_gateways.httpsNotes(); }
    // BackendTLSPolicies with wellKnownCACertificates: System whose mock backends the
    // development CA stands in for (LocalGateways::systemTrustStandIns).
    const std::vector<std::string> &systemTrustStandIns() const
    {
        return m_gateways.systemTrustStandIns();
    }

private:
    StatusRun load(std::vector<std::string> &implicitServices) const;
    LocalGatewayOptions localOptions();
    void listListeners();

    std::vector<std::string> m_paths;
    ServeOptions m_options;
    StatusRun m_status;
    std::set<std::string> m_errors; // the running design's reading and validation errors
    std::shared_ptr<const Tls::DevelopmentCa> m_developmentCa;
    LocalGateways m_gateways;
    std::vector<ServedListener> m_listeners;
    std::vector<std::string> m_implicitServices;
    // What onEvent counts, in the form cheapest for the gateways' worker threads (it runs once
    // per request, on the data plane's path): a status is an index, a stream kind one of three
    // counters, a backend one hash lookup. summary() turns it into the TrafficSummary.
    struct TrafficTally
    {
        int requests = 0;
        std::array<int, 600> byStatus{};    // status 0 (none sent) .. 599
        std::map<int, int> otherStatus;     // anything outside (never from our gateway)
        std::array<int, 3> byStream{};      // TCP, TLS, UDP
        std::unordered_map<std::string, int> byBackend;
    };
    void count(const Proxy::RequestEvent &event);

    mutable std::mutex m_summaryMutex; // events arrive on the gateways' worker threads
    TrafficTally m_tally;
};

} // namespace Torii::Runtime
