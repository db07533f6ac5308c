#include "simulator/metrics/latency_histogram.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>
#include <random>

using Torii::Metrics::LatencyHistogram;

class TstMetricsHistogram : public QObject
{
    Q_OBJECT

private slots:
    void exactBelowTwoToTheBitsPlusOne()
    {
        LatencyHistogram h(7);
        for (std::int64_t v = 0; v < 256; ++v) {
            QCOMPARE(h.indexOf(v), v);
            QCOMPARE(h.lowestValueAt(v), v);
            QCOMPARE(h.widthAt(v), std::int64_t(1));
        }
        h.record(3);
        h.record(200);
        QCOMPARE(h.percentile(50), std::int64_t(3));
        QCOMPARE(h.percentile(100), std::int64_t(200));
    }

    void bucketsTileTheRangeWithoutGaps()
    {
        for (int bits : {1, 3, 5, 7}) {
            LatencyHistogram h(bits);
            std::int64_t expectedLow = 0;
            for (std::int64_t i = 0; i < h.bucketCount(); ++i) {
                QCOMPARE(h.lowestValueAt(i), expectedLow);
                QCOMPARE(h.indexOf(expectedLow), i);
                QCOMPARE(h.indexOf(expectedLow + h.widthAt(i) - 1), i);
                expectedLow += h.widthAt(i);
            }
            QCOMPARE(expectedLow - 1, LatencyHistogram::kMaxTrackableMicros);
        }
    }

    void everyValueIsReportedWithinTheStatedBound()
    {
        // A single recorded value is clamped to min = max, so use two: the percentile of the
        // lower one is its bucket's middle.
        std::mt19937_64 random(7);
        for (int bits : {5, 7}) {
            LatencyHistogram probe(bits);
            const double bound = probe.relativeErrorBound();
            QCOMPARE(bound, std::ldexp(1.0, -(bits + 1)));
            for (int i = 0; i < 20000; ++i) {
                const std::int64_t v =
                    std::int64_t(std::exp(std::uniform_real_distribution<>(0, 24)(random)));
                LatencyHistogram h(bits);
                h.record(v);
                h.record(LatencyHistogram::kMaxTrackableMicros);
                const std::int64_t reported = h.percentile(50);
                QVERIFY2(std::fabs(double(reported - v)) <= bound * double(v),
                         qPrintable(QStringLiteral("%1 reported as %2").arg(v).arg(reported)));
            }
        }
    }

    void percentilesOfAKnownDistribution()
    {
        // 1..100000 µs, each once: the exact p-th percentile is p * 1000.
        LatencyHistogram h;
        for (std::int64_t v = 1; v <= 100000; ++v) {
            h.record(v);
        }
        QCOMPARE(h.count(), std::uint64_t(100000));
        QCOMPARE(h.min(), std::int64_t(1));
        QCOMPARE(h.max(), std::int64_t(100000));
        for (double p : {1.0, 10.0, 50.0, 90.0, 99.0, 99.9}) {
            const double exact = p * 1000.0;
            const double got = double(h.percentile(p));
            QVERIFY2(std::fabs(got - exact) <= exact * h.relativeErrorBound() + 1,
                     qPrintable(QStringLiteral("p%1: %2 vs %3").arg(p).arg(got).arg(exact)));
        }
        QVERIFY(std::fabs(h.mean() - 50000.5) < 50000.5 * h.relativeErrorBound());
    }

    void mergeEqualsRecordingEverythingInOne()
    {
        std::mt19937_64 random(11);
        std::lognormal_distribution<> latency(7.0, 1.5);
        LatencyHistogram all, a, b;
        for (int i = 0; i < 50000; ++i) {
            const auto v = std::int64_t(latency(random));
            all.record(v);
            (i % 3 ? a : b).record(v);
        }
        QVERIFY(a.merge(b));
        QCOMPARE(a.count(), all.count());
        QCOMPARE(a.max(), all.max());
        QCOMPARE(a.min(), all.min());
        for (double p : {50.0, 90.0, 99.0, 99.9, 99.99}) {
            QCOMPARE(a.percentile(p), all.percentile(p));
        }
        LatencyHistogram coarse(5);
        QVERIFY(!a.merge(coarse));
        QCOMPARE(a.count(), all.count());
    }

    void clampsOutOfRangeValuesAndHandlesEmpty()
    {
        LatencyHistogram h;
        QCOMPARE(h.percentile(99), std::int64_t(0));
        QCOMPARE(h.max(), std::int64_t(0));
        h.record(-5);
        h.record(std::int64_t(1) << 50);
        QCOMPARE(h.count(), std::uint64_t(2));
        QCOMPARE(h.min(), std::int64_t(0));
        QCOMPARE(h.max(), LatencyHistogram::kMaxTrackableMicros);
        h.reset();
        QCOMPARE(h.count(), std::uint64_t(0));
    }

    void memoryStaysBounded()
    {
        LatencyHistogram h;
        QCOMPARE(h.bucketCount(), std::int64_t(3840));
        h.record(LatencyHistogram::kMaxTrackableMicros);
        QCOMPARE(h.indexOf(LatencyHistogram::kMaxTrackableMicros), h.bucketCount() - 1);
    }
};

QTEST_GUILESS_MAIN(TstMetricsHistogram)
#include "tst_metrics_histogram.moc"
