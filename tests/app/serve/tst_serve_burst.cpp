// `toriictl serve --burst N` (app/runtime/serve_burst.h): in-process, a ServeSession on 127.0.0.1
// with an HTTP route and TCP, UDP and TLS routes to mock echo backends: the burst sends N HTTP
// requests and a few dozen samples per L4 rule, and the session's summary (its gateway's
// events) counts the connections and flows beside the HTTP requests, per backend. A rule whose
// backends answer no echo is still sampled, within its short deadline. Then the real binary:
// the burst lines and the summary rows, and a bad --burst value refused.
#include "app/runtime/serve_burst.h"
#include "app/runtime/serve_session.h"

#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace Torii;

namespace {

const char *kDesign = R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: torii
  listeners:
  - {name: http, port: 80, protocol: HTTP}
  - {name: tcp, port: 9000, protocol: TCP, allowedRoutes: {kinds: [{kind: TCPRoute}]}}
  - {name: udp, port: 9001, protocol: UDP, allowedRoutes: {kinds: [{kind: UDPRoute}]}}
  - {name: dns, port: 53, protocol: UDP, allowedRoutes: {kinds: [{kind: UDPRoute}]}}
  - name: tls
    port: 9443
    protocol: TLS
    tls: {mode: Passthrough}
    allowedRoutes: {kinds: [{kind: TLSRoute}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: http}]
  hostnames: [web.example.com]
  rules:
  - backendRefs: [{name: web, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata: {name: db, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: tcp}]
  rules:
  - backendRefs:
    - {name: db-primary, port: 5432, weight: 80}
    - {name: db-replica, port: 5432, weight: 20}
---
apiVersion: gateway.networking.k8s.io/v1
kind: UDPRoute
metadata: {name: stats, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: udp}]
  rules:
  - backendRefs: [{name: stats, port: 8125}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: UDPRoute
metadata: {name: dns, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: dns}]
  rules:
  - backendRefs: [{name: coredns, port: 53}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: secure, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: tls}]
  hostnames: [secure.example.com]
  rules:
  - backendRefs: [{name: secure, port: 8443}]
)";

int backendCount(const Runtime::TrafficSummary &s, const std::string &prefix)
{
    int count = 0;
    for (const auto &[name, n] : s.byBackend) {
        if (name.rfind(prefix, 0) == 0) {
            count += n;
        }
    }
    return count;
}

} // namespace

class TstServeBurst : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile f(m_dir.filePath(QStringLiteral("design.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kDesign);
    }

    void burstIsCountedWithTheL4Rows()
    {
        Runtime::ServeSession session;
        Runtime::ServeOptions options;
        options.anyPort = true;
        QString error;
        QVERIFY2(session.start({design()}, options, &error), qPrintable(error));
        Runtime::ServeBurst burst;
        Runtime::BurstOptions burstOptions;
        burstOptions.httpRequests = 40;
        burstOptions.streamSamples = 24;
        burstOptions.deadline = std::chrono::milliseconds(20000); // ends long before
        burst.start(session, burstOptions);
        QTRY_VERIFY_WITH_TIMEOUT(burst.finished(), 20000);
        burst.stop();
        session.stop(); // ends the UDP sessions: their events are published now
        const Runtime::BurstReport &r = burst.report();
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.httpSent, std::uint64_t(40));
        QCOMPARE(r.httpAnswered, std::uint64_t(40));
        QCOMPARE(r.streams.size(), std::size_t(4));
        for (const Runtime::BurstStreamRule &rule : r.streams) {
            QCOMPARE(rule.sent, 24);
            if (rule.rule == "UDPRoute default/dns rule 0") {
                QVERIFY(!rule.echo); // the DNS stand-in answers no echo: sampled all the same
                QCOMPARE(rule.answered, 0);
            } else {
                QVERIFY2(rule.echo, rule.rule.c_str());
                QCOMPARE(rule.answered, 24);
            }
        }

        const Runtime::TrafficSummary s = session.summary();
        QCOMPARE(s.byStatus.at(200), 40);
        QCOMPARE(s.byStream.at("TCP"), 24);
        QCOMPARE(s.byStream.at("TLS"), 24);
        QCOMPARE(s.byStream.at("UDP"), 48);
        QCOMPARE(s.requests, 40 + 24 + 24 + 48);
        QCOMPARE(backendCount(s, "default/web:"), 40);
        QCOMPARE(backendCount(s, "default/db-"), 24);
        QVERIFY(backendCount(s, "default/db-primary:") > backendCount(s, "default/db-replica:"));
        QCOMPARE(backendCount(s, "default/stats:"), 24);
        QCOMPARE(backendCount(s, "default/coredns:"), 24);
        QCOMPARE(backendCount(s, "default/secure:"), 24);
    }

    void deadlineBoundsTheBurst()
    {
        Runtime::ServeSession session;
        Runtime::ServeOptions options;
        options.anyPort = true;
        QString error;
        QVERIFY2(session.start({design()}, options, &error), qPrintable(error));
        Runtime::ServeBurst burst;
        Runtime::BurstOptions burstOptions;
        burstOptions.httpRequests = 100000000; // far more than fits
        burstOptions.deadline = std::chrono::milliseconds(300);
        burst.start(session, burstOptions);
        QTRY_VERIFY_WITH_TIMEOUT(burst.finished(), 10000);
        const Runtime::BurstReport &r = burst.report();
        QVERIFY(r.httpSent > 0 && r.httpSent < 100000000);
        for (const Runtime::BurstStreamRule &rule : r.streams) {
            QCOMPARE(rule.sent, 0); // the deadline passed during the HTTP part
        }
        session.stop();
    }

    void commandLine()
    {
        QProcess serve;
        serve.setProcessChannelMode(QProcess::MergedChannels);
        serve.start(QStringLiteral(TORIICTL_PATH),
                    {"serve", "--any-port", "--duration", "4", "--burst", "20",
                     QString::fromStdString(design())});
        QVERIFY(serve.waitForFinished(30000));
        const QByteArray out = serve.readAll();
        QCOMPARE(serve.exitCode(), 0);
        QVERIFY2(out.contains("burst: 20 HTTP request(s), 20 answered"), out.constData());
        QVERIFY(out.contains("burst: TCPRoute default/db rule 0: 24 tcp sample(s), 24 answered by "
                             "the echo"));
        QVERIFY(out.contains("burst: UDPRoute default/dns rule 0: 24 udp sample(s) (its backends "
                             "do not answer the echo"));
        QVERIFY(out.contains("  TCP × 24 connection(s)"));
        QVERIFY(out.contains("  UDP × 48 flow(s)"));
        QVERIFY(out.contains("  default/db-primary:5432: "));

        QProcess bad;
        bad.setProcessChannelMode(QProcess::MergedChannels);
        bad.start(QStringLiteral(TORIICTL_PATH),
                  {"serve", "--burst", "lots", QString::fromStdString(design())});
        QVERIFY(bad.waitForFinished(10000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(bad.readAll().contains("--burst wants a number of requests from 0 to 100000, not "
                                       "\"lots\""));
    }

private:
    std::string design() const
    {
        return m_dir.filePath(QStringLiteral("design.yaml")).toStdString();
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TstServeBurst)
#include "tst_serve_burst.moc"
