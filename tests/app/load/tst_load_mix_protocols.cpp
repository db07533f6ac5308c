// LoadRun with mix lines of every protocol of issue 5, in-process, on real sockets on 127.0.0.1:
// h2c lines (HTTP/2 with prior knowledge) and h2 lines (ALPN h2 over an HTTPS listener served
// with the development CA) through a 70/30 HTTPRoute, grpc lines through a 50/50 GRPCRoute to
// gRPC echo backends, tcp and udp lines through an 80/20 TCPRoute and a 50/50 UDPRoute. Each
// line's rule row holds the observed split against the weights with the chi-square verdict, the
// statuses and latency; the closed-loop concurrency bounds every protocol. Lines that cannot be
// sent are refused before anything is sent, saying why; a --target run still sends h2c and grpc
// lines (the echo answers name the backend).
#include "app/runtime/load_run.h"
#include "app/runtime/serve_session.h"

#include <QtCore/QFile>
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
  - name: https
    port: 443
    protocol: HTTPS
    hostname: secure.example.com
    tls: {mode: Terminate, certificateRefs: [{name: missing-cert}]}
  - {name: tcp, port: 9000, protocol: TCP, allowedRoutes: {kinds: [{kind: TCPRoute}]}}
  - {name: udp, port: 9001, protocol: UDP, allowedRoutes: {kinds: [{kind: UDPRoute}]}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: http}, {name: gw, sectionName: https}]
  hostnames: [web.example.com, secure.example.com]
  rules:
  - backendRefs:
    - {name: web-a, port: 8080, weight: 70}
    - {name: web-b, port: 8080, weight: 30}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: echo, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: http}]
  hostnames: [grpc.example.com]
  rules:
  - backendRefs:
    - {name: grpc-a, port: 50051, weight: 50}
    - {name: grpc-b, port: 50051, weight: 50}
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
  - backendRefs:
    - {name: stats-a, port: 8125, weight: 50}
    - {name: stats-b, port: 8125, weight: 50}
)";

const char *kMix = R"(requests:
- weight: 2
  protocol: h2c
  host: web.example.com
  path: /h2c
- weight: 1
  protocol: h2
  listener: {port: 443}
  host: secure.example.com
  path: /h2
- weight: 2
  protocol: grpc
  host: grpc.example.com
- weight: 2
  protocol: tcp
  listener: {port: 9000}
- weight: 1
  protocol: udp
  listener: {port: 9001}
)";

const Runtime::RuleLoad *rule(const Runtime::LoadReport &r, const std::string &key)
{
    for (const Runtime::RuleLoad &x : r.rules) {
        if (x.key == key) {
            return &x;
        }
    }
    return nullptr;
}

const Runtime::BackendLoad *backend(const Runtime::RuleLoad &r, const std::string &service)
{
    for (const Runtime::BackendLoad &b : r.backends) {
        if (b.service == service) {
            return &b;
        }
    }
    return nullptr;
}

// The rule got traffic, every request answered 2xx, the backends are the configured ones with
// shares near their weights (within 4 standard deviations of a binomial draw: the gateway's
// draws are seeded, but calls from several threads interleave, so the sequence per rule is not
// fixed) and the weight test does not reject them.
void checkRule(const Runtime::LoadReport &report, const std::string &key, const char *first,
               double firstShare, const char *second, std::uint64_t atLeast)
{
    const Runtime::RuleLoad *r = rule(report, key);
    QVERIFY2(r, key.c_str());
    QVERIFY2(r->requests >= atLeast, qPrintable(QString::number(r->requests)));
    QCOMPARE(r->byClass[2], r->requests); // all answered 2xx
    QCOMPARE(r->unattributed, std::uint64_t(0));
    QCOMPARE(r->backends.size(), std::size_t(2));
    const Runtime::BackendLoad *a = backend(*r, first);
    const Runtime::BackendLoad *b = backend(*r, second);
    QVERIFY2(a && b, key.c_str());
    QCOMPARE(a->requests + b->requests, r->requests);
    QCOMPARE(a->configuredShare, firstShare);
    qInfo("%s: %s %llu, %s %llu, p = %g", key.c_str(), first, (unsigned long long)a->requests,
          second, (unsigned long long)b->requests, r->weightTest.pValue);
    const double sd = std::sqrt(firstShare * (1 - firstShare) / double(r->requests));
    QVERIFY2(std::abs(a->share - firstShare) < 4 * sd, qPrintable(QString::number(a->share)));
    QVERIFY(r->weightTest.consistent);
    QCOMPARE(r->latency.count(), r->requests);
}

} // namespace

class TstLoadMixProtocols : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(write("design.yaml", kDesign));
        QVERIFY(write("mix.yaml", kMix));
    }

    void everyProtocolSplitsAsWeighted()
    {
        Runtime::LoadOptions options;
        options.mixFile = path("mix.yaml");
        options.developmentCa = true; // the HTTPS listener's Secret is missing
        options.generator.mode = Traffic::LoopMode::Closed;
        options.generator.connections = 4;
        options.generator.requestLimit = 1600;
        options.generator.seed = 11;
        options.gatewaySeed = 4242;
        options.alpha = 0.001;
        Runtime::LoadRun run;
        QString error;
        QVERIFY2(run.prepare({path("design.yaml")}, options, &error), qPrintable(error));
        QVERIFY2(run.run({}, &error), qPrintable(error));
        const Runtime::LoadReport &report = run.report();
        QCOMPARE(report.requests, std::uint64_t(1600));
        QVERIFY2(report.failures.empty(),
                 report.failures.empty() ? "" : report.failures.begin()->first.c_str());
        QCOMPARE(report.errors, std::uint64_t(0));
        QVERIFY(report.streamLines);
        QVERIFY(report.grpcLines);
        QVERIFY(report.https);
        QCOMPARE(report.streamSamples, std::uint64_t(0)); // no default-mix sampling with --mix
        QVERIFY(report.unsampledStreams.empty());         // both L4 rules have a line
        QCOMPARE(report.templates.size(), std::size_t(5));
        // h2c (2/8) and h2 (1/8) land on one HTTPRoute rule: about 600 requests.
        checkRule(report, "HTTPRoute default/web rule 0", "web-a", 0.7, "web-b", 450);
        checkRule(report, "GRPCRoute default/echo rule 0", "grpc-a", 0.5, "grpc-b", 300);
        checkRule(report, "TCPRoute default/db rule 0", "db-primary", 0.8, "db-replica", 300);
        checkRule(report, "UDPRoute default/stats rule 0", "stats-a", 0.5, "stats-b", 120);
        QCOMPARE(report.droppedEvents, std::uint64_t(0));
    }

    void openLoopRateAppliesToEveryProtocol()
    {
        // 200 requests at 400/s: the run lasts about half a second whatever the protocols, and
        // every one is answered.
        Runtime::LoadOptions options;
        options.mixFile = path("mix.yaml");
        options.developmentCa = true;
        options.generator.mode = Traffic::LoopMode::Open;
        options.generator.rate = 400;
        options.generator.connections = 8;
        options.generator.requestLimit = 200;
        Runtime::LoadRun run;
        QString error;
        QVERIFY2(run.prepare({path("design.yaml")}, options, &error), qPrintable(error));
        QVERIFY2(run.run({}, &error), qPrintable(error));
        const Runtime::LoadReport &report = run.report();
        QCOMPARE(report.requests, std::uint64_t(200));
        QCOMPARE(report.errors, std::uint64_t(0));
        // The last request is due at 199/400 s: the run cannot be shorter.
        QVERIFY2(report.elapsedSeconds >= 0.49, qPrintable(QString::number(report.elapsedSeconds)));
    }

    void targetRunsCountH2cAndGrpcFromTheEchoAnswers()
    {
        // A running serve session (not the run's own gateway): h2c and grpc lines go to its HTTP
        // port and each answer's echo names the backend; tcp and udp lines are refused there.
        Runtime::ServeSession serve;
        Runtime::ServeOptions serveOptions;
        serveOptions.anyPort = true;
        QString error;
        QVERIFY2(serve.start({path("design.yaml")}, serveOptions, &error), qPrintable(error));
        quint16 port = 0;
        for (const Runtime::ServedListener &l : serve.listeners()) {
            if (l.port == 80) {
                port = l.localPort;
            }
        }
        QVERIFY(port != 0);
        QVERIFY(write("mix-h2c-grpc.yaml", "requests:\n"
                                           "- {protocol: h2c, host: web.example.com}\n"
                                           "- {protocol: grpc, host: grpc.example.com}\n"));
        Runtime::LoadOptions options;
        options.mixFile = path("mix-h2c-grpc.yaml");
        options.target = std::make_pair(std::string("127.0.0.1"), port);
        options.generator.connections = 2;
        options.generator.requestLimit = 400;
        options.alpha = 0.001;
        Runtime::LoadRun run;
        QVERIFY2(run.prepare({path("design.yaml")}, options, &error), qPrintable(error));
        QVERIFY2(run.run({}, &error), qPrintable(error));
        const Runtime::LoadReport &report = run.report();
        QCOMPARE(report.backendSource, Runtime::BackendSource::EchoBody);
        QCOMPARE(report.requests, std::uint64_t(400));
        QCOMPARE(report.errors, std::uint64_t(0));
        checkRule(report, "HTTPRoute default/web rule 0", "web-a", 0.7, "web-b", 120);
        checkRule(report, "GRPCRoute default/echo rule 0", "grpc-a", 0.5, "grpc-b", 120);

        Runtime::LoadOptions l4 = options;
        l4.mixFile = path("mix.yaml");
        Runtime::LoadRun refused;
        QVERIFY(!refused.prepare({path("design.yaml")}, l4, &error));
        QVERIFY2(error.contains(QLatin1String("need the in-process gateway")), qPrintable(error));
        serve.stop();
    }

    void defaultMixCallsTheGrpcRoutes()
    {
        // Without a mix, the GRPCRoute's rule gets unary calls (not HTTP/1.1 requests its rows
        // would not match), split as weighted; the HTTPS listener is not served (no --dev-ca).
        Runtime::LoadOptions options;
        options.generator.connections = 4;
        options.generator.requestLimit = 600;
        options.streamSamples = 0;
        options.gatewaySeed = 77;
        options.alpha = 0.001;
        Runtime::LoadRun run;
        QString error;
        QVERIFY2(run.prepare({path("design.yaml")}, options, &error), qPrintable(error));
        QVERIFY2(run.run({}, &error), qPrintable(error));
        const Runtime::LoadReport &report = run.report();
        QCOMPARE(report.errors, std::uint64_t(0));
        QVERIFY(report.grpcLines);
        QVERIFY(report.skippedRules.empty());
        // Three templates (the HTTPRoute's two hostnames, the GRPCRoute's one): a third each.
        checkRule(report, "GRPCRoute default/echo rule 0", "grpc-a", 0.5, "grpc-b", 150);
        checkRule(report, "HTTPRoute default/web rule 0", "web-a", 0.7, "web-b", 300);
    }

    void unusableLinesAreRefusedBeforeSending()
    {
        QFETCH(QString, mix);
        QFETCH(QString, expected);
        QVERIFY(write("refused.yaml", mix.toUtf8()));
        Runtime::LoadOptions options;
        options.mixFile = path("refused.yaml");
        options.generator.requestLimit = 10;
        Runtime::LoadRun run;
        QString error;
        QVERIFY(!run.prepare({path("design.yaml")}, options, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void unusableLinesAreRefusedBeforeSending_data()
    {
        QTest::addColumn<QString>("mix");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no TCP listener on that port")
            << "requests:\n- {protocol: tcp, listener: {port: 9999}}\n"
            << "no served TCP listener matches */*:9999";
        QTest::newRow("udp line on the TCP listener's port")
            << "requests:\n- {protocol: udp, listener: {port: 9000}}\n"
            << "no served UDP listener matches";
        QTest::newRow("h2 without a served HTTPS listener (no --dev-ca)")
            << "requests:\n- {protocol: h2, host: secure.example.com}\n"
            << "no served HTTPS listener matches";
    }

private:
    std::string path(const char *name) const
    {
        return m_dir.filePath(QString::fromLatin1(name)).toStdString();
    }

    bool write(const char *name, const QByteArray &text)
    {
        QFile f(QString::fromStdString(path(name)));
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TstLoadMixProtocols)
#include "tst_load_mix_protocols.moc"
