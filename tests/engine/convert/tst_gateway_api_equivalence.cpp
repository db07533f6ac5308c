// The semantic comparison the converter tests rely on: it must ignore names, order and defaults,
// and must see every change of behaviour (a listener port, a match, a filter, a weight split).
#include "gateway_api_equivalence.h"

#include "engine/yaml/yaml_loader.h"

#include <QtTest/QTest>

using namespace Torii;

namespace {

std::vector<Model::Node> objects(const char *yaml)
{
    std::vector<Model::Node> out;
    for (const Yaml::LoadedDocument &doc : Yaml::loadText(yaml, "test.yaml").documents) {
        out.push_back(doc.root);
    }
    return out;
}

const char *kBase = R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: nginx, namespace: default}
spec:
  gatewayClassName: nginx
  listeners:
  - {name: a-http, hostname: a.example.com, port: 80, protocol: HTTP}
  - name: a-https
    hostname: a.example.com
    port: 443
    protocol: HTTPS
    tls: {certificateRefs: [{name: a-tls}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: app, namespace: default}
spec:
  parentRefs: [{name: nginx, sectionName: a-https}]
  hostnames: [a.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /api}}]
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier: {set: [{name: X-A, value: "1"}, {name: X-B, value: "2"}]}
    backendRefs: [{name: api, port: 80, weight: 80}, {name: api-canary, port: 80, weight: 20}]
  - backendRefs: [{name: web, port: 80}]
)";

// The same behaviour written differently: other names, order, explicit defaults, split routes.
const char *kRenamed = R"(apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: other-name-2}
spec:
  hostnames: [a.example.com]
  parentRefs: [{name: gw, sectionName: secure}]
  rules:
  - name: catch-all
    matches: [{path: {type: PathPrefix, value: /}}]
    backendRefs: [{name: web, port: 80, weight: 1, kind: Service, group: ""}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: other-name-1, namespace: default}
spec:
  hostnames: [a.example.com]
  parentRefs: [{name: gw, sectionName: secure}]
  rules:
  - matches: [{path: {value: /api}}]
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier: {set: [{name: x-b, value: "2"}, {name: X-A, value: "1"}]}
    backendRefs: [{name: api-canary, port: 80, weight: 1}, {name: api, port: 80, weight: 4}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: nginx
  listeners:
  - name: secure
    hostname: a.example.com
    port: 443
    protocol: HTTPS
    tls: {mode: Terminate, certificateRefs: [{kind: Secret, group: "", name: a-tls}]}
  - {name: plain, hostname: a.example.com, port: 80, protocol: HTTP}
)";

} // namespace

class TestGatewayApiEquivalence : public QObject
{
    Q_OBJECT

private slots:
    void namesOrderAndDefaultsDoNotMatter()
    {
        const Test::EquivalenceResult r =
            Test::compareGatewayApi(objects(kBase), objects(kRenamed));
        for (const std::string &d : r.differences()) {
            qWarning("%s", d.c_str());
        }
        QVERIFY(r.equivalent());
    }

    void behaviourChangesAreFound_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("listener port") << "port: 443"
                                       << "port: 8443";
        QTest::newRow("path type") << "type: PathPrefix, value: /api"
                                   << "type: Exact, value: /api";
        QTest::newRow("weights") << "weight: 20"
                                 << "weight: 30";
        QTest::newRow("header value") << "value: \"2\""
                                      << "value: \"3\"";
        QTest::newRow("section") << "sectionName: a-https"
                                 << "sectionName: a-http";
        QTest::newRow("hostname") << "hostnames: [a.example.com]"
                                  << "hostnames: [b.example.com]";
        QTest::newRow("backend") << "name: web, port: 80"
                                 << "name: web, port: 8080";
        QTest::newRow("secret") << "name: a-tls"
                                << "name: b-tls";
        QTest::newRow("gateway class") << "gatewayClassName: nginx"
                                       << "gatewayClassName: other";
    }

    void behaviourChangesAreFound()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QString changed = QString::fromUtf8(kBase);
        QVERIFY(changed.contains(from));
        changed.replace(from, to);
        const QByteArray bytes = changed.toUtf8();
        const Test::EquivalenceResult r =
            Test::compareGatewayApi(objects(kBase), objects(bytes.constData()));
        QVERIFY(!r.equivalent());
        QVERIFY(!r.missing.empty());
        QVERIFY(!r.extra.empty());
    }

    void otherKindsAndMetadataAreIgnored()
    {
        std::vector<Model::Node> with = objects(kBase);
        const std::vector<Model::Node> extra = objects(R"(apiVersion: gateway.kgateway.dev/v1alpha1
kind: TrafficPolicy
metadata: {name: x}
spec: {}
)");
        with.push_back(extra.front());
        QVERIFY(Test::compareGatewayApi(objects(kBase), with).equivalent());
    }

    void readsNotificationBoxAndJsonStreams()
    {
        const QString dir = QDir::tempPath() + QStringLiteral("/torii-equivalence-test");
        QDir().mkpath(dir);
        QFile box(dir + QStringLiteral("/box.yaml"));
        QVERIFY(box.open(QIODevice::WriteOnly));
        box.write(
            "\xe2\x94\x8c\xe2\x94\x80 WARN\n\xe2\x94\x82  something: a: b\n"
            "\xe2\x94\x94\xe2\x94\x80\napiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: B\n");
        box.close();
        QString error;
        QCOMPARE(Test::readExpectedObjects(box.fileName(), &error).size(), std::size_t(2));
        QVERIFY(error.isEmpty());
        QFile json(dir + QStringLiteral("/stream.json"));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write("{\"kind\": \"A\", \"s\": \"}{\"}\n{\"kind\": \"B\"}{\"kind\": \"C\"}\n");
        json.close();
        const std::vector<Model::Node> stream = Test::readExpectedObjects(json.fileName(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(stream.size(), std::size_t(3));
        QCOMPARE(stream[0]["s"].asString(), std::string("}{"));
        QDir(dir).removeRecursively();
    }
};

QTEST_GUILESS_MAIN(TestGatewayApiEquivalence)
#include "tst_gateway_api_equivalence.moc"
