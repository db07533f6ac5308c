#pragma once

// How a mock endpoint misbehaves on purpose, for load runs and scenario timelines: a latency
// distribution (fixed, uniform, normal, log-normal, Pareto tail), an error rate (answered with a
// status code, a TCP reset or a hang), down/up, a response size and a slow start after coming up
// (extra latency and errors fading out linearly).
//
// The behaviour shapes the echo handler's answers only (the /status/, /retry/ and /health
// handlers the route tests rely on are left alone). An injected error status keeps the echo JSON
// body, so a load run still knows which backend answered it; a reset or a hang answers nothing,
// so the gateway's 502/504 for it names no backend.
//
// Down closes the endpoint's listening socket (new connections are refused: ECONNREFUSED) and
// resets every open connection; up listens again on the same port. That is what a killed pod
// looks like to a proxy, rather than a reset after accept.
//
// Thread: BehaviourControl is shared by the owner and the endpoint's worker thread; set() and
// behaviour() from any thread, decide() from the worker (all under one mutex). Random draws come
// from a std::mt19937_64 seeded by the behaviour's seed, so a run with the same request order
// is reproducible.

#include <QString>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>

namespace Torii::Backends {

struct LatencyDistribution
{
    enum class Kind {
        None,      // no added latency
        Fixed,     // a ms
        Uniform,   // between a and b ms
        Normal,    // mean a ms, standard deviation b ms (clamped at 0)
        LogNormal, // median a ms, sigma b (of the underlying normal)
        Pareto,    // scale (minimum) a ms, shape b (> 0; smaller: a heavier tail)
    };
    Kind kind = Kind::None;
    double a = 0.0;
    double b = 0.0;

    // One draw in milliseconds, 0 or more, capped at kMaxLatencyMs.
    double sampleMs(std::mt19937_64 &random) const;
    // Empty when usable, else why not (translated).
    QString validate() const;
    static constexpr double kMaxLatencyMs = 600000.0; // a Pareto tail must not hang forever
};
// "fixed", "uniform", "normal", "lognormal", "pareto" ("none" for None).
const char *toString(LatencyDistribution::Kind kind);
std::optional<LatencyDistribution::Kind> latencyKindFromString(const std::string &text);

enum class FailureMode {
    Status, // answer with errorStatus
    Reset,  // close the connection with a TCP RST, answering nothing
    Hang,   // never answer; the connection stays open until the client gives up
};
const char *toString(FailureMode mode); // "status", "reset", "hang"
std::optional<FailureMode> failureModeFromString(const std::string &text);

// After the endpoint comes up (start or down → up): `latencyMs` more latency and `errorRate`
// more errors, both falling linearly to 0 over `duration`.
struct SlowStart
{
    std::chrono::milliseconds duration{0};
    double latencyMs = 0.0;
    double errorRate = 0.0;
};

struct BackendBehaviour
{
    LatencyDistribution latency;
    double errorRate = 0.0; // 0..1
    int errorStatus = 503;
    FailureMode failure = FailureMode::Status;
    bool down = false;
    // Pad echo answers to this many body bytes (with spaces after the JSON, which stays valid);
    // never shorter than the echo JSON itself. 0: as the echo handler writes it.
    std::uint64_t responseBytes = 0;
    SlowStart slowStart;
    std::uint64_t seed = 1;

    // Empty when usable, else why not (translated).
    QString validate() const;
};

// What to do with one echo answer.
struct BehaviourDecision
{
    enum class Kind { Answer, Fail };
    Kind kind = Kind::Answer;
    FailureMode failure = FailureMode::Status; // when Fail
    int status = 0;                            // when Fail with FailureMode::Status
    std::chrono::milliseconds extraDelay{0};
    std::uint64_t responseBytes = 0;
};

class BehaviourControl
{
public:
    BehaviourControl() = default;
    explicit BehaviourControl(BackendBehaviour behaviour);

    // Replaces the behaviour; the random source is reseeded when the seed changes. Returns
    // whether `down` changed (the endpoint must then close or reopen its listener). Coming up
    // restarts the slow-start ramp.
    bool set(const BackendBehaviour &behaviour);
    BackendBehaviour behaviour() const;
    // The slow-start ramp starts now (the endpoint just started listening).
    void markUp();
    // Draws the fate of one echo answer.
    BehaviourDecision decide();

private:
    mutable std::mutex m_mutex;
    BackendBehaviour m_behaviour;
    std::mt19937_64 m_random{1};
    std::chrono::steady_clock::time_point m_upSince = std::chrono::steady_clock::now();
};

} // namespace Torii::Backends
