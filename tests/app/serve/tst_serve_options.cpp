// `toriictl serve`'s port map, bind address and option checking, on real sockets.
#include "serve_harness.h"

#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>

#include <csignal>

using namespace Torii::Test;

namespace {

const QString kDesign = QStringLiteral(TORII_TEST_DATA_DIR "/serve/basic");

// A port nothing listens on right now (the OS's choice, released at once).
quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

bool answers(quint16 port)
{
    RawConnection c(port);
    if (!c.connected() || !c.send("GET / HTTP/1.1\r\nHost: echo.test\r\n\r\n")) {
        return false;
    }
    const auto r = c.read();
    return r && r->status == 200;
}

int runToExit(const QStringList &arguments, QByteArray *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(TORIICTL_PATH), QStringList{QStringLiteral("serve")} + arguments);
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    *output = p.readAll();
    return p.exitCode();
}

} // namespace

class TestServeOptions : public QObject
{
    Q_OBJECT

private slots:
    // --port NAMESPACE/GATEWAY:PORT=LOCALPORT puts the listener where asked.
    void portMapIsObeyed()
    {
        const quint16 wanted = freePort();
        ServeProcess serve;
        QVERIFY2(serve.start({QStringLiteral("--port=infra/edge:80=%1").arg(wanted), kDesign}),
                 serve.output().constData());
        QCOMPARE(serve.port(QStringLiteral("infra/edge"), 80), wanted);
        QVERIFY(serve.output().contains(
            QStringLiteral("infra/edge listener 80 (HTTP) → http://127.0.0.1:%1")
                .arg(wanted)
                .toUtf8()));
        QVERIFY(answers(wanted));
        QCOMPARE(serve.stopWith(SIGTERM), 0);
    }

    // Without --any-port or a --port entry: port + 10000 below 1024 (80 → 10080).
    void defaultRuleAddsTenThousandBelow1024()
    {
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 10080)) {
                QSKIP("127.0.0.1:10080 is taken on this machine");
            }
        }
        ServeProcess serve;
        QVERIFY2(serve.start({kDesign}), serve.output().constData());
        QCOMPARE(serve.port(QStringLiteral("infra/edge"), 80), quint16(10080));
        QVERIFY(answers(10080));
        QCOMPARE(serve.stopWith(SIGTERM), 0);
    }

    // A port map entry naming no listener is a warning, not silence.
    void unknownPortMapEntryWarns()
    {
        ServeProcess serve;
        QVERIFY(serve.start({"--any-port", "--port", "infra/nope:80=0", kDesign}));
        QVERIFY2(serve.output().contains(
                     "--port infra/nope:80: the design has no such Gateway listener"),
                 serve.output().constData());
        QCOMPARE(serve.stopWith(SIGTERM), 0);
    }

    // A non-loopback address needs --allow-non-loopback, and is then a printed warning.
    void nonLoopbackNeedsConsent()
    {
        QByteArray out;
        QCOMPARE(runToExit({"--any-port", "--address", "0.0.0.0", kDesign}, &out), 2);
        QVERIFY2(out.contains("--allow-non-loopback"), out.constData());

        ServeProcess serve;
        QVERIFY2(
            serve.start({"--any-port", "--address", "0.0.0.0", "--allow-non-loopback", kDesign}),
            serve.output().constData());
        QVERIFY(serve.output().contains("warning: listening on 0.0.0.0"));
        QVERIFY(answers(serve.port(QStringLiteral("infra/edge"), 80)));
        QCOMPARE(serve.stopWith(SIGTERM), 0);
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("port without a namespace")
            << QStringList{"--port", "edge:80=8080"} << QByteArray("--port wants");
        QTest::newRow("local port out of range")
            << QStringList{"--port", "infra/edge:80=70000"} << QByteArray("--port wants");
        QTest::newRow("address not an IP")
            << QStringList{"--address", "localhost"} << QByteArray("--address wants an IP");
        QTest::newRow("header limit above 1M")
            << QStringList{"--max-header-bytes", "2M"} << QByteArray("--max-header-bytes wants");
        QTest::newRow("body limit not a size")
            << QStringList{"--max-body-bytes", "lots"} << QByteArray("--max-body-bytes wants");
    }
    void badOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        QByteArray out;
        QCOMPARE(runToExit(QStringList{"--any-port"} + arguments + QStringList{kDesign}, &out), 2);
        QVERIFY2(out.contains(message), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestServeOptions)
#include "tst_serve_options.moc"
