// toriictl convert as a user runs it: the real binary, YAML/JSON on stdout, notes on stderr,
// --explain, exit codes; and what it writes passes `toriictl validate` (inputs written here, and
// every ingress2gateway Ingress fixture when ../shared is present).
#include "common/shared_corpus.h"

#include "common/toriictl_run.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

namespace {

using Run = TestSupport::ToriictlRun;

Run toriictl(const QStringList &arguments, const QString &workingDirectory)
{
    return TestSupport::runToriictl(arguments, workingDirectory);
}

const char *kShop = R"(apiVersion: v1
kind: Service
metadata: {name: shop, namespace: store}
spec:
  ports: [{name: http, port: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: store
  annotations:
    nginx.ingress.kubernetes.io/auth-url: https://auth.example.com
    nginx.ingress.kubernetes.io/enable-cors: "true"
spec:
  ingressClassName: nginx
  tls:
  - hosts: [shop.example.com]
    secretName: shop-tls
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service: {name: shop, port: {name: http}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop-canary
  namespace: store
  annotations:
    nginx.ingress.kubernetes.io/canary: "true"
    nginx.ingress.kubernetes.io/canary-weight: "10"
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service: {name: shop-v2, port: {number: 8080}}
)";

bool write(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

} // namespace

class TestCliConvert : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(write(m_dir.filePath(QStringLiteral("shop.yaml")), kShop));
        QVERIFY(write(m_dir.filePath(QStringLiteral("broken.yaml")), "a: [1, 2\n"));
        QVERIFY(write(m_dir.filePath(QStringLiteral("service.yaml")),
                      "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n"));
        QVERIFY(write(m_dir.filePath(QStringLiteral("list.json")),
                      R"({"apiVersion": "v1", "kind": "List", "items": [
  {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
   "metadata": {"name": "j", "namespace": "n"},
   "spec": {"ingressClassName": "nginx", "rules": [{"host": "j.example.com", "http": {"paths": [
     {"path": "/", "pathType": "Prefix",
      "backend": {"service": {"name": "j", "port": {"number": 80}}}}]}}]}}]}
)"));
        QByteArray missingPort = kShop;
        missingPort.replace("{name: http}", "{name: grpc}");
        QVERIFY(write(m_dir.filePath(QStringLiteral("missing-port.yaml")), missingPort));
    }

    void yamlOnStdoutNotesOnStderr()
    {
        const Run run = toriictl({"convert", "ingress", "shop.yaml"}, m_dir.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"));
        QVERIFY(run.out.contains("kind: HTTPRoute"));
        QVERIFY(run.out.contains("weight: 90"));
        QVERIFY(run.out.contains("port: 8080"));
        QVERIFY(run.out.contains("type: CORS"));
        QVERIFY2(run.err.contains("shop.yaml:13:5: warning: metadata.annotations[\"nginx.ingress."
                                  "kubernetes.io/auth-url\"]: annotation nginx.ingress.kubernetes."
                                  "io/auth-url is not converted [convert.ingress.not-converted]"),
                 run.err.constData());
        QVERIFY(run.err.contains("hint: authentication is not part of the Gateway API"));
        QVERIFY(run.err.contains("errors: 0"));
        QVERIFY(!run.out.contains("warning"));

        // The output is what `toriictl validate` accepts.
        const QString converted = m_dir.filePath(QStringLiteral("converted.yaml"));
        QVERIFY(write(converted, run.out));
        const Run validate = toriictl({"validate", "--no-lint", converted}, m_dir.path());
        QVERIFY2(validate.exitCode == 0, validate.out.constData());
    }

    void jsonListInput()
    {
        const Run run = toriictl({"convert", "ingress", "list.json"}, m_dir.path());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("name: j-j-example-com"));
        QVERIFY(run.err.contains("objects: 2,"));
    }

    void explainAndJson()
    {
        const Run explained =
            toriictl({"convert", "ingress", "--explain", "shop.yaml"}, m_dir.path());
        QCOMPARE(explained.exitCode, 0);
        QVERIFY(explained.out.contains("# HTTPRoute store/shop-shop-example-com\n"));
        QVERIFY2(explained.out.contains("#   spec.rules[0].backendRefs[1] ← shop.yaml:36:5 "
                                        "metadata.annotations[\"nginx.ingress.kubernetes.io/"
                                        "canary-weight\"]"),
                 explained.out.constData());
        QVERIFY(explained.out.contains("#       canary-weight: the canary gets weight/total"));

        const Run json = toriictl({"convert", "ingress", "-o", "json", "--gateway-class", "eg",
                                   "--namespace", "other", "shop.yaml"},
                                  m_dir.path());
        QCOMPARE(json.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(doc.object().value(QStringLiteral("kind")).toString(), QStringLiteral("List"));
        const QJsonArray items = doc.object().value(QStringLiteral("items")).toArray();
        QVERIFY(items.size() >= 3);
        QCOMPARE(items.at(0)
                     .toObject()
                     .value(QStringLiteral("spec"))
                     .toObject()
                     .value(QStringLiteral("gatewayClassName")),
                 QJsonValue(QStringLiteral("eg")));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrContains");
        QTest::newRow("error note") << QStringList{"convert", "ingress", "missing-port.yaml"} << 1
                                    << "port \"grpc\" of Service shop is not in the input";
        QTest::newRow("unparsable")
            << QStringList{"convert", "ingress", "broken.yaml"} << 2 << "broken.yaml:";
        QTest::newRow("nothing to convert") << QStringList{"convert", "ingress", "service.yaml"}
                                            << 2 << "nothing the ingress converter reads";
        QTest::newRow("unknown source")
            << QStringList{"convert", "nomad", "shop.yaml"} << 2 << "unknown source \"nomad\"";
        QTest::newRow("no source") << QStringList{"convert"} << 2 << "name what to convert from";
        QTest::newRow("no file") << QStringList{"convert", "ingress"} << 2
                                 << "name at least one file";
        QTest::newRow("missing file")
            << QStringList{"convert", "ingress", "nope.yaml"} << 2 << "nope.yaml";
        QTest::newRow("bad format") << QStringList{"convert", "ingress", "-o", "xml", "shop.yaml"}
                                    << 2 << "unknown output format";
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrContains);
        const Run run = toriictl(arguments, m_dir.path());
        QVERIFY2(run.err.contains(stderrContains.toUtf8()), run.err.constData());
        QCOMPARE(run.exitCode, exitCode);
    }

    // Brief: every converted ingress2gateway Ingress input passes `toriictl validate`.
    void fixturesPassValidate()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/ingress2gateway"));
        const QStringList folders = {
            QStringLiteral("nginx/input"),
            QStringLiteral("from-pull-requests/ingress-nginx-to-kgateway-pr399/input"),
            QStringLiteral("from-pull-requests/ingress-nginx-to-agentgateway-pr399/input")};
        int converted = 0;
        for (const QString &folder : folders) {
            const QDir dir(
                Torii::Test::sharedPath(QStringLiteral("fixtures/ingress2gateway/") + folder));
            for (const QString &name : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
                const Run run = toriictl({"convert", "ingress", dir.filePath(name)}, m_dir.path());
                QVERIFY2(run.exitCode == 0, qPrintable(name + QLatin1Char('\n') + run.err));
                const QString out = m_dir.filePath(QStringLiteral("out-") + name);
                QVERIFY(write(out, run.out));
                const Run validate = toriictl({"validate", out}, m_dir.path());
                QVERIFY2(validate.exitCode == 0,
                         qPrintable(name + QLatin1Char('\n') + validate.out));
                ++converted;
            }
        }
        qInfo("%d fixtures converted and validated", converted);
        QVERIFY(converted >= 30);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliConvert)
#include "tst_cli_convert.moc"
