// The traffic generator alone against one HTTP/1.1 target, closed loop, printing one line that
// bench_traffic_generator.sh parses next to wrk's:
//   bench_traffic_generator HOST PORT CONNECTIONS SECONDS [PATH]
//   TORIILOAD rps=... requests=... errors=... p50_us=... p99_us=...
// Keep-alive, one template, no echo parsing: the same work wrk -t1 does.
#include "simulator/metrics/latency_histogram.h"
#include "simulator/traffic/load_generator.h"

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char **argv)
{
    if (argc < 5) {
        std::fprintf(stderr, "usage: %s HOST PORT CONNECTIONS SECONDS [PATH]\n", argv[0]);
        return 2;
    }
    using namespace Torii;
    Traffic::PreparedRequest request;
    request.address = argv[1];
    request.port = static_cast<std::uint16_t>(std::atoi(argv[2]));
    const std::string path = argc > 5 ? argv[5] : "/";
    request.wire =
        Traffic::serializeRequest("GET", request.address + ':' + argv[2], path, {}, {}, {}, true);
    Traffic::GeneratorOptions options;
    options.mode = Traffic::LoopMode::Closed;
    options.connections = std::atoi(argv[3]);
    options.duration = std::chrono::microseconds(std::int64_t(std::atof(argv[4]) * 1e6));
    options.timeout = std::chrono::milliseconds(2000);
    options.drainTimeout = std::chrono::milliseconds(2000);
    Metrics::LatencyHistogram histogram;
    std::uint64_t ok = 0, errors = 0;
    std::int64_t last = 0;
    Traffic::LoadGenerator generator({request}, options);
    std::string error;
    if (!generator.run(
            [&](const Traffic::Outcome &o) {
                if (o.status == 200) {
                    ++ok;
                } else {
                    ++errors;
                }
                histogram.record(o.latencyMicros);
                last = std::max(last, o.doneMicros);
            },
            {}, &error)) {
        std::fprintf(stderr, "bench_traffic_generator: %s\n", error.c_str());
        return 1;
    }
    // Requests answered within the duration, per second of it (wrk counts the same way).
    const double seconds = std::atof(argv[4]);
    std::printf("TORIILOAD rps=%.1f requests=%llu errors=%llu p50_us=%lld p99_us=%lld\n",
                double(ok) / seconds, (unsigned long long)ok, (unsigned long long)errors,
                (long long)histogram.percentile(50), (long long)histogram.percentile(99));
    return 0;
}
