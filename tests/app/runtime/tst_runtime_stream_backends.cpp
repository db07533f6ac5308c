// app/runtime/stream_backends.h: what stands behind a TCPRoute, TLSRoute or UDPRoute backend,
// decided from the objects as the conformance echo (or the user's own Deployment) would run.
#include "app/runtime/stream_backends.h"
#include "engine/yaml/resource_reader.h"

#include <QtTest/QTest>

using namespace Torii;
using namespace Torii::Runtime;
using Kind = Backends::StreamEchoService::Kind;
using Protocol = RouteTable::ListenerProtocol;

namespace {

std::string deployment(const std::string &name, const std::string &image,
                       const std::string &env = {})
{
    return "apiVersion: v1\nkind: Service\nmetadata: {name: " + name +
           ", namespace: ns}\nspec:\n  ports: [{port: 5432, targetPort: 3000}]\n---\n"
           "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name +
           ", namespace: ns}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n"
           "      - name: c\n        image: " + image + "\n" +
           (env.empty() ? std::string() : "        env: [{name: " + env + ", value: \"1\"}]\n") +
           "---\n";
}

const std::string kObjects =
    deployment("echo-http", "registry.k8s.io/gateway-api/echo-basic:v1.5.1") +
    deployment("echo-tcp", "registry.k8s.io/gateway-api/echo-basic:v1.5.1", "TCP_ECHO_SERVER") +
    deployment("postgres", "postgres:16") + deployment("dns", "registry.k8s.io/coredns:1.11") +
    deployment("tenant", "registry.example.com/tenant-a:1.0");

} // namespace

class TestStreamBackends : public QObject
{
    Q_OBJECT

private slots:
    void decision_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<int>("protocol");
        QTest::addColumn<bool>("passthrough");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("replicas");
        QTest::newRow("echo-basic: HTTP") << "echo-http" << int(Protocol::TCP) << false
                                          << int(Kind::Http) << 2;
        QTest::newRow("echo-basic with TCP_ECHO_SERVER")
            << "echo-tcp" << int(Protocol::TCP) << false << int(Kind::Tcp) << 2;
        // The user's own images answer through the TCP echo, which names its endpoint.
        QTest::newRow("postgres image") << "postgres" << int(Protocol::TCP) << false
                                        << int(Kind::Tcp) << 2;
        QTest::newRow("tenant app behind passthrough")
            << "tenant" << int(Protocol::TLS) << true << int(Kind::TcpTls) << 2;
        QTest::newRow("coredns, UDP") << "dns" << int(Protocol::UDP) << false << int(Kind::Dns)
                                      << 2;
        QTest::newRow("postgres image, UDP") << "postgres" << int(Protocol::UDP) << false
                                             << int(Kind::Udp) << 2;
        QTest::newRow("no Deployment") << "ghost" << int(Protocol::TCP) << false
                                       << int(Kind::Tcp) << 1;
    }

    void decision()
    {
        QFETCH(QString, service);
        QFETCH(int, protocol);
        QFETCH(bool, passthrough);
        QFETCH(int, kind);
        QFETCH(int, replicas);
        const auto read = Yaml::readText(kObjects, "objects.yaml");
        QCOMPARE(read.resources.size(), std::size_t(10));
        const StreamBackendSpec spec =
            streamBackendFor(read.resources, "ns", service.toStdString(), 5432,
                             Protocol(protocol), passthrough, {"tenant-a.example.com"});
        QCOMPARE(int(spec.kind), kind);
        QCOMPARE(spec.replicas, replicas);
        if (kind == int(Kind::TcpTls)) {
            QVERIFY(spec.selfSigned);
            QVERIFY(!spec.certificatePem.empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestStreamBackends)
#include "tst_runtime_stream_backends.moc"
