// The route-test case parser on project-owned case files written here: every field of the format,
// its defaults, and a diagnostic with file:line:col for each way a file can be wrong.
#include "simulator/scenarios/route_test_case.h"

#include <QtTest/QTest>

using namespace Torii;
using namespace Torii::Scenarios;

namespace {

// A complete file in the corpus's shape, exercising every status check and every action.
constexpr const char *kFull = R"(tests:
- name: EveryField
  source: tests/every-field.yaml
  description: "one of each"
  features: [Gateway, HTTPRoute]
  provisional: true
  manifests: [base/manifests.yaml, tests/every-field.yaml]
  applicability: simulated
  gateway: {namespace: infra, name: gw}
  status:
  - kind: Namespace
    name: infra
    check: namespaceReady
  - kind: Gateway
    namespace: infra
    name: gw
    check: hasAddress
  - kind: HTTPRoute
    namespace: app
    name: route
    check: routeParents
    namespaceRequired: true
    parents:
    - parentRef: {group: gateway.networking.k8s.io, kind: Gateway, namespace: infra, name: gw, sectionName: http, port: 80}
      conditions:
      - {type: Accepted, status: "True", reason: Accepted}
  - kind: HTTPRoute
    namespace: app
    name: route
    subtest: after
    check: routeCondition
    parents:
    - parentRef: {namespace: infra, name: gw}
      conditions:
      - {type: ResolvedRefs, status: True}
  - kind: Gateway
    namespace: infra
    name: gw
    check: listeners
    listeners:
    - name: http
      supportedKinds:
      - {kind: HTTPRoute}
      - {group: example.com, kind: Custom}
      attachedRoutes: 2
      conditions:
      - {type: Accepted}
    - name: tls
      supportedKinds: []
  - kind: Gateway
    namespace: infra
    name: gw
    check: attachedListenerSets
    attachedListenerSets: 3
  - kind: BackendTLSPolicy
    namespace: infra
    name: policy
    check: policyCondition
    ancestors:
    - ancestorRef: {namespace: infra, name: gw}
      conditions:
      - {type: Accepted, status: "False", reason: NoValidCACertificate}
  - action:
      patch:
        kind: HTTPRoute
        namespace: app
        name: route
        set: {"spec.rules[0].backendRefs[0].name": v2, "metadata.labels.x": y}
  - action:
      delete: {kind: ReferenceGrant, namespace: app, name: grant}
  - action:
      fillEndpointSlices: {namespace: infra, names: [a, b], fromPodsOf: backend}
    notes: fill them
  - kind: HTTPRoute
    namespace: app
    name: route
    check: generationChanged
  - kind: Gateway
    namespace: infra
    name: gw
    check: addresses
    notes: the usable address
  requests:
  - request: {path: /}
    expect: {status: 200}
  notes: whole-test notes
- name: ClusterOnly
  manifests: [base/manifests.yaml]
  applicability: cluster-only
  notes: "cluster-only: needs a real API server."
)";

QString diagnosticsText(const RouteTestFile &file)
{
    QString out;
    for (const Core::Diagnostic &d : file.diagnostics) {
        out += QString::fromStdString(d.toCompilerStyle()) + QLatin1Char('\n');
    }
    return out;
}

} // namespace

class TestScenariosCaseParser : public QObject
{
    Q_OBJECT

private slots:
    void everyField()
    {
        const RouteTestFile file = parseRouteTestText(kFull, "every.yaml");
        QVERIFY2(!file.hasErrors(), qPrintable(diagnosticsText(file)));
        QVERIFY2(file.diagnostics.empty(), qPrintable(diagnosticsText(file)));
        QCOMPARE(file.tests.size(), std::size_t(2));

        const RouteTest &t = file.tests[0];
        QCOMPARE(t.name, std::string("EveryField"));
        QCOMPARE(t.file, std::string("every.yaml"));
        QCOMPARE(t.source, std::string("tests/every-field.yaml"));
        QCOMPARE(t.description, std::string("one of each"));
        QCOMPARE(t.features, (std::vector<std::string>{"Gateway", "HTTPRoute"}));
        QVERIFY(t.provisional);
        QCOMPARE(t.manifests,
                 (std::vector<std::string>{"base/manifests.yaml", "tests/every-field.yaml"}));
        QCOMPARE(t.applicability, Applicability::Simulated);
        QVERIFY(t.gateway);
        QCOMPARE(t.gateway->name, std::string("gw"));
        QCOMPARE(t.gateway->ns, std::string("infra"));
        QVERIFY(t.requests.isList());
        QCOMPARE(t.requests.items().size(), std::size_t(1));
        QCOMPARE(t.requests.items()[0]["request"]["path"].asString(), std::string("/"));
        QCOMPARE(t.notes, std::string("whole-test notes"));
        QCOMPARE(t.status.size(), std::size_t(12));

        const StatusAssertion &ready = *t.status[0].assertion;
        QCOMPARE(ready.check, CheckKind::NamespaceReady);
        QCOMPARE(ready.ns, std::string());
        // No gatewayConditions: the suite's own, Accepted and Programmed True.
        QCOMPARE(ready.gatewayConditions.size(), std::size_t(2));
        QCOMPARE(ready.gatewayConditions[1].type, std::string("Programmed"));
        QCOMPARE(*ready.gatewayConditions[1].status, std::string("True"));
        QVERIFY(!ready.gatewayConditions[1].reason);

        const StatusAssertion &parents = *t.status[2].assertion;
        QCOMPARE(parents.check, CheckKind::RouteParents);
        QVERIFY(parents.namespaceRequired);
        QCOMPARE(parents.parents.size(), std::size_t(1));
        QCOMPARE(*parents.parents[0].ref.group, std::string("gateway.networking.k8s.io"));
        QCOMPARE(*parents.parents[0].ref.sectionName, std::string("http"));
        QCOMPARE(*parents.parents[0].ref.port, std::int64_t(80));
        QCOMPARE(*parents.parents[0].conditions[0].reason, std::string("Accepted"));
        QCOMPARE(parents.mark.line, 18u);
        QCOMPARE(parents.mark.column, 5u);

        const StatusAssertion &condition = *t.status[3].assertion;
        QCOMPARE(condition.subtest, std::string("after"));
        QVERIFY(!condition.parents[0].ref.group);
        // An unquoted True is YAML's boolean; the case means the condition status "True".
        QCOMPARE(*condition.parents[0].conditions[0].status, std::string("True"));

        const StatusAssertion &listeners = *t.status[4].assertion;
        QCOMPARE(listeners.listeners.size(), std::size_t(2));
        QCOMPARE(listeners.listeners[0].supportedKinds->size(), std::size_t(2));
        QCOMPARE((*listeners.listeners[0].supportedKinds)[0].group,
                 std::string("gateway.networking.k8s.io"));
        QCOMPARE((*listeners.listeners[0].supportedKinds)[1].group, std::string("example.com"));
        QCOMPARE(*listeners.listeners[0].attachedRoutes, std::int64_t(2));
        QVERIFY(!listeners.listeners[0].conditions[0].status);
        QVERIFY(listeners.listeners[1].supportedKinds);
        QVERIFY(listeners.listeners[1].supportedKinds->empty());
        QVERIFY(!listeners.listeners[1].attachedRoutes);

        QCOMPARE(t.status[5].assertion->attachedListenerSets, std::int64_t(3));
        QCOMPARE(t.status[6].assertion->check, CheckKind::PolicyCondition);
        QCOMPARE(t.status[6].assertion->parents[0].ref.name, std::string("gw"));

        const Action &patch = *t.status[7].action;
        QCOMPARE(patch.type, Action::Type::Patch);
        QCOMPARE(patch.target.kind, std::string("HTTPRoute"));
        QCOMPARE(patch.set.size(), std::size_t(2));
        QCOMPARE(patch.set[0].first, std::string("spec.rules[0].backendRefs[0].name"));
        QCOMPARE(patch.set[0].second.asString(), std::string("v2"));
        QCOMPARE(t.status[8].action->type, Action::Type::Delete);
        QCOMPARE(t.status[8].action->target.name, std::string("grant"));
        const Action &fill = *t.status[9].action;
        QCOMPARE(fill.type, Action::Type::FillEndpointSlices);
        QCOMPARE(fill.endpointSliceNames, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(fill.fromPodsOf, std::string("backend"));
        QCOMPARE(fill.notes, std::string("fill them"));
        QCOMPARE(t.status[10].assertion->check, CheckKind::GenerationChanged);
        const StatusAssertion &addresses = *t.status[11].assertion;
        QCOMPARE(addresses.check, CheckKind::Addresses);
        QVERIFY(addresses.addresses.isNull()); // only prose
        QCOMPARE(addresses.notes, std::string("the usable address"));

        QCOMPARE(file.tests[1].applicability, Applicability::ClusterOnly);
        QVERIFY(file.tests[1].status.empty());
    }

    void checkNames()
    {
        for (int i = 0; i <= static_cast<int>(CheckKind::NamespaceReady); ++i) {
            const auto kind = static_cast<CheckKind>(i);
            QCOMPARE(checkFromName(checkName(kind)), std::optional<CheckKind>(kind));
        }
        QVERIFY(!checkFromName("hasAddresses"));
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected"); // a line of diagnosticsText()
        QTest::addColumn<int>("keptTests");

        QTest::newRow("not a map") << QByteArray("- a\n- b\n")
                                   << "bad.yaml:1:1: error: a route-test file is a map with a "
                                      "`tests` list [case.no-tests]"
                                   << 0;
        QTest::newRow("two documents")
            << QByteArray("tests: []\n---\ntests: []\n")
            << "bad.yaml:2:1: error: a route-test file holds exactly one YAML document, not 2 "
               "[case.documents]"
            << 0;
        QTest::newRow("yaml syntax") << QByteArray("tests: [\n") << "bad.yaml:2:1: error:" << 0;
        QTest::newRow("missing name")
            << QByteArray("tests:\n- manifests: [a.yaml]\n")
            << "bad.yaml:2:3: error: missing required field \"name\" [case.missing-field]" << 0;
        QTest::newRow("unknown check")
            << QByteArray("tests:\n- name: a\n  manifests: [a.yaml]\n  status:\n"
                          "  - {kind: Gateway, name: g, check: hasAddresses}\n")
            << "bad.yaml:5:37: error: unknown check \"hasAddresses\" [case.unknown-check]" << 0;
        QTest::newRow("bad applicability")
            << QByteArray("tests:\n- name: a\n  manifests: []\n  applicability: local\n")
            << "bad.yaml:4:18: error: applicability is \"simulated\" or \"cluster-only\", not "
               "\"local\" [case.applicability]"
            << 0;
        QTest::newRow("bad condition status")
            << QByteArray("tests:\n- name: a\n  manifests: []\n  status:\n"
                          "  - kind: Gateway\n    name: g\n    check: gatewayCondition\n"
                          "    conditions:\n    - {type: Accepted, status: yes please}\n")
            << "bad.yaml:9:32: error: a condition status is \"True\", \"False\" or \"Unknown\", "
               "not \"yes please\" [case.condition-status]"
            << 0;
        QTest::newRow("missing conditions")
            << QByteArray("tests:\n- name: a\n  manifests: []\n  status:\n"
                          "  - {kind: Gateway, name: g, check: gatewayCondition}\n")
            << "bad.yaml:5:5: error: missing required field \"conditions\" [case.missing-field]"
            << 0;
        QTest::newRow("attachedListenerSets not a number")
            << QByteArray("tests:\n- name: a\n  manifests: []\n  status:\n"
                          "  - {kind: Gateway, name: g, check: attachedListenerSets, "
                          "attachedListenerSets: two}\n")
            << "bad.yaml:5:81: error: \"attachedListenerSets\" must be an integer, not \"two\" "
               "[case.not-an-integer]"
            << 0;
        QTest::newRow("action with two verbs")
            << QByteArray("tests:\n- name: a\n  manifests: []\n  status:\n  - action:\n"
                          "      delete: {kind: A, name: b}\n      patch: {kind: A, name: b}\n")
            << "bad.yaml:6:7: error: an action has exactly one of patch, delete, "
               "fillEndpointSlices [case.action-shape]"
            << 0;
        QTest::newRow("unknown action")
            << QByteArray("tests:\n- name: a\n  manifests: []\n  status:\n  - action:\n"
                          "      restart: {kind: A, name: b}\n")
            << "bad.yaml:6:7: error: unknown action \"restart\" (patch, delete or "
               "fillEndpointSlices) [case.unknown-action]"
            << 0;
        QTest::newRow("patch without set")
            << QByteArray("tests:\n- name: a\n  manifests: []\n  status:\n  - action:\n"
                          "      patch: {kind: A, name: b}\n")
            << "bad.yaml:6:14: error: a patch needs `set`: a map of field path to value "
               "[case.patch-set]"
            << 0;
        QTest::newRow("duplicate name, first kept")
            << QByteArray("tests:\n- name: a\n  manifests: []\n- name: a\n  manifests: []\n")
            << "bad.yaml:4:9: error: a test named \"a\" is already in this file "
               "[case.duplicate-name]"
            << 1;
        QTest::newRow("bad test dropped, good kept")
            << QByteArray("tests:\n- name: good\n  manifests: []\n- name: bad\n  manifests: 3\n")
            << "bad.yaml:5:14: error: \"manifests\" must be a list [case.not-a-list]" << 1;
        QTest::newRow("unknown field warns")
            << QByteArray("tests:\n- name: a\n  manifests: []\n  flavour: mint\n")
            << "bad.yaml:4:3: warning: unknown field \"flavour\" is ignored by this runner "
               "[case.unknown-field]"
            << 1;
        QTest::newRow("field foreign to the check warns")
            << QByteArray("tests:\n- name: a\n  manifests: []\n  status:\n"
                          "  - {kind: Gateway, name: g, check: hasAddress, listeners: []}\n")
            << "bad.yaml:5:49: warning: field \"listeners\" means nothing to check \"hasAddress\" "
               "and is ignored [case.unknown-field]"
            << 1;
    }

    void badFiles()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        QFETCH(int, keptTests);
        const RouteTestFile file = parseRouteTestText(yaml.toStdString(), "bad.yaml");
        const QString text = diagnosticsText(file);
        QVERIFY2(text.contains(expected), qPrintable(text));
        QCOMPARE(static_cast<int>(file.tests.size()), keptTests);
        for (const Core::Diagnostic &d : file.diagnostics) {
            QVERIFY2(d.line > 0 && d.column > 0, qPrintable(text));
        }
    }

    void missingFile()
    {
        const RouteTestFile file = parseRouteTestFile("/nonexistent/cases.yaml");
        QVERIFY(file.hasErrors());
        QVERIFY(file.tests.empty());
    }
};

QTEST_GUILESS_MAIN(TestScenariosCaseParser)
#include "tst_scenarios_case_parser.moc"
