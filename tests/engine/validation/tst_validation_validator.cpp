// The validator on objects written here (no ../shared needed): each check of the API server and
// each lint, with its position, rule and hint.
#include "engine/validation/validator.h"
#include "engine/yaml/resource_reader.h"

#include <QtTest/QTest>

using namespace Torii;

namespace {

Core::Diagnostics validateText(const std::string &text)
{
    auto read = Yaml::readText(text, "t.yaml");
    Core::Diagnostics all = read.diagnostics;
    for (auto &d : Validation::validateAll(read.resources)) {
        all.push_back(d);
    }
    return all;
}

const Core::Diagnostic *find(const Core::Diagnostics &ds, const std::string &code,
                             const std::string &path = {})
{
    for (const auto &d : ds) {
        if (d.code == code && (path.empty() || d.fieldPath == path)) {
            return &d;
        }
    }
    return nullptr;
}

QByteArray dump(const Core::Diagnostics &ds)
{
    QByteArray out;
    for (const auto &d : ds) {
        out += QByteArray::fromStdString(d.toCompilerStyle()) + '\n';
    }
    return out;
}

const std::string kRoute = R"(apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
  namespace: shop
spec:
  parentRefs:
  - name: gw
  hostnames: ["shop.example.com"]
  rules:
  - matches:
    - path: {type: PathPrefix, value: /api}
    backendRefs:
    - name: api
      port: 8080
)";

} // namespace

class TestValidationValidator : public QObject
{
    Q_OBJECT

private slots:
    void cleanRouteHasNoFinding()
    {
        const auto ds = validateText(kRoute);
        QVERIFY2(ds.empty(), dump(ds).constData());
    }

    void unknownFieldSuggestsTheRightName()
    {
        std::string text = kRoute;
        text.replace(text.find("hostnames"), 9, "hostname");
        const auto ds = validateText(text);
        const auto *d = find(ds, "schema.unknown-field", "spec.hostname");
        QVERIFY2(d, dump(ds).constData());
        QCOMPARE(d->line, 9);
        QCOMPARE(d->column, 3);
        QVERIFY(d->hint.find("\"hostnames\"") != std::string::npos);
    }

    void enumAndBlockingStopCel()
    {
        std::string text = kRoute;
        text.replace(text.find("PathPrefix"), 10, "Prefix");
        text.replace(text.find("      port: 8080\n"), 17, "");
        const auto ds = validateText(text);
        const auto *e = find(ds, "schema.enum", "spec.rules[0].matches[0].path.type");
        QVERIFY2(e, dump(ds).constData());
        QVERIFY(e->message.find("Unsupported value: \"Prefix\"") != std::string::npos);
        QCOMPARE(e->line, 12);
        // The enum error blocks CEL: the missing port rule is not evaluated, a note says so.
        QVERIFY(!find(ds, "cel"));
        QVERIFY(find(ds, "cel.skipped"));
    }

    void celRuleWithPositionAndHint()
    {
        std::string text = kRoute;
        text.replace(text.find("      port: 8080\n"), 17, "");
        const auto ds = validateText(text);
        const auto *d = find(ds, "cel", "spec.rules[0].backendRefs[0]");
        QVERIFY2(d, dump(ds).constData());
        QVERIFY(d->message.find("Must have port for Service reference") != std::string::npos);
        QCOMPARE(d->line, 14);
        QCOMPARE(d->column, 7);
        QVERIFY(!d->hint.empty());
        QVERIFY(d->rule.find("has(self.port)") != std::string::npos);
    }

    void defaultsAreAppliedBeforeCel()
    {
        // kind defaults to Service and group to "": the port rule reads both.
        std::string text = kRoute;
        text.replace(text.find("      port: 8080\n"), 17, "      kind: Other\n");
        const auto ds = validateText(text);
        QVERIFY2(!find(ds, "cel"), dump(ds).constData());
    }

    void patternTypeAndRange_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("path");
        QTest::newRow("pattern") << "shop.example.com"
                                 << "Shop_Example"
                                 << "schema.pattern"
                                 << "spec.hostnames[0]";
        QTest::newRow("type") << "port: 8080"
                              << "port: \"8080\""
                              << "schema.type"
                              << "spec.rules[0].backendRefs[0].port";
        QTest::newRow("maximum") << "port: 8080"
                                 << "port: 80800"
                                 << "schema.maximum"
                                 << "spec.rules[0].backendRefs[0].port";
        QTest::newRow("required") << "  - name: gw\n"
                                  << "  - port: 80\n"
                                  << "schema.required"
                                  << "spec.parentRefs[0].name";
        QTest::newRow("metadata name") << "name: web"
                                       << "name: Web_App"
                                       << "metadata"
                                       << "metadata.name";
    }

    void patternTypeAndRange()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, code);
        QFETCH(QString, path);
        std::string text = kRoute;
        text.replace(text.find(from.toStdString()), from.size(), to.toStdString());
        const auto ds = validateText(text);
        const auto *d = find(ds, code.toStdString(), path.toStdString());
        QVERIFY2(d, dump(ds).constData());
        QVERIFY(d->isError());
        QVERIFY(d->line > 0);
    }

    void duplicateListMapKeys()
    {
        const auto ds = validateText(R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: torii
  listeners:
  - {name: http, port: 80, protocol: HTTP}
  - {name: http, port: 8080, protocol: HTTP}
)");
        const auto *d = find(ds, "schema.duplicate", "spec.listeners[1]");
        QVERIFY2(d, dump(ds).constData());
        QCOMPARE(d->line, 8);
    }

    void unknownKindAndVersion()
    {
        auto ds = validateText("apiVersion: gateway.networking.k8s.io/v1\nkind: HttpRoute\n"
                               "metadata: {name: a}\n");
        QVERIFY2(find(ds, "schema.kind"), dump(ds).constData());
        ds = validateText("apiVersion: gateway.networking.k8s.io/v2\nkind: HTTPRoute\n"
                          "metadata: {name: a}\n");
        QVERIFY2(find(ds, "schema.version"), dump(ds).constData());
    }

    void experimentalFieldIsAWarning()
    {
        std::string text = kRoute;
        text += "    retry: {attempts: 2}\n";
        const auto ds = validateText(text);
        const auto *d = find(ds, "lint.experimental-field", "spec.rules[0].retry");
        QVERIFY2(d, dump(ds).constData());
        QCOMPARE(d->severity, Core::Severity::Warning);
        QVERIFY(!Core::hasErrors(ds));
    }

    void lints()
    {
        std::string text = kRoute;
        text.replace(
            text.find("  namespace: shop\n"), 18,
            "  namespace: shop\n  annotations:\n    gateway.networking.k8s.io/timeout: 30s\n");
        text.replace(text.find("- name: api\n"), 12, "- name: api\n      namespace: other\n");
        text += "    filters:\n    - type: RequestHeaderModifier\n"
                "      requestHeaderModifier: {set: [{name: x-id, value: \"${request_id}\"}]}\n";
        const auto ds = validateText(text);
        const auto *annotation = find(ds, "lint.annotation");
        QVERIFY2(annotation, dump(ds).constData());
        QVERIFY(annotation->hint.find("timeouts.request") != std::string::npos);
        QVERIFY(find(ds, "lint.placeholder"));
        const auto *grant = find(ds, "lint.reference-grant", "spec.rules[0].backendRefs[0]");
        QVERIFY2(grant, dump(ds).constData());

        // With a ReferenceGrant in the set, the cross-namespace warning goes away.
        text += R"(---
apiVersion: gateway.networking.k8s.io/v1
kind: ReferenceGrant
metadata: {name: allow-shop, namespace: other}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
  to: [{group: "", kind: Service}]
)";
        QVERIFY(!find(validateText(text), "lint.reference-grant"));
    }

    void transitionRuleOnUpdate()
    {
        auto read = Yaml::readText("apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
                                   "metadata: {name: c}\nspec: {controllerName: a.dev/x}\n---\n"
                                   "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
                                   "metadata: {name: c}\nspec: {controllerName: b.dev/y}\n",
                                   "gc.yaml");
        QCOMPARE(read.resources.size(), std::size_t(2));
        QVERIFY(!Core::hasErrors(Validation::validateResource(read.resources[1])));
        const auto ds = Validation::validateUpdate(read.resources[0], read.resources[1]);
        const auto *d = find(ds, "cel", "spec.controllerName");
        QVERIFY2(d, dump(ds).constData());
        QVERIFY(d->message.find("Value is immutable") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestValidationValidator)
#include "tst_validation_validator.moc"
