#include "scenario_player.h"

#include "app/gui/traffic/traffic_run.h"
#include "app/runtime/serve_session.h"
#include "simulator/backends/mock_service.h"

namespace Torii::Gui {

ScenarioPlayer::ScenarioPlayer(Runtime::ServeSession &session, Scenarios::TrafficScenario scenario,
                               EventSink onEvent)
    : m_session(session), m_scenario(std::move(scenario)), m_onEvent(std::move(onEvent))
{}

ScenarioPlayer::~ScenarioPlayer()
{
    finish();
}

void ScenarioPlayer::start()
{
    if (m_started) {
        return;
    }
    m_started = true;
    m_original = m_session.status().resources;
    m_current = m_original;
    if (m_scenario.rollback) {
        m_rollback = std::make_unique<Scenarios::RollbackWatch>(*m_scenario.rollback);
        const int index = Scenarios::resolveRuleIndex(m_current, m_scenario.rollback->rule);
        if (index < 0) {
            m_onEvent(0.0, QStringLiteral("failed"),
                      tr("The rollback rule names %1, which is not in the design: it is not watched.")
                          .arg(QString::fromStdString(m_scenario.rollback->rule.toString())));
            m_rollback.reset();
        } else {
            m_rollback->setRuleIndex(index);
        }
    }
    applyDue(0.0);
}

void ScenarioPlayer::advance(double seconds, const std::vector<TrafficSample> &samples,
                             const std::vector<TrafficRule> &rules)
{
    if (!m_started || m_finished) {
        return;
    }
    if (m_rollback && !m_rollback->fired()) {
        for (const TrafficSample &s : samples) {
            if (s.rule < 0 || s.rule >= int(rules.size())) {
                continue;
            }
            const auto reason = m_rollback->observe(s.doneMicros, rules[std::size_t(s.rule)].key, s.backend,
                                                    s.status, s.latencyMicros);
            if (!reason) {
                continue;
            }
            const Scenarios::RollbackRule &rule = m_rollback->rule();
            Scenarios::WeightChange change;
            change.rule = rule.rule;
            change.backends.emplace_back(rule.backendName, 0);
            const QString what = tr("Rollback: weight of %1 in %2 set to 0 (%3)")
                                     .arg(QString::fromStdString(rule.backendKey()),
                                          QString::fromStdString(rule.rule.toString()),
                                          QString::fromStdString(*reason));
            std::vector<Model::Resource> next = m_current;
            std::string why;
            if (Scenarios::applyWeights(next, change, &why) && swap(std::move(next), &why)) {
                m_onEvent(double(s.doneMicros) / 1e6, QStringLiteral("rollback"), what);
            } else {
                m_onEvent(double(s.doneMicros) / 1e6, QStringLiteral("failed"),
                          what + QStringLiteral(" — ") + tr("not applied: %1").arg(QString::fromStdString(why)));
            }
            break;
        }
    }
    applyDue(seconds);
}

void ScenarioPlayer::applyDue(double seconds)
{
    while (m_next < m_scenario.steps.size()
           && double(m_scenario.steps[m_next].at.count()) / 1e3 <= seconds + 1e-9) {
        applyStep(m_scenario.steps[m_next], seconds);
        ++m_next;
    }
}

void ScenarioPlayer::applyStep(const Scenarios::TimelineStep &step, double seconds)
{
    const QString what = QString::fromStdString(step.describe());
    std::string why;
    if (step.weights) {
        std::vector<Model::Resource> next = m_current;
        if (Scenarios::applyWeights(next, *step.weights, &why)) {
            swap(std::move(next), &why);
        }
    } else if (step.behaviour) {
        const Scenarios::BehaviourChange &change = *step.behaviour;
        const std::string key = change.serviceNs + '/' + change.serviceName;
        Backends::MockService *service = m_session.mockService(key);
        if (!service) {
            why = tr("no mock backend runs for %1").arg(QString::fromStdString(key)).toStdString();
        } else {
            auto &original = m_originalBehaviour[key];
            if (original.empty()) {
                for (int i = 0; i < service->replicaCount(); ++i) {
                    original.push_back(service->endpoint(i).behaviour());
                }
            }
            for (int i = 0; i < service->replicaCount(); ++i) {
                if (change.replica >= 0 && change.replica != i) {
                    continue;
                }
                Backends::BackendBehaviour b = service->endpoint(i).behaviour();
                change.patch.applyTo(b);
                const QString error = service->setEndpointBehaviour(i, b);
                if (!error.isEmpty() && why.empty()) {
                    why = error.toStdString();
                }
            }
        }
    }
    if (why.empty()) {
        m_onEvent(seconds, QStringLiteral("step"), what);
    } else {
        m_onEvent(seconds, QStringLiteral("failed"),
                  what + QStringLiteral(" — ") + tr("not applied: %1").arg(QString::fromStdString(why)));
    }
}

bool ScenarioPlayer::swap(std::vector<Model::Resource> resources, std::string *why)
{
    m_current = resources;
    m_weightsChanged = true;
    return m_session.applyResources(std::move(resources), why);
}

void ScenarioPlayer::finish()
{
    if (!m_started || m_finished) {
        return;
    }
    m_finished = true;
    if (m_current.size() != m_original.size()
        || !std::equal(m_current.begin(), m_current.end(), m_original.begin(),
                       [](const Model::Resource &a, const Model::Resource &b) { return a.object == b.object; })) {
        std::string why;
        m_session.applyResources(m_original, &why);
    }
    for (const auto &[key, behaviours] : m_originalBehaviour) {
        if (Backends::MockService *service = m_session.mockService(key)) {
            for (int i = 0; i < service->replicaCount() && i < int(behaviours.size()); ++i) {
                service->setEndpointBehaviour(i, behaviours[std::size_t(i)]);
            }
        }
    }
}

} // namespace Torii::Gui
