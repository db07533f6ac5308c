// toriictl serve as a user runs it: the real binary serves the demo workspace on 127.0.0.1,
// requests through it reach the mock backends the routes name, and SIGTERM stops it with a
// summary of what it served.
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

namespace {

// One HTTP/1.1 request on a fresh connection; returns status line and body.
std::pair<QByteArray, QByteArray> get(quint16 port, const QByteArray &host, const QByteArray &path,
                                      const QByteArray &extra = {})
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(3000)) {
        return {};
    }
    socket.write("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extra
                 + "Connection: close\r\n\r\n");
    QByteArray response;
    while (socket.waitForReadyRead(5000)) {
        response += socket.readAll();
    }
    response += socket.readAll();
    const int split = response.indexOf("\r\n\r\n");
    return {response.left(response.indexOf("\r\n")), split < 0 ? QByteArray() : response.mid(split + 4)};
}

} // namespace

class TestCliServe : public QObject
{
    Q_OBJECT

private slots:
    void servesTheDemo()
    {
        QProcess serve;
        serve.setProgram(QStringLiteral(TORIICTL_PATH));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("TORII_LANG"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        serve.setProcessEnvironment(env);
        serve.setArguments({"serve", "--any-port", "--duration", "60",
                            QStringLiteral(TORII_SOURCE_DIR "/resources/demo")});
        serve.start();
        QVERIFY(serve.waitForStarted());
        QByteArray out;
        const QRegularExpression http80(QStringLiteral("listener 80 \\(HTTP\\) → http://127.0.0.1:(\\d+)"));
        quint16 port = 0;
        for (int i = 0; i < 100 && !out.contains("serving;"); ++i) {
            serve.waitForReadyRead(100);
            out += serve.readAllStandardOutput();
        }
        const auto m = http80.match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), out.constData());
        port = static_cast<quint16>(m.captured(1).toUInt());
        QVERIFY(out.contains("not served yet")); // the HTTPS/TLS/TCP/UDP listeners say so

        // The API rule lands on webapp-api (2 replicas) in namespace webapp.
        auto [status, body] = get(port, "webapp.example.com", "/api/orders");
        QCOMPARE(status, QByteArray("HTTP/1.1 200 OK"));
        const QJsonObject echo = QJsonDocument::fromJson(body).object();
        QCOMPARE(echo.value("namespace").toString(), QStringLiteral("webapp"));
        QVERIFY(echo.value("pod").toString().startsWith(QStringLiteral("webapp-api-")));
        QCOMPARE(echo.value("path").toString(), QStringLiteral("/api/orders"));

        // The canary header rule.
        std::tie(status, body) = get(port, "shop.example.com", "/cart", "x-canary: true\r\n");
        QVERIFY(QJsonDocument::fromJson(body).object().value("pod").toString().startsWith(
            QStringLiteral("webapp-canary-")));

        // The redirect and a 404 that says why.
        std::tie(status, body) = get(port, "secure.example.com", "/x");
        QCOMPARE(status, QByteArray("HTTP/1.1 301 Moved Permanently"));
        std::tie(status, body) = get(port, "nothing.example.com", "/");
        QVERIFY(status.startsWith("HTTP/1.1 404"));
        QVERIFY(body.contains("no route matched"));

        serve.terminate(); // SIGTERM: stop cleanly with a summary
        QVERIFY(serve.waitForFinished(10000));
        out += serve.readAllStandardOutput();
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        QVERIFY2(out.contains("4 request(s) served"), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliServe)
#include "tst_cli_serve.moc"
