// BackendTLSPolicy through the local runtime: a design whose HTTPRoute sends to a Service that a
// policy targets gets HTTPS echo endpoints for it (the Deployment the Service selects, its
// replicas, the certificate its Secret holds), and the gateway LocalGateways starts talks TLS to
// them: a request answers 200 and the echo reports the policy's hostname as SNI. A policy whose
// SAN the certificate does not carry answers 502; a Service without a policy stays plain HTTP.
// A policy with wellKnownCACertificates: System cannot be met by a mock (no public CA issues its
// certificate): with the development CA (serve --dev-ca) the mock presents a certificate of it and
// the gateway trusts it beside the system store (said once: systemTrustStandIns), never for a
// backend bound to a real app, which the system store alone judges.
#include "app/runtime/backend_tls_backends.h"
#include "app/runtime/local_gateways.h"
#include "engine/controller/controller.h"
#include "engine/tls/certificate_authority.h"
#include "engine/tls/development_ca.h"
#include "engine/yaml/resource_reader.h"
#include "simulator/backends/http_echo_backend.h"
#include "simulator/backends/stream_echo_server.h"

#include <QtCore/QByteArray>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

using namespace Torii;

namespace {

std::string base64(const std::string &text)
{
    return QByteArray::fromStdString(text).toBase64().toStdString();
}

std::string indented(const std::string &text, int spaces)
{
    std::string out;
    const std::string pad(std::size_t(spaces), ' ');
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        out += pad + text.substr(start, end - start) + '\n';
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    return out;
}

std::string policy(const std::string &name, const std::string &service, const std::string &san)
{
    return "apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\n"
           "metadata: {name: " + name + ", namespace: infra}\n"
           "spec:\n  targetRefs: [{group: \"\", kind: Service, name: " + service +
           ", sectionName: btls}]\n"
           "  validation:\n    caCertificateRefs: [{group: \"\", kind: ConfigMap, name: ca}]\n"
           "    hostname: abc.example.com\n"
           "    subjectAltNames: [{type: Hostname, hostname: " + san + "}]\n---\n";
}

std::string service(const std::string &name, const std::string &app, int target)
{
    return "apiVersion: v1\nkind: Service\nmetadata: {name: " + name +
           ", namespace: infra}\nspec:\n  selector: {app: " + app +
           "}\n  ports: [{name: btls, port: 443, targetPort: " + std::to_string(target) +
           "}]\n---\n";
}

std::string design(const std::shared_ptr<const Tls::CertificateAuthority> &ca,
                   const Tls::PemPair &leaf)
{
    return R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: torii
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{path: {type: Exact, value: /good}}]
    backendRefs: [{name: good-svc, port: 443}]
  - matches: [{path: {type: Exact, value: /mismatch}}]
    backendRefs: [{name: mismatch-svc, port: 443}]
  - matches: [{path: {type: Exact, value: /plain}}]
    backendRefs: [{name: plain-svc, port: 443}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: tls-backend, namespace: infra}
spec:
  replicas: 2
  selector: {matchLabels: {app: tls-backend}}
  template:
    metadata: {labels: {app: tls-backend}}
    spec:
      containers:
      - name: tls-backend
        image: registry.k8s.io/gateway-api/echo-basic:v1.5.1
      volumes:
      - name: secret-volume
        secret: {secretName: backend-cert}
---
apiVersion: v1
kind: Secret
metadata: {name: backend-cert, namespace: infra}
type: kubernetes.io/tls
data:
  tls.crt: )" + base64(leaf.certificate) +
           "\n  tls.key: " + base64(leaf.privateKey) +
           "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: infra}\n"
           "data:\n  ca.crt: |\n" +
           indented(ca->pem().certificate, 4) + "---\n" +
           service("good-svc", "tls-backend", 8443) +
           service("mismatch-svc", "tls-backend", 8443) + service("plain-svc", "plain", 3000) +
           policy("good", "good-svc", "abc.example.com") +
           policy("mismatch", "mismatch-svc", "dce.example.com");
}

// Two Services behind one System policy: sys-svc (a mock) and real-svc (bound to a real app).
const char *kSystemDesign = R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: torii
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{path: {type: Exact, value: /system}}]
    backendRefs: [{name: sys-svc, port: 443}]
  - matches: [{path: {type: Exact, value: /system-real}}]
    backendRefs: [{name: real-svc, port: 443}]
---
apiVersion: v1
kind: Service
metadata: {name: sys-svc, namespace: infra}
spec:
  ports: [{name: btls, port: 443, targetPort: 8443}]
---
apiVersion: v1
kind: Service
metadata: {name: real-svc, namespace: infra}
spec:
  ports: [{name: btls, port: 443, targetPort: 8443}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: public, namespace: infra}
spec:
  targetRefs:
  - {group: "", kind: Service, name: sys-svc, sectionName: btls}
  - {group: "", kind: Service, name: real-svc, sectionName: btls}
  validation:
    wellKnownCACertificates: System
    hostname: api.public.example
)";

struct Answer
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
};

Answer get(quint16 port, const QByteArray &path)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000)) {
        return {};
    }
    socket.write("GET " + path + " HTTP/1.1\r\nHost: abc.example.com\r\nConnection: close\r\n\r\n");
    QByteArray bytes;
    QElapsedTimer clock;
    clock.start();
    while (socket.state() == QAbstractSocket::ConnectedState && clock.elapsed() < 10000) {
        socket.waitForReadyRead(100);
        bytes += socket.readAll();
    }
    bytes += socket.readAll();
    Answer out;
    const int space = bytes.indexOf(' ');
    out.status = space > 0 ? bytes.mid(space + 1, 3).toInt() : 0;
    const int bodyStart = bytes.indexOf("\r\n\r\n");
    out.body = bodyStart > 0 ? bytes.mid(bodyStart + 4) : QByteArray();
    out.json = QJsonDocument::fromJson(out.body).object();
    return out;
}

} // namespace

class TestRuntimeBackendTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_ca = Tls::CertificateAuthority::create("runtime backend TLS CA");
        m_leaf = m_ca->issue("abc.example.com", {"DNS:abc.example.com"},
                             Tls::CertificateUse::Server);
        Yaml::ReadResult read = Yaml::readText(design(m_ca, m_leaf), "design.yaml");
        m_resources = std::move(read.resources);
        m_computed = Controller::reconcile(m_resources);
        QVERIFY(m_computed.routeTables.count("infra/gw"));
    }

    void targetsAndSpec()
    {
        const auto targets = Runtime::backendTlsTargets(m_computed);
        QCOMPARE(targets.size(), std::size_t(2)); // good-svc and mismatch-svc, not plain-svc
        const auto it = targets.find({"infra", "good-svc", 443});
        QVERIFY(it != targets.end());
        const Runtime::StreamBackendSpec spec =
            Runtime::httpsBackendFor(m_resources, "infra", "good-svc", *it->second);
        QCOMPARE(spec.kind, Backends::StreamEchoService::Kind::Https);
        QCOMPARE(spec.replicas, 2); // the Deployment the selector picks, not a same-named one
        QCOMPARE(spec.certificatePem, m_leaf.certificate);
        QVERIFY(!spec.selfSigned);

        // Nothing mounted: a self-signed certificate for the policy's hostname.
        const Runtime::StreamBackendSpec bare =
            Runtime::httpsBackendFor({}, "infra", "good-svc", *it->second);
        QVERIFY(bare.selfSigned);
        QVERIFY(!bare.certificatePem.empty());
        QCOMPARE(bare.replicas, 1);
    }

    void gatewayTalksTlsToTheBackends()
    {
        Runtime::LocalGateways gateways;
        Runtime::LocalGatewayOptions options;
        std::string error;
        QVERIFY2(gateways.start(m_resources, m_computed, options, &error), error.c_str());
        const auto port = gateways.localPort("infra/gw", 80);
        QVERIFY(port);

        QSet<QString> pods;
        for (int i = 0; i < 4; ++i) {
            const Answer good = get(*port, "/good");
            QCOMPARE(good.status, 200);
            QCOMPARE(good.json.value("tls").toObject().value("serverName").toString(),
                     QString("abc.example.com"));
            pods.insert(good.json.value("pod").toString());
        }
        QCOMPARE(pods.size(), 2); // both replicas serve TLS

        const Answer mismatch = get(*port, "/mismatch");
        QCOMPARE(mismatch.status, 502);
        QVERIFY2(mismatch.body.contains("the policy accepts dce.example.com"),
                 mismatch.body.constData());

        const Answer plain = get(*port, "/plain");
        QCOMPARE(plain.status, 200);
        QVERIFY(!plain.json.contains("tls"));
        gateways.stop();
    }

    void systemPolicyWithDevelopmentCa()
    {
        Yaml::ReadResult read = Yaml::readText(kSystemDesign, "system.yaml");
        const Controller::ControllerResult computed = Controller::reconcile(read.resources);
        QVERIFY(computed.routeTables.count("infra/gw"));
        QTemporaryDir workspace;
        Core::Text problem;
        const auto developmentCa = Tls::DevelopmentCa::open(
            Tls::DevelopmentCa::directoryFor(workspace.path().toStdString()), &problem);
        QVERIFY(developmentCa);

        // A "real" app bound with --backend whose certificate the development CA issued: the
        // stand-in never applies to it.
        Backends::EchoIdentity id;
        id.namespaceName = "infra";
        id.pod = "real-app";
        Backends::HttpEchoBackend realEcho(id);
        QVERIFY(realEcho.start().ok());
        const Tls::PemPair realLeaf = developmentCa->authority().issue(
            "api.public.example", {"DNS:api.public.example"}, Tls::CertificateUse::Server);
        Backends::StreamEchoServer::Options relay;
        relay.mode = Backends::StreamEchoServer::Mode::HttpsRelay;
        relay.identity = id;
        relay.certificatePem = realLeaf.certificate;
        relay.privateKeyPem = realLeaf.privateKey;
        relay.relayPort = realEcho.port();
        Backends::StreamEchoServer realApp(relay);
        QCOMPARE(realApp.start(), std::string());

        Runtime::LocalGatewayOptions options;
        options.realBackends["infra/real-svc"] = "127.0.0.1:" + std::to_string(realApp.port());
        {
            // Without the development CA: the system store alone, which knows no mock.
            Runtime::LocalGateways gateways;
            std::string error;
            QVERIFY2(gateways.start(read.resources, computed, options, &error), error.c_str());
            QVERIFY(gateways.systemTrustStandIns().empty());
            const Answer answer = get(*gateways.localPort("infra/gw", 80), "/system");
            QCOMPARE(answer.status, 502);
            QVERIFY2(answer.body.contains("did not verify (BackendTLSPolicy infra/public)"),
                     answer.body.constData());
            gateways.stop();
        }
        options.developmentCa = developmentCa;
        Runtime::LocalGateways gateways;
        std::string error;
        QVERIFY2(gateways.start(read.resources, computed, options, &error), error.c_str());
        const quint16 port = *gateways.localPort("infra/gw", 80);
        const Answer mock = get(port, "/system");
        QCOMPARE(mock.status, 200);
        QCOMPARE(mock.json.value("tls").toObject().value("serverName").toString(),
                 QString("api.public.example"));
        QCOMPARE(gateways.systemTrustStandIns(), std::vector<std::string>{"infra/public"});
        // The bound app presents a development-CA certificate too, but only the system store
        // judges it.
        const Answer real = get(port, "/system-real");
        QCOMPARE(real.status, 502);
        QVERIFY2(real.body.contains("did not verify (BackendTLSPolicy infra/public)"),
                 real.body.constData());
        QCOMPARE(realApp.accepted(), std::uint64_t(1)); // it was reached: the check refused it
        gateways.stop();
    }

private:
    std::shared_ptr<const Tls::CertificateAuthority> m_ca;
    Tls::PemPair m_leaf;
    std::vector<Model::Resource> m_resources;
    Controller::ControllerResult m_computed;
};

QTEST_GUILESS_MAIN(TestRuntimeBackendTls)
#include "tst_runtime_backend_tls.moc"
