#pragma once

// An HTTP/1.1 load generator on one epoll loop (engine/net), over the shared codec (engine/http),
// in plain TCP or HTTPS (OpenSSL on the same non-blocking sockets, with the client context every
// Torii TLS client shares: engine/tls/client_context.h).
//
// Open loop (fixed rate): request k is due at start + k / rate whatever happened before, and its
// latency is measured from that intended time, not from when a connection was free to send it
// (as wrk2 does): a stall that holds back later requests shows in their latency instead of
// silently lowering the rate (coordinated omission). At most `connections` connections are used;
// requests due while all are busy wait in order.
// Closed loop (fixed concurrency): `connections` requests are always in flight; each finished
// request is replaced at once, and its latency runs from its own send (a stall then hides: only
// the requests in flight during it are slow).
//
// Connections are kept alive and reused (per target: address, port, and for HTTPS the server
// name sent as SNI) unless keepAlive is off, then each request opens its own. An HTTPS
// connection's TLS handshake is part of its first request's latency (it runs between the
// intended time and the answer); a handshake that fails (an untrusted certificate, a name the
// certificate does not carry, a port that does not speak TLS) ends the request with no response
// and the reason ("TLS handshake failed: the server certificate is not trusted: …").
// Templates are chosen by weight with a seeded random source, so a run is
// reproducible given the same seed and the same answers.
//
// Blocking calls: a request with a `call` (HTTP/2, gRPC, an L4 echo sample: clients that block,
// made by the caller from simulator/scenarios' and stream_sampler's clients) is not sent by the
// HTTP/1.1 engine but run on one of the generator's call threads, and its result is posted back
// to the loop. It takes part in everything else as any request: chosen by weight, due at the
// open loop's time (its latency from then), one of the `connections` in flight (with a keep-alive
// connection idle it is closed to make room, as for another target), counted, reported in order.
// At most min(connections, 64) calls run at once. A call ends within the request timeout (it is
// given it); when a run ends, calls still running are reported as unfinished and waited for
// (their result dropped) before run() returns.
//
// Thread: run() blocks the calling thread, which runs the loop and every callback; stop() may be
// called from any thread. No Qt.

#include "engine/http/http1_codec.h"
#include "engine/tls/client_context.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace Torii::Traffic {

// What a blocking call found (PreparedRequest::call).
struct CallResult
{
    int status = 0;    // the answer's HTTP status (or what the caller maps the answer to); 0: none
    std::string error; // why there was no answer (English)
    std::uint64_t bytes = 0;
    std::string echoNamespace; // the echo answer's namespace and pod, when it named them
    std::string echoPod;
    std::string backend; // "namespace/service" when the answer names its Service itself (L4)
};
// Runs one request on a call thread; must return within `timeout`.
using BlockingCall = std::function<CallResult(std::chrono::milliseconds timeout)>;

// One request, ready to send: the serialized head (and body) and where to send it.
struct PreparedRequest
{
    std::string wire;
    std::string method = "GET"; // the response parser needs it (HEAD has no body)
    std::string address = "127.0.0.1";
    std::uint16_t port = 0;
    double weight = 1.0;
    bool tls = false;       // HTTPS: TLS first, with GeneratorOptions::tls
    std::string serverName; // HTTPS: SNI and the name the certificate must carry (the Host)
    // Set: a blocking call made on a call thread (header comment); `wire`, `method`, `address`,
    // `tls` and `serverName` are then unused (`port` must still be set: where it goes).
    BlockingCall call;
};

// Builds the bytes of an HTTP/1.1 request (Host, the given fields, Cookie, Content-Length when a
// body is given, Connection: close when not keeping alive, User-Agent torii-load).
std::string serializeRequest(const std::string &method, const std::string &host,
                             const std::string &path,
                             const std::vector<std::pair<std::string, std::string>> &headers,
                             const std::vector<std::pair<std::string, std::string>> &cookies,
                             const std::string &body, bool keepAlive);

enum class LoopMode { Open, Closed };

struct GeneratorOptions
{
    LoopMode mode = LoopMode::Closed;
    double rate = 0.0;   // open loop: requests per second (> 0)
    int connections = 1; // open loop: connections at most; closed loop: requests in flight
    std::chrono::microseconds duration{0}; // stop issuing after this; 0: no time limit
    std::uint64_t requestLimit = 0;        // stop issuing after this many; 0: no limit
    bool keepAlive = true;
    std::uint64_t seed = 1;
    std::chrono::milliseconds timeout{10000}; // per request, from its send
    // After the last request was issued, how long answers are awaited before the rest counts
    // as unfinished.
    std::chrono::milliseconds drainTimeout{5000};
    // Read "namespace" and "pod" from a conformance echo answer (simulator/backends): which
    // backend served the request. Costs a scan of the first 8 KiB of each body.
    bool readEchoIdentity = false;
    Http::Limits limits;
    // The TLS client context of the HTTPS requests (trust, verification, ALPN); needed when one
    // of them is HTTPS.
    std::shared_ptr<const Tls::ClientContext> tls;
};

struct Outcome
{
    int request = 0;   // index into the PreparedRequest list
    int status = 0;    // 0: no response
    std::string error; // why there was no response (English, from the system or the codec)
    std::int64_t intendedMicros = 0; // since the start: when it was due
    std::int64_t sentMicros = 0;     // since the start: when its first byte was written (-1: never)
    std::int64_t doneMicros = 0;     // since the start: when it ended
    std::int64_t latencyMicros = 0;  // done - intended
    std::uint64_t bytes = 0;         // response body bytes
    std::string echoNamespace;       // with readEchoIdentity, when the body said; calls: theirs
    std::string echoPod;
    std::string backend; // calls only: CallResult::backend
};

struct Progress
{
    std::int64_t elapsedMicros = 0;
    std::uint64_t issued = 0;
    std::uint64_t completed = 0;
    std::uint64_t errors = 0; // no response
    int openConnections = 0;
    std::size_t waiting = 0; // due but not yet sent (open loop)
};

class LoadGenerator
{
public:
    LoadGenerator(std::vector<PreparedRequest> requests, GeneratorOptions options);
    ~LoadGenerator();
    LoadGenerator(const LoadGenerator &) = delete;
    LoadGenerator &operator=(const LoadGenerator &) = delete;

    // Runs until the duration or request limit is reached and the answers are in (or the drain
    // timeout passed), or stop(). `onOutcome` gets every request issued, once; `onProgress`
    // about once a second. False and `error` when the options are unusable or the loop cannot
    // start (then nothing was sent).
    bool run(const std::function<void(const Outcome &)> &onOutcome,
             const std::function<void(const Progress &)> &onProgress, std::string *error);
    // Ends run() soon; requests in flight are reported as unfinished. Thread-safe.
    void stop();

private:
    class Engine;
    std::vector<PreparedRequest> m_requests;
    GeneratorOptions m_options;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<Engine *> m_engine{nullptr};
};

// The value of a top-level string field of a conformance echo JSON answer ("" when absent).
std::string echoField(std::string_view body, std::string_view key);

// Test and report helper: backend "namespace/service" from an echo pod name
// "<deployment>-<10 chars>-<5 chars>" (the deployment is named like the Service).
std::string serviceOfPod(const std::string &pod);

} // namespace Torii::Traffic
