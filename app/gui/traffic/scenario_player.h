#pragma once

// Plays a traffic scenario (simulator/scenarios/traffic_scenario.h, `toriictl load --scenario`'s
// format) on the studio's running gateway while the traffic panel's run sends requests: the same
// steps as `toriictl load` (weights of a route rule, a mock Service's behaviour) and its rollback
// rule, applied to the live session — weights by reconciling the changed objects and swapping
// the tables into the running gateways (ServeSession::applyResources), behaviour on the mock
// Services. When the run ends, finish() puts the workspace's design and the behaviour it started
// with back, so the scenario leaves nothing behind.
//
// Timing: the panel calls advance() on its 250 ms tick with the answers of the tick, so a step
// lands within a tick of its time (steps at 0 s are applied by start(), before the first request).
//
// Thread: GUI thread (ServeSession's rule).

#include "simulator/scenarios/traffic_scenario.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Runtime {
class ServeSession;
}

namespace Torii::Gui {

struct TrafficSample;
struct TrafficRule;

class ScenarioPlayer
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioPlayer)
public:
    // `onEvent(seconds, kind, text)`: kind "step", "rollback" or "failed".
    using EventSink = std::function<void(double, const QString &, const QString &)>;

    ScenarioPlayer(Runtime::ServeSession &session, Scenarios::TrafficScenario scenario, EventSink onEvent);
    ~ScenarioPlayer();

    void start();
    // The answers of one tick ending `seconds` after the start (their rule indexes into `rules`).
    void advance(double seconds, const std::vector<TrafficSample> &samples, const std::vector<TrafficRule> &rules);
    // Restores the design and behaviour of before start(). Idempotent.
    void finish();
    // Whether weights were swapped in since the last call (the configured shares changed).
    bool takeWeightsChanged() { return std::exchange(m_weightsChanged, false); }

private:
    void applyDue(double seconds);
    void applyStep(const Scenarios::TimelineStep &step, double seconds);
    bool swap(std::vector<Model::Resource> resources, std::string *why);

    Runtime::ServeSession &m_session;
    Scenarios::TrafficScenario m_scenario;
    EventSink m_onEvent;
    std::vector<Model::Resource> m_original; // the design before the first step
    std::vector<Model::Resource> m_current;  // with the steps applied so far
    std::map<std::string, std::vector<Backends::BackendBehaviour>> m_originalBehaviour; // per Service, per replica
    std::unique_ptr<Scenarios::RollbackWatch> m_rollback;
    std::size_t m_next = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_weightsChanged = false;
};

} // namespace Torii::Gui
