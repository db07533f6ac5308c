#pragma once

// Traffic metrics over time: per listener, route, rule, backend and endpoint, buckets of 1 s
// (and 250 ms for a live view) holding requests, status classes, bytes and a latency histogram
// (p50/p90/p99/p99.9/max), plus a whole-run histogram per key at full precision.
//
// Value types; not thread-safe: one thread records (the load generator's), or several recorders
// are merged afterwards.

#include "latency_histogram.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Metrics {

enum class Dimension { Listener, Route, Rule, Backend, Endpoint };
const char *toString(Dimension dimension); // "listener", "route", "rule", "backend", "endpoint"
inline constexpr std::array<Dimension, 5> kDimensions = {Dimension::Listener, Dimension::Route,
                                                         Dimension::Rule, Dimension::Backend,
                                                         Dimension::Endpoint};

// One finished request (or one that got no answer). Empty keys are not recorded under that
// dimension.
struct Sample
{
    std::int64_t atMicros = 0; // when it finished, from the start of the run
    std::string listener;      // e.g. "gateway-system/production-gateway:80"
    std::string route;         // e.g. "HTTPRoute default/webapp"
    std::string rule;          // e.g. "HTTPRoute default/webapp rule 0"
    std::string backend;       // e.g. "default/webapp-v1"
    std::string endpoint;      // e.g. the pod or "127.0.0.1:40123"
    int status = 0;            // 0: no response (connect error, reset, timeout)
    std::uint64_t bytes = 0;   // response bytes received
    std::int64_t latencyMicros = 0;
};

// Status classes: index 0 "no response", 1..5 the 1xx..5xx classes (other values count as 0).
int statusClassOf(int status);
inline constexpr std::array<const char *, 6> kStatusClassNames = {"none", "1xx", "2xx",
                                                                  "3xx",  "4xx", "5xx"};

struct BucketStats
{
    explicit BucketStats(int histogramBits = 5)
        : latency(histogramBits)
    {}
    std::int64_t startMicros = 0;
    std::uint64_t requests = 0;
    std::array<std::uint64_t, 6> statusClasses{};
    std::uint64_t bytes = 0;
    LatencyHistogram latency;

    void add(const Sample &sample);
    bool merge(const BucketStats &other);
    std::uint64_t errors() const; // no response, 4xx and 5xx
};

// Fixed-width buckets from time 0; empty buckets in between are kept (a silent second is data).
class TimeSeries
{
public:
    explicit TimeSeries(std::int64_t bucketMicros);
    std::int64_t bucketMicros() const { return m_bucketMicros; }
    void add(const Sample &sample);
    const std::vector<BucketStats> &buckets() const { return m_buckets; }

private:
    std::int64_t m_bucketMicros;
    std::vector<BucketStats> m_buckets;
};

struct KeyedMetrics
{
    explicit KeyedMetrics(const std::vector<std::int64_t> &resolutions);
    BucketStats total{7};           // the whole run, 0.39 % latency error
    std::vector<TimeSeries> series; // one per resolution, in the recorder's order
};

class MetricsRecorder
{
public:
    // Bucket widths in microseconds; by default 1 s and 250 ms.
    explicit MetricsRecorder(std::vector<std::int64_t> resolutions = {1000000, 250000});

    void record(const Sample &sample);

    const std::vector<std::int64_t> &resolutions() const { return m_resolutions; }
    // Every key seen under `dimension`, sorted by key.
    const std::map<std::string, KeyedMetrics> &byKey(Dimension dimension) const;
    const KeyedMetrics *find(Dimension dimension, const std::string &key) const;
    const BucketStats &overall() const { return m_overall; }

private:
    std::vector<std::int64_t> m_resolutions;
    std::array<std::map<std::string, KeyedMetrics>, 5> m_keys;
    BucketStats m_overall{7};
};

// Observed versus configured split of one rule's traffic among its backends.
struct RuleSplit
{
    std::string rule;
    std::vector<std::string> backends; // e.g. "default/webapp-v1"
    std::vector<double> weights;       // configured, same order
    std::vector<std::uint64_t> observed;
    std::uint64_t unattributed = 0; // answered by the gateway itself, no backend named

    // Adds `backend` with `weight` if absent; returns its index.
    std::size_t addBackend(const std::string &backend, double weight);
    // Counts a request served by `backend`; one not configured is added with weight 0 (which
    // then fails the test: traffic went where the rule sends none). Empty: unattributed.
    void observe(const std::string &backend);
    std::uint64_t attributed() const;
    double share(std::size_t i) const;           // observed share, 0..1
    double configuredShare(std::size_t i) const; // configured share, 0..1
};

} // namespace Torii::Metrics
