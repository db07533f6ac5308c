#pragma once

// `toriictl load`: the design served in-process as `toriictl serve` does (controller, one
// Proxy::Gateway per Gateway, mock echo Services, through LocalGateways) — or a running
// `toriictl serve` named with a target address — and the traffic generator (simulator/traffic)
// sending a request mix at it. The report groups the answers per rule and backend: requests,
// observed share against the configured weight with a chi-square test, errors by class and
// latency percentiles (simulator/metrics).
//
// Which rule a request lands on is computed with the same route table the gateway serves
// (RouteTable::lookup is deterministic). Which backend served it has one source per kind of run
// (LoadReport::backendSource):
// - in-process (the source): the gateways' own RequestEvents (Proxy::Gateway::drainEvents,
//   lock-free rings drained on the run's thread after every answer): the route row, the backend
//   and the endpoint the gateway chose, whatever answers behind it (a mock echo Service or a real
//   local app). The per-backend rows then count the gateway's requests, status classes and
//   latency as the gateway measured it (request head to last response byte queued); the rule
//   and overall rows stay the client's view (latency from the intended send time).
// - with --target (the fallback: the gateway is not ours): the echo answer's namespace and pod
//   (the pod is named after the Service's Deployment), and the client's latency; answers without
//   an echo body (the gateway's own 404/5xx, a backend that is not an echo pod) are counted for
//   the rule but not for any backend.
//
// L4 rules (TCPRoute, UDPRoute, TLSRoute; default mix, in-process only): after the HTTP traffic,
// LoadOptions::streamSamples samples per rule go through the served listener with the echo
// protocol (simulator/traffic/stream_sampler.h), each a new connection or UDP flow, so each is a
// draw of the gateway's weighted choice. They fill RuleLoad rows like HTTP's, the backend from
// the echo's answer (the gateway's events cover HTTP only); an answered sample counts in the 2xx
// class (the classes have no "answered" of their own), a failed one in "none" with its reason in
// LoadReport::failures. With --target they are not sampled (LoadReport::unsampledStreams), nor
// the rules whose backends answer no echo (a DNS Service, an HTTP echo Deployment, a real local
// app); with --mix, only the rules its tcp, udp and tls lines land on are (see below).
//
// Mix lines of the other protocols (request_mix.h) are blocking calls of the generator
// (LoadGenerator's PreparedRequest::call, made in load_calls.h with the route tests' clients), so
// the rate, concurrency, seeded choice and latency from the intended time apply to them as to
// HTTP/1.1: h2c and grpc go to an HTTP listener, h2 to an HTTPS one (ALPN h2, the same trust as
// https), each rule found with the same route table (a grpc line as POST /service/method with
// content-type application/grpc) and, in-process, its backend from the gateway's events (they
// cover HTTP/2 streams); with --target from the echo answer. tcp, udp and tls lines are echo
// samples on a TCP, UDP or TLS listener (in-process only; a line whose rule's backends answer
// no echo is refused), their rule from RouteTable::lookupStream, their backend from the echo's
// answer (the gateway's events of L4 connections are not read: a UDP flow's event comes only
// when its session expires), an answered sample counted as 2xx. A gRPC status counts in the HTTP
// status class it maps to (load_calls.h).
//
// HTTPS: a template with `protocol: https` (and the default mix's requests for HTTPS listeners)
// goes over TLS with SNI = its host, ALPN http/1.1, the certificate verified against the trust
// of LoadOptions (by default: in-process, the certificates the run's HTTPS listeners are served
// with, and the development CA when it fills listeners; with --target, the workspace's
// development CA when it exists, and the design's listener certificates), or not verified at all
// with `insecure`. A failed handshake is a request without answer, with its reason in
// LoadReport::failures.
//
// With a traffic scenario (simulator/scenarios/traffic_scenario.h) the steps are applied on the
// run's thread when the generator's clock passes their time (checked at every answer and at every
// progress tick, so a step lands within one answer or one second of its time; steps at 0 before
// the first request): weight changes edit the HTTPRoute objects, reconcile again and swap the new
// tables into the running gateways (LocalGateways::update, as serve --watch does); behaviour
// changes go to the mock Services. The rollback rule sees every answer the canary gave on its
// rule (in-process: as the gateway's events report them, with the gateway's latency). Each
// step, the rollback and any step that could not be applied land in LoadReport::timeline.
//
// Thread: create, prepare and run on one thread (run() blocks it); stop() from any thread.

#include "app/runtime/local_gateways.h"
#include "app/runtime/status_run.h"
#include "simulator/metrics/chi_square.h"
#include "simulator/metrics/traffic_series.h"
#include "simulator/scenarios/traffic_scenario.h"
#include "simulator/traffic/load_generator.h"
#include "simulator/traffic/request_mix.h"
#include "simulator/traffic/stream_sampler.h"

#include <QtCore/QString>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace Torii::Runtime {

struct LoadOptions
{
    Controller::ControllerOptions controller;
    bool implicitServices = true; // as ServeOptions::implicitServices
    std::string mixFile;          // empty: the default mix (one request per host and rule match)
    Traffic::GeneratorOptions generator;
    // Set: send to this running gateway (a `toriictl serve`) instead of starting one; every
    // template goes to it, whatever its listener.
    std::optional<std::pair<std::string, quint16>> target;
    std::uint64_t gatewaySeed = 0; // non-zero: the in-process gateways' weighted choice is seeded
    double alpha = 0.01;           // the chi-square test's significance level
    std::string scenarioFile;      // a traffic scenario (in-process gateways only)
    // HTTPS: PEM certificates to trust instead of the defaults (header comment); empty: the
    // defaults.
    std::vector<std::string> trustedCertificates;
    bool insecure = false; // HTTPS: neither the chain nor the name is checked
    // In-process HTTPS listeners without a usable certificate are served with a leaf of the
    // workspace's development CA (as serve --dev-ca), which is then trusted.
    bool developmentCa = false;
    // "namespace/service" → "127.0.0.1:port": a real local app instead of a mock backend
    // (in-process only; as ServeOptions::realBackends). Its answers are counted from the
    // gateway's events, whatever they hold.
    std::map<std::string, std::string> realBackends;
    // L4 rules (header comment): samples per rule; 0: none.
    int streamSamples = 200;
};

// One entry of a scenario run's timeline.
struct TimelineEvent
{
    enum class Kind { Step, Rollback, Failed };
    Kind kind = Kind::Step;
    double atSeconds = 0.0;  // on the generator's clock
    double dueSeconds = 0.0; // when the scenario asked for it (the rollback: when it fired)
    std::string what;        // the step, or "weight of ns/canary in <rule> set to 0"
    std::string reason;      // rollback: the crossed threshold; failed: why (English)
};
const char *toString(TimelineEvent::Kind kind); // "step", "rollback", "failed"

// The route-table request a mix template sends (its cookies joined into one Cookie header), so
// the rule a request lands on is looked up the same way by `toriictl load` and the GUI's traffic
// run.
RouteTable::Request routeRequestOf(const Traffic::RequestTemplate &t);

// Whether the echo answers the L4 sampler on `rule` (so its samples name their backend): every
// backend's local stand-in (stream_backends.h) must be the TCP echo (TCP, TLS rules) or the UDP
// echo (UDP rules); a DNS mock (coredns, or port 53) or an HTTP(S) echo-basic Deployment answers
// no TEST. Shared by `toriictl load` and the studio.
bool echoAnswersStreamRule(const std::vector<Model::Resource> &resources,
                           const Traffic::StreamRule &rule);

struct BackendLoad
{
    std::string ns;
    std::string service;
    std::uint64_t requests = 0;
    double share = 0.0;                     // of the rule's requests answered by a backend
    double configuredShare = 0.0;           // weight / sum of the rule's weights
    std::array<std::uint64_t, 6> byClass{}; // none, 1xx..5xx (Metrics::kStatusClassNames)
    std::uint64_t errors = 0;               // none + 4xx + 5xx
    Metrics::LatencyHistogram latency;
};

struct RuleLoad
{
    std::string key;  // "HTTPRoute ns/name rule 2", or "(no route)"
    std::string kind; // HTTPRoute
    std::string ns;
    std::string name;
    int ruleIndex = -1;
    std::uint64_t requests = 0;
    std::uint64_t unattributed = 0; // answered without a backend naming itself (gateway answers)
    std::array<std::uint64_t, 6> byClass{};
    Metrics::LatencyHistogram latency;
    std::vector<BackendLoad> backends; // configured ones in rule order, then any other seen
    Metrics::WeightTest weightTest;
};

// Where the per-backend counts of a report come from (header comment).
enum class BackendSource { GatewayEvents, EchoBody };
const char *toString(BackendSource source); // "gateway-events", "echo-body"

struct LoadReport
{
    Traffic::LoopMode mode = Traffic::LoopMode::Closed;
    double rate = 0.0;
    int connections = 0;
    double elapsedSeconds = 0.0;
    std::uint64_t requests = 0;
    std::uint64_t errors = 0;                      // none + 4xx + 5xx
    std::map<std::string, std::uint64_t> failures; // no-response reasons → count
    std::vector<RuleLoad> rules;
    // The time series: listener, route and rule from the client's answers; backend and endpoint
    // from the same source as the backend rows (in-process: the gateway's events, the endpoint
    // keyed by its address "127.0.0.1:port"). Its overall() counts both kinds of sample:
    // use `overall` below for the run as a whole.
    Metrics::MetricsRecorder series;
    Metrics::BucketStats overall{7};
    std::vector<std::string> templates;    // names, in mix order
    std::vector<std::string> skippedRules; // default mix: rules no request could be made for
    // L4 rules left out (--target or --mix, or a listener not served), as "TCPRoute ns/name rule
    // 0".
    std::vector<std::string> unsampledStreams;
    std::uint64_t streamSamples = 0; // L4 samples sent (part of `requests`)
    bool streamLines = false;        // the mix has tcp, udp or tls lines
    bool grpcLines = false;          // the mix has grpc lines
    // Default mix: requests of HTTPS listeners left out (not served in-process, or --target).
    std::vector<std::string> unservedHttps;
    bool scenario = false;               // a scenario ran (weights may have changed midway)
    std::vector<TimelineEvent> timeline; // in order of application
    BackendSource backendSource = BackendSource::GatewayEvents;
    // Gateway events lost because a ring was full: the backend counts are short by this many.
    std::uint64_t droppedEvents = 0;
    double alpha = 0.01;     // the weight test's significance level
    bool https = false;      // some request went over TLS
    bool tlsVerified = true; // ...and the server certificates were checked (not --insecure)
};

class LoadRun
{
public:
    LoadRun();
    ~LoadRun();
    LoadRun(const LoadRun &) = delete;
    LoadRun &operator=(const LoadRun &) = delete;

    // Loads and reconciles `paths`, reads the mix, starts the gateways and mock backends (unless
    // a target is given) and prepares the requests. False with `error` (translated) when
    // something is unusable; reading diagnostics (files and mix) are in diagnostics().
    bool prepare(const std::vector<std::string> &paths, const LoadOptions &options, QString *error);
    // Sends the traffic; `progress` about once a second on this thread. Stops the gateways after.
    bool run(const std::function<void(const Traffic::Progress &)> &progress, QString *error);
    void stop();
    // Called on the run's thread as each timeline event happens (before run() returns).
    void setTimelineCallback(std::function<void(const TimelineEvent &)> callback)
    {
        m_onTimeline = std::move(callback);
    }

    const Core::Diagnostics &diagnostics() const { return m_diagnostics; }
    const StatusRun &status() const { return m_status; }
    const LoadReport &report() const { return m_report; }
    const std::vector<std::string> &implicitServices() const { return m_implicitServices; }

private:
    struct TemplateRoute
    {
        int rule = -1; // index into m_report.rules
        std::string listener;
        std::string route;
        bool stream = false; // a tcp, udp or tls line: its backend from the echo's answer
    };

    int ruleFor(const Traffic::RequestTemplate &t, const std::string &gatewayName, int port);
    int ruleIndexOf(const RouteTable::RouteSource &source);
    int addRule(RuleLoad rule, const std::vector<RouteTable::Backend> *backends);
    int noRouteRule();
    bool prepareStreamLine(
        const Traffic::RequestTemplate &t,
        const std::pair<const std::string, std::shared_ptr<const RouteTable::RouteTable>> &gateway,
        int port, Traffic::PreparedRequest &request, TemplateRoute &route, QString *error);
    void prepareStreams();
    void recordStream(const Traffic::StreamSample &s, std::int64_t offsetMicros);
    bool prepareTls(const std::vector<std::string> &paths, QString *error);
    void record(const Traffic::Outcome &outcome);
    // Drains the gateways' events into the backend rows; `nowMicros` on the generator's clock.
    std::size_t drainEvents(std::int64_t nowMicros);
    // One answer of a backend (empty: the gateway answered itself) on a rule: the split, the
    // backend row and the rollback watch.
    void recordBackend(int rule, const std::string &backend, int status, std::int64_t latencyMicros,
                       std::int64_t atMicros);
    void applyPendingRollback();
    void finishReport();
    bool prepareScenario(QString *error);
    void advanceScenario(std::int64_t nowMicros);
    void applyStep(const Scenarios::TimelineStep &step, std::int64_t nowMicros);
    void rollBack(const std::string &reason, std::int64_t nowMicros);
    bool reconcileAndSwap(std::string *why);
    void addEvent(TimelineEvent event);

    LoadOptions m_options;
    StatusRun m_status;
    Core::Diagnostics m_diagnostics;
    LocalGateways m_gateways;
    std::vector<std::string> m_implicitServices;
    Traffic::RequestMix m_mix;
    std::vector<Traffic::PreparedRequest> m_requests;
    std::vector<TemplateRoute> m_routes;               // per template
    std::vector<TemplateRoute> m_streamRoutes;         // per L4 sampler target
    std::unique_ptr<Traffic::StreamSampler> m_sampler; // null: no L4 rule to sample
    std::vector<Metrics::RuleSplit> m_splits;          // per rule
    std::unique_ptr<Traffic::LoadGenerator> m_generator;
    LoadReport m_report;
    LocalGatewayOptions m_local; // as started, for update()
    std::optional<Scenarios::TrafficScenario> m_scenario;
    std::size_t m_nextStep = 0;
    std::unique_ptr<Scenarios::RollbackWatch> m_rollback;
    std::map<std::string, std::uint64_t> m_behaviourSeeds; // per Service: the scenario's seed
    // The rollback rule fired inside a drain of the gateways' events: applied right after it.
    std::optional<std::pair<std::string, std::int64_t>> m_pendingRollback;
    std::shared_ptr<const Tls::DevelopmentCa> m_developmentCa; // LoadOptions::developmentCa
    std::shared_ptr<const Tls::ClientContext> m_tls;           // HTTPS requests' client context
    std::shared_ptr<const Tls::ClientContext> m_tlsH2;         // the h2 lines' (ALPN h2)
    std::vector<std::size_t> m_h2Lines;                        // their requests' indexes
    std::function<void(const TimelineEvent &)> m_onTimeline;
};

} // namespace Torii::Runtime
