// LoadRun: the design served in-process, the generator sending the mix, the report per rule and
// backend. The gateway's weighted choice is seeded (GatewayConfig::random through
// LoadOptions::gatewaySeed), so the chi-square verdicts below are reproducible, not lucky.
#include "app/runtime/load_run.h"
#include "simulator/metrics/chi_square.h"

#include <QtTest/QtTest>

using namespace Torii;

namespace {

std::string data(const char *name)
{
    return std::string(TORII_TEST_DATA_DIR) + "/load/" + name;
}

const Runtime::RuleLoad *rule(const Runtime::LoadReport &r, const std::string &key)
{
    for (const Runtime::RuleLoad &x : r.rules) {
        if (x.key == key) {
            return &x;
        }
    }
    return nullptr;
}

std::uint64_t served(const Runtime::RuleLoad &r, const std::string &service)
{
    for (const Runtime::BackendLoad &b : r.backends) {
        if (b.service == service) {
            return b.requests;
        }
    }
    return 0;
}

// 10,000 requests on the split rule alone (mix-split.yaml): the gateway's seeded draws all go
// to it, so the counts do not depend on how connections interleave.
bool runCanary(const char *design, Runtime::LoadReport &report, QString *error)
{
    Runtime::LoadOptions options;
    options.mixFile = data("mix-split.yaml");
    options.generator.mode = Traffic::LoopMode::Closed;
    options.generator.connections = 8;
    options.generator.requestLimit = 10000;
    options.generator.seed = 7;
    options.gatewaySeed = 12345;
    Runtime::LoadRun run;
    if (!run.prepare({data(design)}, options, error) || !run.run({}, error)) {
        return false;
    }
    report = run.report();
    return true;
}

} // namespace

class TstLoadRun : public QObject
{
    Q_OBJECT

private slots:
    void canaryAt95To5PassesTheChiSquareCheck()
    {
        Runtime::LoadReport report;
        QString error;
        QVERIFY2(runCanary("canary-95-5.yaml", report, &error), qPrintable(error));
        QCOMPARE(report.requests, std::uint64_t(10000));
        QCOMPARE(report.errors, std::uint64_t(0));
        const Runtime::RuleLoad *split = rule(report, "HTTPRoute default/webapp rule 1");
        QVERIFY(split);
        QCOMPARE(split->requests, std::uint64_t(10000));
        QCOMPARE(split->unattributed, std::uint64_t(0));
        QCOMPARE(split->backends.size(), std::size_t(2));
        QCOMPARE(split->backends[0].service, std::string("webapp-stable"));
        QCOMPARE(split->backends[0].configuredShare, 0.95);
        QCOMPARE(served(*split, "webapp-stable") + served(*split, "webapp-canary"),
                 split->requests);
        qInfo("95/5: %llu / %llu, p = %g", (unsigned long long)served(*split, "webapp-stable"),
              (unsigned long long)served(*split, "webapp-canary"), split->weightTest.pValue);
        QVERIFY(split->weightTest.consistent);
        QCOMPARE(split->weightTest.degreesOfFreedom, 1);
        // Latency and series were recorded.
        QVERIFY(split->backends[0].latency.count() == served(*split, "webapp-stable"));
        QVERIFY(report.series.find(Metrics::Dimension::Backend, "default/webapp-canary"));
        QVERIFY(report.series.find(Metrics::Dimension::Listener,
                                   "gateway-system/production-gateway:80"));
    }

    void canaryAt90To10FailsAgainstA95To5Expectation()
    {
        Runtime::LoadReport report;
        QString error;
        QVERIFY2(runCanary("canary-90-10.yaml", report, &error), qPrintable(error));
        const Runtime::RuleLoad *split = rule(report, "HTTPRoute default/webapp rule 1");
        QVERIFY(split);
        // Against its own configuration (90/10) the split is consistent...
        QVERIFY(split->weightTest.consistent);
        QCOMPARE(split->backends[0].configuredShare, 0.9);
        // ...measured against the 95/5 the operator expected, it is not.
        const std::vector<std::uint64_t> observed = {served(*split, "webapp-stable"),
                                                     served(*split, "webapp-canary")};
        const Metrics::WeightTest expected95 = Metrics::chiSquareGoodnessOfFit(observed, {95, 5});
        qInfo("90/10: %llu / %llu, p against 95/5 = %g", (unsigned long long)observed[0],
              (unsigned long long)observed[1], expected95.pValue);
        QVERIFY(!expected95.consistent);
        QVERIFY(expected95.pValue < 1e-10);
    }

    void defaultMixAndBadInput()
    {
        Runtime::LoadOptions options;
        options.generator.connections = 2;
        options.generator.requestLimit = 50;
        Runtime::LoadRun run;
        QString error;
        QVERIFY2(run.prepare({data("canary-95-5.yaml")}, options, &error), qPrintable(error));
        QCOMPARE(run.report().templates.size(), std::size_t(2)); // one per rule match
        QVERIFY(run.run({}, &error));
        QCOMPARE(run.report().requests, std::uint64_t(50));
        QCOMPARE(run.report().rules.size(), std::size_t(2));
        // Every x-canary request reached the canary, which that rule names alone.
        const Runtime::RuleLoad *header = rule(run.report(), "HTTPRoute default/webapp rule 0");
        QVERIFY(header && header->requests > 0);
        QCOMPARE(served(*header, "webapp-canary"), header->requests);
        QVERIFY(header->weightTest.consistent);
        QCOMPARE(header->weightTest.degreesOfFreedom, 0);

        // The mix, with cookies and both rules.
        Runtime::LoadOptions mixed = options;
        mixed.mixFile = data("mix.yaml");
        Runtime::LoadRun withMix;
        QVERIFY2(withMix.prepare({data("canary-95-5.yaml")}, mixed, &error), qPrintable(error));
        QVERIFY(withMix.run({}, &error));
        QCOMPARE(withMix.report().errors, std::uint64_t(0));
        QCOMPARE(withMix.report().templates.size(), std::size_t(2));

        // HTTP/2 lines (h2c) land on the same rules, their backends from the gateway's events.
        Runtime::LoadOptions h2 = options;
        h2.mixFile = data("mix-h2.yaml");
        Runtime::LoadRun overH2;
        QVERIFY2(overH2.prepare({data("canary-95-5.yaml")}, h2, &error), qPrintable(error));
        QVERIFY2(overH2.run({}, &error), qPrintable(error));
        QCOMPARE(overH2.report().requests, std::uint64_t(50));
        QCOMPARE(overH2.report().errors, std::uint64_t(0));
        const Runtime::RuleLoad *canaryHeader =
            rule(overH2.report(), "HTTPRoute default/webapp rule 0");
        const Runtime::RuleLoad *split = rule(overH2.report(), "HTTPRoute default/webapp rule 1");
        QVERIFY(canaryHeader && split);
        QCOMPARE(canaryHeader->requests + split->requests, std::uint64_t(50));
        QCOMPARE(served(*canaryHeader, "webapp-canary"), canaryHeader->requests);
        QCOMPARE(served(*split, "webapp-stable") + served(*split, "webapp-canary"),
                 split->requests);

        // A line the parser refuses stops the run before anything is sent, where it is written.
        Runtime::LoadOptions bad = options;
        bad.mixFile = data("mix-bad-lines.yaml");
        Runtime::LoadRun refused;
        QVERIFY(!refused.prepare({data("canary-95-5.yaml")}, bad, &error));
        bool said = false;
        for (const Core::Diagnostic &d : refused.diagnostics()) {
            said = said || (d.code == "mix.field-not-applicable" && d.line == 6);
        }
        QVERIFY(said);
    }
};

QTEST_GUILESS_MAIN(TstLoadRun)
#include "tst_load_run.moc"
