#pragma once

// `toriictl serve --burst N`: a short burst of traffic through the design being served, so the
// README's quick start (on a machine without a display) shows what answered without any other
// client: N requests of the default mix (simulator/traffic/default_mix.h: every route hostname
// and rule match of the served HTTP and HTTPS listeners; closed loop, 4 in flight), then a few
// dozen samples of every TCP, UDP and TLS rule served (a new connection or UDP flow each,
// simulator/traffic/stream_sampler.h's client, 4 at a time). What answered is counted where
// everything else `serve` served is: the gateway's events (ServeSession::summary), so the L4
// connections and flows appear beside the HTTP requests; UDP flows when their sessions end (at
// the latest when serve stops).
// - The samples of a rule whose backends answer the echo (echoAnswersStreamRule) wait for the
//   answer (1 s per step); the others (a DNS Service, a Deployment of another image) still make
//   the gateway draw a backend per connection or flow, and are cut after 150 ms per step.
// - HTTPS requests do not verify the certificate: the burst exercises the split, not the trust
//   (serve prints the curl line that does).
// - The whole burst ends by `deadline` (stop() ends it sooner); what was not sent is not.
//
// Thread: start() returns at once and runs the burst on a thread of its own; finished() and
// report() from the starting thread; stop() from any thread. The session must outlive it.

#include "simulator/traffic/load_generator.h"
#include "simulator/traffic/stream_sampler.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace Torii::Runtime {

class ServeSession;

struct BurstOptions
{
    std::uint64_t httpRequests = 200;
    int streamSamples = 24; // per L4 rule
    std::chrono::milliseconds deadline{5000};
};

struct BurstStreamRule
{
    std::string rule;     // "TCPRoute ns/name rule 0"
    std::string protocol; // "tcp", "udp", "tls"
    int sent = 0;
    int answered = 0;  // by the echo (0 for backends that do not speak it)
    bool echo = false; // the backends answer the echo
};

struct BurstReport
{
    std::uint64_t httpSent = 0;
    std::uint64_t httpAnswered = 0;
    std::vector<BurstStreamRule> streams;
    double seconds = 0.0;
    std::string error; // the HTTP part could not run (English)
};

class ServeBurst
{
public:
    ServeBurst() = default;
    ~ServeBurst();
    ServeBurst(const ServeBurst &) = delete;
    ServeBurst &operator=(const ServeBurst &) = delete;

    void start(const ServeSession &session, const BurstOptions &options);
    bool finished() const { return m_finished; }
    // Ends the burst soon and waits for its thread.
    void stop();
    // After finished() (or stop()).
    const BurstReport &report() const { return m_report; }

private:
    void run(std::vector<Traffic::StreamTarget> targets, std::vector<BurstStreamRule> rules,
             BurstOptions options);

    BurstReport m_report;
    std::unique_ptr<Traffic::LoadGenerator> m_generator;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_finished{false};
    std::thread m_thread;
};

} // namespace Torii::Runtime
