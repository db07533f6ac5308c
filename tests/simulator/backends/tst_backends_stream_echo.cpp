// The L4 mock endpoints (simulator/backends/stream_echo_server.h, udp_echo_server.h,
// stream_echo_service.h): the DNS stand-in's answers byte by byte, the UDP echo JSON, the TCP
// echo's line protocol plain and over TLS, and the HTTPS echo (TLS relayed to the HTTP echo),
// over real sockets on 127.0.0.1:0.
#include "engine/tls/certificate_authority.h"
#include "engine/tls/client_context.h"
#include "simulator/backends/stream_echo_server.h"
#include "simulator/backends/stream_echo_service.h"
#include "simulator/backends/udp_echo_server.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>

using namespace Torii;
using namespace Torii::Backends;

namespace {

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// A TLS session to 127.0.0.1:port with SNI `name` trusting `ca`: reads what `request` gets
// back until the server closes or 5 s pass.
std::string tlsTalk(quint16 port, const std::string &name, const std::string &ca,
                    const std::string &request, bool untilLines = false)
{
    std::string error;
    Tls::ClientContextOptions options;
    options.trustedCertificates = {ca};
    options.alpn.clear();
    const auto context = Tls::ClientContext::create(options, &error);
    const int fd = connectTo(port);
    SSL *ssl = context->newSession(fd, name);
    std::string out;
    if (SSL_connect(ssl) == 1 && context->checkPeer(ssl, name).empty()) {
        SSL_write(ssl, request.data(), int(request.size()));
        char buffer[4096];
        int n;
        while ((n = SSL_read(ssl, buffer, sizeof buffer)) > 0) {
            out.append(buffer, std::size_t(n));
            if (untilLines && std::count(out.begin(), out.end(), '\n') >= 3) {
                break;
            }
        }
    }
    ERR_clear_error();
    SSL_free(ssl);
    ::close(fd);
    return out;
}

} // namespace

class TestStreamEcho : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); }

    void dnsAnswersAQuestion()
    {
        // ID 0xbeef, RD; one question foo.bar.com A IN.
        const std::string query("\xbe\xef\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00"
                                "\x03" "foo\x03" "bar\x03" "com\x00\x00\x01\x00\x01",
                                29);
        const std::string reply = UdpEchoServer::dnsAnswer(query, 0x7f000001);
        QCOMPARE(reply.size(), query.size() + 16);
        QCOMPARE(reply.substr(0, 2), std::string("\xbe\xef"));
        QCOMPARE(int(std::uint8_t(reply[2])), 0x85); // QR, AA, RD
        QCOMPARE(int(std::uint8_t(reply[3])), 0x80); // RA, NOERROR
        QCOMPARE(int(reply[7]), 1);                  // one answer
        QCOMPARE(reply.substr(12, 17), query.substr(12, 17));
        QCOMPARE(reply.substr(reply.size() - 4), std::string("\x7f\x00\x00\x01", 4));
        // Not a query, or too short: no reply. Malformed: FORMERR with the ID.
        std::string response = query;
        response[2] = char(0x81);
        QVERIFY(UdpEchoServer::dnsAnswer(response, 1).empty());
        QVERIFY(UdpEchoServer::dnsAnswer("abc", 1).empty());
        const std::string broken = UdpEchoServer::dnsAnswer(query.substr(0, 16), 1);
        QCOMPARE(broken.substr(0, 2), std::string("\xbe\xef"));
        QCOMPARE(int(std::uint8_t(broken[3]) & 0x0f), 1);
    }

    void udpEchoNamesItsEndpoint()
    {
        EchoIdentity identity = replicaIdentity("ns1", "udp-svc", 1);
        identity.service = "udp-svc";
        UdpEchoServer server(UdpEchoServer::Mode::Echo, identity);
        QVERIFY(server.start().empty());
        const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(server.port());
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::sendto(fd, "hello", 5, 0, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        pollfd p{fd, POLLIN, 0};
        QVERIFY(::poll(&p, 1, 2000) == 1);
        char buffer[2048];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        ::close(fd);
        const QJsonObject json = QJsonDocument::fromJson(QByteArray(buffer, int(n))).object();
        QCOMPARE(json.value("request").toString(), QString("hello"));
        QCOMPARE(json.value("namespace").toString(), QString("ns1"));
        QCOMPARE(json.value("service").toString(), QString("udp-svc"));
        QCOMPARE(json.value("pod").toString(), identity.pod);
    }

    void tcpEchoSpeaksTheLineProtocol()
    {
        StreamEchoService service("ns1", "tcp-svc", 2, StreamEchoService::Kind::Tcp);
        QVERIFY(service.start().empty());
        QCOMPARE(service.ports().size(), std::size_t(2));
        const int fd = connectTo(service.ports()[1]);
        QVERIFY(fd >= 0);
        const char request[] = "PING\nIGNORED\nIS_TLS\nTEST\n";
        ::send(fd, request, sizeof request - 1, MSG_NOSIGNAL);
        ::shutdown(fd, SHUT_WR);
        std::string out;
        char buffer[4096];
        ssize_t n;
        while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) {
            out.append(buffer, std::size_t(n));
        }
        ::close(fd);
        const QStringList lines = QString::fromStdString(out).split('\n');
        QCOMPARE(lines.value(0), QString("Gateway API Test TCP Server"));
        QCOMPARE(lines.value(1), QString("PONG"));
        QCOMPARE(lines.value(2), QString("false"));
        const QJsonObject json = QJsonDocument::fromJson(lines.value(3).toUtf8()).object();
        QCOMPARE(json.value("pod").toString(), replicaIdentity("ns1", "tcp-svc", 1).pod);
        QCOMPARE(json.value("isTLS").toBool(), false);
        QVERIFY(!json.contains("tls"));
    }

    void tlsEchoAndHttpsEchoPresentTheirCertificate()
    {
        const auto ca = Tls::CertificateAuthority::create("stream echo CA");
        const Tls::PemPair leaf =
            ca->issue("abc.example.com", {"DNS:abc.example.com"}, Tls::CertificateUse::Server);
        StreamEchoService tls("ns1", "tls-svc", 1, StreamEchoService::Kind::TcpTls,
                              leaf.certificate, leaf.privateKey);
        QVERIFY(tls.start().empty());
        const QStringList lines =
            QString::fromStdString(tlsTalk(tls.ports()[0], "abc.example.com",
                                           ca->pem().certificate, "IS_TLS\nTEST\n", true))
                .split('\n');
        QCOMPARE(lines.value(1), QString("true"));
        const QJsonObject test = QJsonDocument::fromJson(lines.value(2).toUtf8()).object();
        QCOMPARE(test.value("tls").toObject().value("serverName").toString(),
                 QString("abc.example.com"));

        StreamEchoService https("ns1", "web", 2, StreamEchoService::Kind::Https,
                                leaf.certificate, leaf.privateKey);
        QVERIFY(https.start().empty());
        const std::string answer =
            tlsTalk(https.ports()[0], "abc.example.com", ca->pem().certificate,
                    "GET /path HTTP/1.1\r\nHost: abc.example.com\r\nConnection: close\r\n\r\n");
        QVERIFY2(answer.rfind("HTTP/1.1 200", 0) == 0, answer.c_str());
        const QJsonObject echo = QJsonDocument::fromJson(
                                     QByteArray::fromStdString(answer.substr(answer.find("\r\n\r\n") + 4)))
                                     .object();
        QCOMPARE(echo.value("path").toString(), QString("/path"));
        QCOMPARE(echo.value("host").toString(), QString("abc.example.com"));
        QCOMPARE(echo.value("pod").toString(), replicaIdentity("ns1", "web", 0).pod);
        // A certificate is required for the TLS kinds.
        StreamEchoService missing("ns1", "x", 1, StreamEchoService::Kind::Https);
        QVERIFY(!missing.start().empty());
    }
};

QTEST_GUILESS_MAIN(TestStreamEcho)
#include "tst_backends_stream_echo.moc"
