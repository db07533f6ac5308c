// toriictl load as a user runs it: the real binary serves the canary design in-process, sends
// the requests, and prints the table, the JSON of the issue, or CSV; bad command lines and mixes
// are refused with a message and exit 2.
#include "common/toriictl_run.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

namespace {

using Result = TestSupport::ToriictlRun;

Result toriictl(const QStringList &arguments)
{
    return TestSupport::runToriictl(arguments);
}

QString data(const char *name)
{
    return QStringLiteral(TORII_TEST_DATA_DIR "/load/") + QLatin1String(name);
}

// The canary design with an HTTPS listener for webapp.example.com whose certificateRef does not
// resolve: served only with --dev-ca.
const char *kHttpsDesign = R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: production-gateway, namespace: gateway-system}
spec:
  gatewayClassName: torii
  listeners:
  - name: https
    port: 443
    protocol: HTTPS
    hostname: webapp.example.com
    tls: {certificateRefs: [{name: not-made-yet}]}
    allowedRoutes: {namespaces: {from: All}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: webapp, namespace: default}
spec:
  parentRefs:
  - {name: production-gateway, namespace: gateway-system}
  hostnames: [webapp.example.com]
  rules:
  - backendRefs:
    - {name: webapp-stable, port: 80, weight: 95}
    - {name: webapp-canary, port: 80, weight: 5}
)";

} // namespace

class TstCliLoad : public QObject
{
    Q_OBJECT

private slots:
    void jsonAsTheIssueSpecifies()
    {
        const Result r = toriictl({"load", data("canary-95-5.yaml"), "--mix",
                                   data("mix-split.yaml"), "--concurrency", "4", "--requests",
                                   "2000", "--gateway-seed", "9", "-o", "json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root["requests"].toInt(), 2000);
        QCOMPARE(root["mode"].toString(), QStringLiteral("closed"));
        const QJsonArray rules = root["rules"].toArray();
        QCOMPARE(rules.size(), 1);
        QJsonObject split;
        for (const QJsonValue &v : rules) {
            if (v.toObject()["ruleIndex"].toInt() == 1) {
                split = v.toObject();
            }
        }
        const QJsonArray backends = split["backends"].toArray();
        QCOMPARE(backends.size(), 2);
        const QJsonObject stable = backends[0].toObject();
        for (const char *key : {"service", "namespace", "requests", "share", "configuredShare",
                                "errors", "p50Ms", "p99Ms"}) {
            QVERIFY2(stable.contains(QLatin1String(key)), key);
        }
        QCOMPARE(stable["service"].toString(), QStringLiteral("webapp-stable"));
        QCOMPARE(stable["namespace"].toString(), QStringLiteral("default"));
        QCOMPARE(stable["configuredShare"].toDouble(), 0.95);
        QCOMPARE(stable["errors"].toInt(), 0);
        QVERIFY(stable["p99Ms"].toDouble() >= stable["p50Ms"].toDouble());
        const QJsonObject test = split["weightTest"].toObject();
        QVERIFY(test.contains("pValue"));
        QCOMPARE(test["consistent"].toBool(), true);
        QVERIFY(r.err.isEmpty() || !r.err.contains("error"));
    }

    void tableAndCsv()
    {
        const Result table =
            toriictl({"load", data("canary-95-5.yaml"), "--mix", data("mix-split.yaml"), "--rate",
                      "400", "--duration", "1.5s", "--gateway-seed", "3"});
        QVERIFY2(table.exitCode == 0, table.err.constData());
        QVERIFY(table.out.contains("open loop at 400 requests/s"));
        QVERIFY(table.out.contains("HTTPRoute default/webapp rule 1"));
        QVERIFY(table.out.contains("  default/webapp-stable"));
        QVERIFY(table.out.contains("weights: consistent with the configuration"));
        QVERIFY(table.err.contains("load: 1 s,")); // the progress line

        // One request at a time: the gateway's seeded draws then follow the request order, so
        // the verdict (and the exit code) is the same on every run.
        const Result csv =
            toriictl({"load", data("canary-95-5.yaml"), "--concurrency", "1", "--requests", "100",
                      "-o", "csv", "--no-keep-alive", "--gateway-seed", "5"});
        QVERIFY2(csv.exitCode == 0, csv.err.constData());
        const QList<QByteArray> lines = csv.out.trimmed().split('\n');
        QVERIFY(lines[0].startsWith("rule,namespace,service,requests,share,configured_share"));
        QCOMPARE(lines.size(), 4); // header, rule 0's canary, rule 1's two backends
        QCOMPARE(csv.exitCode, 0);
    }

    void scenarioPrintsItsStepsAndTheRollback()
    {
        const QString demo = QStringLiteral(TORII_SOURCE_DIR "/resources/demo");
        const QString mix = QStringLiteral(TORII_SOURCE_DIR "/resources/scenarios/shop-mix.yaml");
        const Result r =
            toriictl({"load", demo, "--mix", mix, "--scenario", data("scenario-canary-fails.yaml"),
                      "--rate", "200", "--connections", "32", "--duration", "3s", "--gateway-seed",
                      "9", "--seed", "4", "-o", "json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("scenario 0.0 s: weights webapp/ab-testing-route rule weighted: "
                                "webapp-stable=50 webapp-canary=50"),
                 r.err.constData());
        QVERIFY2(r.err.contains("backend webapp/webapp-canary: errorRate=0.5 status=503 seed=3"),
                 r.err.constData());
        QVERIFY2(r.err.contains("rollback 1."), r.err.constData());
        const QJsonArray timeline = QJsonDocument::fromJson(r.out).object()["timeline"].toArray();
        QCOMPARE(timeline.size(), 3);
        QCOMPARE(timeline[0].toObject()["kind"].toString(), QStringLiteral("step"));
        QCOMPARE(timeline[1].toObject()["dueSeconds"].toDouble(), 1.0);
        const QJsonObject rollback = timeline[2].toObject();
        QCOMPARE(rollback["kind"].toString(), QStringLiteral("rollback"));
        QVERIFY(rollback["atSeconds"].toDouble() >= 1.0);
        QVERIFY(rollback["reason"].toString().startsWith(QStringLiteral("error rate ")));
    }

    void alphaIsShownInTheVerdictAndTheJson()
    {
        const QStringList run = {"load",           data("canary-95-5.yaml"),
                                 "--mix",          data("mix-split.yaml"),
                                 "--concurrency",  "4",
                                 "--requests",     "1000",
                                 "--gateway-seed", "9",
                                 "--alpha",        "0.05"};
        const Result table = toriictl(run);
        QVERIFY2(table.exitCode == 0, table.err.constData());
        QVERIFY2(table.out.contains("weights: consistent with the configuration (chi-square ") &&
                     table.out.contains(">= alpha 0.05)"),
                 table.out.constData());
        QVERIFY(table.out.contains("backends: as the in-process gateway chose them"));
        const Result json = toriictl(run + QStringList{"-o", "json"});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(root["alpha"].toDouble(), 0.05);
        QCOMPARE(root["backendSource"].toString(), QStringLiteral("gateway-events"));
        const QJsonObject test = root["rules"].toArray()[0].toObject()["weightTest"].toObject();
        QCOMPARE(test["alpha"].toDouble(), 0.05);
        QCOMPARE(test["consistent"].toBool(), test["pValue"].toDouble() >= 0.05);
    }

    void httpsWithTheDevelopmentCaAndAWrongCa()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString design = dir.filePath(QStringLiteral("design.yaml"));
        {
            QFile f(design);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kHttpsDesign);
        }
        const QStringList base = {"load",       design, "--concurrency",  "4",
                                  "--requests", "400",  "--gateway-seed", "9"};
        // Without --dev-ca the listener is not served, and the default mix has nothing to send.
        const Result unserved = toriictl(base);
        QCOMPARE(unserved.exitCode, 2);
        QVERIFY2(unserved.err.contains("no HTTP route to send requests to"),
                 unserved.err.constData());

        const Result served = toriictl(base + QStringList{"--dev-ca", "-o", "json"});
        QVERIFY2(served.exitCode == 0, served.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(served.out).object();
        QCOMPARE(root["requests"].toInt(), 400);
        QCOMPARE(root["errors"].toInt(), 0);
        QCOMPARE(root["tls"].toObject()["verified"].toBool(), true);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral(".torii/dev-ca/ca.crt"))));

        // Trusting another workspace's development CA instead: every handshake fails, with the
        // reason, and the run ends.
        const QString wrong = dir.filePath(QStringLiteral("wrong.pem"));
        {
            QTemporaryDir other;
            QFile f(other.filePath(QStringLiteral("design.yaml")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kHttpsDesign);
            f.close();
            const Result made = toriictl({"load", f.fileName(), "--concurrency", "1", "--requests",
                                          "1", "--gateway-seed", "9", "--dev-ca", "-o", "json"});
            QVERIFY2(made.exitCode == 0, made.err.constData());
            QVERIFY(QFile::copy(other.filePath(QStringLiteral(".torii/dev-ca/ca.crt")), wrong));
        }
        const Result failed = toriictl(base + QStringList{"--dev-ca", "--ca", wrong});
        QVERIFY2(failed.out.contains("no answer (TLS handshake failed: the server certificate "
                                     "is not trusted: "),
                 failed.out.constData());
        QVERIFY2(failed.out.contains("): 400\n"), failed.out.constData());
        const Result insecure = toriictl(base + QStringList{"--dev-ca", "--insecure"});
        QVERIFY2(insecure.exitCode == 0, insecure.err.constData());
        QVERIFY(insecure.out.contains("HTTPS: server certificates were not verified (--insecure)"));
        QVERIFY(insecure.out.contains("400 requests in"));
        QVERIFY(insecure.out.contains(", 0 errors"));
    }

    void http2AndL4MixLines()
    {
        // h2c lines through the canary's rules, counted and judged like HTTP/1.1 ones.
        const Result h2 = toriictl({"load", data("canary-95-5.yaml"), "--mix", data("mix-h2.yaml"),
                                    "--concurrency", "4", "--requests", "400", "--gateway-seed",
                                    "9", "--alpha", "0.001", "-o", "json"});
        QVERIFY2(h2.exitCode == 0, h2.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(h2.out).object();
        QCOMPARE(root["requests"].toInt(), 400);
        QCOMPARE(root["errors"].toInt(), 0);
        int answered = 0;
        for (const QJsonValue &v : root["rules"].toArray()) {
            for (const QJsonValue &b : v.toObject()["backends"].toArray()) {
                answered += b.toObject()["requests"].toInt();
            }
            QVERIFY(v.toObject()["weightTest"].toObject()["consistent"].toBool());
        }
        QCOMPARE(answered, 400);

        // tcp, udp and tls lines sample the L4 rules through the rate and request count.
        QTemporaryDir dir;
        QFile mix(dir.filePath(QStringLiteral("l4.yaml")));
        QVERIFY(mix.open(QIODevice::WriteOnly));
        mix.write("requests:\n"
                  "- {protocol: tcp, listener: {port: 9000}, weight: 2}\n"
                  "- {protocol: udp, listener: {port: 9001}}\n"
                  "- {protocol: tls, listener: {port: 9443}, host: secure.example.com}\n");
        mix.close();
        const Result l4 =
            toriictl({"load", data("l4-split.yaml"), "--mix", mix.fileName(), "--rate", "300",
                      "--requests", "300", "--gateway-seed", "5", "--alpha", "0.001"});
        QVERIFY2(l4.exitCode == 0, l4.err.constData());
        QVERIFY2(l4.out.contains("TCPRoute default/db rule 0"), l4.out.constData());
        QVERIFY(l4.out.contains("UDPRoute default/dns rule 0"));
        QVERIFY(l4.out.contains("TLSRoute default/secure rule 0"));
        QVERIFY(l4.out.contains("tcp, udp and tls lines: one connection or UDP flow each"));
        QVERIFY(l4.out.contains("300 requests"));
        QVERIFY(!l4.out.contains("not sampled"));

        // The default mix's sample count.
        const Result few = toriictl({"load", data("l4-split.yaml"), "--concurrency", "1",
                                     "--requests", "1", "--stream-samples", "30", "-o", "json"});
        QVERIFY2(few.exitCode == 0, few.err.constData());
        QCOMPARE(QJsonDocument::fromJson(few.out).object()["requests"].toInt(), 90);
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        const QString design = data("canary-95-5.yaml");
        QTest::newRow("both loops")
            << QStringList{"load", design, "--rate", "5", "--concurrency", "2", "--requests", "5"}
            << QByteArray("either --rate");
        QTest::newRow("no end") << QStringList{"load", design, "--rate", "5"}
                                << QByteArray("--duration, --requests");
        QTest::newRow("bad rate") << QStringList{"load", design, "--rate", "-1", "--requests", "5"}
                                  << QByteArray("--rate wants");
        QTest::newRow("remote target")
            << QStringList{"load",       design, "--concurrency", "1",
                           "--requests", "1",    "--target",      "10.0.0.1:80"}
            << QByteArray("--target wants");
        QTest::newRow("tcp line with a path")
            << QStringList{"load",       design, "--concurrency", "1",
                           "--requests", "1",    "--mix",         data("mix-bad-lines.yaml")}
            << QByteArray("mix-bad-lines.yaml:6:3: error: path does not apply to protocol tcp");
        QTest::newRow("grpc line with a body")
            << QStringList{"load",       design, "--concurrency", "1",
                           "--requests", "1",    "--mix",         data("mix-bad-lines.yaml")}
            << QByteArray("mix-bad-lines.yaml:8:3: error: body does not apply to protocol grpc");
        QTest::newRow("bad line says what applies")
            << QStringList{"load",       design, "--concurrency", "1",
                           "--requests", "1",    "--mix",         data("mix-bad-lines.yaml")}
            << QByteArray("a tcp or udp line sends one echo sample; only listener applies");
        QTest::newRow("h2 line without an HTTPS listener")
            << QStringList{"load",       design, "--concurrency", "1",
                           "--requests", "1",    "--mix",         data("mix-h2-tls.yaml")}
            << QByteArray("no served HTTPS listener matches */*:* of the request \"h2 GET "
                          "webapp.example.com/\"");
        for (const char *samples : {"-1", "many", "100001"}) {
            QTest::newRow(qPrintable(QStringLiteral("stream-samples %1").arg(samples)))
                << QStringList{"load",       design, "--concurrency",    "1",
                               "--requests", "1",    "--stream-samples", samples}
                << QByteArray("--stream-samples wants a number from 0 to 100000, not \"") +
                       samples + '"';
        }
        QTest::newRow("stream-samples with a mix")
            << QStringList{"load",  design,           "--concurrency",    "1", "--requests", "1",
                           "--mix", data("mix.yaml"), "--stream-samples", "10"}
            << QByteArray("--stream-samples sizes the default mix's L4 samples in-process");
        for (const char *alpha : {"0", "1", "1.5", "-0.01", "often"}) {
            QTest::newRow(qPrintable(QStringLiteral("alpha %1").arg(alpha)))
                << QStringList{"load",       design, "--concurrency", "1",
                               "--requests", "1",    "--alpha",       alpha}
                << QByteArray("--alpha wants a significance level between 0 and 1, such as 0.01 "
                              "or 0.05, not \"") +
                       alpha + '"';
        }
        QTest::newRow("ca and insecure")
            << QStringList{"load", design, "--concurrency", "1",         "--requests",
                           "1",    "--ca", design,          "--insecure"}
            << QByteArray("--ca and --insecure contradict each other");
        QTest::newRow("ca without certificate")
            << QStringList{"load", design, "--concurrency", "1", "--requests", "1", "--ca", design}
            << QByteArray("holds no PEM certificate");
        QTest::newRow("ca missing")
            << QStringList{"load",       design, "--concurrency", "1",
                           "--requests", "1",    "--ca",          data("nothing.pem")}
            << QByteArray("cannot read");
        QTest::newRow("backend binding")
            << QStringList{"load",          design,
                           "--concurrency", "1",
                           "--requests",    "1",
                           "--backend",     "default/webapp-canary=10.1.1.1:80"}
            << QByteArray("--backend wants NAMESPACE/NAME=127.0.0.1:PORT");
        QTest::newRow("dev-ca and target")
            << QStringList{"load", design,     "--concurrency",  "1",       "--requests",
                           "1",    "--target", "127.0.0.1:8080", "--dev-ca"}
            << QByteArray("--dev-ca serves the design in-process");
        QTest::newRow("https target without trust")
            << QStringList{"load", design,     "--concurrency", "1",     "--requests",
                           "1",    "--target", "127.0.0.1:9",   "--mix", data("mix-https.yaml")}
            << QByteArray("HTTPS: no certificate to check the servers against");
        QTest::newRow("format") << QStringList{"load", design,       "--concurrency",
                                               "1",    "--requests", "1",
                                               "-o",   "xml"}
                                << QByteArray("-o wants");
        QTest::newRow("bad scenario")
            << QStringList{"load",       design, "--concurrency", "1",
                           "--requests", "1",    "--scenario",    data("scenario-bad.yaml")}
            << QByteArray("scenario-bad.yaml:3:55: error: errorRate must be a number from 0 to 1");
        QTest::newRow("no scenario file")
            << QStringList{"load",       design, "--concurrency", "1",
                           "--requests", "1",    "--scenario",    data("nothing.yaml")}
            << QByteArray("nothing.yaml: no such file");
    }
    void badInputIsRefused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Result r = toriictl(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TstCliLoad)
#include "tst_cli_load.moc"
