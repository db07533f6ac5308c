#pragma once

// One traffic run of the studio: the default mix (simulator/traffic/default_mix.h: one request
// per route hostname and rule match) or a request mix file (`toriictl load --mix` format) sent by the load generator to the gateway the studio is
// running (LiveRun's ServeSession), at a fixed rate (open loop) or concurrency (closed loop), for
// a duration or until cancelled.
//
// The generator blocks the thread that runs it, so it runs on a thread of its own; every answer
// becomes a TrafficSample in a buffer the GUI thread drains (takeSamples) on its own clock — the
// traffic model every 250 ms — so the window never waits on the network and a fast run never
// floods the event loop with one event per request.
//
// Which rule a request lands on is computed with the same route table the gateway serves (as
// `toriictl load` does); which backend answered is read from the echo answer. A mix's h2c, h2,
// grpc, tcp, udp and tls lines are blocking calls of the same generator, made with the clients
// `toriictl load` uses (app/runtime/load_calls.h).
//
// L4 rules (TCPRoute, UDPRoute, TLSRoute) of the served TCP, UDP and TLS listeners, with the
// default mix: after the HTTP requests (or alone, for a design without HTTP routes), the stream
// sampler (simulator/traffic/stream_sampler.h, as `toriictl load`) opens `streamSamples`
// connections or UDP flows per rule on the same thread; each becomes a TrafficSample with the
// backend the echo named, status 200 when answered (L4 has no status: the charts count it as an
// answer) and 0 when not.
//
// Thread: create, start, cancel and take samples on the GUI thread; finished() arrives there.

#include "simulator/traffic/request_mix.h"

#include <QtCore/QObject>
#include <QtCore/QString>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace Torii::Runtime {
class ServeSession;
}
namespace Torii::Traffic {
class LoadGenerator;
class StreamSampler;
}

namespace Torii::Gui {

struct TrafficSettings
{
    bool openLoop = false;     // true: `rate` requests per second; false: `concurrency` in flight
    double rate = 200.0;
    int concurrency = 4;
    double durationSeconds = 10.0;
    std::uint64_t requestLimit = 0; // stop after this many requests (0: the duration only)
    // Null: the default mix. A template's listener names a served Gateway listener (an empty
    // gateway: the first served HTTP listener with that port, or any with port 0).
    std::shared_ptr<const Traffic::RequestMix> mix;
    // Default mix: samples per L4 rule of the served TCP, UDP and TLS listeners; 0: none (the
    // traffic panel's runs: HTTP for their duration; the Lessons view asks for them).
    int streamSamples = 0;
};

// A rule of the design the mix reaches, with its configured backends and weights.
struct TrafficRule
{
    std::string key;                   // "HTTPRoute ns/name rule 2", or "(no route)"
    std::vector<std::string> backends; // "namespace/service"
    std::vector<double> weights;       // same order
};

struct TrafficSample
{
    std::int64_t doneMicros = 0; // since the start of the run
    int rule = -1;               // index into TrafficRun::rules()
    std::string backend;         // "namespace/service"; empty: the gateway answered itself
    int status = 0;              // 0: no answer
    std::int64_t latencyMicros = 0;
};

class TrafficRun : public QObject
{
    Q_OBJECT
public:
    explicit TrafficRun(QObject *parent = nullptr);
    ~TrafficRun() override;

    // Prepares the mix against the running session and starts sending. False with `error`
    // (translated) when there is nothing to send to or a run is already going.
    bool start(const Runtime::ServeSession &session, const TrafficSettings &settings, QString *error);
    // Ends the run soon; finished() follows.
    void cancel();
    bool isRunning() const { return m_thread.joinable(); }

    const std::vector<TrafficRule> &rules() const { return m_rules; }
    // The answers since the last call, in the order they arrived.
    std::vector<TrafficSample> takeSamples();
    // Templates of the mix ("ns/gateway:port GET host/path"), in mix order.
    const std::vector<std::string> &templates() const { return m_templates; }

Q_SIGNALS:
    // The run ended (duration reached, cancelled, or it could not run: `error` says why).
    void finished(bool ok, const QString &error);

private:
    void onThreadDone(bool ok, const QString &error);

    std::vector<TrafficRule> m_rules;
    std::vector<std::string> m_templates;
    std::vector<int> m_ruleOfRequest; // per prepared request
    std::unique_ptr<Traffic::LoadGenerator> m_generator; // null: no HTTP request to send
    std::unique_ptr<Traffic::StreamSampler> m_sampler;   // null: no L4 rule to sample
    std::vector<int> m_ruleOfTarget;                      // per sampler target
    std::thread m_thread;
    std::mutex m_mutex;
    std::vector<TrafficSample> m_pending; // guarded by m_mutex
};

} // namespace Torii::Gui
