// Traffic scenarios (simulator/scenarios/traffic_scenario.h): the YAML timeline and its errors
// (file:line:col), the weight edits on HTTPRoute objects, and the rollback rule's sliding window.
#include "engine/yaml/yaml_loader.h"
#include "simulator/scenarios/traffic_scenario.h"

#include <QtTest/QtTest>

using namespace Torii;
using namespace Torii::Scenarios;

namespace {

const char *kExample = R"(steps:
- at: 30s
  weights: {route: webapp/ab-testing-route, rule: 0, backends: {webapp-stable: 75, webapp-canary: 25}}
- at: 0s
  weights: {route: webapp/ab-testing-route, rule: weighted, backends: {webapp-stable: 95, webapp-canary: 5}}
- at: 60s
  backend: {service: webapp/webapp-canary, errorRate: 0.05, status: 503,
            latency: {distribution: lognormal, median: 20ms, sigma: 0.5}}
- at: 1.5
  endpoint: {service: webapp/webapp-stable, replica: 0, down: true, failure: reset,
             slowStart: {duration: 10s, latency: 200ms, errorRate: 0.5}}
rollback:
  backend: webapp/webapp-canary
  route: webapp/ab-testing-route
  rule: 0
  when: {errorRate: 0.02, p99Ms: 500, window: 10s}
)";

const char *kRoute = R"(apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: webapp}
spec:
  rules:
  - name: testers
    backendRefs:
    - {name: canary, port: 80}
  - name: weighted
    backendRefs:
    - {name: stable, port: 80, weight: 95}
    - {name: canary, port: 80, weight: 5}
)";

std::vector<Model::Resource> routeResources()
{
    Yaml::LoadResult loaded = Yaml::loadText(kRoute, "route.yaml");
    std::vector<Model::Resource> out;
    for (auto &document : loaded.documents) {
        out.push_back(Model::makeResource(document.root, {}));
    }
    return out;
}

const Core::Diagnostic *firstError(const ScenarioParseResult &r)
{
    for (const Core::Diagnostic &d : r.diagnostics) {
        if (d.severity == Core::Severity::Error) {
            return &d;
        }
    }
    return nullptr;
}

} // namespace

class TstTrafficScenario : public QObject
{
    Q_OBJECT

private slots:
    void readsTheExampleInTimeOrder()
    {
        const ScenarioParseResult r = parseTrafficScenario(kExample, "s.yaml");
        QVERIFY(r.ok());
        QCOMPARE(r.diagnostics.size(), std::size_t(0));
        const auto &steps = r.scenario.steps;
        QCOMPARE(steps.size(), std::size_t(4));
        QCOMPARE(steps[0].at.count(), 0);
        QCOMPARE(steps[1].at.count(), 1500); // a bare number is seconds
        QCOMPARE(steps[2].at.count(), 30000);
        QCOMPARE(steps[3].at.count(), 60000);
        QVERIFY(steps[0].weights);
        QCOMPARE(steps[0].weights->rule.ruleName, std::string("weighted"));
        QCOMPARE(steps[2].weights->rule.index, 0);
        QCOMPARE(steps[0].weights->backends[1], std::make_pair(std::string("webapp-canary"), 5));
        QCOMPARE(steps[0].line, 4);
        const BehaviourChange &endpoint = *steps[1].behaviour;
        QCOMPARE(endpoint.replica, 0);
        QCOMPARE(*endpoint.patch.down, true);
        QCOMPARE(*endpoint.patch.failure, Backends::FailureMode::Reset);
        QCOMPARE(endpoint.patch.slowStart->duration.count(), 10000);
        QCOMPARE(endpoint.patch.slowStart->latencyMs, 200.0);
        const BehaviourChange &canary = *steps[3].behaviour;
        QCOMPARE(canary.replica, -1);
        QCOMPARE(*canary.patch.errorRate, 0.05);
        QCOMPARE(*canary.patch.status, 503);
        QCOMPARE(canary.patch.latency->kind, Backends::LatencyDistribution::Kind::LogNormal);
        QCOMPARE(canary.patch.latency->a, 20.0);
        QCOMPARE(steps[3].describe(),
                 std::string("backend webapp/webapp-canary: latency=lognormal(20,0.5) "
                             "errorRate=0.05 status=503"));

        Backends::BackendBehaviour b;
        canary.patch.applyTo(b);
        QCOMPARE(b.errorRate, 0.05);
        QCOMPARE(b.errorStatus, 503);
        QCOMPARE(b.down, false); // not written: unchanged

        QVERIFY(r.scenario.rollback);
        QCOMPARE(r.scenario.rollback->backendKey(), std::string("webapp/webapp-canary"));
        QCOMPARE(*r.scenario.rollback->errorRate, 0.02);
        QCOMPARE(*r.scenario.rollback->p99Ms, 500.0);
        QCOMPARE(r.scenario.rollback->window.count(), 10000);
    }

    void errorsSayWhere_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("code");
        QTest::newRow("bad duration") << "steps:\n- at: soon\n  backend: {service: a/b}\n"
                                      << 2 << 7 << "scenario.duration";
        QTest::newRow("two changes")
            << "steps:\n- at: 1s\n  backend: {service: a/b}\n  endpoint: {service: a/b, "
               "replica: 0}\n"
            << 2 << 3 << "scenario.step";
        QTest::newRow("rate above 1") << "steps:\n- at: 1s\n  backend: {service: a/b, errorRate: "
                                         "5}\n"
                                      << 3 << 38 << "scenario.rate";
        QTest::newRow("unknown distribution")
            << "steps:\n- at: 1s\n  backend:\n    service: a/b\n    latency: {distribution: "
               "gauss, value: 1ms}\n"
            << 5 << 29 << "scenario.latency";
        QTest::newRow("endpoint without replica")
            << "steps:\n- at: 1s\n  endpoint: {service: a/b, down: true}\n"
            << 3 << 13 << "scenario.replica";
        QTest::newRow("rollback without threshold")
            << "rollback:\n  backend: a/b\n  route: a/r\n  when: {window: 5s}\n"
            << 4 << 9 << "scenario.when";
        QTest::newRow("weight not a number")
            << "steps:\n- at: 0s\n  weights: {route: a/r, backends: {x: lots}}\n"
            << 3 << 39 << "scenario.weight";
        QTest::newRow("nothing") << "steps: []\n" << 1 << 1 << "scenario.empty";
    }
    void errorsSayWhere()
    {
        QFETCH(QString, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, code);
        const std::string text = yaml.toStdString();
        const ScenarioParseResult r = parseTrafficScenario(text, "bad.yaml");
        QVERIFY(!r.ok());
        const Core::Diagnostic *d = firstError(r);
        QVERIFY(d);
        QCOMPARE(QString::fromStdString(d->code), code);
        QCOMPARE(d->file, std::string("bad.yaml"));
        QCOMPARE(d->line, line);
        QCOMPARE(d->column, column);
    }

    void unknownFieldsWarn()
    {
        const ScenarioParseResult r = parseTrafficScenario(
            "steps:\n- at: 1s\n  backend: {service: a/b, colour: red}\n", "w.yaml");
        QVERIFY(r.ok());
        QCOMPARE(r.diagnostics.size(), std::size_t(1));
        QCOMPARE(r.diagnostics[0].code, std::string("scenario.unknown-field"));
    }

    void weightsEditTheRouteRule()
    {
        std::vector<Model::Resource> resources = routeResources();
        QCOMPARE(resources.size(), std::size_t(1));
        WeightChange change;
        change.rule = {"webapp", "shop", -1, "weighted"};
        change.backends = {{"canary", 0}};
        QCOMPARE(resolveRuleIndex(resources, change.rule), 1);
        std::string why;
        QVERIFY2(applyWeights(resources, change, &why), why.c_str());
        const auto &refs = resources[0].object["spec"]["rules"].items()[1]["backendRefs"].items();
        QCOMPARE(refs[0]["weight"].asInt(), 95); // the others keep theirs
        QCOMPARE(refs[1]["weight"].asInt(), 0);

        change.backends = {{"nobody", 1}};
        QVERIFY(!applyWeights(resources, change, &why));
        QVERIFY(why.find("nobody") != std::string::npos);
        change.rule = {"webapp", "shop", 7, {}};
        QVERIFY(!applyWeights(resources, change, &why));
        QCOMPARE(resolveRuleIndex(resources, change.rule), -1);
        change.rule = {"other", "shop", 0, {}};
        QVERIFY(!applyWeights(resources, change, &why));
    }

    void rollbackWatchFiresAboveTheThresholdOnly()
    {
        RollbackRule rule;
        rule.backendNs = "webapp";
        rule.backendName = "canary";
        rule.rule = {"webapp", "shop", 1, {}};
        rule.errorRate = 0.10;
        rule.window = std::chrono::seconds(1);
        rule.minRequests = 20;
        const std::string key = "HTTPRoute webapp/shop rule 1";

        // 5 % errors for 3 s: never.
        RollbackWatch healthy(rule);
        healthy.setRuleIndex(1);
        for (int i = 0; i < 300; ++i) {
            QVERIFY(
                !healthy.observe(i * 10000, key, "webapp/canary", i % 20 == 0 ? 503 : 200, 1000));
        }
        QVERIFY(!healthy.fired());

        // Errors on another rule, another backend or answered by the gateway: not the canary's.
        RollbackWatch other(rule);
        other.setRuleIndex(1);
        for (int i = 0; i < 100; ++i) {
            QVERIFY(!other.observe(i * 1000, "HTTPRoute webapp/shop rule 0", "webapp/canary", 503,
                                   1000));
            QVERIFY(!other.observe(i * 1000, key, "webapp/stable", 503, 1000));
            QVERIFY(!other.observe(i * 1000, key, "", 502, 1000));
        }

        // 19 failures are below minRequests; the 20th answer in the window fires, once.
        RollbackWatch failing(rule);
        failing.setRuleIndex(1);
        for (int i = 0; i < 19; ++i) {
            QVERIFY(!failing.observe(i * 1000, key, "webapp/canary", 0, 1000));
        }
        const auto reason = failing.observe(19000, key, "webapp/canary", 503, 1000);
        QVERIFY(reason);
        QVERIFY2(reason->find("error rate 100% > 10%") == 0, reason->c_str());
        QVERIFY(failing.fired());
        QVERIFY(!failing.observe(20000, key, "webapp/canary", 503, 1000));

        // Old failures leave the window: 15 errors, then 2 s later 30 good answers.
        RollbackWatch windowed(rule);
        windowed.setRuleIndex(1);
        for (int i = 0; i < 15; ++i) {
            QVERIFY(!windowed.observe(i * 1000, key, "webapp/canary", 503, 1000));
        }
        for (int i = 0; i < 30; ++i) {
            QVERIFY(!windowed.observe(2000000 + i * 1000, key, "webapp/canary", 200, 1000));
        }

        // p99.
        RollbackRule slow = rule;
        slow.errorRate.reset();
        slow.p99Ms = 100;
        RollbackWatch latency(slow);
        std::optional<std::string> fired;
        for (int i = 0; i < 100 && !fired; ++i) {
            fired = latency.observe(i * 1000, key, "webapp/canary", 200, i < 90 ? 5000 : 300000);
        }
        QVERIFY(fired);
        QVERIFY2(fired->find("p99 300 ms > 100 ms") == 0, fired->c_str());
    }
};

QTEST_GUILESS_MAIN(TstTrafficScenario)
#include "tst_scenarios_traffic_scenario.moc"
