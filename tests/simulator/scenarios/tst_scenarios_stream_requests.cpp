// The request half for tcp, tls and udp items (simulator/scenarios/stream_requests.h) against
// real endpoints on 127.0.0.1:0, directly (no gateway): each check passes on the right answer
// and fails on a wrong one — a wrong backend, namespace or IS_TLS, a completed handshake or a
// refused connection where a reset is expected, no DNS reply — and the parser keeps the L4
// fields (payload, expect.response.isTLS, expect.tls.serverName, connection reset).
#include "engine/tls/certificate_authority.h"
#include "engine/yaml/yaml_loader.h"
#include "simulator/backends/stream_echo_server.h"
#include "simulator/backends/udp_echo_server.h"
#include "simulator/scenarios/stream_requests.h"

#include <QtTest/QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <thread>

using namespace Torii;
using namespace Torii::Scenarios;

namespace {

RequestCase item(const char *yaml)
{
    const auto loaded = Yaml::loadText(yaml, "inline.yaml");
    const std::vector<RequestCase> items = parseRequestCases(loaded.documents.front().root);
    return items.front();
}

Verdict verdictOf(const CheckResult &r)
{
    return r.verdict;
}

} // namespace

class TestStreamRequests : public QObject
{
    Q_OBJECT

    std::shared_ptr<const Tls::CertificateAuthority> m_ca;
    Tls::PemPair m_leaf;

private slots:
    void initTestCase()
    {
        std::signal(SIGPIPE, SIG_IGN);
        m_ca = Tls::CertificateAuthority::create("stream requests CA");
        m_leaf = m_ca->issue("tls.example.com", {"DNS:tls.example.com"},
                             Tls::CertificateUse::Server);
    }

    void parsesTheL4Fields()
    {
        const RequestCase tcp = item(R"(
- request: {listenerPort: 9300, protocol: tcp, payload: "PING\nIS_TLS\nTEST\n"}
  expect: {backend: b, namespace: ns, response: {isTLS: true}, tls: {serverName: x.org}}
)");
        QVERIFY(!tcp.unsupported);
        QCOMPARE(tcp.request.payload.value_or(""), std::string("PING\nIS_TLS\nTEST\n"));
        QCOMPARE(tcp.expect.isTls, std::optional<bool>(true));
        QCOMPARE(tcp.expect.tlsServerName.value_or(""), std::string("x.org"));
        QVERIFY(!item("- request: {protocol: tls, host: a.org}\n  expect: {connection: reset}\n")
                     .unsupported);
        // reset is a tls notion; payload is not HTTP's.
        QVERIFY(item("- request: {protocol: https, host: a.org}\n  expect: {connection: reset}\n")
                    .unsupported);
        QVERIFY(item("- request: {protocol: http, payload: x}\n").unsupported);
    }

    void tcpEchoIsJudged()
    {
        Backends::StreamEchoServer::Options options;
        options.identity = Backends::replicaIdentity("ns", "tcp-backend", 0);
        Backends::StreamEchoServer echo(options);
        QVERIFY(echo.start().empty());
        const quint16 port = echo.port();
        const char *good = R"(
- request: {protocol: tcp, payload: "PING\nIS_TLS\nTEST\n"}
  expect: {backend: tcp-backend, namespace: ns, response: {isTLS: false}}
)";
        QCOMPARE(verdictOf(runStreamRequest(item(good), port, nullptr)), Verdict::Pass);
        const char *wrongBackend = R"(
- request: {protocol: tcp, payload: "TEST\n"}
  expect: {backend: tcp-backend-v2}
)";
        QCOMPARE(verdictOf(runStreamRequest(item(wrongBackend), port, nullptr)), Verdict::Fail);
        const char *wrongTls = R"(
- request: {protocol: tcp, payload: "IS_TLS\n"}
  expect: {response: {isTLS: true}}
)";
        QCOMPARE(verdictOf(runStreamRequest(item(wrongTls), port, nullptr)), Verdict::Fail);
        const char *distribution = R"(
- request: {protocol: tcp, payload: "TEST\n"}
  expect: {distribution: {requests: 20, backends: {tcp-backend: 1.0}, tolerance: 0}}
)";
        QCOMPARE(verdictOf(runStreamRequest(item(distribution), port, nullptr)), Verdict::Pass);
        const char *otherShare = R"(
- request: {protocol: tcp, payload: "TEST\n"}
  expect: {distribution: {requests: 20, backends: {tcp-backend: 0.5, other: 0.5}, tolerance: 0.1}}
)";
        QCOMPARE(verdictOf(runStreamRequest(item(otherShare), port, nullptr)), Verdict::Fail);
        echo.stop();
        QCOMPARE(verdictOf(runStreamRequest(item(good), port, nullptr)), Verdict::Fail);
    }

    void resetIsTellable()
    {
        TlsClientOptions tls;
        tls.serverName = "tls.example.com";
        tls.trustedCertificates = {m_ca->pem().certificate};
        const RequestCase reset = item(R"(
- request: {protocol: tls, host: tls.example.com}
  expect: {connection: reset}
)");
        // A server that completes the handshake: not a reset.
        Backends::StreamEchoServer::Options options;
        options.identity = Backends::replicaIdentity("ns", "tls-backend", 0);
        options.certificatePem = m_leaf.certificate;
        options.privateKeyPem = m_leaf.privateKey;
        Backends::StreamEchoServer echo(options);
        QVERIFY(echo.start().empty());
        QCOMPARE(verdictOf(runStreamRequest(reset, echo.port(), &tls)), Verdict::Fail);
        // The same over TLS with the echo: passes, and the SNI is what the backend saw.
        const RequestCase talk = item(R"(
- request: {protocol: tls, host: tls.example.com, payload: "IS_TLS\nTEST\n"}
  expect: {backend: tls-backend, response: {isTLS: true}, tls: {serverName: tls.example.com}}
)");
        QCOMPARE(verdictOf(runStreamRequest(talk, echo.port(), &tls)), Verdict::Pass);
        const quint16 closedPort = echo.port();
        echo.stop();
        // Refused: not a reset either.
        QCOMPARE(verdictOf(runStreamRequest(reset, closedPort, &tls)), Verdict::Fail);
        // A listener that accepts and closes at once: a reset.
        const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        ::listen(listener, 4);
        socklen_t length = sizeof addr;
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &length);
        std::thread closer([listener] {
            const int c = ::accept(listener, nullptr, nullptr);
            if (c >= 0) {
                ::close(c);
            }
        });
        QCOMPARE(verdictOf(runStreamRequest(reset, ntohs(addr.sin_port), &tls)), Verdict::Pass);
        closer.join();
        ::close(listener);
    }

    void udpIsJudged()
    {
        Backends::EchoIdentity identity = Backends::replicaIdentity("ns", "udp-svc", 0);
        identity.service = "udp-svc";
        Backends::UdpEchoServer echo(Backends::UdpEchoServer::Mode::Echo, identity);
        QVERIFY(echo.start().empty());
        const char *good = R"(
- request: {protocol: udp, payload: gateway-api-conformance-udp-echo}
  expect: {backend: udp-svc, namespace: ns}
)";
        QCOMPARE(verdictOf(runStreamRequest(item(good), echo.port(), nullptr)), Verdict::Pass);
        const char *wrong = R"(
- request: {protocol: udp, payload: gateway-api-conformance-udp-echo}
  expect: {backend: other-svc}
)";
        QCOMPARE(verdictOf(runStreamRequest(item(wrong), echo.port(), nullptr)), Verdict::Fail);
        // A DNS probe to the echo gets JSON, not a DNS reply; to the DNS stand-in it passes.
        const char *dns = "- request: {protocol: udp}\n  expect: {connection: ok}\n";
        QCOMPARE(verdictOf(runStreamRequest(item(dns), echo.port(), nullptr)), Verdict::Fail);
        Backends::UdpEchoServer coredns(Backends::UdpEchoServer::Mode::Dns, identity);
        QVERIFY(coredns.start().empty());
        QCOMPARE(verdictOf(runStreamRequest(item(dns), coredns.port(), nullptr)), Verdict::Pass);
    }
};

QTEST_GUILESS_MAIN(TestStreamRequests)
#include "tst_scenarios_stream_requests.moc"
