#include "simulator/metrics/metrics_export.h"
#include "simulator/metrics/traffic_series.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QtTest>

using namespace Torii::Metrics;

namespace {

Sample sample(std::int64_t atMs, const std::string &backend, int status, std::int64_t latencyUs)
{
    Sample s;
    s.atMicros = atMs * 1000;
    s.listener = "gw/prod:80";
    s.route = "HTTPRoute default/web";
    s.rule = "HTTPRoute default/web rule 0";
    s.backend = backend;
    s.endpoint = backend + "-pod";
    s.status = status;
    s.bytes = 100;
    s.latencyMicros = latencyUs;
    return s;
}

} // namespace

class TstMetricsSeries : public QObject
{
    Q_OBJECT

private slots:
    void bucketsPerResolutionAndKey()
    {
        MetricsRecorder recorder;
        recorder.record(sample(100, "default/v1", 200, 1000));
        recorder.record(sample(900, "default/v1", 503, 3000));
        recorder.record(sample(1100, "default/v2", 200, 2000));
        recorder.record(sample(3200, "default/v1", 0, 10000));

        QCOMPARE(recorder.overall().requests, std::uint64_t(4));
        QCOMPARE(recorder.overall().errors(), std::uint64_t(2));
        const KeyedMetrics *v1 = recorder.find(Dimension::Backend, "default/v1");
        QVERIFY(v1);
        QCOMPARE(v1->total.requests, std::uint64_t(3));
        QCOMPARE(v1->total.statusClasses[2], std::uint64_t(1));
        QCOMPARE(v1->total.statusClasses[5], std::uint64_t(1));
        QCOMPARE(v1->total.statusClasses[0], std::uint64_t(1));
        QCOMPARE(v1->total.latency.max(), std::int64_t(10000));
        // 1 s buckets: 0..1 s holds two, 1..2 s none (for v1), 2..3 s none, 3..4 s one.
        const auto &seconds = v1->series[0].buckets();
        QCOMPARE(seconds.size(), std::size_t(4));
        QCOMPARE(seconds[0].requests, std::uint64_t(2));
        QCOMPARE(seconds[1].requests, std::uint64_t(0));
        QCOMPARE(seconds[3].requests, std::uint64_t(1));
        QCOMPARE(seconds[3].startMicros, std::int64_t(3000000));
        // 250 ms buckets.
        const auto &quarters = v1->series[1].buckets();
        QCOMPARE(quarters.size(), std::size_t(13));
        QCOMPARE(quarters[0].requests, std::uint64_t(1));
        QCOMPARE(quarters[3].requests, std::uint64_t(1));
        const KeyedMetrics *rule = recorder.find(Dimension::Rule, "HTTPRoute default/web rule 0");
        QVERIFY(rule);
        QCOMPARE(rule->total.requests, std::uint64_t(4));
        QCOMPARE(recorder.byKey(Dimension::Endpoint).size(), std::size_t(2));
        QVERIFY(!recorder.find(Dimension::Backend, "nope"));
    }

    void ruleSplitShares()
    {
        RuleSplit split;
        split.addBackend("default/v1", 95);
        split.addBackend("default/v2", 5);
        for (int i = 0; i < 90; ++i) {
            split.observe("default/v1");
        }
        for (int i = 0; i < 10; ++i) {
            split.observe("default/v2");
        }
        split.observe("");
        split.observe("default/stray");
        QCOMPARE(split.unattributed, std::uint64_t(1));
        QCOMPARE(split.backends.size(), std::size_t(3));
        QCOMPARE(split.weights[2], 0.0);
        QCOMPARE(split.attributed(), std::uint64_t(101));
        QVERIFY(std::fabs(split.share(0) - 90.0 / 101.0) < 1e-12);
        QCOMPARE(split.configuredShare(1), 0.05);
    }

    void csvAndJsonExport()
    {
        MetricsRecorder recorder;
        Sample s = sample(100, "default/v1", 200, 1500);
        s.route = "HTTPRoute default/a,b";
        recorder.record(s);
        const std::string csv = timeSeriesCsv(recorder, 1000000);
        const QStringList lines = QString::fromStdString(csv).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6); // header + one row per dimension
        QVERIFY(lines[0].startsWith("resolution_ms,dimension,key,start_ms,requests"));
        QVERIFY(
            csv.find("1000.000,route,\"HTTPRoute default/a,b\",0.000,1,0,0,1,0,0,0,100,1.500,") !=
            std::string::npos);
        QCOMPARE(timeSeriesCsv(recorder, 42).find('\n'), csv.find('\n')); // header only

        const QJsonObject root =
            QJsonDocument::fromJson(QByteArray::fromStdString(timeSeriesJson(recorder))).object();
        const QJsonArray resolutions = root["resolutions"].toArray();
        QCOMPARE(resolutions.size(), 2);
        QCOMPARE(resolutions[1].toObject()["bucketMs"].toDouble(), 250.0);
        const QJsonArray series = resolutions[0].toObject()["series"].toArray();
        QCOMPARE(series.size(), 5);
        const QJsonObject backend = series[3].toObject();
        QCOMPARE(backend["dimension"].toString(), QStringLiteral("backend"));
        QCOMPARE(backend["total"].toObject()["p99Ms"].toDouble(), 1.5);
        QCOMPARE(backend["buckets"].toArray()[0].toObject()["status"].toObject()["2xx"].toDouble(),
                 1.0);
        QCOMPARE(csvField("a\"b"), std::string("\"a\"\"b\""));
    }
};

QTEST_GUILESS_MAIN(TstMetricsSeries)
#include "tst_metrics_series.moc"
