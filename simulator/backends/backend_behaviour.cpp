#include "backend_behaviour.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace Torii::Backends {

namespace {

double clampLatency(double ms)
{
    if (!std::isfinite(ms) || ms < 0.0) {
        return std::isfinite(ms) ? 0.0 : LatencyDistribution::kMaxLatencyMs;
    }
    return std::min(ms, LatencyDistribution::kMaxLatencyMs);
}

} // namespace

double LatencyDistribution::sampleMs(std::mt19937_64 &random) const
{
    switch (kind) {
    case Kind::None:
        return 0.0;
    case Kind::Fixed:
        return clampLatency(a);
    case Kind::Uniform:
        return clampLatency(std::uniform_real_distribution<double>(a, b)(random));
    case Kind::Normal:
        return clampLatency(std::normal_distribution<double>(a, b)(random));
    case Kind::LogNormal:
        return clampLatency(std::lognormal_distribution<double>(std::log(a), b)(random));
    case Kind::Pareto: {
        // Inverse transform: x = scale / U^(1/shape), U uniform in (0, 1].
        const double u = 1.0 - std::generate_canonical<double, 53>(random);
        return clampLatency(a / std::pow(u, 1.0 / b));
    }
    }
    return 0.0;
}

QString LatencyDistribution::validate() const
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Backends", text); };
    if (!std::isfinite(a) || !std::isfinite(b) || a < 0.0 || b < 0.0) {
        return tr("latency parameters must be finite and 0 or more");
    }
    switch (kind) {
    case Kind::Uniform:
        if (b < a) {
            return tr("a uniform latency needs min <= max");
        }
        break;
    case Kind::LogNormal:
        if (a <= 0.0) {
            return tr("a log-normal latency needs a median above 0");
        }
        break;
    case Kind::Pareto:
        if (a <= 0.0 || b <= 0.0) {
            return tr("a Pareto latency needs a scale and a shape above 0");
        }
        break;
    default:
        break;
    }
    return {};
}

const char *toString(LatencyDistribution::Kind kind)
{
    using K = LatencyDistribution::Kind;
    switch (kind) {
    case K::None:
        return "none";
    case K::Fixed:
        return "fixed";
    case K::Uniform:
        return "uniform";
    case K::Normal:
        return "normal";
    case K::LogNormal:
        return "lognormal";
    case K::Pareto:
        return "pareto";
    }
    return "?";
}

std::optional<LatencyDistribution::Kind> latencyKindFromString(const std::string &text)
{
    using K = LatencyDistribution::Kind;
    for (K kind : {K::None, K::Fixed, K::Uniform, K::Normal, K::LogNormal, K::Pareto}) {
        if (text == toString(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

const char *toString(FailureMode mode)
{
    switch (mode) {
    case FailureMode::Status:
        return "status";
    case FailureMode::Reset:
        return "reset";
    case FailureMode::Hang:
        return "hang";
    }
    return "?";
}

std::optional<FailureMode> failureModeFromString(const std::string &text)
{
    for (FailureMode mode : {FailureMode::Status, FailureMode::Reset, FailureMode::Hang}) {
        if (text == toString(mode)) {
            return mode;
        }
    }
    return std::nullopt;
}

QString BackendBehaviour::validate() const
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Backends", text); };
    if (QString why = latency.validate(); !why.isEmpty()) {
        return why;
    }
    if (!(errorRate >= 0.0 && errorRate <= 1.0) ||
        !(slowStart.errorRate >= 0.0 && slowStart.errorRate <= 1.0)) {
        return tr("an error rate is a number from 0 to 1");
    }
    if (errorStatus < 100 || errorStatus > 599) {
        return tr("an error status is a number from 100 to 599");
    }
    if (!(slowStart.latencyMs >= 0.0) || slowStart.duration.count() < 0) {
        return tr("a slow start needs a duration and a latency of 0 or more");
    }
    return {};
}

BehaviourControl::BehaviourControl(BackendBehaviour behaviour)
    : m_behaviour(std::move(behaviour))
    , m_random(m_behaviour.seed)
{}

bool BehaviourControl::set(const BackendBehaviour &behaviour)
{
    const std::lock_guard lock(m_mutex);
    const bool downChanged = behaviour.down != m_behaviour.down;
    if (behaviour.seed != m_behaviour.seed) {
        m_random.seed(behaviour.seed);
    }
    if (downChanged && !behaviour.down) {
        m_upSince = std::chrono::steady_clock::now();
    }
    m_behaviour = behaviour;
    return downChanged;
}

BackendBehaviour BehaviourControl::behaviour() const
{
    const std::lock_guard lock(m_mutex);
    return m_behaviour;
}

void BehaviourControl::markUp()
{
    const std::lock_guard lock(m_mutex);
    m_upSince = std::chrono::steady_clock::now();
}

BehaviourDecision BehaviourControl::decide()
{
    const std::lock_guard lock(m_mutex);
    const BackendBehaviour &b = m_behaviour;
    double errorRate = b.errorRate;
    double extraMs = b.latency.sampleMs(m_random);
    if (b.slowStart.duration.count() > 0) {
        const double since =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_upSince)
                .count();
        const double remaining = 1.0 - since / double(b.slowStart.duration.count());
        if (remaining > 0.0) {
            errorRate = std::min(1.0, errorRate + remaining * b.slowStart.errorRate);
            extraMs += remaining * b.slowStart.latencyMs;
        }
    }
    BehaviourDecision decision;
    decision.responseBytes = b.responseBytes;
    decision.extraDelay = std::chrono::milliseconds(std::llround(clampLatency(extraMs)));
    // Always draw, so the error sequence does not depend on whether the rate is 0 or not.
    const double draw = std::generate_canonical<double, 53>(m_random);
    if (draw < errorRate) {
        decision.kind = BehaviourDecision::Kind::Fail;
        decision.failure = b.failure;
        decision.status = b.errorStatus;
    }
    return decision;
}

} // namespace Torii::Backends
