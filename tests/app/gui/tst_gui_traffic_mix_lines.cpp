// The studio's traffic run (app/gui/traffic/traffic_run.h) with a mix of h2c, grpc, tcp and udp
// lines against a live ServeSession on 127.0.0.1: every line is sent through the gateway by the
// clients `toriictl load` uses, lands on its rule, and names the backend that answered, in the
// proportions the weights give.
#include "app/gui/traffic/traffic_run.h"
#include "app/runtime/serve_session.h"
#include "simulator/traffic/request_mix.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <map>

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
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: http}]
  hostnames: [web.example.com]
  rules:
  - backendRefs: [{name: web-a, port: 8080, weight: 70}, {name: web-b, port: 8080, weight: 30}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: echo, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: http}]
  hostnames: [grpc.example.com]
  rules:
  - backendRefs: [{name: grpc-a, port: 50051}, {name: grpc-b, port: 50051}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata: {name: db, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: tcp}]
  rules:
  - backendRefs: [{name: db-primary, port: 5432, weight: 80}, {name: db-replica, port: 5432, weight: 20}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: UDPRoute
metadata: {name: stats, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: udp}]
  rules:
  - backendRefs: [{name: stats, port: 8125}]
)";

} // namespace

class TstGuiTrafficMixLines : public QObject
{
    Q_OBJECT

private slots:
    void everyLineLandsAndNamesItsBackend()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(QStringLiteral("design.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kDesign);
        f.close();
        Runtime::ServeSession session;
        Runtime::ServeOptions serveOptions;
        serveOptions.anyPort = true;
        QString error;
        QVERIFY2(session.start({f.fileName().toStdString()}, serveOptions, &error),
                 qPrintable(error));

        const Traffic::MixParseResult mix = Traffic::parseMix(R"(requests:
- {protocol: h2c, host: web.example.com}
- {protocol: grpc, host: grpc.example.com}
- {protocol: tcp, listener: {port: 9000}}
- {protocol: udp, listener: {port: 9001}}
)",
                                                              "lines.yaml");
        QVERIFY(mix.ok());
        Gui::TrafficSettings settings;
        settings.concurrency = 4;
        settings.durationSeconds = 30;
        settings.requestLimit = 800;
        settings.mix = std::make_shared<const Traffic::RequestMix>(mix.mix);
        Gui::TrafficRun run;
        QSignalSpy done(&run, &Gui::TrafficRun::finished);
        QVERIFY2(run.start(session, settings, &error), qPrintable(error));
        QVERIFY(done.wait(30000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));

        std::map<std::string, std::map<std::string, int>> byRule;
        int samples = 0;
        for (const Gui::TrafficSample &s : run.takeSamples()) {
            ++samples;
            QCOMPARE(s.status, 200);
            QVERIFY(s.rule >= 0);
            ++byRule[run.rules()[std::size_t(s.rule)].key][s.backend];
        }
        QCOMPARE(samples, 800);
        const auto &web = byRule["HTTPRoute default/web rule 0"];
        const auto &grpc = byRule["GRPCRoute default/echo rule 0"];
        const auto &db = byRule["TCPRoute default/db rule 0"];
        const auto &stats = byRule["UDPRoute default/stats rule 0"];
        QCOMPARE(web.size(), std::size_t(2));
        QVERIFY(web.at("default/web-a") > web.at("default/web-b"));
        QCOMPARE(grpc.size(), std::size_t(2));
        QVERIFY(grpc.count("default/grpc-a") && grpc.count("default/grpc-b"));
        QCOMPARE(db.size(), std::size_t(2));
        QVERIFY(db.at("default/db-primary") > db.at("default/db-replica"));
        QCOMPARE(stats.size(), std::size_t(1));
        QVERIFY(stats.at("default/stats") > 100);
        session.stop();
    }
};

QTEST_GUILESS_MAIN(TstGuiTrafficMixLines)
#include "tst_gui_traffic_mix_lines.moc"
