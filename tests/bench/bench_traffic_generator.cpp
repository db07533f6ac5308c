// The traffic generator alone against one HTTP/1.1 or HTTPS target, closed loop, printing one
// line that bench_traffic_generator.sh parses next to wrk's:
//   bench_traffic_generator HOST PORT CONNECTIONS SECONDS [PATH] [--https NAME [--ca FILE]]
//   TORIILOAD rps=... requests=... errors=... p50_us=... p99_us=...
// Keep-alive, one template, no echo parsing: the same work wrk -t1 does. With --https the
// connections speak TLS with SNI NAME (the Host too), verified against the PEM FILE, or not
// verified without --ca (as wrk does not verify).
#include "simulator/metrics/latency_histogram.h"
#include "simulator/traffic/load_generator.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

int main(int argc, char **argv)
{
    if (argc < 5) {
        std::fprintf(stderr,
                     "usage: %s HOST PORT CONNECTIONS SECONDS [PATH] [--https NAME [--ca FILE]]\n",
                     argv[0]);
        return 2;
    }
    using namespace Torii;
    std::string path = "/";
    std::string serverName;
    std::string caFile;
    for (int i = 5; i < argc; ++i) {
        if (std::strcmp(argv[i], "--https") == 0 && i + 1 < argc) {
            serverName = argv[++i];
        } else if (std::strcmp(argv[i], "--ca") == 0 && i + 1 < argc) {
            caFile = argv[++i];
        } else {
            path = argv[i];
        }
    }
    Traffic::PreparedRequest request;
    request.address = argv[1];
    request.port = static_cast<std::uint16_t>(std::atoi(argv[2]));
    request.tls = !serverName.empty();
    request.serverName = serverName;
    const std::string host = request.tls ? serverName : request.address + ':' + argv[2];
    request.wire = Traffic::serializeRequest("GET", host, path, {}, {}, {}, true);
    Traffic::GeneratorOptions options;
    if (request.tls) {
        Tls::ClientContextOptions tls;
        tls.verify = !caFile.empty();
        if (tls.verify) {
            std::ifstream in(caFile);
            std::ostringstream pem;
            pem << in.rdbuf();
            tls.trustedCertificates.push_back(pem.str());
        }
        std::string why;
        options.tls = Tls::ClientContext::create(tls, &why);
        if (!options.tls) {
            std::fprintf(stderr, "bench_traffic_generator: %s\n", why.c_str());
            return 1;
        }
    }
    options.mode = Traffic::LoopMode::Closed;
    options.connections = std::atoi(argv[3]);
    options.duration = std::chrono::microseconds(std::int64_t(std::atof(argv[4]) * 1e6));
    options.timeout = std::chrono::milliseconds(2000);
    options.drainTimeout = std::chrono::milliseconds(2000);
    Metrics::LatencyHistogram histogram;
    std::uint64_t ok = 0, errors = 0;
    std::int64_t last = 0;
    std::string firstError;
    Traffic::LoadGenerator generator({request}, options);
    std::string error;
    if (!generator.run(
            [&](const Traffic::Outcome &o) {
                if (o.status == 200) {
                    ++ok;
                } else {
                    if (errors++ == 0) {
                        firstError =
                            o.error.empty() ? "status " + std::to_string(o.status) : o.error;
                    }
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
    if (errors) {
        std::fprintf(stderr, "bench_traffic_generator: first error: %s\n", firstError.c_str());
    }
    return 0;
}
