#include "latency_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace Torii::Metrics {

LatencyHistogram::LatencyHistogram(int subBucketBits)
    : m_bits(std::clamp(subBucketBits, 1, 12))
{}

double LatencyHistogram::relativeErrorBound() const
{
    return std::ldexp(1.0, -(m_bits + 1));
}

std::int64_t LatencyHistogram::indexOf(std::int64_t micros) const
{
    const std::int64_t v = std::clamp<std::int64_t>(micros, 0, kMaxTrackableMicros);
    // msb(v) - bits, at least 0: values below 2^(bits+1) get their own bucket.
    const int msb = v == 0 ? 0 : 63 - std::countl_zero(static_cast<std::uint64_t>(v));
    const int shift = std::max(0, msb - m_bits);
    return (std::int64_t(shift) << m_bits) + (v >> shift);
}

std::int64_t LatencyHistogram::lowestValueAt(std::int64_t index) const
{
    const std::int64_t subBuckets = std::int64_t(1) << m_bits;
    if (index < 2 * subBuckets) {
        return index;
    }
    // index = shift * 2^bits + (v >> shift), with (v >> shift) in [2^bits, 2^(bits+1)).
    const std::int64_t shift = (index >> m_bits) - 1;
    const std::int64_t mantissa = index - (shift << m_bits);
    return mantissa << shift;
}

std::int64_t LatencyHistogram::widthAt(std::int64_t index) const
{
    const std::int64_t subBuckets = std::int64_t(1) << m_bits;
    if (index < 2 * subBuckets) {
        return 1;
    }
    return std::int64_t(1) << ((index >> m_bits) - 1);
}

std::int64_t LatencyHistogram::bucketCount() const
{
    return indexOf(kMaxTrackableMicros) + 1;
}

void LatencyHistogram::record(std::int64_t micros, std::uint64_t count)
{
    if (count == 0) {
        return;
    }
    const std::int64_t v = std::clamp<std::int64_t>(micros, 0, kMaxTrackableMicros);
    const auto index = static_cast<std::size_t>(indexOf(v));
    if (index >= m_counts.size()) {
        m_counts.resize(index + 1, 0);
    }
    m_counts[index] += count;
    if (m_count == 0) {
        m_min = m_max = v;
    } else {
        m_min = std::min(m_min, v);
        m_max = std::max(m_max, v);
    }
    m_count += count;
}

bool LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (other.m_bits != m_bits) {
        return false;
    }
    if (other.m_count == 0) {
        return true;
    }
    if (other.m_counts.size() > m_counts.size()) {
        m_counts.resize(other.m_counts.size(), 0);
    }
    for (std::size_t i = 0; i < other.m_counts.size(); ++i) {
        m_counts[i] += other.m_counts[i];
    }
    if (m_count == 0) {
        m_min = other.m_min;
        m_max = other.m_max;
    } else {
        m_min = std::min(m_min, other.m_min);
        m_max = std::max(m_max, other.m_max);
    }
    m_count += other.m_count;
    return true;
}

void LatencyHistogram::reset()
{
    m_counts.clear();
    m_count = 0;
    m_min = m_max = 0;
}

std::int64_t LatencyHistogram::reported(std::int64_t index) const
{
    const std::int64_t middle = lowestValueAt(index) + (widthAt(index) - 1) / 2;
    return std::clamp(middle, m_min, m_max);
}

double LatencyHistogram::mean() const
{
    if (m_count == 0) {
        return 0.0;
    }
    long double sum = 0;
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        if (m_counts[i]) {
            sum += static_cast<long double>(m_counts[i]) * reported(std::int64_t(i));
        }
    }
    return static_cast<double>(sum / m_count);
}

std::int64_t LatencyHistogram::percentile(double p) const
{
    if (m_count == 0) {
        return 0;
    }
    if (p >= 100.0) {
        return m_max;
    }
    if (p <= 0.0) {
        return m_min;
    }
    // The rank of the value (1-based): ceil(p% of count), at least 1.
    auto rank = static_cast<std::uint64_t>(std::ceil(p / 100.0 * static_cast<double>(m_count)));
    rank = std::clamp<std::uint64_t>(rank, 1, m_count);
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        seen += m_counts[i];
        if (seen >= rank) {
            return reported(std::int64_t(i));
        }
    }
    return m_max;
}

} // namespace Torii::Metrics
