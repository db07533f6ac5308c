// BackendTLSPolicy origination over real sockets and real TLS on 127.0.0.1: the gateway in front
// of HTTPS echo endpoints (StreamEchoServer HttpsRelay + HttpEchoBackend, as the local runtime
// runs them) whose certificate a test CA issued. Valid SANs (Hostname, URI, the hostname alone)
// answer 200 and the backend saw the policy's SNI; a wrong SAN, a wrong hostname, an unknown CA
// and the system store (which does not know the test CA) answer 502 saying why; a plain backend
// next to them is unaffected; pooled TLS connections are reused (one handshake for many requests)
// and only for the same policy. Wildcard certificates are judged by RFC 6125 (one leftmost
// label) for the policy hostname and Hostname SANs alike. RequestMirror copies to a backend a
// policy targets go over TLS too, verified and pooled the same way, and never affect the client.
#include "engine/http/http1_codec.h"
#include "engine/proxy/gateway.h"
#include "engine/routetable/route_table.h"
#include "engine/tls/certificate_authority.h"
#include "simulator/backends/http_echo_backend.h"
#include "simulator/backends/stream_echo_server.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest/QTest>

#include <signal.h>

using namespace Torii;
using namespace Torii::Proxy;
namespace RT = Torii::RouteTable;

namespace {

constexpr int kGatewayPort = 8080;
const char *kSpiffe = "spiffe://abc.example.com/test-identity";

struct Response
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject tls() const { return json().value("tls").toObject(); }
};

class Collector : public Http::ResponseHandler
{
public:
    std::vector<Response> responses;
    void onHead(Http::ResponseHead &&head) override { responses.push_back({head.status, {}}); }
    void onBody(std::string_view chunk) override
    {
        responses.back().body.append(chunk.data(), qsizetype(chunk.size()));
    }
    void onComplete(Http::Headers &&) override {}
};

// One keep-alive client connection to the gateway (blocking; the gateway has its own thread).
class Client
{
public:
    explicit Client(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
    }
    Response get(const QByteArray &path)
    {
        m_socket.write("GET " + path + " HTTP/1.1\r\nHost: abc.example.com\r\n\r\n");
        m_socket.waitForBytesWritten(5000);
        QElapsedTimer clock;
        clock.start();
        while (m_collector.responses.empty() && clock.elapsed() < 10000) {
            if (m_buffer.isEmpty() && !m_socket.waitForReadyRead(100)) {
                if (m_socket.state() != QAbstractSocket::ConnectedState) {
                    break;
                }
                continue;
            }
            m_buffer += m_socket.readAll();
            const auto result = m_parser.feed(
                std::string_view(m_buffer.constData(), std::size_t(m_buffer.size())), m_collector);
            m_buffer.remove(0, qsizetype(result.consumed));
            if (result.status != Http::FeedStatus::MessageComplete) {
                m_collector.responses.clear(); // not complete yet: wait for the rest
                if (result.status == Http::FeedStatus::Error) {
                    break;
                }
                continue;
            }
        }
        auto responses = std::exchange(m_collector.responses, {});
        return responses.empty() ? Response{} : responses.front();
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    Http::ResponseParser m_parser;
    Collector m_collector;
};

RT::HttpRoute route(const std::string &path, const std::string &service,
                    std::shared_ptr<const RT::BackendTls> tls)
{
    RT::HttpRoute r;
    r.source.kind = "HTTPRoute";
    r.source.ns = "default";
    r.source.name = "r" + path;
    r.match.path = RT::PathMatch{RT::PathMatchType::Exact, path};
    RT::Backend b;
    b.ns = "default";
    b.service = service;
    b.port = 443;
    b.tls = std::move(tls);
    r.backends.push_back(std::move(b));
    return r;
}

} // namespace

class TestBackendTlsOrigination : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The test thread writes to sockets the gateway may close; the gateway's workers
        // block SIGPIPE themselves.
        signal(SIGPIPE, SIG_IGN);
        m_ca = Tls::CertificateAuthority::create("backend TLS test CA");
        m_otherCa = Tls::CertificateAuthority::create("another CA");
        const Tls::PemPair leaf = m_ca->issue(
            "abc.example.com", {"DNS:abc.example.com", "DNS:other.example.com",
                                std::string("URI:") + kSpiffe},
            Tls::CertificateUse::Server);

        Backends::EchoIdentity id;
        id.namespaceName = "default";
        id.pod = "secure-pod";
        m_httpsEcho = std::make_unique<Backends::HttpEchoBackend>(id);
        QVERIFY(m_httpsEcho->start().ok());
        for (auto *relay : {&m_relay, &m_pooledRelay}) {
            Backends::StreamEchoServer::Options options;
            options.mode = Backends::StreamEchoServer::Mode::HttpsRelay;
            options.identity = id;
            options.certificatePem = leaf.certificate;
            options.privateKeyPem = leaf.privateKey;
            options.relayPort = m_httpsEcho->port();
            *relay = std::make_unique<Backends::StreamEchoServer>(options);
            QCOMPARE((*relay)->start(), std::string());
        }
        id.pod = "plain-pod";
        m_plainEcho = std::make_unique<Backends::HttpEchoBackend>(id);
        QVERIFY(m_plainEcho->start().ok());
        // A wildcard certificate, and a mirror backend with its own echo (its request log).
        const Tls::PemPair wildLeaf = m_ca->issue("wild.example.com", {"DNS:*.wild.example.com"},
                                                  Tls::CertificateUse::Server);
        id.pod = "mirror-pod";
        m_mirrorEcho = std::make_unique<Backends::HttpEchoBackend>(id);
        QVERIFY(m_mirrorEcho->start().ok());
        for (auto [relay, pem, echoPort] :
             {std::tuple{&m_wildRelay, wildLeaf, m_httpsEcho->port()},
              std::tuple{&m_mirrorRelay, leaf, m_mirrorEcho->port()}}) {
            Backends::StreamEchoServer::Options options;
            options.mode = Backends::StreamEchoServer::Mode::HttpsRelay;
            options.identity = id;
            options.certificatePem = pem.certificate;
            options.privateKeyPem = pem.privateKey;
            options.relayPort = echoPort;
            *relay = std::make_unique<Backends::StreamEchoServer>(options);
            QCOMPARE((*relay)->start(), std::string());
        }

        RT::RouteTableBuilder builder;
        builder.addListener(kGatewayPort, RT::ListenerProtocol::HTTP);
        builder.addListenerHost(kGatewayPort, "*");
        const std::vector<std::pair<std::string, std::shared_ptr<const RT::BackendTls>>> rows{
            {"/dns-san", policy("dns-san", {"abc.example.com"}, {})},
            {"/dns-san-other", policy("dns-san-other", {"dce.example.com", "other.example.com"}, {})},
            {"/dns-san-mismatch", policy("dns-san-mismatch", {"dce.example.com"}, {})},
            {"/uri-san", policy("uri-san", {}, {kSpiffe})},
            {"/uri-san-mismatch", policy("uri-san-mismatch", {}, {"spiffe://def.example.com/x"})},
            {"/hostname", policy("hostname", {}, {})},
            {"/hostname-mismatch", policy("hostname-mismatch", {}, {}, "nope.example.com")},
            {"/unknown-ca", policy("unknown-ca", {}, {}, "abc.example.com", m_otherCa->pem().certificate)},
            {"/system", policy("system", {}, {}, "abc.example.com", {}, true)},
            {"/pooled", policy("pooled", {"abc.example.com"}, {})},
            {"/pooled-other-policy", policy("pooled-other-policy", {"other.example.com"}, {})},
        };
        EndpointMap endpoints;
        auto at = [](quint16 p) { return "127.0.0.1:" + std::to_string(p); };
        for (const auto &[path, tls] : rows) {
            const std::string service = path.substr(1);
            builder.addHttpRoute(kGatewayPort, {"*"}, route(path, service, tls));
            const bool pooled = path.rfind("/pooled", 0) == 0;
            endpoints[endpointKey("default", service, 443)] = {
                at(pooled ? m_pooledRelay->port() : m_relay->port())};
        }
        builder.addHttpRoute(kGatewayPort, {"*"}, route("/plain", "plain", nullptr));
        endpoints[endpointKey("default", "plain", 443)] = {at(m_plainEcho->port())};
        const std::vector<std::pair<std::string, std::shared_ptr<const RT::BackendTls>>> wild{
            {"/wild-hostname", policy("wild-hostname", {}, {}, "api.wild.example.com")},
            {"/wild-san", policy("wild-san", {"api.wild.example.com"}, {}, "x.example.org")},
            {"/wild-two-labels", policy("wild-two-labels", {}, {}, "a.b.wild.example.com")},
            {"/wild-bare", policy("wild-bare", {}, {}, "wild.example.com")},
        };
        for (const auto &[path, tls] : wild) {
            const std::string service = path.substr(1);
            builder.addHttpRoute(kGatewayPort, {"*"}, route(path, service, tls));
            endpoints[endpointKey("default", service, 443)] = {at(m_wildRelay->port())};
        }
        // Mirrors: the main request to the plain echo, a copy to a backend behind a policy.
        for (const auto &[path, tls] :
             {std::pair{std::string("/mirrored"), policy("mirror", {"abc.example.com"}, {})},
              std::pair{std::string("/mirrored-unverified"),
                        policy("mirror-unverified", {"dce.example.com"}, {})}}) {
            const std::string service = path.substr(1) + "-copy";
            RT::HttpRoute mirrored = route(path, "plain", nullptr);
            RT::Filter filter;
            filter.type = RT::Filter::Type::RequestMirror;
            RT::Backend copy;
            copy.ns = "default";
            copy.service = service;
            copy.port = 443;
            copy.tls = tls;
            filter.mirror.backend = std::make_shared<const RT::Backend>(copy);
            mirrored.filters.push_back(filter);
            builder.addHttpRoute(kGatewayPort, {"*"}, mirrored);
            endpoints[endpointKey("default", service, 443)] = {at(m_mirrorRelay->port())};
        }

        GatewayConfig config;
        config.listeners.push_back({kGatewayPort, "127.0.0.1", 0, nullptr});
        m_gateway = std::make_unique<Gateway>(config);
        m_gateway->setRouteTable(builder.build());
        m_gateway->setEndpoints(endpoints);
        std::string error;
        QVERIFY2(m_gateway->start(&error), error.c_str());
    }

    void cleanupTestCase()
    {
        m_gateway.reset();
        m_wildRelay.reset();
        m_mirrorRelay.reset();
        m_mirrorEcho.reset();
        m_relay.reset();
        m_pooledRelay.reset();
        m_httpsEcho.reset();
        m_plainEcho.reset();
    }

    void verifiedBackendsAnswer_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("Hostname SAN") << QByteArray("/dns-san");
        QTest::newRow("second Hostname SAN") << QByteArray("/dns-san-other");
        QTest::newRow("URI SAN") << QByteArray("/uri-san");
        QTest::newRow("no SAN: the hostname") << QByteArray("/hostname");
    }

    void verifiedBackendsAnswer()
    {
        QFETCH(QByteArray, path);
        Client client(port());
        const Response response = client.get(path);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value("pod").toString(), QString("secure-pod"));
        // The backend saw the policy's hostname as SNI, and the gateway's ALPN.
        QCOMPARE(response.tls().value("serverName").toString(), QString("abc.example.com"));
        QCOMPARE(response.tls().value("negotiatedProtocol").toString(), QString("http/1.1"));
        QVERIFY(response.tls().value("version").toString().startsWith("TLSv1."));
        QVERIFY(!response.tls().value("cipherSuite").toString().isEmpty());
    }

    void unverifiedBackendsFail_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("reason");
        QTest::newRow("Hostname SAN mismatch")
            << QByteArray("/dns-san-mismatch")
            << QString("the policy accepts dce.example.com");
        QTest::newRow("URI SAN mismatch")
            << QByteArray("/uri-san-mismatch")
            << QString("the policy accepts spiffe://def.example.com/x");
        QTest::newRow("hostname mismatch")
            << QByteArray("/hostname-mismatch") << QString("the policy accepts nope.example.com");
        QTest::newRow("unknown CA") << QByteArray("/unknown-ca")
                                    << QString("did not verify (BackendTLSPolicy default/unknown-ca)"
                                               ": unable to get local issuer certificate");
        QTest::newRow("system store")
            << QByteArray("/system") << QString("did not verify (BackendTLSPolicy default/system)");
    }

    void unverifiedBackendsFail()
    {
        QFETCH(QByteArray, path);
        QFETCH(QString, reason);
        Client client(port());
        const Response response = client.get(path);
        QCOMPARE(response.status, 502);
        const QString body = QString::fromUtf8(response.body);
        QVERIFY2(body.contains("the backend's certificate did not verify"), qPrintable(body));
        QVERIFY2(body.contains(reason), qPrintable(body));
        // The connection to the client survives the failed backend.
        QCOMPARE(client.get("/plain").status, 200);
    }

    void plainBackendUnaffected()
    {
        Client client(port());
        const Response response = client.get("/plain");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value("pod").toString(), QString("plain-pod"));
        QVERIFY(!response.json().contains("tls"));
    }

    // Keep-alive TLS connections to the backend are pooled: many requests, one handshake; a
    // policy with other settings never takes a connection verified for another.
    void pooledConnectionsAreReused()
    {
        const std::uint64_t before = m_pooledRelay->accepted();
        Client client(port());
        for (int i = 0; i < 10; ++i) {
            const Response response = client.get("/pooled");
            QCOMPARE(response.status, 200);
            QCOMPARE(response.tls().value("serverName").toString(), QString("abc.example.com"));
        }
        QCOMPARE(m_pooledRelay->accepted() - before, std::uint64_t(1));
        // Same endpoint, another policy: its own connection (and handshake).
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(client.get("/pooled-other-policy").status, 200);
        }
        QCOMPARE(m_pooledRelay->accepted() - before, std::uint64_t(2));
        QCOMPARE(client.get("/pooled").status, 200);
        QCOMPARE(m_pooledRelay->accepted() - before, std::uint64_t(2));
    }

    // RFC 6125 section 6.4.3 over a real handshake: the backend presents *.wild.example.com.
    void wildcardCertificates_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("serverName");
        QTest::newRow("hostname under the wildcard")
            << QByteArray("/wild-hostname") << 200 << QString("api.wild.example.com");
        QTest::newRow("Hostname SAN under the wildcard")
            << QByteArray("/wild-san") << 200 << QString("x.example.org");
        QTest::newRow("not two labels") << QByteArray("/wild-two-labels") << 502 << QString();
        QTest::newRow("not the bare domain") << QByteArray("/wild-bare") << 502 << QString();
    }

    void wildcardCertificates()
    {
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        QFETCH(QString, serverName);
        Client client(port());
        const Response response = client.get(path);
        QCOMPARE(response.status, status);
        if (status == 200) {
            // SNI is the policy hostname, whatever the SANs say.
            QCOMPARE(response.tls().value("serverName").toString(), serverName);
        } else {
            const QString body = QString::fromUtf8(response.body);
            QVERIFY2(body.contains("the backend's certificate names *.wild.example.com"),
                     qPrintable(body));
        }
    }

    // A mirror whose Service port a policy targets gets its copy over TLS (the relay only speaks
    // TLS, and relays to the mirror echo), on one pooled connection for many copies.
    void mirrorsOriginateTls()
    {
        const std::uint64_t acceptedBefore = m_mirrorRelay->accepted();
        const int copiesBefore = m_mirrorEcho->requestLog().count("/mirrored");
        Client client(port());
        for (int i = 0; i < 5; ++i) {
            const Response response = client.get("/mirrored");
            QCOMPARE(response.status, 200);
            QCOMPARE(response.json().value("pod").toString(), QString("plain-pod"));
        }
        QTRY_COMPARE(m_mirrorEcho->requestLog().count("/mirrored"), copiesBefore + 5);
        // Copies are sent while the main requests run: the pool's idle connection is reused
        // once the copy before was answered, so the relay sees at most one per request.
        qInfo("TLS connections for 5 copies: %llu",
              (unsigned long long)(m_mirrorRelay->accepted() - acceptedBefore));
        QVERIFY(m_mirrorRelay->accepted() - acceptedBefore >= 1);
        QVERIFY(m_mirrorRelay->accepted() - acceptedBefore <= 5);
    }

    // A copy whose backend fails the verification is dropped; the client never notices.
    void unverifiedMirrorIsDropped()
    {
        const std::uint64_t acceptedBefore = m_mirrorRelay->accepted();
        Client client(port());
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(client.get("/mirrored-unverified").status, 200);
        }
        QTRY_VERIFY(m_mirrorRelay->accepted() - acceptedBefore >= 3); // each handshake tried
        QTest::qWait(100);
        QCOMPARE(m_mirrorEcho->requestLog().count("/mirrored-unverified"), 0);
    }

    // GatewayConfig::systemTrustStandIn (serve --dev-ca): a System policy also trusts the
    // stand-in CA, except towards the excluded endpoints (real apps), which the system store
    // alone judges.
    void systemTrustStandIn()
    {
        RT::RouteTableBuilder builder;
        builder.addListener(kGatewayPort, RT::ListenerProtocol::HTTP);
        builder.addListenerHost(kGatewayPort, "*");
        const auto system = policy("system", {}, {}, "abc.example.com", {}, true);
        builder.addHttpRoute(kGatewayPort, {"*"}, route("/mock", "mock", system));
        builder.addHttpRoute(kGatewayPort, {"*"}, route("/real", "real", system));
        const auto at = [](quint16 p) { return "127.0.0.1:" + std::to_string(p); };
        EndpointMap endpoints;
        endpoints[endpointKey("default", "mock", 443)] = {at(m_relay->port())};
        endpoints[endpointKey("default", "real", 443)] = {at(m_pooledRelay->port())};
        GatewayConfig config;
        config.listeners.push_back({kGatewayPort, "127.0.0.1", 0, nullptr});
        auto standIn = std::make_shared<SystemTrustStandIn>();
        standIn->certificatePem = m_ca->pem().certificate;
        standIn->excludedEndpoints = {at(m_pooledRelay->port())};
        config.systemTrustStandIn = standIn;
        Gateway gateway(config);
        gateway.setRouteTable(builder.build());
        gateway.setEndpoints(endpoints);
        std::string error;
        QVERIFY2(gateway.start(&error), error.c_str());
        Client client(gateway.boundPorts().at(kGatewayPort));
        const Response mock = client.get("/mock");
        QCOMPARE(mock.status, 200);
        QCOMPARE(mock.tls().value("serverName").toString(), QString("abc.example.com"));
        const Response real = client.get("/real");
        QCOMPARE(real.status, 502);
        QVERIFY2(real.body.contains("did not verify (BackendTLSPolicy default/system)"),
                 real.body.constData());
    }

private:
    std::shared_ptr<const RT::BackendTls> policy(const std::string &name,
                                                 std::vector<std::string> dnsNames,
                                                 std::vector<std::string> uris,
                                                 const std::string &hostname = "abc.example.com",
                                                 std::optional<std::string> ca = std::nullopt,
                                                 bool system = false) const
    {
        auto tls = std::make_shared<RT::BackendTls>();
        tls->policy = "default/" + name;
        tls->hostname = hostname;
        tls->trustedPem = system ? std::string() : ca.value_or(m_ca->pem().certificate);
        tls->systemTrust = system;
        tls->dnsNames = std::move(dnsNames);
        tls->uris = std::move(uris);
        tls->key = name;
        return tls;
    }
    quint16 port() const { return m_gateway->boundPorts().at(kGatewayPort); }

    std::shared_ptr<const Tls::CertificateAuthority> m_ca;
    std::shared_ptr<const Tls::CertificateAuthority> m_otherCa;
    std::unique_ptr<Backends::HttpEchoBackend> m_httpsEcho;
    std::unique_ptr<Backends::HttpEchoBackend> m_plainEcho;
    std::unique_ptr<Backends::StreamEchoServer> m_relay;
    std::unique_ptr<Backends::StreamEchoServer> m_pooledRelay;
    std::unique_ptr<Backends::StreamEchoServer> m_wildRelay;   // presents *.wild.example.com
    std::unique_ptr<Backends::HttpEchoBackend> m_mirrorEcho;    // behind m_mirrorRelay
    std::unique_ptr<Backends::StreamEchoServer> m_mirrorRelay;
    std::unique_ptr<Gateway> m_gateway;
};

QTEST_GUILESS_MAIN(TestBackendTlsOrigination)
#include "tst_backend_tls_origination.moc"
