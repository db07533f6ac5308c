// LoadRun with a traffic scenario, on the demo workspace (resources/demo) over real sockets: the
// steps land at their times, weight changes reach the running gateway, and the rollback rule
// rolls the canary back when it is made to fail — and not otherwise. Short timelines (seconds),
// seeded gateway and backends; the assertions are on counts per 1 s bucket, not on timing.
#include "app/runtime/load_run.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace Torii;

namespace {

const std::string kSource = TORII_SOURCE_DIR;

// Only the weighted stable/canary rule of webapp/ab-testing-route (no cookie, no header).
const char *kMix = R"(requests:
- listener: {namespace: gateway-system, gateway: production-gateway, port: 80}
  host: shop.example.com
  path: /
)";

std::string write(const QTemporaryDir &dir, const char *name, const std::string &text)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {};
    }
    file.write(text.data(), qint64(text.size()));
    return path.toStdString();
}

// 50/50 from the start; at 1 s the canary gets `canaryChange` (a behaviour map); the rollback
// rule watches `when`.
std::string scenario(const std::string &canaryChange, const std::string &when)
{
    return "steps:\n"
           "- at: 0s\n"
           "  weights: {route: webapp/ab-testing-route, rule: weighted,\n"
           "            backends: {webapp-stable: 50, webapp-canary: 50}}\n"
           "- at: 1s\n"
           "  backend: {service: webapp/webapp-canary, " +
           canaryChange +
           "}\n"
           "rollback:\n"
           "  backend: webapp/webapp-canary\n"
           "  route: webapp/ab-testing-route\n"
           "  rule: weighted\n"
           "  when: {" +
           when + ", window: 1s, minRequests: 20}\n";
}

struct Ran
{
    Runtime::LoadReport report;
    std::vector<Runtime::TimelineEvent> seen; // through the callback, as they happened
};

bool runScenario(const std::string &scenarioText, Ran &ran, QString *error)
{
    QTemporaryDir dir;
    Runtime::LoadOptions options;
    options.mixFile = write(dir, "mix.yaml", kMix);
    options.scenarioFile = write(dir, "scenario.yaml", scenarioText);
    options.generator.mode = Traffic::LoopMode::Open;
    options.generator.rate = 200;
    options.generator.connections = 64;
    options.generator.duration = std::chrono::seconds(3);
    options.generator.seed = 5;
    options.gatewaySeed = 4242;
    Runtime::LoadRun run;
    run.setTimelineCallback([&](const Runtime::TimelineEvent &e) { ran.seen.push_back(e); });
    if (!run.prepare({kSource + "/resources/demo"}, options, error) || !run.run({}, error)) {
        return false;
    }
    ran.report = run.report();
    return true;
}

// Requests a backend answered in second `second` of the run.
std::uint64_t answeredIn(const Runtime::LoadReport &r, const std::string &backend, int second)
{
    const Metrics::KeyedMetrics *m = r.series.find(Metrics::Dimension::Backend, backend);
    if (!m || m->series.empty() || int(m->series[0].buckets().size()) <= second) {
        return 0;
    }
    return m->series[0].buckets()[std::size_t(second)].requests;
}

int count(const Runtime::LoadReport &r, Runtime::TimelineEvent::Kind kind)
{
    return int(std::count_if(r.timeline.begin(), r.timeline.end(),
                             [&](const Runtime::TimelineEvent &e) { return e.kind == kind; }));
}

} // namespace

class TstLoadScenario : public QObject
{
    Q_OBJECT

private slots:
    void rollsBackWhenTheCanaryFails_data()
    {
        QTest::addColumn<QString>("canary");
        QTest::addColumn<QString>("when");
        QTest::addColumn<QString>("reason");
        QTest::newRow("errors") << "errorRate: 0.5, status: 503, seed: 3"
                                << "errorRate: 0.1"
                                << "error rate";
        QTest::newRow("latency") << "latency: {distribution: fixed, value: 300ms}"
                                 << "p99Ms: 100"
                                 << "p99";
    }
    void rollsBackWhenTheCanaryFails()
    {
        QFETCH(QString, canary);
        QFETCH(QString, when);
        QFETCH(QString, reason);
        Ran ran;
        QString error;
        QVERIFY2(runScenario(scenario(canary.toStdString(), when.toStdString()), ran, &error),
                 qPrintable(error));
        const Runtime::LoadReport &r = ran.report;
        QVERIFY(r.scenario);
        QCOMPARE(count(r, Runtime::TimelineEvent::Kind::Step), 2);
        QCOMPARE(count(r, Runtime::TimelineEvent::Kind::Failed), 0);
        QCOMPARE(count(r, Runtime::TimelineEvent::Kind::Rollback), 1);
        QCOMPARE(ran.seen.size(), r.timeline.size());
        const Runtime::TimelineEvent &rollback = r.timeline.back();
        QCOMPARE(rollback.kind, Runtime::TimelineEvent::Kind::Rollback);
        QVERIFY2(QString::fromStdString(rollback.reason).startsWith(reason),
                 rollback.reason.c_str());
        QVERIFY2(rollback.atSeconds >= 1.0 && rollback.atSeconds < 2.0,
                 qPrintable(QString::number(rollback.atSeconds)));
        QCOMPARE(rollback.what, std::string("weight of webapp/webapp-canary in "
                                            "webapp/ab-testing-route rule weighted set to 0"));
        // Before: both served. The last second, after the rollback: stable only.
        QVERIFY(answeredIn(r, "webapp/webapp-canary", 0) > 30);
        QVERIFY(answeredIn(r, "webapp/webapp-stable", 0) > 30);
        QCOMPARE(answeredIn(r, "webapp/webapp-canary", 2), std::uint64_t(0));
        QVERIFY(answeredIn(r, "webapp/webapp-stable", 2) > 150);
    }

    void doesNotRollBackAHealthyCanary()
    {
        Ran ran;
        QString error;
        QVERIFY2(runScenario(scenario("latency: {distribution: fixed, value: 1ms}, errorRate: 0",
                                      "errorRate: 0.1, p99Ms: 100"),
                             ran, &error),
                 qPrintable(error));
        const Runtime::LoadReport &r = ran.report;
        QCOMPARE(count(r, Runtime::TimelineEvent::Kind::Step), 2);
        QCOMPARE(count(r, Runtime::TimelineEvent::Kind::Rollback), 0);
        QCOMPARE(count(r, Runtime::TimelineEvent::Kind::Failed), 0);
        QCOMPARE(r.timeline[0].dueSeconds, 0.0);
        QCOMPARE(r.timeline[1].dueSeconds, 1.0);
        QVERIFY(r.timeline[1].atSeconds >= 1.0);
        QVERIFY(answeredIn(r, "webapp/webapp-canary", 2) > 50); // still half the traffic
        QVERIFY(answeredIn(r, "webapp/webapp-stable", 2) > 50);
        QCOMPARE(r.errors, std::uint64_t(0));
    }

    void weightStepReachesTheRunningGateway()
    {
        // 100/0 from 0 s, 0/100 from 1 s: the gateway's table is swapped while traffic flows.
        const std::string text = "steps:\n"
                                 "- at: 0s\n"
                                 "  weights: {route: webapp/ab-testing-route, rule: 2,\n"
                                 "            backends: {webapp-stable: 100, webapp-canary: 0}}\n"
                                 "- at: 1s\n"
                                 "  weights: {route: webapp/ab-testing-route, rule: 2,\n"
                                 "            backends: {webapp-stable: 0, webapp-canary: 100}}\n";
        Ran ran;
        QString error;
        QVERIFY2(runScenario(text, ran, &error), qPrintable(error));
        const Runtime::LoadReport &r = ran.report;
        QCOMPARE(answeredIn(r, "webapp/webapp-canary", 0), std::uint64_t(0));
        QVERIFY(answeredIn(r, "webapp/webapp-stable", 0) > 150);
        QCOMPARE(answeredIn(r, "webapp/webapp-stable", 2), std::uint64_t(0));
        QVERIFY(answeredIn(r, "webapp/webapp-canary", 2) > 150);
    }

    void shippedScenariosFitTheDemo_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("canary-rollout") << "canary-rollout.yaml";
        QTest::newRow("canary-slow-start") << "canary-slow-start.yaml";
        QTest::newRow("ab-test") << "ab-test.yaml";
    }
    void shippedScenariosFitTheDemo()
    {
        QFETCH(QString, file);
        Runtime::LoadOptions options;
        options.mixFile = kSource + "/resources/scenarios/shop-mix.yaml";
        options.scenarioFile = kSource + "/resources/scenarios/" + file.toStdString();
        options.generator.mode = Traffic::LoopMode::Open;
        options.generator.rate = 10;
        options.generator.duration = std::chrono::seconds(1);
        Runtime::LoadRun run;
        QString error;
        QVERIFY2(run.prepare({kSource + "/resources/demo"}, options, &error), qPrintable(error));
        QVERIFY(run.diagnostics().empty() ||
                !Core::hasErrors(run.diagnostics())); // warnings of the design only
    }

    void namesNotInTheDesignAreRefusedBeforeTheRun()
    {
        QTemporaryDir dir;
        Runtime::LoadOptions options;
        options.mixFile = write(dir, "mix.yaml", kMix);
        options.scenarioFile = write(dir, "s.yaml",
                                     "steps:\n- at: 0s\n  backend: {service: webapp/nobody, "
                                     "errorRate: 1}\n");
        options.generator.mode = Traffic::LoopMode::Open;
        options.generator.rate = 10;
        options.generator.duration = std::chrono::seconds(1);
        Runtime::LoadRun run;
        QString error;
        QVERIFY(!run.prepare({kSource + "/resources/demo"}, options, &error));
        QVERIFY2(error.contains(QStringLiteral("s.yaml:2:")) &&
                     error.contains(QStringLiteral("webapp/nobody")),
                 qPrintable(error));

        Runtime::LoadRun withTarget;
        options.target = std::make_pair(std::string("127.0.0.1"), quint16(1));
        QVERIFY(!withTarget.prepare({kSource + "/resources/demo"}, options, &error));
    }
};

QTEST_GUILESS_MAIN(TstLoadScenario)
#include "tst_load_scenario.moc"
