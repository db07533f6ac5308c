// app/runtime/http_backends.h: which echo stands behind an HTTPRoute/GRPCRoute backend (HTTP/1.1,
// gRPC or h2c), on hand-written objects and on the conformance base manifests; then the gRPC echo
// endpoints LocalGateways starts for a served GRPCRoute's backend, and stops when it goes; and
// `toriictl serve`'s gRPC example path for a listener only GRPCRoutes serve, called through the
// gateway with the runner's gRPC client.
#include "common/shared_corpus.h"

#include "app/runtime/http_backends.h"
#include "app/runtime/local_gateways.h"
#include "app/runtime/serve_session.h"
#include "engine/controller/controller.h"
#include "engine/yaml/resource_reader.h"
#include "simulator/scenarios/grpc_exchange.h"
#include "simulator/scenarios/request_checks.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Torii;
using namespace Torii::Runtime;

namespace {

const char *kObjects = R"(
apiVersion: v1
kind: Service
metadata: {name: grpc-echo, namespace: ns}
spec:
  ports: [{port: 8080, targetPort: 3000, appProtocol: kubernetes.io/h2c}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: grpc-echo, namespace: ns}
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: echo
        image: registry.k8s.io/gateway-api/echo-basic:v1.5.1
        env: [{name: GRPC_ECHO_SERVER, value: "1"}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: ns}
spec:
  ports:
  - {port: 8080, targetPort: 3000}
  - {port: 8081, targetPort: 3001, appProtocol: kubernetes.io/h2c}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ns}
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: echo
        image: registry.k8s.io/gateway-api/echo-basic:v1.5.1
---
apiVersion: v1
kind: Service
metadata: {name: no-pods, namespace: ns}
spec:
  ports: [{port: 9000}]
)";

std::vector<Model::Resource> read(const std::string &text)
{
    return Yaml::readText(text, "objects.yaml").resources;
}

} // namespace

class TestHttpBackends : public QObject
{
    Q_OBJECT

private slots:
    void decision_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("grpcRouted");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("replicas");
        using K = HttpBackendKind;
        QTest::newRow("GRPC_ECHO_SERVER") << "grpc-echo" << 8080 << false << int(K::Grpc) << 3;
        QTest::newRow("GRPC_ECHO_SERVER, GRPCRoute")
            << "grpc-echo" << 8080 << true << int(K::Grpc) << 3;
        QTest::newRow("plain port") << "web" << 8080 << false << int(K::Http1) << 2;
        QTest::newRow("appProtocol h2c") << "web" << 8081 << false << int(K::H2c) << 2;
        // A Deployment without GRPC_ECHO_SERVER is an HTTP echo whoever routes to it.
        QTest::newRow("HTTP echo behind a GRPCRoute")
            << "web" << 8080 << true << int(K::Http1) << 2;
        QTest::newRow("no Deployment, HTTPRoute")
            << "no-pods" << 9000 << false << int(K::Http1) << 1;
        QTest::newRow("no Deployment, GRPCRoute") << "no-pods" << 9000 << true << int(K::Grpc) << 1;
        QTest::newRow("no Service at all, GRPCRoute")
            << "ghost" << 50051 << true << int(K::Grpc) << 1;
        QTest::newRow("unknown port") << "web" << 9999 << false << int(K::Http1) << 2;
    }

    void decision()
    {
        QFETCH(QString, service);
        QFETCH(int, port);
        QFETCH(bool, grpcRouted);
        QFETCH(int, kind);
        QFETCH(int, replicas);
        const auto resources = read(kObjects);
        QCOMPARE(resources.size(), std::size_t(5));
        const HttpBackendSpec spec =
            httpBackendFor(resources, "ns", service.toStdString(), port, grpcRouted);
        QCOMPARE(int(spec.kind), kind);
        QCOMPARE(spec.replicas, replicas);
    }

    void baseManifests()
    {
        TORII_REQUIRE_SHARED("conformance/manifests/base");
        const auto read = Yaml::readFile(
            Test::sharedPath("conformance/manifests/base/manifests.yaml").toStdString());
        const std::string ns = "gateway-conformance-infra";
        for (const char *name :
             {"grpc-infra-backend-v1", "grpc-infra-backend-v2", "grpc-infra-backend-v3"}) {
            const HttpBackendSpec spec = httpBackendFor(read.resources, ns, name, 8080, true);
            QCOMPARE(int(spec.kind), int(HttpBackendKind::Grpc));
            QCOMPARE(spec.replicas, 2);
        }
        QCOMPARE(int(httpBackendFor(read.resources, ns, "infra-backend-v1", 8081, false).kind),
                 int(HttpBackendKind::H2c));
        QCOMPARE(int(httpBackendFor(read.resources, ns, "infra-backend-v1", 8080, false).kind),
                 int(HttpBackendKind::Http1));
    }

    void servedGrpcRouteBackend()
    {
        // A GRPCRoute to a Service with no Deployment: LocalGateways starts gRPC echo endpoints
        // for it, and the gateway is told their addresses.
        const auto resources = read(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: ns}
spec:
  gatewayClassName: torii
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: r, namespace: ns}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: grpc-svc, port: 50051}]}]
---
apiVersion: v1
kind: Service
metadata: {name: grpc-svc, namespace: ns}
spec:
  ports: [{port: 50051}]
)");
        QCOMPARE(resources.size(), std::size_t(4));
        const Controller::ControllerResult computed = Controller::reconcile(resources, {});
        LocalGateways gateways;
        LocalGatewayOptions options;
        options.anyPort = true;
        LocalGatewaysChange change;
        std::string error;
        QVERIFY2(gateways.update(resources, computed, options, &change, &error), error.c_str());
        QCOMPARE(change.servicesStarted, std::vector<std::string>{"ns/grpc-svc:50051"});
        QVERIFY(gateways.mockService("ns/grpc-svc") == nullptr); // not an HTTP/1.1 echo
        QVERIFY(gateways.localPort("ns/gw", 80).has_value());

        // The same objects again keep the endpoints; without the route they stop.
        LocalGatewaysChange same;
        QVERIFY2(gateways.update(resources, computed, options, &same, &error), error.c_str());
        QVERIFY(same.servicesStarted.empty() && same.servicesStopped.empty());
        std::vector<Model::Resource> withoutRoute;
        for (const Model::Resource &r : resources) {
            if (r.kind != "GRPCRoute") {
                withoutRoute.push_back(r);
            }
        }
        LocalGatewaysChange gone;
        QVERIFY2(gateways.update(withoutRoute, Controller::reconcile(withoutRoute, {}), options,
                                 &gone, &error),
                 error.c_str());
        QCOMPARE(gone.servicesStopped, std::vector<std::string>{"ns/grpc-svc:50051"});
        gateways.stop();
    }

    void serveExamplePathAndCall()
    {
        const QString design = QStringLiteral(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: ns}
spec:
  gatewayClassName: torii
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: r, namespace: ns}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{method: {service: gateway_api_conformance.echo_basic.grpcecho.GrpcEcho, method: EchoTwo}}]
    backendRefs: [{name: grpc-svc, port: 50051}]
---
apiVersion: v1
kind: Service
metadata: {name: grpc-svc, namespace: ns}
spec:
  ports: [{port: 50051}]
)");
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("design.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(design.toUtf8());
        file.close();
        Runtime::ServeSession session;
        Runtime::ServeOptions options;
        options.anyPort = true;
        QString error;
        QVERIFY2(session.start({dir.path().toStdString()}, options, &error), qPrintable(error));
        QCOMPARE(session.listeners().size(), std::size_t(1));
        const Runtime::ServedListener &listener = session.listeners().front();
        QCOMPARE(listener.grpcExamplePath,
                 std::string("/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/EchoTwo"));
        QVERIFY(listener.localPort != 0);

        // That call through the gateway reaches the gRPC echo standing in for grpc-svc.
        Scenarios::GrpcClient client(listener.localPort);
        Scenarios::GrpcCall call;
        call.service = "gateway_api_conformance.echo_basic.grpcecho.GrpcEcho";
        call.method = "EchoTwo";
        const Scenarios::GrpcCallResult answer = client.call(call);
        QVERIFY2(answer.status == "OK", (answer.status + ' ' + answer.message).c_str());
        QCOMPARE(answer.fullyQualifiedMethod,
                 std::string("/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/EchoTwo"));
        QCOMPARE(Scenarios::backendOfPod(answer.pod), std::string("grpc-svc"));
        QCOMPARE(answer.ns, std::string("ns"));
        call.method = "Echo"; // matches no rule
        QCOMPARE(client.call(call).status, std::string("UNIMPLEMENTED"));
        session.stop();
    }
};

QTEST_GUILESS_MAIN(TestHttpBackends)
#include "tst_runtime_http_backends.moc"
