// TLSRoute through the gateway over real sockets on 127.0.0.1. Passthrough: the SNI read from
// the ClientHello picks the route (exact before wildcard), the handshake is the backend's (the
// client sees the backend's certificate, and the backend reports the SNI it received), a name no
// route takes and garbage are closed without a byte, a ClientHello arriving in pieces is routed,
// a silent client times out; `openssl s_client -servername` reaches the right backend.
// Terminate: the gateway's certificate, the decrypted stream over TCP to a plain echo.
#include "engine/proxy/gateway.h"
#include "engine/tls/certificate_authority.h"
#include "engine/tls/client_context.h"
#include "engine/tls/server_context.h"
#include "l4_test_support.h"
#include "simulator/backends/stream_echo_server.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryFile>
#include <QtTest/QTest>

#include <csignal>
#include <thread>

using namespace Torii;
using namespace Torii::Proxy;
using namespace std::chrono_literals;
namespace RT = Torii::RouteTable;

namespace {

constexpr int kPort = 443;
constexpr char kWelcome[] = "Gateway API Test TCP Server\n";

struct TlsAnswer
{
    bool handshake = false;
    std::string error;
    std::vector<std::string> certificateNames;
    QJsonObject test; // the TEST JSON
    std::string isTls;
};

// A blocking TLS client: handshake with SNI `name` trusting `ca`, then IS_TLS and TEST.
TlsAnswer talkTls(quint16 port, const std::string &name, const std::string &ca)
{
    TlsAnswer out;
    std::string error;
    Tls::ClientContextOptions options;
    options.trustedCertificates = {ca};
    options.alpn.clear();
    const auto context = Tls::ClientContext::create(options, &error);
    const int fd = L4Test::connectTo(port);
    if (!context || fd < 0) {
        out.error = "no context or no connection";
        return out;
    }
    SSL *ssl = context->newSession(fd, name);
    if (SSL_connect(ssl) != 1) {
        out.error = Tls::ClientContext::failureReason(ssl, "handshake failed");
        SSL_free(ssl);
        ::close(fd);
        return out;
    }
    Tls::PeerInfo info;
    out.error = context->checkPeer(ssl, name, &info);
    out.handshake = out.error.empty();
    out.certificateNames = info.dnsNames;
    const auto line = [&] {
        std::string l;
        char c = 0;
        while (SSL_read(ssl, &c, 1) == 1) {
            l.push_back(c);
            if (c == '\n') {
                break;
            }
        }
        return l;
    };
    if (line() == kWelcome) {
        SSL_write(ssl, "IS_TLS\n", 7);
        out.isTls = line();
        SSL_write(ssl, "TEST\n", 5);
        out.test = QJsonDocument::fromJson(QByteArray::fromStdString(line())).object();
    }
    SSL_shutdown(ssl);
    SSL_free(ssl);
    ::close(fd);
    ERR_clear_error();
    return out;
}

} // namespace

class TestTlsPassthrough : public QObject
{
    Q_OBJECT

    std::shared_ptr<const Tls::CertificateAuthority> m_ca;
    Tls::PemPair m_abc;   // abc.example.com
    Tls::PemPair m_wild;  // *.example.com
    std::unique_ptr<Backends::StreamEchoServer> m_exact;
    std::unique_ptr<Backends::StreamEchoServer> m_wildcard;
    std::unique_ptr<Gateway> m_gateway;
    quint16 m_port = 0;

    std::unique_ptr<Backends::StreamEchoServer> tlsEcho(const QString &deployment,
                                                        const Tls::PemPair &pem)
    {
        Backends::StreamEchoServer::Options options;
        options.identity = Backends::replicaIdentity("default", deployment, 0);
        options.certificatePem = pem.certificate;
        options.privateKeyPem = pem.privateKey;
        auto server = std::make_unique<Backends::StreamEchoServer>(options);
        return server->start().empty() ? std::move(server) : nullptr;
    }

private slots:
    void initTestCase()
    {
        std::signal(SIGPIPE, SIG_IGN);
        m_ca = Tls::CertificateAuthority::create("L4 test CA");
        m_abc = m_ca->issue("abc.example.com", {"DNS:abc.example.com"}, Tls::CertificateUse::Server);
        m_wild = m_ca->issue("*.example.com", {"DNS:*.example.com"}, Tls::CertificateUse::Server);
        m_exact = tlsEcho("tls-exact", m_abc);
        m_wildcard = tlsEcho("tls-wildcard", m_wild);
        QVERIFY(m_exact && m_wildcard);
        GatewayConfig config;
        ListenerConfig listener;
        listener.gatewayPort = kPort;
        listener.kind = ListenerKind::TlsPassthrough;
        config.listeners.push_back(listener);
        config.headerTimeout = 500ms; // the ClientHello deadline
        config.eventRingCapacity = 1024;
        m_gateway = std::make_unique<Gateway>(config);
        m_gateway->setRouteTable(L4Test::streamTable(
            kPort, RT::ListenerProtocol::TLS,
            {{{"abc.example.com"}, {L4Test::backend("tls-exact", 1, 443)}},
             {{"*.example.com"}, {L4Test::backend("tls-wildcard", 1, 443)}}}));
        m_gateway->setEndpoints(
            {{"default/tls-exact:443", {L4Test::endpointOf(m_exact->port())}},
             {"default/tls-wildcard:443", {L4Test::endpointOf(m_wildcard->port())}}});
        std::string error;
        QVERIFY2(m_gateway->start(&error), error.c_str());
        m_port = m_gateway->boundPorts().at(kPort);
    }

    void routesOnSni_data()
    {
        QTest::addColumn<QString>("serverName");
        QTest::addColumn<QString>("deployment");
        QTest::newRow("exact") << "abc.example.com" << "tls-exact";
        QTest::newRow("exact, upper case") << "ABC.example.com" << "tls-exact";
        QTest::newRow("wildcard") << "other.example.com" << "tls-wildcard";
    }
    void routesOnSni()
    {
        QFETCH(QString, serverName);
        QFETCH(QString, deployment);
        const TlsAnswer answer = talkTls(m_port, serverName.toStdString(), m_ca->pem().certificate);
        QVERIFY2(answer.handshake, answer.error.c_str());
        QCOMPARE(answer.isTls, std::string("true\n")); // the backend itself speaks TLS
        QVERIFY(answer.test.value("pod").toString().startsWith(deployment + '-'));
        // Passthrough: the backend sees the SNI exactly as the client sent it.
        QCOMPARE(answer.test.value("tls").toObject().value("serverName").toString(), serverName);
    }

    void unknownNameAndNoSniAreClosed_data()
    {
        QTest::addColumn<QString>("serverName");
        QTest::newRow("no route") << "non.matching.com";
        QTest::newRow("the wildcard's own suffix") << "example.com";
        QTest::newRow("no SNI") << "";
    }
    void unknownNameAndNoSniAreClosed()
    {
        QFETCH(QString, serverName);
        const int fd = L4Test::connectTo(m_port);
        QVERIFY(L4Test::sendAll(fd, L4Test::clientHelloBytes(serverName.toStdString())));
        bool closed = false;
        QCOMPARE(L4Test::readToEnd(fd, 5s, &closed), std::string());
        QVERIFY(closed);
        ::close(fd);
    }

    void garbageIsClosedAndCounted()
    {
        const std::uint64_t before = m_gateway->tlsHandshakeFailures();
        const int fd = L4Test::connectTo(m_port);
        QVERIFY(L4Test::sendAll(fd, "GET / HTTP/1.1\r\nHost: abc.example.com\r\n\r\n"));
        bool closed = false;
        QCOMPARE(L4Test::readToEnd(fd, 5s, &closed), std::string());
        QVERIFY(closed);
        ::close(fd);
        QTRY_COMPARE(m_gateway->tlsHandshakeFailures(), before + 1);
    }

    void silentClientTimesOut()
    {
        const int fd = L4Test::connectTo(m_port);
        QVERIFY(L4Test::sendAll(fd, std::string_view("\x16\x03\x01", 3))); // then nothing
        bool closed = false;
        L4Test::readToEnd(fd, 5s, &closed);
        QVERIFY(closed);
        ::close(fd);
    }

    // A client that connects and never speaks: the listener defers accept until the client's
    // first bytes (TCP_DEFER_ACCEPT), so the kernel holds it for about a second, then hands it
    // over, and the ClientHello deadline closes it. It must not hang on forever.
    void fullySilentClientIsClosed()
    {
        const int fd = L4Test::connectTo(m_port);
        QVERIFY(fd >= 0);
        bool closed = false;
        L4Test::readToEnd(fd, 10s, &closed);
        QVERIFY(closed);
        ::close(fd);
    }

    // The ClientHello in three pieces with pauses: routed once whole, and the backend answers
    // with its ServerHello (a handshake record).
    void helloInPiecesIsRouted()
    {
        const std::string hello = L4Test::clientHelloBytes("abc.example.com");
        const int fd = L4Test::connectTo(m_port);
        const std::uint64_t before = m_exact->accepted();
        QVERIFY(L4Test::sendAll(fd, hello.substr(0, 3)));
        std::this_thread::sleep_for(50ms);
        QVERIFY(L4Test::sendAll(fd, hello.substr(3, 40)));
        std::this_thread::sleep_for(50ms);
        QVERIFY(L4Test::sendAll(fd, hello.substr(43)));
        QVERIFY(L4Test::waitReadable(fd, 5s));
        char first = 0;
        QCOMPARE(::recv(fd, &first, 1, 0), ssize_t(1));
        QCOMPARE(int(first), 22);
        QCOMPARE(m_exact->accepted(), before + 1);
        ::close(fd);
    }

    void opensslSClientReachesTheRightBackend_data()
    {
        QTest::addColumn<QString>("serverName");
        QTest::addColumn<QString>("deployment");
        QTest::newRow("exact") << "abc.example.com" << "tls-exact";
        QTest::newRow("wildcard") << "www.example.com" << "tls-wildcard";
    }
    void opensslSClientReachesTheRightBackend()
    {
        QFETCH(QString, serverName);
        QFETCH(QString, deployment);
        const QString openssl = QStandardPaths::findExecutable("openssl");
        if (openssl.isEmpty()) {
            QSKIP("openssl is not installed: the s_client test needs it");
        }
        QTemporaryFile ca;
        QVERIFY(ca.open());
        ca.write(QByteArray::fromStdString(m_ca->pem().certificate));
        ca.flush();
        QProcess client;
        client.start(openssl, QStringList{"s_client", "-connect",
                                          QStringLiteral("127.0.0.1:%1").arg(m_port),
                                          "-servername", serverName, "-CAfile", ca.fileName(),
                                          "-verify_return_error", "-quiet", "-no_ign_eof"});
        QVERIFY(client.waitForStarted());
        client.write("TEST\n");
        QTRY_VERIFY_WITH_TIMEOUT((client.waitForReadyRead(100),
                                  client.peek(65536).count('\n') >= 2),
                                 10000);
        const QList<QByteArray> lines = client.readAll().split('\n');
        client.closeWriteChannel();
        client.waitForFinished(5000);
        if (client.state() != QProcess::NotRunning) {
            client.kill();
            client.waitForFinished();
        }
        QCOMPARE(lines.value(0), QByteArray("Gateway API Test TCP Server"));
        const QJsonObject test = QJsonDocument::fromJson(lines.value(1)).object();
        QVERIFY2(test.value("pod").toString().startsWith(deployment + '-'), lines.value(1));
        QCOMPARE(test.value("tls").toObject().value("serverName").toString(), serverName);
    }

    void eventsCarryTheServerName()
    {
        m_gateway->drainEvents([](const RequestEvent &) {});
        (void)talkTls(m_port, "abc.example.com", m_ca->pem().certificate);
        std::vector<RequestEvent> events;
        QTRY_VERIFY((m_gateway->drainEvents([&](const RequestEvent &e) { events.push_back(e); }),
                     !events.empty()));
        QCOMPARE(events.back().method, std::string("TLS"));
        QCOMPARE(events.back().target, std::string("abc.example.com"));
        QCOMPARE(events.back().backend, std::string("default/tls-exact:443"));
        QVERIFY(events.back().bytesIn > 100 && events.back().bytesOut > 100);
    }

    // Terminate: the gateway presents its own certificate (tls.example.com) and the backend is
    // a plain TCP echo that sees no TLS.
    void terminateForwardsPlainTcp()
    {
        Backends::StreamEchoServer::Options options;
        options.identity = Backends::replicaIdentity("default", "tcp-backend", 0);
        Backends::StreamEchoServer plain(options);
        QVERIFY(plain.start().empty());
        const Tls::PemPair gatewayCert =
            m_ca->issue("tls.example.com", {"DNS:tls.example.com"}, Tls::CertificateUse::Server);
        Tls::ServerContextOptions tlsOptions;
        tlsOptions.alpn.clear();
        const auto context = Tls::buildServerContext(
            {{"tls.example.com", gatewayCert.certificate, gatewayCert.privateKey}}, tlsOptions);
        QVERIFY(context);
        GatewayConfig config;
        config.listeners.push_back({8443, "127.0.0.1", 0, context, ListenerKind::TlsTerminate});
        Gateway gateway(config);
        gateway.setRouteTable(L4Test::streamTable(
            8443, RT::ListenerProtocol::TLS,
            {{{"tls.example.com"}, {L4Test::backend("tcp-backend", 1)}}}));
        gateway.setEndpoints({{"default/tcp-backend:3000", {L4Test::endpointOf(plain.port())}}});
        QVERIFY(gateway.start());
        const TlsAnswer answer =
            talkTls(gateway.boundPorts().at(8443), "tls.example.com", m_ca->pem().certificate);
        QVERIFY2(answer.handshake, answer.error.c_str());
        QCOMPARE(answer.certificateNames, std::vector<std::string>{"tls.example.com"});
        QCOMPARE(answer.isTls, std::string("false\n"));
        QVERIFY(answer.test.value("pod").toString().startsWith("tcp-backend-"));
    }

    void cleanupTestCase()
    {
        m_gateway.reset();
        m_exact.reset();
        m_wildcard.reset();
    }
};

QTEST_GUILESS_MAIN(TestTlsPassthrough)
#include "tst_tls_passthrough.moc"
