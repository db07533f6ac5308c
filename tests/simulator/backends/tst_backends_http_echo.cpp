// The echo endpoint over real sockets on 127.0.0.1:0: QTcpSocket clients (responses read with
// the shared codec's ResponseParser) and, where installed, the curl binary.
#include "engine/http/http1_codec.h"
#include "simulator/backends/http_echo_backend.h"
#include "simulator/backends/mock_service.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest/QTest>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

using namespace Torii;
using namespace Torii::Backends;

namespace {

struct Response
{
    int status = 0;
    Http::Headers headers;
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString header(const char *name) const
    {
        const Http::HeaderField *f = headers.find(name);
        return f ? QString::fromStdString(f->value) : QString();
    }
};

class Collector : public Http::ResponseHandler
{
public:
    std::vector<Response> responses;
    void onHead(Http::ResponseHead &&head) override
    {
        responses.push_back({head.status, std::move(head.headers), {}});
    }
    void onBody(std::string_view chunk) override
    {
        responses.back().body.append(chunk.data(), qsizetype(chunk.size()));
    }
    void onComplete(Http::Headers &&) override {}
};

// A blocking test client on one connection.
class Client
{
public:
    explicit Client(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_connected = m_socket.waitForConnected(5000);
    }
    bool connected() const { return m_connected; }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(5000);
    }
    // Reads until `count` responses arrived, the peer closed, or 5 s passed.
    std::vector<Response> read(int count)
    {
        QElapsedTimer clock;
        clock.start();
        while (int(m_collector.responses.size()) < count && clock.elapsed() < 5000) {
            if (m_buffer.isEmpty() && !m_socket.waitForReadyRead(100)) {
                if (m_socket.state() != QAbstractSocket::ConnectedState) {
                    break;
                }
                continue;
            }
            m_buffer += m_socket.readAll();
            while (!m_buffer.isEmpty()) {
                const auto result = m_parser.feed(
                    std::string_view(m_buffer.constData(), m_buffer.size()), m_collector);
                m_buffer.remove(0, qsizetype(result.consumed));
                if (result.status != Http::FeedStatus::MessageComplete) {
                    break;
                }
            }
        }
        return std::exchange(m_collector.responses, {});
    }
    Response get(const QByteArray &target, const QByteArray &extraHeaders = {})
    {
        send("GET " + target + " HTTP/1.1\r\nHost: echo.test\r\n" + extraHeaders + "\r\n");
        auto responses = read(1);
        return responses.empty() ? Response{} : responses.front();
    }
    // True when the server closed the connection (within 5 s).
    bool closedByPeer()
    {
        QElapsedTimer clock;
        clock.start();
        while (m_socket.state() == QAbstractSocket::ConnectedState && clock.elapsed() < 5000) {
            m_socket.waitForReadyRead(100);
            m_socket.readAll();
        }
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }
    QAbstractSocket::SocketError error() const { return m_socket.error(); }

private:
    QTcpSocket m_socket;
    bool m_connected = false;
    QByteArray m_buffer;
    Http::ResponseParser m_parser;
    Collector m_collector;
};

EchoIdentity testIdentity()
{
    EchoIdentity id;
    id.namespaceName = QStringLiteral("gateway-conformance-infra");
    id.pod = podName(QStringLiteral("infra-backend-v1"), 0);
    return id;
}

} // namespace

class TestHttpEcho : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        const StartResult started = m_backend.start();
        QVERIFY2(started.ok(), qPrintable(started.error));
        QVERIFY(started.port != 0);
        QCOMPARE(m_backend.port(), started.port);
        m_curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    }
    void cleanupTestCase() { m_backend.stop(); }

    void echoGet()
    {
        Client client(m_backend.port());
        QVERIFY(client.connected());
        const Response r = client.get("/some/path?x=1", "x-header-set: one\r\nX-HEADER-SET: two\r\n"
                                                        "x-comma: a,b\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QStringLiteral("application/json"));
        QCOMPARE(r.header("X-Content-Type-Options"), QStringLiteral("nosniff"));
        QCOMPARE(r.header("Content-Length").toInt(), r.body.size());
        const QJsonObject echo = r.json();
        QCOMPARE(echo["path"].toString(), QStringLiteral("/some/path?x=1"));
        QCOMPARE(echo["host"].toString(), QStringLiteral("echo.test"));
        QCOMPARE(echo["method"].toString(), QStringLiteral("GET"));
        QCOMPARE(echo["proto"].toString(), QStringLiteral("HTTP/1.1"));
        QCOMPARE(echo["httpPort"].toString(), QStringLiteral("3000"));
        QCOMPARE(echo["namespace"].toString(), QStringLiteral("gateway-conformance-infra"));
        QCOMPARE(echo["ingress"].toString(), QString());
        QCOMPARE(echo["service"].toString(), QString());
        QCOMPARE(echo["pod"].toString(), m_backend.identity().pod);
        const QJsonObject headers = echo["headers"].toObject();
        QCOMPARE(headers["X-Header-Set"].toArray(), (QJsonArray{"one", "two"}));
        QCOMPARE(headers["X-Comma"].toArray(), QJsonArray{"a,b"});
        QVERIFY(!headers.contains("Host"));
    }

    void postWithBody()
    {
        Client client(m_backend.port());
        client.send("POST /submit HTTP/1.1\r\nHost: echo.test\r\nContent-Length: 11\r\n\r\n"
                    "hello world");
        const auto responses = client.read(1);
        QCOMPARE(responses.size(), std::size_t(1));
        const QJsonObject echo = responses[0].json();
        QCOMPARE(echo["method"].toString(), QStringLiteral("POST"));
        QCOMPARE(echo["headers"].toObject()["Content-Length"].toArray(), QJsonArray{"11"});
    }

    void echoSetHeader_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QStringList>("expected"); // name=value
        QTest::newRow("empty adds nothing") << QByteArray() << QStringList{};
        QTest::newRow("two") << QByteArray("X-Foo: bar, X-Baz:qux")
                             << QStringList{"X-Foo=bar", "X-Baz=qux"};
        QTest::newRow("repeated") << QByteArray("X-Rep:1,X-Rep:2") << QStringList{"X-Rep=1,2"};
    }
    void echoSetHeader()
    {
        QFETCH(QByteArray, value);
        QFETCH(QStringList, expected);
        Client client(m_backend.port());
        const Response r = client.get("/", "X-Echo-Set-Header: " + value + "\r\n");
        QCOMPARE(r.status, 200);
        for (const QString &pair : expected) {
            const QStringList parts = pair.split(u'=');
            QCOMPARE(r.header(parts[0].toLatin1().constData()), parts[1]);
        }
        QCOMPARE(r.headers.fields.size(), 4 + std::size_t(expected.size())); // + CT, nosniff,
                                                                             // Date, length
    }

    void paths_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("health") << QByteArray("/health") << 200 << QByteArray("OK");
        QTest::newRow("status 503") << QByteArray("/status/503") << 503 << QByteArray();
        QTest::newRow("status 418") << QByteArray("/status/418") << 418 << QByteArray();
        QTest::newRow("status bad") << QByteArray("/status/5xx") << 400 << QByteArray("*");
        QTest::newRow("status long") << QByteArray("/status/5030") << 400 << QByteArray("*");
    }
    void paths()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        Client client(m_backend.port());
        const Response r = client.get(target);
        QCOMPARE(r.status, status);
        if (body != "*") {
            QCOMPARE(r.body, body);
        }
    }

    void delayDoesNotBlockOthers()
    {
        Client slow(m_backend.port());
        Client fast(m_backend.port());
        QElapsedTimer clock;
        clock.start();
        slow.send("GET /slow?delay=200ms HTTP/1.1\r\nHost: echo.test\r\n\r\n");
        const Response quick = fast.get("/health");
        QCOMPARE(quick.status, 200);
        QVERIFY2(clock.elapsed() < 150, "another connection waited for the delayed one");
        const auto delayed = slow.read(1);
        QCOMPARE(delayed.size(), std::size_t(1));
        QVERIFY(clock.elapsed() >= 195);
        QCOMPARE(delayed[0].json()["path"].toString(), QStringLiteral("/slow?delay=200ms"));
    }

    void keepAlive()
    {
        Client client(m_backend.port());
        QCOMPARE(client.get("/first").json()["path"].toString(), QStringLiteral("/first"));
        QCOMPARE(client.get("/second").json()["path"].toString(), QStringLiteral("/second"));
    }

    void pipelining()
    {
        // The first answer is delayed: the second must still come after it.
        Client client(m_backend.port());
        client.send("GET /one?delay=100ms HTTP/1.1\r\nHost: echo.test\r\n\r\n"
                    "GET /two HTTP/1.1\r\nHost: echo.test\r\n\r\n");
        const auto responses = client.read(2);
        QCOMPARE(responses.size(), std::size_t(2));
        QCOMPARE(responses[0].json()["path"].toString(), QStringLiteral("/one?delay=100ms"));
        QCOMPARE(responses[1].json()["path"].toString(), QStringLiteral("/two"));
    }

    void chunkedBody()
    {
        Client client(m_backend.port());
        client.send(
            "POST /chunked HTTP/1.1\r\nHost: echo.test\r\nTransfer-Encoding: chunked\r\n\r\n"
            "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
            "GET /after HTTP/1.1\r\nHost: echo.test\r\n\r\n");
        const auto responses = client.read(2);
        QCOMPARE(responses.size(), std::size_t(2));
        const QJsonObject echo = responses[0].json();
        QCOMPARE(echo["method"].toString(), QStringLiteral("POST"));
        QVERIFY(!echo["headers"].toObject().contains("Transfer-Encoding"));
        QCOMPARE(responses[1].json()["path"].toString(), QStringLiteral("/after"));
    }

    void malformedRequest()
    {
        Client client(m_backend.port());
        client.send("GARBAGE\r\n\r\n");
        const auto responses = client.read(1);
        QCOMPARE(responses.size(), std::size_t(1));
        QCOMPARE(responses[0].status, 400);
        QVERIFY(client.closedByPeer());
    }

    void connectionClose()
    {
        Client client(m_backend.port());
        QCOMPARE(client.get("/bye", "Connection: close\r\n").status, 200);
        QVERIFY(client.closedByPeer());
    }

    void retryWithResponseCode()
    {
        Client client(m_backend.port());
        const QByteArray target = "/retry/x?uuid=code-1&succeedAfter=2&responseCode=503";
        QCOMPARE(client.get(target).status, 503);
        QCOMPARE(client.get(target).status, 503);
        const Response ok = client.get(target);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json()["path"].toString(), QString::fromLatin1(target));
    }

    void retryResetsConnection()
    {
        const QByteArray target = "/retry/x?uuid=reset-1&succeedAfter=1";
        {
            Client client(m_backend.port());
            client.send("GET " + target + " HTTP/1.1\r\nHost: echo.test\r\n\r\n");
            QVERIFY(client.read(1).empty());
            QVERIFY(client.closedByPeer());
            QCOMPARE(client.error(), QAbstractSocket::RemoteHostClosedError);
        }
        Client again(m_backend.port());
        QCOMPARE(again.get(target).status, 200);
    }

    // The request log stands in for the echo server's "Echoing back request made to <target>"
    // line: only echoed requests are recorded, with the target exactly as received.
    void requestLog()
    {
        m_backend.requestLog().clear();
        Client client(m_backend.port());
        QCOMPARE(client.get("/mirror?gateway-api-conformance-request-id=r1").status, 200);
        QCOMPARE(client.get("/mirror?gateway-api-conformance-request-id=r1").status, 200);
        QCOMPARE(client.get("/other").status, 200);
        QCOMPARE(client.get("/health").status, 200);     // not the echo handler
        QCOMPARE(client.get("/status/503").status, 503); // not the echo handler
        const QByteArray retry = "/retry/x?uuid=log-1&succeedAfter=1&responseCode=500";
        QCOMPARE(client.get(retry).status, 500); // a failing attempt is not echoed
        QCOMPARE(client.get(retry).status, 200); // the succeeding one is
        const RequestLog &log = m_backend.requestLog();
        QCOMPARE(log.count("/mirror?gateway-api-conformance-request-id=r1"), 2);
        QCOMPARE(log.count("/mirror"), 0); // exact target, query included
        QCOMPARE(log.targets(),
                 (std::vector<std::string>{"/mirror?gateway-api-conformance-request-id=r1",
                                           "/mirror?gateway-api-conformance-request-id=r1",
                                           "/other", retry.toStdString()}));
    }

    void requestLogIsBounded()
    {
        RequestLog log(3);
        for (const char *target : {"/a", "/b", "/c", "/d"}) {
            log.record(target);
        }
        QCOMPARE(log.size(), std::size_t(3));
        QCOMPARE(log.count("/a"), 0);
        QCOMPARE(log.targets(), (std::vector<std::string>{"/b", "/c", "/d"}));
    }

    void retryMissingParameters()
    {
        Client client(m_backend.port());
        QCOMPARE(client.get("/retry/x?succeedAfter=1").status, 400);
        QCOMPARE(client.get("/retry/x?uuid=u").status, 400);
    }

    void curl_data()
    {
        QTest::addColumn<QStringList>("arguments"); // the URL is appended
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("method");
        QTest::newRow("get with headers")
            << QStringList{"-H", "x-header-set: a", "-H", "X-Echo-Set-Header: X-Back: yes"}
            << "/curl?q=1"
            << "GET";
        QTest::newRow("post body") << QStringList{"-d", "some=data"} << "/post"
                                   << "POST";
        QTest::newRow("chunked upload")
            << QStringList{"-H", "Transfer-Encoding: chunked", "-d", "chunky"} << "/chunked"
            << "POST";
    }
    void curl()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, path);
        QFETCH(QString, method);
        if (m_curl.isEmpty()) {
            QSKIP("curl is not installed");
        }
        QProcess curl;
        curl.start(
            m_curl,
            arguments +
                QStringList{
                    "-sS", "-i", "--max-time", "10",
                    QStringLiteral("http://127.0.0.1:%1%2").arg(m_backend.port()).arg(path)});
        QVERIFY(curl.waitForFinished(15000));
        QCOMPARE(curl.exitCode(), 0);
        const QByteArray out = curl.readAllStandardOutput();
        const qsizetype split = out.indexOf("\r\n\r\n");
        QVERIFY(split > 0);
        QVERIFY(out.startsWith("HTTP/1.1 200"));
        const QJsonObject echo = QJsonDocument::fromJson(out.mid(split + 4)).object();
        QCOMPARE(echo["path"].toString(), path);
        QCOMPARE(echo["method"].toString(), method);
        QCOMPARE(echo["host"].toString(), QStringLiteral("127.0.0.1:%1").arg(m_backend.port()));
        QVERIFY(echo["headers"].toObject().contains("User-Agent"));
        if (arguments.contains("x-header-set: a")) {
            QCOMPARE(echo["headers"].toObject()["X-Header-Set"].toArray(), QJsonArray{"a"});
            QVERIFY(out.left(split).contains("X-Back: yes"));
        }
    }

    void curlSeesReset()
    {
        if (m_curl.isEmpty()) {
            QSKIP("curl is not installed");
        }
        QProcess curl;
        curl.start(m_curl, {"-sS", "--max-time", "10",
                            QStringLiteral("http://127.0.0.1:%1/retry/?uuid=curl&succeedAfter=1")
                                .arg(m_backend.port())});
        QVERIFY(curl.waitForFinished(15000));
        // 56: "Recv failure: Connection reset by peer" (52 would be a plain close).
        QCOMPARE(curl.exitCode(), 56);
    }

    void twoEndpointsOfOneService()
    {
        MockService service(QStringLiteral("gateway-conformance-infra"),
                            QStringLiteral("infra-backend-v2"), 2);
        const StartResult started = service.start();
        QVERIFY2(started.ok(), qPrintable(started.error));
        const QList<quint16> ports = service.ports();
        QCOMPARE(ports.size(), 2);
        QVERIFY(ports[0] != ports[1]);
        Client first(ports[0]);
        Client second(ports[1]);
        const QString pod0 = first.get("/").json()["pod"].toString();
        const QString pod1 = second.get("/").json()["pod"].toString();
        QVERIFY(pod0 != pod1);
        QVERIFY(pod0.startsWith(QStringLiteral("infra-backend-v2-")));
        QVERIFY(pod1.startsWith(QStringLiteral("infra-backend-v2-")));
        QCOMPARE(pod0, service.endpoint(0).identity().pod);
        service.stop();
        QCOMPARE(service.ports(), (QList<quint16>{0, 0}));
    }

    void stopFreesPort()
    {
        HttpEchoBackend backend(testIdentity());
        const StartResult started = backend.start();
        QVERIFY(started.ok());
        QVERIFY(!backend.start().ok()); // already running: an error, not a second listener
        Client client(started.port);    // a live connection must not keep the port
        QCOMPARE(client.get("/health").status, 200);
        backend.stop();
        QVERIFY(!backend.isRunning());
        QVERIFY(client.closedByPeer());
        QTcpServer again;
        QVERIFY2(again.listen(QHostAddress::LocalHost, started.port),
                 qPrintable(again.errorString()));
    }

    void stopWithDelayedAnswerPending()
    {
        HttpEchoBackend backend(testIdentity());
        QVERIFY(backend.start().ok());
        Client client(backend.port());
        client.send("GET /?delay=10s HTTP/1.1\r\nHost: echo.test\r\n\r\n");
        QTest::qWait(50);
        QElapsedTimer clock;
        clock.start();
        backend.stop();
        QVERIFY(clock.elapsed() < 2000);
        QVERIFY(client.closedByPeer());
    }

private:
    HttpEchoBackend m_backend{testIdentity()};
    QString m_curl;
};

QTEST_GUILESS_MAIN(TestHttpEcho)
#include "tst_backends_http_echo.moc"
