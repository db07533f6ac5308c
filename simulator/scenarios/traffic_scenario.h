#pragma once

// A traffic scenario: a timeline for a load run (`toriictl load --scenario FILE`), as
// progressive-delivery controllers drive a canary — not a route test (route_test_case.h checks a
// design once; this changes it while traffic flows). Read with engine/yaml, so every error has
// file:line:col:
//
//   steps:
//   - at: 0s
//     weights: {route: webapp/ab-testing-route, rule: weighted,
//               backends: {webapp-stable: 95, webapp-canary: 5}}
//   - at: 30s
//     backend: {service: webapp/webapp-canary, errorRate: 0.05, status: 503}
//   - at: 60s
//     endpoint: {service: webapp/webapp-stable, replica: 0, down: true}
//   rollback:
//     backend: webapp/webapp-canary
//     route: webapp/ab-testing-route
//     rule: weighted             # index or name
//     when: {errorRate: 0.02, p99Ms: 500, window: 10s, minRequests: 20}
//
// A step changes the weights of one route rule (the backends named; others keep theirs), or the
// behaviour (backend_behaviour.h) of every replica of a Service (`backend`) or of one
// (`endpoint`): latency {distribution: fixed|uniform|normal|lognormal|pareto, value | min, max |
// mean, stddev | median, sigma | scale, shape}, errorRate, status, failure (status|reset|hang),
// down, responseBytes, slowStart {duration, latency, errorRate}, seed. Only the fields written
// change. Durations are Go durations ("500ms", "1.5s").
//
// The rollback rule watches the canary backend's answers on that rule over a sliding window;
// when its error rate (5xx and no answer) or its p99 latency goes above the threshold (with at
// least minRequests answers in the window), the canary's weight in the rule becomes 0 (the others
// keep theirs, so their relative weights hold) — once.
//
// Pure apart from reading the file; any thread. The executor is app/runtime/load_run.cpp.

#include "engine/core/diagnostic.h"
#include "engine/model/resource.h"
#include "simulator/backends/backend_behaviour.h"

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Scenarios {

// A rule of an HTTPRoute: by index or by its `name`.
struct RuleRef
{
    std::string routeNs;
    std::string routeName;
    int index = -1;               // when no name
    std::string ruleName;         // when named
    std::string toString() const; // "webapp/ab-testing-route rule weighted"
};

struct WeightChange
{
    RuleRef rule;
    std::vector<std::pair<std::string, int>> backends; // backendRef name → weight
};

// The behaviour fields a step writes; the rest stays as it was.
struct BehaviourPatch
{
    std::optional<Backends::LatencyDistribution> latency;
    std::optional<double> errorRate;
    std::optional<int> status;
    std::optional<Backends::FailureMode> failure;
    std::optional<bool> down;
    std::optional<std::uint64_t> responseBytes;
    std::optional<Backends::SlowStart> slowStart;
    std::optional<std::uint64_t> seed;

    void applyTo(Backends::BackendBehaviour &behaviour) const;
    std::string toString() const; // "errorRate=0.05 status=503"
};

struct BehaviourChange
{
    std::string serviceNs;
    std::string serviceName;
    int replica = -1; // -1: every replica
    BehaviourPatch patch;
};

struct TimelineStep
{
    std::chrono::milliseconds at{0};
    std::optional<WeightChange> weights;
    std::optional<BehaviourChange> behaviour;
    int line = 0;                 // in the scenario file
    std::string describe() const; // one line, for the progress output and the JSON timeline
};

struct RollbackRule
{
    std::string backendNs;
    std::string backendName;
    RuleRef rule;
    std::optional<double> errorRate; // above this share of 5xx/no answer
    std::optional<double> p99Ms;     // above this p99
    std::chrono::milliseconds window{10000};
    int minRequests = 20;
    std::string backendKey() const { return backendNs + '/' + backendName; }
};

struct TrafficScenario
{
    std::vector<TimelineStep> steps; // in time order (stable for equal times)
    std::optional<RollbackRule> rollback;
};

struct ScenarioParseResult
{
    TrafficScenario scenario;
    Core::Diagnostics diagnostics;
    bool ok() const { return !Core::hasErrors(diagnostics); }
};

ScenarioParseResult parseTrafficScenario(std::string_view text, const std::string &fileName);
ScenarioParseResult readTrafficScenarioFile(const std::string &path);

// Sets the weights of the rule's backendRefs named in `change`, in the HTTPRoute of
// `resources`. False with `error` (English) when the route, the rule or a backend is missing.
bool applyWeights(std::vector<Model::Resource> &resources, const WeightChange &change,
                  std::string *error);

// The sliding window of the rollback rule. Feed every answer of the run in time order.
class RollbackWatch
{
public:
    explicit RollbackWatch(RollbackRule rule);

    // One answer: `ruleKey` as Traffic::ruleKey ("HTTPRoute ns/name rule 2"), `backend`
    // "ns/name" (empty: no backend named itself), status 0 for no answer. Answers of other rules
    // or backends are ignored. Returns the reason (English) the first time the rule is crossed.
    std::optional<std::string> observe(std::int64_t atMicros, const std::string &ruleKey,
                                       const std::string &backend, int status,
                                       std::int64_t latencyMicros);
    bool fired() const { return m_fired; }
    const RollbackRule &rule() const { return m_rule; }
    // The rule index the key must carry; set by the executor once the route is resolved.
    void setRuleIndex(int index) { m_ruleIndex = index; }

private:
    struct Answer
    {
        std::int64_t atMicros;
        bool error;
        std::int64_t latencyMicros;
    };
    RollbackRule m_rule;
    int m_ruleIndex = -1;
    std::deque<Answer> m_window;
    bool m_fired = false;
};

// The index of `ref` in its HTTPRoute of `resources`, or -1.
int resolveRuleIndex(const std::vector<Model::Resource> &resources, const RuleRef &ref);

} // namespace Torii::Scenarios
