#pragma once

// Traffic for the L4 rules (TCPRoute, UDPRoute, TLSRoute): samples of the conformance echo
// protocol (../shared/conformance/cases/FAMILIES.md §2–§4) sent through the gateway, each
// reduced to the backend that answered, so `toriictl load` and the studio's traffic run can set
// the observed split of an L4 rule against its weights as they do for HTTP.
// - TCP: connect, read the welcome line "Gateway API Test TCP Server", send "TEST\n", read the
//   JSON line; its namespace and pod (the pod is named after the Service's Deployment) name the
//   backend. A new connection per sample: the gateway draws a backend per connection.
// - TLS (a TLSRoute's listener, Passthrough or Terminate): the same over TLS with SNI = the
//   route's hostname. The certificate is not verified: behind a Passthrough listener it is the
//   mock backend's own, made up for the run; what is measured is the split, not the trust.
// - UDP: one datagram from a new socket (a new flow: the gateway draws a backend per flow); the
//   JSON answer's namespace and service name the backend.
// This is not a benchmark: a few samples run at a time on worker threads, with blocking sockets
// and a bounded deadline per sample; each sample's latency runs from its connect (or send) to
// its answer. A failed sample keeps its reason; a target whose first 5 samples all failed is given
// up (its other samples are not sent: a UDP route to a DNS server does not speak the echo).
//
// Thread: run() blocks the calling thread, which gets every callback; stop() from any thread.
// No Qt except QtCore's JSON reader.

#include "engine/routetable/route_table.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace Torii::Traffic {

enum class StreamProtocol { Tcp, Tls, Udp };
const char *toString(StreamProtocol protocol); // "tcp", "tls", "udp"

// One L4 rule of a design as the route tables serve it.
struct StreamRule
{
    std::string gateway; // "namespace/name"
    int port = 0;        // the listener's port in the design
    StreamProtocol protocol = StreamProtocol::Tcp;
    std::string serverName; // TLS: the SNI that selects the rule (a concrete name for a wildcard)
    const RouteTable::StreamRoute *route = nullptr; // owned by the table
};

// Every L4 rule a connection can land on: per TCP/UDP listener the route that answers it, per
// TLS listener the route of each host entry (RouteTable::lookupStream, so a route listed but
// shadowed by an older one on the same port is not sampled). `tables` as for defaultMix().
std::vector<StreamRule>
streamRules(const std::map<std::string, std::shared_ptr<const RouteTable::RouteTable>> &tables);

// Where the samples of one rule go.
struct StreamTarget
{
    StreamProtocol protocol = StreamProtocol::Tcp;
    std::string address = "127.0.0.1";
    std::uint16_t port = 0;
    std::string serverName; // TLS: SNI
    int samples = 0;
};

struct StreamSample
{
    int target = 0;      // index into the StreamTarget list
    std::string backend; // "namespace/service"; empty when the sample failed
    std::string error;   // why it failed (English)
    std::int64_t latencyMicros = 0;
    std::int64_t doneMicros = 0; // since the start of run()
};

struct StreamSamplerOptions
{
    int concurrency = 4;                     // samples in flight
    std::chrono::milliseconds timeout{1000}; // per sample, for each step of it
};

class StreamSampler
{
public:
    StreamSampler(std::vector<StreamTarget> targets, StreamSamplerOptions options = {});
    ~StreamSampler();
    StreamSampler(const StreamSampler &) = delete;
    StreamSampler &operator=(const StreamSampler &) = delete;

    // Sends every target's samples (interleaved: sample k of each target before sample k + 1 of
    // any) and returns when all are done or stop() was called. `onSample` once per finished
    // sample (not for the samples of a target given up), on the calling thread.
    void run(const std::function<void(const StreamSample &)> &onSample);
    void stop() { m_stop = true; }

    // One sample, on the calling thread (what the workers run).
    static StreamSample sampleOnce(const StreamTarget &target, std::chrono::milliseconds timeout);

private:
    std::vector<StreamTarget> m_targets;
    StreamSamplerOptions m_options;
    std::atomic<bool> m_stop{false};
};

} // namespace Torii::Traffic
