// The runner's gRPC and h2c clients (simulator/scenarios/grpc_exchange.h, h2c_exchange.h) against
// the gRPC and h2c echo backends (simulator/backends/grpc_echo_server.h, h2c_echo_server.h),
// directly, no gateway, over real sockets on 127.0.0.1: the echo's assertions (method,
// :authority, metadata, pod and namespace per replica), UNIMPLEMENTED for EchoThree and unknown
// services, the parsing of grpc and h2c items, and hand-written cases judged end to end
// (runGrpcRequest, and runRequests pointed straight at a backend).
#include "engine/yaml/resource_reader.h"
#include "simulator/backends/grpc_echo_server.h"
#include "simulator/backends/h2c_echo_server.h"
#include "simulator/backends/http_echo_backend.h"
#include "simulator/backends/protocol_echo_service.h"
#include "simulator/scenarios/grpc_exchange.h"
#include "simulator/scenarios/h2c_exchange.h"
#include "simulator/scenarios/request_checks.h"
#include "simulator/scenarios/request_runner.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QTest>

#include <set>

using namespace Torii;
using namespace Torii::Backends;
using namespace Torii::Scenarios;

namespace {

const std::string kService = "gateway_api_conformance.echo_basic.grpcecho.GrpcEcho";

EchoIdentity identity(const QString &pod)
{
    EchoIdentity who;
    who.namespaceName = QStringLiteral("gateway-conformance-infra");
    who.pod = pod;
    who.ingress = QStringLiteral("ing");
    who.service = QStringLiteral("svc-name");
    return who;
}

std::string value(const HeaderList &headers, const std::string &key)
{
    for (const auto &[k, v] : headers) {
        if (k == key) {
            return v;
        }
    }
    return "<absent>";
}

// One test file's request items, from YAML text.
RouteTestFile caseFile(const std::string &requests)
{
    const std::string text = "tests:\n- name: T\n  applicability: simulated\n  manifests: []\n"
                             "  gateway: {namespace: ns, name: gw}\n  requests:\n" +
                             requests;
    return parseRouteTestText(text, "grpc.yaml");
}

std::vector<RequestCase> items(const std::string &requests)
{
    const RouteTestFile file = caseFile(requests);
    if (file.hasErrors() || file.tests.size() != 1) {
        return {};
    }
    return parseRequestCases(file.tests.front().requests);
}

// A "live environment" whose every listener is the given port: the runner talks to a backend
// straight, no gateway in between.
class BackendAsGateway : public LiveEnvironment
{
public:
    explicit BackendAsGateway(quint16 port)
        : m_port(port)
    {}
    bool start(const std::vector<Model::Resource> &, const Controller::ControllerOptions &,
               std::string *) override
    {
        return true;
    }
    std::optional<quint16> localPort(const std::string &, int) const override { return m_port; }
    void stop() override {}

private:
    quint16 m_port;
};

} // namespace

class TestGrpcExchange : public QObject
{
    Q_OBJECT

private slots:
    void echoReportsTheCall()
    {
        GrpcEchoServer server(identity(QStringLiteral("grpc-infra-backend-v1-abcdefghij-klmno")));
        QCOMPARE(QString::fromStdString(server.start()), QString());
        QVERIFY(server.port() != 0);
        GrpcClient client(server.port());
        GrpcCall call;
        call.service = kService;
        call.method = "Echo";
        call.authority = "grpc.example.com";
        call.metadata = {{"Version", "one"}, {"color", "orange"}};
        const GrpcCallResult result = client.call(call);
        QCOMPARE(QString::fromStdString(result.status), QStringLiteral("OK"));
        QVERIFY(result.echo);
        QCOMPARE(result.fullyQualifiedMethod, "/" + kService + "/Echo");
        QCOMPARE(result.authority, std::string("grpc.example.com"));
        QCOMPARE(result.ns, std::string("gateway-conformance-infra"));
        QCOMPARE(result.pod, std::string("grpc-infra-backend-v1-abcdefghij-klmno"));
        QCOMPARE(result.serviceName, std::string("svc-name"));
        QCOMPARE(value(result.headers, "version"), std::string("one")); // lower-cased on the wire
        QCOMPARE(value(result.headers, "color"), std::string("orange"));

        // EchoTwo on the same channel; without an authority the address is the :authority.
        call.method = "EchoTwo";
        call.authority.clear();
        call.metadata.clear();
        const GrpcCallResult two = client.call(call);
        QCOMPARE(two.status, std::string("OK"));
        QCOMPARE(two.fullyQualifiedMethod, "/" + kService + "/EchoTwo");
        QCOMPARE(two.authority, "127.0.0.1:" + std::to_string(server.port()));
        QCOMPARE(value(two.headers, "version"), std::string("<absent>"));
    }

    void unimplementedCalls()
    {
        GrpcEchoServer server(identity(QStringLiteral("p-abcdefghij-klmno")));
        QCOMPARE(QString::fromStdString(server.start()), QString());
        GrpcClient client(server.port());
        GrpcCall call;
        call.service = kService;
        call.method = "EchoThree";
        GrpcCallResult result = client.call(call);
        QCOMPARE(result.status, std::string("UNIMPLEMENTED"));
        QVERIFY(!result.echo);
        call.service = "other.Service";
        call.method = "Echo";
        result = client.call(call);
        QCOMPARE(result.status, std::string("UNIMPLEMENTED"));
    }

    void closedPortIsUnavailable()
    {
        quint16 port = 0;
        {
            GrpcEchoServer server(identity(QStringLiteral("p-abcdefghij-klmno")));
            QCOMPARE(QString::fromStdString(server.start()), QString());
            port = server.port();
        } // stopped
        GrpcClient client(port);
        GrpcCall call;
        call.service = kService;
        call.method = "Echo";
        call.timeout = std::chrono::milliseconds(2000);
        const std::string status = client.call(call).status;
        QVERIFY2(status == "UNAVAILABLE" || status == "DEADLINE_EXCEEDED", status.c_str());
    }

    void replicasAnswerWithTheirPods()
    {
        ProtocolEchoService service(QStringLiteral("gateway-conformance-infra"),
                                    QStringLiteral("grpc-infra-backend-v2"), 2,
                                    ProtocolEchoService::Kind::Grpc);
        QCOMPARE(QString::fromStdString(service.start()), QString());
        const std::vector<quint16> ports = service.ports();
        QCOMPARE(ports.size(), std::size_t(2));
        std::set<std::string> pods;
        for (quint16 port : ports) {
            GrpcClient client(port);
            GrpcCall call;
            call.service = kService;
            call.method = "Echo";
            const GrpcCallResult result = client.call(call);
            QCOMPARE(result.status, std::string("OK"));
            QCOMPARE(result.ns, std::string("gateway-conformance-infra"));
            QCOMPARE(backendOfPod(result.pod), std::string("grpc-infra-backend-v2"));
            pods.insert(result.pod);
        }
        QCOMPARE(pods.size(), std::size_t(2));
    }

    void statusNames()
    {
        QCOMPARE(grpcStatusName(0), std::string("OK"));
        QCOMPARE(grpcStatusName(12), std::string("UNIMPLEMENTED"));
        QCOMPARE(grpcStatusName(16), std::string("UNAUTHENTICATED"));
        QCOMPARE(grpcStatusName(42), std::string("CODE(42)"));
    }

    void parsesGrpcAndH2cItems()
    {
        const auto parsed = items("  - request: {protocol: grpc, headers: {version: two}, grpc: "
                                  "{service: s.S, method: M, "
                                  "request: {}}}\n"
                                  "    expect: {status: UNIMPLEMENTED}\n"
                                  "  - request: {protocol: grpc, grpc: {service: s.S, method: M}}\n"
                                  "    expect: {backend: b, namespace: n}\n"
                                  "  - request: {protocol: h2c, path: /}\n"
                                  "    expect: {status: 200, backend: infra-backend-v1}\n");
        QCOMPARE(parsed.size(), std::size_t(3));
        for (const RequestCase &item : parsed) {
            QVERIFY2(!item.unsupported,
                     item.unsupported ? item.unsupported->english().c_str() : "");
        }
        QCOMPARE(parsed[0].request.grpcService, std::string("s.S"));
        QCOMPARE(parsed[0].request.grpcMethod, std::string("M"));
        QCOMPARE(value(parsed[0].request.headers, "version"), std::string("two"));
        QCOMPARE(parsed[0].expect.grpcStatus, std::string("UNIMPLEMENTED"));
        QCOMPARE(parsed[1].expect.grpcStatus, std::string("OK")); // the default
        QCOMPARE(parsed[1].expect.backend.value_or(""), std::string("b"));
        QCOMPARE(parsed[2].request.protocol, std::string("h2c"));
        QCOMPARE(parsed[2].expect.statuses, std::vector<int>{200});

        // What the runner cannot send is refused with a reason, never guessed at.
        const char *bad[] = {
            "  - request: {protocol: grpc}\n    expect: {status: OK}\n",
            "  - request: {protocol: http, grpc: {service: s.S, method: M}}\n    expect: {}\n",
            "  - request: {protocol: grpc, grpc: {service: s.S, method: M, request: {a: 1}}}\n"
            "    expect: {}\n",
            "  - request: {protocol: grpc, grpc: {service: s.S, method: M}}\n"
            "    expect: {status: [OK, UNIMPLEMENTED]}\n",
            "  - request: {protocol: grpc, path: /x, grpc: {service: s.S, method: M}}\n"
            "    expect: {}\n",
            "  - request: {protocol: http}\n    expect: {status: OK}\n",
        };
        for (const char *text : bad) {
            const auto one = items(text);
            QCOMPARE(one.size(), std::size_t(1));
            QVERIFY2(one.front().unsupported.has_value(), text);
        }
    }

    void runsHandWrittenGrpcItems()
    {
        ProtocolEchoService service(QStringLiteral("gateway-conformance-infra"),
                                    QStringLiteral("grpc-infra-backend-v1"), 2,
                                    ProtocolEchoService::Kind::Grpc);
        QCOMPARE(QString::fromStdString(service.start()), QString());
        const quint16 port = service.ports().front();
        const auto parsed =
            items("  - request: {protocol: grpc, host: h.example, grpc: {service: " + kService +
                  ", method: Echo, request: {}}}\n"
                  "    expect: {status: OK, backend: grpc-infra-backend-v1, namespace: "
                  "gateway-conformance-infra}\n"
                  "  - request: {protocol: grpc, grpc: {service: " +
                  kService +
                  ", method: EchoThree}}\n"
                  "    expect: {status: UNIMPLEMENTED}\n"
                  "  - request: {protocol: grpc, grpc: {service: " +
                  kService +
                  ", method: EchoTwo}}\n"
                  "    expect: {status: OK, backend: grpc-infra-backend-v2}\n"
                  "  - request: {protocol: grpc, grpc: {service: " +
                  kService +
                  ", method: Echo}}\n"
                  "    expect: {status: OK, namespace: other}\n"
                  "  - request: {protocol: grpc, grpc: {service: " +
                  kService +
                  ", method: EchoThree}}\n"
                  "    expect: {status: OK}\n"
                  "  - request: {protocol: grpc, grpc: {service: " +
                  kService +
                  ", method: Echo}}\n"
                  "    expect: {status: OK, backend: grpc-infra-backend-v1}\n"
                  "    repeat: 3\n");
        QCOMPARE(parsed.size(), std::size_t(6));
        const Verdict expected[] = {Verdict::Pass, Verdict::Pass, Verdict::Fail,
                                    Verdict::Fail, Verdict::Fail, Verdict::Pass};
        const char *field[] = {"", "", "backend", "namespace", "status", ""};
        for (std::size_t i = 0; i < parsed.size(); ++i) {
            const CheckResult result = runGrpcRequest(parsed[i], port);
            const std::string message = result.message.english();
            QVERIFY2(result.verdict == expected[i], message.c_str());
            QVERIFY2(message.find(field[i]) != std::string::npos, message.c_str());
        }
    }

    void distributionOverOneBackend()
    {
        // Every sample from one Deployment: a single share at 1.0 passes, a missing one fails.
        ProtocolEchoService service(QStringLiteral("ns"), QStringLiteral("grpc-only"), 1,
                                    ProtocolEchoService::Kind::Grpc);
        QCOMPARE(QString::fromStdString(service.start()), QString());
        const auto parsed = items(
            "  - request: {protocol: grpc, grpc: {service: " + kService +
            ", method: Echo}}\n"
            "    expect:\n      status: OK\n      distribution: {requests: 20, tolerance: 0, "
            "backends: {grpc-only: 1.0}}\n"
            "  - request: {protocol: grpc, grpc: {service: " +
            kService +
            ", method: Echo}}\n"
            "    expect:\n      status: OK\n      distribution: {requests: 20, tolerance: 0.05, "
            "backends: {grpc-only: 0.5, other: 0.5}}\n");
        QCOMPARE(parsed.size(), std::size_t(2));
        const quint16 port = service.ports().front();
        const CheckResult pass = runGrpcRequest(parsed[0], port);
        QVERIFY2(pass.verdict == Verdict::Pass, pass.message.english().c_str());
        const CheckResult fail = runGrpcRequest(parsed[1], port);
        QVERIFY2(fail.verdict == Verdict::Fail, fail.message.english().c_str());
    }

    void h2cClientAgainstTheH2cEcho()
    {
        H2cEchoServer server(identity(QStringLiteral("infra-backend-v1-abcdefghij-klmno")));
        QCOMPARE(QString::fromStdString(server.start()), QString());
        Http::RequestHead head;
        head.method = "GET";
        head.target = "/h2c?x=1";
        head.headers.add("Host", "h2c.example");
        head.headers.add("X-Sent", "yes");
        head.headers.add("Connection", "close"); // connection-specific: must not be sent
        const HttpExchangeResult result =
            h2cExchange(server.port(), head, {}, std::chrono::milliseconds(5000));
        QVERIFY2(result.ok, result.error.c_str());
        QCOMPARE(result.head.status, 200);
        QCOMPARE(result.head.versionMajor, 2);
        const QJsonObject echo =
            QJsonDocument::fromJson(QByteArray::fromStdString(result.body)).object();
        QCOMPARE(echo.value("proto").toString(), QStringLiteral("HTTP/2.0"));
        QCOMPARE(echo.value("host").toString(), QStringLiteral("h2c.example"));
        QCOMPARE(echo.value("path").toString(), QStringLiteral("/h2c?x=1"));

        // The same checks as HTTP/1.1 read the answer.
        const auto parsed =
            items("  - request: {protocol: h2c, path: '/h2c?x=1', host: h2c.example, "
                  "headers: {X-Sent: 'yes'}}\n"
                  "    expect: {status: 200, backend: infra-backend-v1, "
                  "namespace: gateway-conformance-infra}\n");
        QCOMPARE(parsed.size(), std::size_t(1));
        const CapturedRequest captured = captureRequest(result, "GET");
        const auto mismatch =
            compareResponse(parsed.front(), SentSummary{"GET", "/h2c?x=1"}, result, captured);
        QVERIFY2(!mismatch, mismatch ? (mismatch->field + ": " + mismatch->got).c_str() : "");

        // A POST body travels in DATA frames; /status/ answers come through too.
        head.method = "POST";
        head.target = "/status/418";
        const HttpExchangeResult teapot =
            h2cExchange(server.port(), head, "body", std::chrono::milliseconds(5000));
        QVERIFY2(teapot.ok, teapot.error.c_str());
        QCOMPARE(teapot.head.status, 418);
    }

    void h2cClientAgainstHttp1Fails()
    {
        HttpEchoBackend http1(identity(QStringLiteral("http1-abcdefghij-klmno")));
        QVERIFY(http1.start().ok());
        Http::RequestHead head;
        head.method = "GET";
        head.target = "/";
        const HttpExchangeResult result =
            h2cExchange(http1.port(), head, {}, std::chrono::milliseconds(3000));
        QVERIFY(!result.ok);
        QVERIFY(!result.error.empty());
        http1.stop();
        const HttpExchangeResult refused =
            h2cExchange(http1.port() ? http1.port() : 1, head, {}, std::chrono::milliseconds(1000));
        QVERIFY(!refused.ok);
    }

    void runnerPointedAtBackends()
    {
        // The whole request half (runRequests) with a backend standing where the gateway would.
        ProtocolEchoService grpc(QStringLiteral("gateway-conformance-infra"),
                                 QStringLiteral("grpc-infra-backend-v1"), 2,
                                 ProtocolEchoService::Kind::Grpc);
        QCOMPARE(QString::fromStdString(grpc.start()), QString());
        const RouteTestFile file =
            caseFile("  - request: {protocol: grpc, grpc: {service: " + kService +
                     ", method: Echo, request: {}}}\n"
                     "    expect: {status: OK, backend: grpc-infra-backend-v1, namespace: "
                     "gateway-conformance-infra}\n"
                     "  - request: {protocol: grpc, grpc: {service: " +
                     kService +
                     ", method: EchoThree}}\n"
                     "    expect: {status: UNIMPLEMENTED}\n");
        QVERIFY(!file.hasErrors() && file.tests.size() == 1);
        ClusterState cluster;
        const auto gateway = Yaml::readText(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, "
            "namespace: ns}\nspec:\n  gatewayClassName: c\n  listeners:\n  - {name: http, port: "
            "80, "
            "protocol: HTTP}\n",
            "gw.yaml");
        QCOMPARE(gateway.resources.size(), std::size_t(1));
        cluster.apply(gateway.resources.front());
        BackendAsGateway live(grpc.ports().front());
        RequestRunInput input;
        input.test = &file.tests.front();
        input.cluster = &cluster;
        input.live = &live;
        const std::vector<ItemResult> results = runRequests(input);
        QCOMPARE(results.size(), std::size_t(2));
        for (const ItemResult &r : results) {
            QVERIFY2(r.result.verdict == Verdict::Pass, r.result.message.english().c_str());
        }

        // protocol h2c through the same runner, to the h2c echo.
        H2cEchoServer h2c(identity(QStringLiteral("infra-backend-v1-abcdefghij-klmno")));
        QCOMPARE(QString::fromStdString(h2c.start()), QString());
        const RouteTestFile h2cFile =
            caseFile("  - request: {protocol: h2c, path: /}\n"
                     "    expect: {status: 200, backend: infra-backend-v1, namespace: "
                     "gateway-conformance-infra}\n"
                     "  - request: {protocol: h2c, path: /}\n"
                     "    expect: {status: 200, backend: infra-backend-v2}\n");
        BackendAsGateway h2cLive(h2c.port());
        input.test = &h2cFile.tests.front();
        input.live = &h2cLive;
        const std::vector<ItemResult> h2cResults = runRequests(input);
        QCOMPARE(h2cResults.size(), std::size_t(2));
        QVERIFY2(h2cResults[0].result.verdict == Verdict::Pass,
                 h2cResults[0].result.message.english().c_str());
        QVERIFY2(h2cResults[1].result.verdict == Verdict::Fail,
                 h2cResults[1].result.message.english().c_str());
    }
};

QTEST_GUILESS_MAIN(TestGrpcExchange)
#include "tst_scenarios_grpc_exchange.moc"
