#include "traffic_series.h"

#include <algorithm>
#include <numeric>

namespace Torii::Metrics {

const char *toString(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Listener:
        return "listener";
    case Dimension::Route:
        return "route";
    case Dimension::Rule:
        return "rule";
    case Dimension::Backend:
        return "backend";
    case Dimension::Endpoint:
        return "endpoint";
    }
    return "?";
}

int statusClassOf(int status)
{
    return status >= 100 && status < 600 ? status / 100 : 0;
}

void BucketStats::add(const Sample &sample)
{
    ++requests;
    ++statusClasses[std::size_t(statusClassOf(sample.status))];
    bytes += sample.bytes;
    latency.record(sample.latencyMicros);
}

bool BucketStats::merge(const BucketStats &other)
{
    if (!latency.merge(other.latency)) {
        return false;
    }
    requests += other.requests;
    for (std::size_t i = 0; i < statusClasses.size(); ++i) {
        statusClasses[i] += other.statusClasses[i];
    }
    bytes += other.bytes;
    return true;
}

std::uint64_t BucketStats::errors() const
{
    return statusClasses[0] + statusClasses[4] + statusClasses[5];
}

TimeSeries::TimeSeries(std::int64_t bucketMicros)
    : m_bucketMicros(std::max<std::int64_t>(1, bucketMicros))
{}

void TimeSeries::add(const Sample &sample)
{
    const auto index =
        static_cast<std::size_t>(std::max<std::int64_t>(0, sample.atMicros) / m_bucketMicros);
    while (m_buckets.size() <= index) {
        BucketStats bucket;
        bucket.startMicros = static_cast<std::int64_t>(m_buckets.size()) * m_bucketMicros;
        m_buckets.push_back(std::move(bucket));
    }
    m_buckets[index].add(sample);
}

KeyedMetrics::KeyedMetrics(const std::vector<std::int64_t> &resolutions)
{
    for (std::int64_t r : resolutions) {
        series.emplace_back(r);
    }
}

MetricsRecorder::MetricsRecorder(std::vector<std::int64_t> resolutions)
    : m_resolutions(std::move(resolutions))
{}

void MetricsRecorder::record(const Sample &sample)
{
    m_overall.add(sample);
    const std::array<const std::string *, 5> keys = {&sample.listener, &sample.route, &sample.rule,
                                                     &sample.backend, &sample.endpoint};
    for (std::size_t d = 0; d < keys.size(); ++d) {
        if (keys[d]->empty()) {
            continue;
        }
        auto &map = m_keys[d];
        auto it = map.find(*keys[d]);
        if (it == map.end()) {
            it = map.emplace(*keys[d], KeyedMetrics(m_resolutions)).first;
        }
        it->second.total.add(sample);
        for (TimeSeries &s : it->second.series) {
            s.add(sample);
        }
    }
}

const std::map<std::string, KeyedMetrics> &MetricsRecorder::byKey(Dimension dimension) const
{
    return m_keys[static_cast<std::size_t>(dimension)];
}

const KeyedMetrics *MetricsRecorder::find(Dimension dimension, const std::string &key) const
{
    const auto &map = byKey(dimension);
    const auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

std::size_t RuleSplit::addBackend(const std::string &backend, double weight)
{
    const auto it = std::find(backends.begin(), backends.end(), backend);
    if (it != backends.end()) {
        return static_cast<std::size_t>(it - backends.begin());
    }
    backends.push_back(backend);
    weights.push_back(weight);
    observed.push_back(0);
    return backends.size() - 1;
}

void RuleSplit::observe(const std::string &backend)
{
    if (backend.empty()) {
        ++unattributed;
        return;
    }
    ++observed[addBackend(backend, 0.0)];
}

std::uint64_t RuleSplit::attributed() const
{
    return std::accumulate(observed.begin(), observed.end(), std::uint64_t(0));
}

double RuleSplit::share(std::size_t i) const
{
    const std::uint64_t total = attributed();
    return total && i < observed.size() ? double(observed[i]) / double(total) : 0.0;
}

double RuleSplit::configuredShare(std::size_t i) const
{
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    return total > 0 && i < weights.size() ? weights[i] / total : 0.0;
}

} // namespace Torii::Metrics
