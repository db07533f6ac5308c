#pragma once

// A mergeable log-linear latency histogram (the HdrHistogram layout, simplified): values in
// microseconds, exact below 2^(bits+1) µs, and above that 2^bits linear sub-buckets per power of
// two. A reported value (the middle of its bucket, clamped to the recorded min and max) is
// within relativeErrorBound() = 2^-(bits+1) of the value recorded: 1/256 (0.39 %) with the
// default 7 bits, 1/64 (1.6 %) with 5.
//
// Fixed memory: at most bucketCount() counters (3,840 with 7 bits, up to 2^36 µs ≈ 19 h; larger
// values are clamped to that and still count), allocated up to the highest bucket used so far,
// so a run whose latencies stay under 100 ms holds ~1,500 counters. record() is O(1); merge() is
// linear in the counters; percentiles walk them once.
//
// Value type; not thread-safe (one writer, or merge per-thread histograms).

#include <cstdint>
#include <vector>

namespace Torii::Metrics {

class LatencyHistogram
{
public:
    static constexpr std::int64_t kMaxTrackableMicros = (std::int64_t(1) << 36) - 1;

    // subBucketBits in [1, 12]; out-of-range values are clamped.
    explicit LatencyHistogram(int subBucketBits = 7);

    // Negative values count as 0; values above kMaxTrackableMicros as kMaxTrackableMicros.
    void record(std::int64_t micros, std::uint64_t count = 1);
    // Adds `other`'s counts. False (nothing changed) when the precisions differ.
    bool merge(const LatencyHistogram &other);
    void reset();

    int subBucketBits() const { return m_bits; }
    double relativeErrorBound() const;
    std::uint64_t count() const { return m_count; }
    std::int64_t min() const { return m_count ? m_min : 0; }
    std::int64_t max() const { return m_count ? m_max : 0; } // exact
    double mean() const;                                     // from the bucket middles
    // The value at percentile `p` (0..100): the smallest recorded value v such that at least
    // p % of the values are <= v, reported as its bucket's middle. 0 when empty; p >= 100: max().
    std::int64_t percentile(double p) const;
    std::int64_t bucketCount() const;

    // Bucket arithmetic, public for tests.
    std::int64_t indexOf(std::int64_t micros) const;
    std::int64_t lowestValueAt(std::int64_t index) const;
    std::int64_t widthAt(std::int64_t index) const;

private:
    std::int64_t reported(std::int64_t index) const;

    int m_bits;
    std::vector<std::uint64_t> m_counts; // grown up to the highest index used
    std::uint64_t m_count = 0;
    std::int64_t m_min = 0;
    std::int64_t m_max = 0;
};

} // namespace Torii::Metrics
