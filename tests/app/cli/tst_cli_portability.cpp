// toriictl portability: feature detection on designs of our own (engine/export/portability.h),
// the facts table (parsing, and the shipped one matching ../shared/conformance/reports through
// tools/gen_feature_support.py --check), and the command on the guide's examples
// (../shared/fixtures/seed/): table and JSON, each feature with the implementations that pass it.
#include "common/shared_corpus.h"

#include "engine/export/portability.h"
#include "engine/yaml/resource_reader.h"

#include "common/toriictl_run.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtTest/QTest>

#include <algorithm>

using namespace Torii;

namespace {

using Run = TestSupport::ToriictlRun;

Run toriictl(const QStringList &arguments)
{
    return TestSupport::runToriictl(arguments);
}

std::vector<std::string> featureNames(const std::vector<Export::FeaturePortability> &features)
{
    std::vector<std::string> names;
    for (const auto &f : features) {
        names.push_back(f.feature);
    }
    return names;
}

bool has(const std::vector<std::string> &list, const char *name)
{
    return std::find(list.begin(), list.end(), name) != list.end();
}

} // namespace

class TestCliPortability : public QObject
{
    Q_OBJECT

private slots:
    void detectsFeaturesFromObjects()
    {
        const auto read = Yaml::readText(R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: c
  listeners:
  - {name: a, port: 8080, protocol: HTTP, hostname: a.example.com}
  - {name: b, port: 8080, protocol: HTTP, hostname: b.example.com}
  - {name: t, port: 443, protocol: TLS, tls: {mode: Passthrough}}
  - {name: u, port: 8443, protocol: TLS, tls: {mode: Terminate, certificateRefs: [{name: s}]}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r}
spec:
  parentRefs: [{name: gw}]
  rules:
  - name: first
    matches: [{queryParams: [{name: q, value: x}], method: GET}]
    filters:
    - {type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, percent: 10}}
    - {type: RequestMirror, requestMirror: {backendRef: {name: n, port: 80}}}
    - {type: ResponseHeaderModifier, responseHeaderModifier: {set: [{name: a, value: b}]}}
    timeouts: {request: 5s}
    backendRefs: [{name: ws, port: 80}]
  - filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 308}}]
---
apiVersion: v1
kind: Service
metadata: {name: ws}
spec: {ports: [{port: 80, appProtocol: kubernetes.io/ws}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: t}
spec: {parentRefs: [{name: gw}], hostnames: [t.example.com], rules: [{backendRefs: [{name: t, port: 443}]}]}
)",
                                         "design.yaml");
        const auto names = featureNames(Export::detectFeatures(read.resources));
        for (const char *expected :
             {"Gateway", "GatewayPort8080", "GatewayHTTPListenerIsolation", "HTTPRoute",
              "HTTPRouteNamedRouteRule", "HTTPRouteQueryParamMatching", "HTTPRouteMethodMatching",
              "HTTPRouteRequestMirror", "HTTPRouteRequestMultipleMirrors",
              "HTTPRouteRequestPercentageMirror", "HTTPRouteResponseHeaderModification",
              "HTTPRouteRequestTimeout", "HTTPRouteSchemeRedirect",
              "HTTPRoute308RedirectStatusCode", "HTTPRouteBackendProtocolWebSocket", "TLSRoute",
              "TLSRouteModeTerminate", "TLSRouteModeMixed"}) {
            QVERIFY2(has(names, expected), expected);
        }
        QVERIFY(!has(names, "HTTPRoutePortRedirect"));
        QVERIFY(!has(names, "GRPCRoute"));
        const auto features = Export::detectFeatures(read.resources);
        const auto mirror = std::find_if(features.begin(), features.end(), [](const auto &f) {
            return f.feature == "HTTPRouteRequestMirror";
        });
        QCOMPARE(mirror->usedBy.at(0).resource, std::string("HTTPRoute r"));
        QCOMPARE(mirror->usedBy.at(0).line, 21);
    }

    void tableAndPassingImplementations()
    {
        const auto table = Export::parseFeatureSupport(
            "# comment\na\t1.0\tv1.6\tGateway,HTTPRoute,HTTPRouteMethodMatching\n"
            "b\t2.0\tv1.5\tGateway,HTTPRoute\n");
        QVERIFY(table.error.empty());
        QCOMPARE(table.implementations.size(), std::size_t(2));
        const auto read = Yaml::readText(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\n"
            "spec: {rules: [{matches: [{method: GET}]}]}\n",
            "r.yaml");
        const auto report = Export::portability(read.resources, table);
        QCOMPARE(report.features.size(), std::size_t(2));
        QCOMPARE(report.features[1].feature, std::string("HTTPRouteMethodMatching"));
        QCOMPARE(report.features[1].passing.size(), std::size_t(1));
        QCOMPARE(report.passingAll.size(), std::size_t(1));
        QCOMPARE(report.passingAll[0]->implementation, std::string("a"));
        QVERIFY(!Export::parseFeatureSupport("a\tb\n").error.empty());
        QVERIFY(Export::shippedFeatureSupport().error.empty());
        QVERIFY(Export::shippedFeatureSupport().implementations.size() >= 10);
    }

    void shippedTableMatchesTheReports()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("conformance/reports"));
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty()) {
            QSKIP("python3 (with PyYAML) is needed to regenerate the table");
        }
        QProcess p;
        p.start(QStringLiteral("python3"),
                {QStringLiteral(TORII_SOURCE_DIR "/tools/gen_feature_support.py"),
                 QStringLiteral("--reports"),
                 Test::sharedPath(QStringLiteral("conformance/reports")),
                 QStringLiteral("--check")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    void guideExamples()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/seed"));
        const QString seed = Test::sharedPath(QStringLiteral("fixtures/seed"));
        const Run table = toriictl({QStringLiteral("portability"), seed});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains(
            "HTTPRouteQueryParamMatching\n  used by: HTTPRoute webapp/advanced-routing"));
        QVERIFY(table.out.contains("UDPRoute\n"));
        QVERIFY(table.out.contains("Passes every feature used: "));
        QVERIFY(table.err.contains("01.yaml")); // the guide's broken example is reported, not fatal

        const Run json = toriictl(
            {QStringLiteral("portability"), QStringLiteral("-o"), QStringLiteral("json"), seed});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(json.out).object();
        const QJsonArray features = root[QStringLiteral("features")].toArray();
        QVERIFY(features.size() >= 8);
        // Every feature names implementations from the reports; UDPRoute passes only where the
        // report says so (the facts table is the truth: recompute it here).
        const auto &shipped = Export::shippedFeatureSupport();
        for (const QJsonValue &v : features) {
            const QJsonObject f = v.toObject();
            const std::string name = f[QStringLiteral("feature")].toString().toStdString();
            std::size_t expected = 0;
            for (const auto &s : shipped.implementations) {
                expected += std::binary_search(s.features.begin(), s.features.end(), name) ? 1 : 0;
            }
            QCOMPARE(std::size_t(f[QStringLiteral("implementations")].toArray().size()), expected);
            QVERIFY(!f[QStringLiteral("usedBy")].toArray().isEmpty());
            for (const QJsonValue &impl : f[QStringLiteral("implementations")].toArray()) {
                const QString set = impl.toObject()[QStringLiteral("reportSet")].toString();
                QVERIFY(set == QLatin1String("v1.6") || set == QLatin1String("v1.5"));
            }
        }
    }

    void commandLineErrors()
    {
        QCOMPARE(toriictl({QStringLiteral("portability")}).exitCode, 2);
        QCOMPARE(
            toriictl({QStringLiteral("portability"), QStringLiteral("-o"), QStringLiteral("xml"),
                      QStringLiteral(TORII_SOURCE_DIR "/resources/demo")})
                .exitCode,
            2);
    }
};

QTEST_GUILESS_MAIN(TestCliPortability)
#include "tst_cli_portability.moc"
