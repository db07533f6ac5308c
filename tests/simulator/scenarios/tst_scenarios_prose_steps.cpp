// The reader of steps told in a case's notes (simulator/scenarios/prose_steps.h): every phrasing
// the conformance corpus uses, the item notes that refer to a step, what is not a step at all,
// and garbage, which must come back as "cannot read" with a reason. The last test reads the notes
// of every corpus case: no step sentence may be left unread, and every item noted "after …" that
// no structured action precedes must refer to exactly one step.
#include "common/shared_corpus.h"

#include "simulator/scenarios/field_path.h"
#include "simulator/scenarios/prose_steps.h"
#include "simulator/scenarios/route_test_case.h"

#include <QtTest/QTest>

using namespace Torii;
using namespace Torii::Scenarios;
using Model::Node;

namespace {

QString label(const Action &a)
{
    const char *verb = a.type == Action::Type::Create   ? "create"
                       : a.type == Action::Type::Delete ? "delete"
                       : a.type == Action::Type::Patch  ? "patch"
                                                        : "other";
    return QStringLiteral("%1 %2 %3/%4")
        .arg(QLatin1String(verb), QString::fromStdString(a.target.kind),
             QString::fromStdString(a.target.ns), QString::fromStdString(a.target.name));
}

const Node *valueOf(const Action &a, const std::string &path)
{
    for (const auto &[p, v] : a.set) {
        if (p == path) {
            return &v;
        }
    }
    return nullptr;
}

} // namespace

class TestScenariosProseSteps : public QObject
{
    Q_OBJECT

private slots:
    void createFromCode()
    {
        const ProseReading r = readProseSteps(
            "TCP listener tcp on 9310 (kinds [TCPRoute], routes from Same namespace). The "
            "manifest holds only the older route\n(tcproute-attach-older, to Service "
            "tcp-attach-backend-1 port 3000). After the Gateway and that route are accepted,\nthe "
            "test waits one second and creates, from code, TCPRoute "
            "gateway-conformance-infra/tcproute-attach-newer:\nspec.parentRefs [{name: "
            "tcp-multi-route-attach-gateway, sectionName: tcp}], spec.rules [{backendRefs: "
            "[{name:\ntcp-attach-backend-2, port: 3000}]}]. Both routes report Accepted and the "
            "listener counts both, but only the\nolder one carries traffic.");
        QVERIFY(r.unread.empty());
        QCOMPARE(r.steps.size(), std::size_t(1));
        const ProseStep &step = r.steps.front();
        QCOMPARE(label(step.action),
                 QStringLiteral("create TCPRoute gateway-conformance-infra/tcproute-attach-newer"));
        QCOMPARE(step.placement, StepPlacement::BeforeReferringItem);
        QCOMPARE(step.action.set.size(), std::size_t(2));
        const Node *parents = valueOf(step.action, "spec.parentRefs");
        QVERIFY(parents && parents->isList() && parents->size() == 1);
        QCOMPARE(parents->items()[0]["name"].asString(),
                 std::string("tcp-multi-route-attach-gateway"));
        QCOMPARE(parents->items()[0]["sectionName"].asString(), std::string("tcp"));
        const Node *rules = valueOf(step.action, "spec.rules");
        QVERIFY(rules && rules->isList());
        const Node &backend = rules->items()[0]["backendRefs"].items()[0];
        QCOMPARE(backend["name"].asString(), std::string("tcp-attach-backend-2"));
        QVERIFY(backend["port"].isInt());
        QCOMPARE(backend["port"].asInt(), std::int64_t(3000));
        QVERIFY(step.action.notes.rfind("After the Gateway", 0) == 0);
    }

    void deleteThatKindAfterTheTraffic()
    {
        const ProseReading r = readProseSteps(
            "UDP listener udp on 5300. The backendRef is Service "
            "gateway-conformance-app-backend/udp-echo-reference-grant port 8080, permitted by "
            "ReferenceGrant gateway-conformance-app-backend/udp-reference-grant. After the traffic "
            "check the test deletes that ReferenceGrant; the route must then report ResolvedRefs "
            "False.");
        QVERIFY(r.unread.empty());
        QCOMPARE(r.steps.size(), std::size_t(1));
        QCOMPARE(label(r.steps[0].action),
                 QStringLiteral("delete ReferenceGrant "
                                "gateway-conformance-app-backend/udp-reference-grant"));
        QCOMPARE(r.steps[0].placement, StepPlacement::AfterRequests);
    }

    void deleteTheKindBetweenRequests()
    {
        // The notes name no ReferenceGrant: the step keeps the kind, the runner finds the object.
        const ProseReading r = readProseSteps(
            "Between the two requests the test deletes the ReferenceGrant; the Gateway must then "
            "stop forwarding to the cross-namespace Service and answer 500. No status assertion "
            "is made after the deletion.");
        QVERIFY(r.unread.empty());
        QCOMPARE(r.steps.size(), std::size_t(1));
        QCOMPARE(label(r.steps[0].action), QStringLiteral("delete ReferenceGrant /"));
        QCOMPARE(r.steps[0].placement, StepPlacement::BetweenRequests);
    }

    void stepPatchSoIs()
    {
        const ProseReading r = readProseSteps(
            "Cluster-only: the test is about metadata.generation moving when the spec is patched "
            "and the controller following\nit with observedGeneration. Step: patch "
            "BackendTLSPolicy gateway-conformance-infra/observed-generation-bump\nso "
            "spec.validation.hostname is foo.example.com (it was abc.example.com). Its Service "
            "selects no Pods and no\nrequest is sent.");
        QVERIFY(r.unread.empty());
        QCOMPARE(r.steps.size(), std::size_t(1));
        const Action &a = r.steps[0].action;
        QCOMPARE(label(a), QStringLiteral("patch BackendTLSPolicy "
                                          "gateway-conformance-infra/observed-generation-bump"));
        QCOMPARE(a.set.size(), std::size_t(1));
        QCOMPARE(a.set[0].first, std::string("spec.validation.hostname"));
        QCOMPARE(a.set[0].second.asString(), std::string("foo.example.com"));
    }

    void patchFromTo()
    {
        const ProseReading r = readProseSteps(
            "The GatewayClass is cluster-scoped; its spec.controllerName "
            "(\"{GATEWAY_CONTROLLER_NAME}\"\nin the file) is replaced by the controller under "
            "test when loaded. Patch: spec.description from \"old\" to \"new\".");
        QVERIFY(r.unread.empty());
        QCOMPARE(r.steps.size(), std::size_t(1));
        const Action &a = r.steps[0].action;
        QCOMPARE(a.type, Action::Type::Patch);
        QVERIFY(a.target.kind.empty()); // the object of the item that refers to it
        QCOMPARE(a.set.size(), std::size_t(1));
        QCOMPARE(a.set[0].first, std::string("spec.description"));
        QCOMPARE(a.set[0].second.asString(), std::string("new"));
    }

    void patchAppend()
    {
        const ProseReading r = readProseSteps(
            "Patch: append to spec.listeners {name: alternate, hostname: foo.com, port: 80, "
            "protocol:\nHTTP, allowedRoutes: {namespaces: {from: All}}}.");
        QVERIFY(r.unread.empty());
        QCOMPARE(r.steps.size(), std::size_t(1));
        const Action &a = r.steps[0].action;
        QCOMPARE(a.set.size(), std::size_t(1));
        QCOMPARE(a.set[0].first, std::string("spec.listeners[-]"));
        const Node &listener = a.set[0].second;
        QCOMPARE(listener["name"].asString(), std::string("alternate"));
        QCOMPARE(listener["port"].asInt(), std::int64_t(80));
        QCOMPARE(listener["allowedRoutes"]["namespaces"]["from"].asString(), std::string("All"));
    }

    void otherForms_data()
    {
        QTest::addColumn<QString>("notes");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("path");
        QTest::newRow("the test patches: fields")
            << "Then the test patches HTTPRoute shop/api: spec.rules[0].backendRefs[0].name v2."
            << "patch HTTPRoute shop/api"
            << "spec.rules[0].backendRefs[0].name";
        QTest::newRow("Step: delete") << "Step: delete Gateway shop/web."
                                      << "delete Gateway shop/web"
                                      << "";
        QTest::newRow("Step: create, cluster-scoped")
            << "Step: create GatewayClass other: spec.controllerName example.com/c."
            << "create GatewayClass /other"
            << "spec.controllerName";
        QTest::newRow("deletes, named")
            << "Later the test deletes Service app/echo, and the route loses its backend."
            << "delete Service app/echo"
            << "";
    }

    void otherForms()
    {
        QFETCH(QString, notes);
        QFETCH(QString, action);
        QFETCH(QString, path);
        const ProseReading r = readProseSteps(notes.toStdString());
        QVERIFY(r.unread.empty());
        QCOMPARE(r.steps.size(), std::size_t(1));
        QCOMPARE(label(r.steps[0].action), action);
        if (!path.isEmpty()) {
            QVERIFY(valueOf(r.steps[0].action, path.toStdString()) != nullptr);
        }
    }

    void notSteps_data()
    {
        QTest::addColumn<QString>("notes");
        QTest::newRow("another subject") << "A simulator creates no such objects.";
        QTest::newRow("the manifest creates")
            << "The manifest creates them in the order -with-gateway-1, -with-gateway-2.";
        QTest::newRow("the test, no step verb")
            << "The test first asks for ResolvedRefs True on the route's parent entry.";
        QTest::newRow("cluster-only listing")
            << "Cluster-only: after the status checks the test lists ServiceAccounts, Pods and "
               "Services in gateway-conformance-infra.";
        QTest::newRow("empty") << "";
    }

    void notSteps()
    {
        QFETCH(QString, notes);
        const ProseReading r = readProseSteps(notes.toStdString());
        QVERIFY(r.steps.empty());
        QVERIFY(r.unread.empty());
    }

    void garbage_data()
    {
        QTest::addColumn<QString>("notes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("creates nothing named")
            << "Then the test creates a lot of trouble."
            << "it creates no object named as KIND namespace/name";
        QTest::newRow("create without colon")
            << "the test creates, from code, TCPRoute ns/r spec.rules []."
            << "the fields of the new object do not follow a ':'";
        QTest::newRow("not YAML") << "the test creates TCPRoute ns/r: spec.rules [{backendRefs: [}."
                                  << "the value of spec.rules (\"[{backendRefs: [}\") is not YAML";
        QTest::newRow("bad field path") << "Step: patch Gateway ns/gw so spec..x is 1."
                                        << "\"spec..x\" is not a field path";
        QTest::newRow("field without value")
            << "Patch: spec.description."
            << "\"spec.description\" is not a field path and a value";
        QTest::newRow("unknown step verb") << "Step: frobnicate the Gateway."
                                           << "a step is create, delete or patch";
        QTest::newRow("deletes an unclear object")
            << "the test deletes the Gateway of doom."
            << "\"of doom\" after the deleted object is not understood";
        QTest::newRow("deletes nothing named") << "the test deletes everything."
                                               << "it deletes no object named by its kind";
        QTest::newRow("several named")
            << "ReferenceGrant a/one and ReferenceGrant b/two exist. After the traffic check the "
               "test deletes that ReferenceGrant."
            << "the notes name several ReferenceGrant objects";
        QTest::newRow("patch without so") << "Step: patch Gateway ns/gw spec.x 1."
                                          << "a patch of a named object says its "
                                             "fields after \"so\" or ':'";
        QTest::newRow("from without to") << "Patch: spec.description from \"old\"."
                                         << "\"from\" without \"to\": the new value is missing";
    }

    void garbage()
    {
        QFETCH(QString, notes);
        QFETCH(QString, reason);
        const ProseReading r = readProseSteps(notes.toStdString());
        QVERIFY(r.steps.empty());
        QCOMPARE(r.unread.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(r.unread[0].reason.english()), reason);
        QVERIFY(!r.unread[0].sentence.empty());
    }

    void references_data()
    {
        QTest::addColumn<QString>("notes");
        QTest::addColumn<int>("type"); // -1: not a reference
        QTest::addColumn<QString>("words");
        QTest::newRow("created") << "after the newer route is created" << int(Action::Type::Create)
                                 << "newer route";
        QTest::newRow("deleted") << "after the ReferenceGrant is deleted"
                                 << int(Action::Type::Delete) << "referencegrant";
        QTest::newRow("patch, comma")
            << "after the patch, at the new generation" << int(Action::Type::Patch) << "";
        QTest::newRow("patch, semicolon")
            << "after the patch; metadata.generation must differ from the value read before the "
               "patch"
            << int(Action::Type::Patch) << "";
        QTest::newRow("patch, colon") << "after the patch: an Accepted condition with any status"
                                      << int(Action::Type::Patch) << "";
        QTest::newRow("routes are patched")
            << "After the routes are patched" << int(Action::Type::Patch) << "routes";
        QTest::newRow("before") << "before the patch" << -1 << "";
        QTest::newRow("unknown participle") << "after the listener is frobbed" << -1 << "";
        QTest::newRow("after step 2") << "after step 2" << -1 << "";
    }

    void references()
    {
        QFETCH(QString, notes);
        QFETCH(int, type);
        QFETCH(QString, words);
        const std::optional<StepReference> ref = readStepReference(notes.toStdString());
        if (type < 0) {
            QVERIFY(!ref);
            return;
        }
        QVERIFY(ref);
        QCOMPARE(int(ref->type), type);
        QStringList got;
        for (const std::string &w : ref->words) {
            got << QString::fromStdString(w);
        }
        QCOMPARE(got.join(QLatin1Char(' ')), words);
    }

    void refersToMatchesKindAndName()
    {
        Action newer;
        newer.type = Action::Type::Create;
        newer.target = {"TCPRoute", "infra", "tcproute-attach-newer"};
        Action older = newer;
        older.target.name = "tcproute-attach-older";
        const StepReference ref = *readStepReference("after the newer route is created");
        QVERIFY(refersTo(ref, newer));
        QVERIFY(!refersTo(ref, older));
        Action deleted = newer;
        deleted.type = Action::Type::Delete;
        QVERIFY(!refersTo(ref, deleted)); // another verb
        Action patch;
        patch.type = Action::Type::Patch;
        QVERIFY(refersTo(*readStepReference("after the patch"), patch));
    }

    void sameStepAsAStructuredAction()
    {
        Action prose;
        prose.type = Action::Type::Delete;
        prose.target = {"ReferenceGrant", "", ""};
        Action told = prose;
        told.target = {"ReferenceGrant", "web", "grant"};
        QVERIFY(sameStep(prose, told)); // the prose names only the kind
        prose.target = {"ReferenceGrant", "web", "other"};
        QVERIFY(!sameStep(prose, told));
        told.type = Action::Type::Patch;
        told.target = prose.target;
        QVERIFY(!sameStep(prose, told));
    }

    void appendFieldPath()
    {
        Node object = Node::map();
        QCOMPARE(Internal::setAtPath(object, "spec.listeners[-]", Node::string("a")),
                 std::string());
        QCOMPARE(Internal::setAtPath(object, "spec.listeners[-].name", Node::string("b")),
                 std::string());
        QCOMPARE(object["spec"]["listeners"].size(), std::size_t(2));
        QCOMPARE(object["spec"]["listeners"].items()[1]["name"].asString(), std::string("b"));
        QVERIFY(!Internal::setAtPath(object, "spec[-]", Node::string("c")).empty()); // a map
    }

    // Every case of the corpus: every step sentence is read, and every status item noted
    // "after …" with no structured action before it refers to exactly one read step.
    void corpusNotes()
    {
        TORII_REQUIRE_SHARED("conformance/cases");
        const QString dir = Test::sharedPath(QStringLiteral("conformance/cases"));
        int steps = 0;
        int references = 0;
        for (const QString &file : Test::yamlFilesUnder(dir)) {
            const RouteTestFile parsed = parseRouteTestFile(file.toStdString());
            for (const RouteTest &test : parsed.tests) {
                const ProseReading reading = readProseSteps(test.notes);
                for (const UnreadStep &unread : reading.unread) {
                    QFAIL(qPrintable(QStringLiteral("%1: cannot read \"%2\": %3")
                                         .arg(QString::fromStdString(test.name),
                                              QString::fromStdString(unread.sentence),
                                              QString::fromStdString(unread.reason.english()))));
                }
                steps += static_cast<int>(reading.steps.size());
                for (const ProseStep &step : reading.steps) {
                    qInfo("%s: %s (%s)", test.name.c_str(), qPrintable(label(step.action)),
                          step.placement == StepPlacement::AfterRequests     ? "after requests"
                          : step.placement == StepPlacement::BetweenRequests ? "between requests"
                                                                             : "before its item");
                }
                bool structured = false;
                for (const StatusItem &item : test.status) {
                    structured = structured || item.action.has_value();
                    if (!item.assertion || structured ||
                        item.assertion->notes.rfind("after ", 0) != 0) {
                        continue;
                    }
                    const auto ref = readStepReference(item.assertion->notes);
                    QVERIFY2(ref, qPrintable(QString::fromStdString(test.name + ": " +
                                                                    item.assertion->notes)));
                    int matches = 0;
                    for (const ProseStep &step : reading.steps) {
                        matches += refersTo(*ref, step.action) ? 1 : 0;
                    }
                    QVERIFY2(matches == 1, qPrintable(QString::fromStdString(
                                               test.name + ": " + item.assertion->notes)));
                    ++references;
                }
            }
        }
        qInfo("%d steps read, %d item references resolved", steps, references);
        QVERIFY(steps >= 6);
    }
};

QTEST_GUILESS_MAIN(TestScenariosProseSteps)
#include "tst_scenarios_prose_steps.moc"
