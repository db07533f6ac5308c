// The h2c echo endpoint (simulator/backends/h2c_echo_server.h) and its Service wrapper
// (protocol_echo_service.h) over real sockets on 127.0.0.1:0: curl with HTTP/2 prior knowledge
// gets the echo JSON (proto HTTP/2.0, Host = :authority), the echo's other handlers answer over
// HTTP/2 too (many streams per connection with h2load, where installed), the h2c Upgrade is
// accepted, a plain HTTP/1.1 request is refused, replicas are distinct pods.
#include "simulator/backends/h2c_echo_server.h"
#include "simulator/backends/protocol_echo_service.h"

#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <set>

using namespace Torii::Backends;

class TestH2cEcho : public QObject
{
    Q_OBJECT

    QString m_curl;

    // curl's output (stdout) for `arguments`; fails the test when curl does not finish.
    QByteArray curl(const QStringList &arguments)
    {
        QProcess process;
        process.start(m_curl, arguments);
        if (!process.waitForFinished(10000)) {
            process.kill();
            process.waitForFinished();
            return QByteArray("curl did not finish");
        }
        return process.readAllStandardOutput();
    }

    static EchoIdentity identity()
    {
        EchoIdentity who;
        who.namespaceName = QStringLiteral("gateway-conformance-infra");
        who.pod = QStringLiteral("infra-backend-v1-abcdefghij-klmno");
        return who;
    }

private slots:
    void initTestCase() { m_curl = QStandardPaths::findExecutable(QStringLiteral("curl")); }

    void priorKnowledgeGetsTheEchoJson()
    {
        if (m_curl.isEmpty()) {
            QSKIP("curl is not installed");
        }
        H2cEchoServer server(identity());
        QCOMPARE(QString::fromStdString(server.start()), QString());
        QVERIFY(server.port() != 0);
        const QString url = QStringLiteral("http://127.0.0.1:%1/some/path?q=1").arg(server.port());
        const QByteArray body =
            curl({QStringLiteral("-s"), QStringLiteral("--http2-prior-knowledge"),
                  QStringLiteral("-H"), QStringLiteral("X-Test: one"), QStringLiteral("-H"),
                  QStringLiteral("Host: echo.example"), url});
        const QJsonObject echo = QJsonDocument::fromJson(body).object();
        QVERIFY2(!echo.isEmpty(), body.constData());
        QCOMPARE(echo.value("proto").toString(), QStringLiteral("HTTP/2.0"));
        QCOMPARE(echo.value("path").toString(), QStringLiteral("/some/path?q=1"));
        QCOMPARE(echo.value("method").toString(), QStringLiteral("GET"));
        QCOMPARE(echo.value("host").toString(), QStringLiteral("echo.example"));
        QCOMPARE(echo.value("namespace").toString(), QStringLiteral("gateway-conformance-infra"));
        QCOMPARE(echo.value("pod").toString(), QStringLiteral("infra-backend-v1-abcdefghij-klmno"));
        QCOMPARE(echo.value("headers").toObject().value("X-Test").toArray().first().toString(),
                 QStringLiteral("one"));
        QVERIFY(!echo.value("headers").toObject().contains("Host"));

        // The version curl saw, and a second request on another connection.
        const QByteArray version =
            curl({QStringLiteral("-s"), QStringLiteral("--http2-prior-knowledge"),
                  QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                  QStringLiteral("%{http_version} %{http_code}"), url});
        QCOMPARE(version, QByteArray("2 200"));
        QCOMPARE(server.answered(), 2);
    }

    void echoHandlersAnswerOverHttp2()
    {
        if (m_curl.isEmpty()) {
            QSKIP("curl is not installed");
        }
        H2cEchoServer server(identity());
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const QByteArray status = curl(
            {QStringLiteral("-s"), QStringLiteral("--http2-prior-knowledge"), QStringLiteral("-o"),
             QStringLiteral("/dev/null"), QStringLiteral("-w"), QStringLiteral("%{http_code}"),
             QStringLiteral("http://127.0.0.1:%1/status/503").arg(server.port())});
        QCOMPARE(status, QByteArray("503"));
        // Many requests multiplexed on few connections, from nghttp2's own load tool when
        // installed (curl 7.88 does not reuse a prior-knowledge connection for a second URL).
        const QString h2load = QStandardPaths::findExecutable(QStringLiteral("h2load"));
        if (!h2load.isEmpty()) {
            QProcess load;
            load.start(h2load, {QStringLiteral("-n"), QStringLiteral("40"), QStringLiteral("-c"),
                                QStringLiteral("2"), QStringLiteral("-m"), QStringLiteral("10"),
                                QStringLiteral("http://127.0.0.1:%1/m").arg(server.port())});
            QVERIFY(load.waitForFinished(20000));
            const QByteArray report = load.readAllStandardOutput();
            QVERIFY2(report.contains("40 succeeded, 0 failed"), report.constData());
            QVERIFY2(report.contains("40 2xx"), report.constData());
        }
    }

    void h2cUpgradeIsAccepted()
    {
        if (m_curl.isEmpty()) {
            QSKIP("curl is not installed");
        }
        H2cEchoServer server(identity());
        QCOMPARE(QString::fromStdString(server.start()), QString());
        // curl --http2 on an http:// URL asks for the h2c Upgrade; the answer comes over HTTP/2.
        const QByteArray out =
            curl({QStringLiteral("-s"), QStringLiteral("--http2"), QStringLiteral("-w"),
                  QStringLiteral("\n%{http_version}"),
                  QStringLiteral("http://127.0.0.1:%1/up?x=2").arg(server.port())});
        const qsizetype cut = out.lastIndexOf('\n');
        QCOMPARE(out.mid(cut + 1), QByteArray("2"));
        const QJsonObject echo = QJsonDocument::fromJson(out.left(cut)).object();
        QVERIFY2(!echo.isEmpty(), out.constData());
        QCOMPARE(echo.value("proto").toString(), QStringLiteral("HTTP/2.0"));
        QCOMPARE(echo.value("path").toString(), QStringLiteral("/up?x=2"));
        QCOMPARE(echo.value("host").toString(), QStringLiteral("127.0.0.1:%1").arg(server.port()));
        QVERIFY(!echo.value("headers").toObject().contains("Http2-Settings"));
        QCOMPARE(server.answered(), 1);
    }

    void plainHttp1IsRefused()
    {
        H2cEchoServer server(identity());
        QCOMPARE(QString::fromStdString(server.start()), QString());
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), server.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray received;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000)) {
            received += socket.readAll();
        }
        received += socket.readAll();
        QVERIFY2(received.startsWith("HTTP/1.1 400 "), received.constData());
        QVERIFY(!received.contains("\"pod\""));
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState); // closed after the refusal
        QCOMPARE(server.answered(), 0);

        if (!m_curl.isEmpty()) {
            const QByteArray code = curl(
                {QStringLiteral("-s"), QStringLiteral("--http1.1"), QStringLiteral("-o"),
                 QStringLiteral("/dev/null"), QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                 QStringLiteral("http://127.0.0.1:%1/").arg(server.port())});
            QCOMPARE(code, QByteArray("400"));
        }
    }

    void stopClosesThePort()
    {
        H2cEchoServer server(identity());
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const quint16 port = server.port();
        server.stop();
        QCOMPARE(server.port(), quint16(0));
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(!socket.waitForConnected(2000));
    }

    void replicasAreDistinctPods()
    {
        if (m_curl.isEmpty()) {
            QSKIP("curl is not installed");
        }
        ProtocolEchoService service(QStringLiteral("ns"), QStringLiteral("h2c-backend"), 3,
                                    ProtocolEchoService::Kind::H2c);
        QCOMPARE(QString::fromStdString(service.start()), QString());
        const std::vector<quint16> ports = service.ports();
        QCOMPARE(ports.size(), std::size_t(3));
        std::set<QString> pods;
        for (quint16 port : ports) {
            const QJsonObject echo =
                QJsonDocument::fromJson(
                    curl({QStringLiteral("-s"), QStringLiteral("--http2-prior-knowledge"),
                          QStringLiteral("http://127.0.0.1:%1/").arg(port)}))
                    .object();
            QCOMPARE(echo.value("namespace").toString(), QStringLiteral("ns"));
            const QString pod = echo.value("pod").toString();
            QVERIFY2(pod.startsWith(QStringLiteral("h2c-backend-")), qPrintable(pod));
            pods.insert(pod);
        }
        QCOMPARE(pods.size(), std::size_t(3));
        service.stop();
        QVERIFY(service.ports().empty());
    }
};

QTEST_GUILESS_MAIN(TestH2cEcho)
#include "tst_backends_h2c_echo.moc"
