// The live gateway as clients see it: a real `toriictl serve --any-port` of tests/data/serve/basic
// with real clients (curl, raw sockets). Keep-alive, pipelining, chunked bodies both ways, a
// 64 MiB body streamed through (the serve process's peak RSS stays far below it),
// Expect: 100-continue, the limits' statuses (431, 413, 400), the 404 that says why, and a clean
// exit on SIGTERM and SIGINT. Black box on purpose: the data plane may be rewritten under it.
#include "serve_harness.h"

#include <QtCore/QTemporaryDir>

#include <csignal>

using namespace Torii::Test;

namespace {

const QString kDesign = QStringLiteral(TORII_TEST_DATA_DIR "/serve/basic");

QByteArray get(const QByteArray &host, const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extra + "\r\n";
}

} // namespace

class TestServeHttp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SinkBackend> m_sink;
    std::unique_ptr<ServeProcess> m_serve;
    quint16 m_port = 0;
    QString m_url;

private slots:
    void initTestCase()
    {
        m_sink = std::make_unique<SinkBackend>();
        m_serve = std::make_unique<ServeProcess>();
        QVERIFY2(m_serve->start({"--any-port", "--duration", "600", "--max-body-bytes", "65m",
                                 "--max-header-bytes", "16k", "--backend",
                                 QStringLiteral("infra/sink=127.0.0.1:%1").arg(m_sink->port()),
                                 kDesign}),
                 m_serve->output().constData());
        m_port = m_serve->port(QStringLiteral("infra/edge"), 80);
        QVERIFY2(m_port != 0, m_serve->output().constData());
        m_url = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
    }

    // curl given several URLs reuses one connection: one connect in all.
    void keepAliveWithCurl()
    {
        const CurlResult r = curl({"-H", "Host: echo.test", "-o", "/dev/null", "-o", "/dev/null",
                                   "-o", "/dev/null", "-w", "%{http_code} %{num_connects}\\n",
                                   m_url + "/a", m_url + "/b", m_url + "/c"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("200 1\n200 0\n200 0\n"));
    }

    // Several requests one after the other on one raw connection, each answered.
    void keepAliveRaw()
    {
        RawConnection c(m_port);
        QVERIFY(c.connected());
        for (int i = 0; i < 5; ++i) {
            QVERIFY(c.send(get("echo.test", "/k" + QByteArray::number(i))));
            const auto r = c.read();
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QCOMPARE(r->json().value("path").toString(), QStringLiteral("/k%1").arg(i));
        }
    }

    // Three requests in one write: three answers, in order.
    void pipelining()
    {
        RawConnection c(m_port);
        QVERIFY(c.send(get("echo.test", "/first") + get("sink.test", "/second") +
                       get("echo.test", "/third")));
        const QStringList expected{"/first", "/second", "/third"};
        for (const QString &path : expected) {
            const auto r = c.read();
            QVERIFY2(r, qPrintable(path));
            QCOMPARE(r->status, 200);
            QCOMPARE(r->json().value("path").toString(), path);
        }
    }

    // A chunked request body reaches the backend whole (whatever framing the gateway forwards).
    void chunkedRequestBody()
    {
        RawConnection c(m_port);
        const QByteArray body = QByteArray(3000, 'x') + QByteArray(5000, 'y');
        QVERIFY(
            c.send("POST /upload HTTP/1.1\r\nHost: sink.test\r\nTransfer-Encoding: chunked\r\n\r\n"
                   "bb8\r\n" +
                   body.left(3000) + "\r\n1388;ext=1\r\n" + body.mid(3000) +
                   "\r\n0\r\nX-Trailer: t\r\n\r\n"));
        const auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const QJsonObject seen = r->json();
        QCOMPARE(seen.value("received").toInteger(), qint64(body.size()));
        QCOMPARE(seen.value("sha256").toString(),
                 QString::fromLatin1(
                     QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex()));
        // The connection is still usable afterwards.
        QVERIFY(c.send(get("echo.test", "/after")));
        QCOMPARE(c.read()->status, 200);
    }

    // curl's own chunked upload.
    void chunkedRequestWithCurl()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("body"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray body(200000, 'c');
        f.write(body);
        f.close();
        const CurlResult r = curl({"-H", "Host: sink.test", "-H", "Transfer-Encoding: chunked",
                                   "--data-binary", "@" + f.fileName(), m_url + "/c"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject seen = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(seen.value("received").toInteger(), qint64(body.size()));
        QCOMPARE(seen.value("chunked").toBool(), true);
    }

    // A chunked response body arrives whole and correctly framed.
    void chunkedResponseBody()
    {
        RawConnection c(m_port);
        QVERIFY(c.send(get("sink.test", "/chunked/123457")));
        const auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->body.size(), 123457);
        QCOMPARE(r->body.left(12), QByteArray("012345678901"));
        QCOMPARE(r->body.right(3), QByteArray("456"));
        QVERIFY(c.send(get("echo.test", "/next"))); // framing intact: the next answer parses
        QCOMPARE(c.read()->json().value("path").toString(), QStringLiteral("/next"));
        const CurlResult viaCurl = curl({"-H", "Host: sink.test", m_url + "/chunked/5000"});
        QCOMPARE(viaCurl.out.size(), 5000);
    }

    // 64 MiB POSTed with curl (which sends Expect: 100-continue for it) streams through: the
    // backend received every byte (same SHA-256), and the serve process never held the body.
    void largeBodyStreamsThrough()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("big"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const qint64 size = 64ll << 20;
        QCryptographicHash sha(QCryptographicHash::Sha256);
        QByteArray block(1 << 20, Qt::Uninitialized);
        for (qint64 i = 0; i < size / block.size(); ++i) {
            for (int j = 0; j < block.size(); j += 4) {
                const quint32 v = quint32(i * 2654435761u + j * 40503u);
                memcpy(block.data() + j, &v, 4);
            }
            sha.addData(block);
            f.write(block);
        }
        f.close();
        const qint64 hwmBefore = m_serve->statusKb("VmHWM");
        const CurlResult r = curl(
            {"-v", "-H", "Host: sink.test", "--data-binary", "@" + f.fileName(), m_url + "/big"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject seen = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(seen.value("received").toInteger(), size);
        QCOMPARE(seen.value("sha256").toString(), QString::fromLatin1(sha.result().toHex()));
        QVERIFY2(r.err.contains("< HTTP/1.1 100 Continue"), r.err.constData());
        QVERIFY(r.err.contains("< HTTP/1.1 200"));
        const qint64 hwmAfter = m_serve->statusKb("VmHWM");
        qInfo("serve VmHWM: %lld kB before, %lld kB after a 65536 kB body", hwmBefore, hwmAfter);
        QVERIFY(hwmAfter > 0);
        // Far below the body: the growth of the peak is under a quarter of it.
        QVERIFY2(hwmAfter - hwmBefore < 16 * 1024, qPrintable(QString::number(hwmAfter)));
    }

    // Expect: 100-continue on a raw socket: the interim 100 comes before any body byte is sent,
    // then the final answer.
    void expectContinue()
    {
        RawConnection c(m_port);
        QVERIFY(c.send("POST /e HTTP/1.1\r\nHost: sink.test\r\nContent-Length: 11\r\n"
                       "Expect: 100-continue\r\n\r\n"));
        const auto interim = c.read(10000);
        QVERIFY(interim);
        QCOMPARE(interim->status, 100);
        QVERIFY(c.send("hello world"));
        const auto final = c.read();
        QVERIFY(final);
        QCOMPARE(final->status, 200);
        QCOMPARE(final->json().value("received").toInteger(), 11);
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("head over --max-header-bytes 16k: 431")
            << get("echo.test", "/", "X-Big: " + QByteArray(20000, 'a') + "\r\n") << 431;
        QTest::newRow("Content-Length over --max-body-bytes 65m: 413")
            << QByteArray("POST / HTTP/1.1\r\nHost: echo.test\r\nContent-Length: 70000000\r\n\r\n")
            << 413;
        QTest::newRow("field without a colon: 400")
            << QByteArray("GET / HTTP/1.1\r\nHost echo.test\r\n\r\n") << 400;
        QTest::newRow("garbage request line: 400") << QByteArray("HELLO\r\n\r\n") << 400;
        QTest::newRow("both Content-Length and chunked: 400")
            << QByteArray("POST / HTTP/1.1\r\nHost: echo.test\r\nContent-Length: 3\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            << 400;
    }
    // The gateway answers the codec's refusals itself, then closes.
    void limits()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        RawConnection c(m_port);
        QVERIFY(c.send(request));
        const auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, status);
        QVERIFY(c.closedWithin(5000));
    }

    // Slowloris: half a head, then silence past --header-timeout: 408, then the close.
    void headerTimeout()
    {
        QProcess help;
        help.start(QStringLiteral(TORIICTL_PATH), {"serve", "--help"});
        QVERIFY(help.waitForFinished(10000));
        if (!help.readAllStandardOutput().contains("--header-timeout")) {
            QSKIP("this build's gateway has no request-head timeout (--header-timeout) yet");
        }
        ServeProcess serve;
        QVERIFY(serve.start({"--any-port", "--header-timeout", "1", kDesign}));
        RawConnection c(serve.port(QStringLiteral("infra/edge"), 80));
        QVERIFY(c.send("GET /slow HTTP/1.1\r\nHost: echo.test\r\nX-Half: "));
        const auto r = c.read(10000);
        QVERIFY(r);
        QCOMPARE(r->status, 408);
        QVERIFY(c.closedWithin(5000));
        QCOMPARE(serve.stopWith(SIGTERM), 0);
    }

    // A host no route accepts: 404 with a body that says why.
    void notFoundSaysWhy()
    {
        RawConnection c(m_port);
        QVERIFY(c.send(get("nobody.test", "/x")));
        const auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 404);
        QVERIFY2(r->body.contains("no route matched"), r->body.constData());
        QVERIFY2(r->body.contains("nobody.test"), r->body.constData());
    }

    // Last: SIGTERM stops cleanly (exit 0) with the summary; so does SIGINT on a second process.
    void sigtermExitsZero()
    {
        QCOMPARE(m_serve->stopWith(SIGTERM), 0);
        QVERIFY2(m_serve->output().contains("request(s) served"), m_serve->output().constData());

        ServeProcess other;
        QVERIFY(other.start({"--any-port", kDesign}));
        const quint16 port = other.port(QStringLiteral("infra/edge"), 80);
        RawConnection open(port); // an idle keep-alive connection does not hold the exit up
        QVERIFY(open.send(get("echo.test", "/")));
        QVERIFY(open.read());
        QCOMPARE(other.stopWith(SIGINT), 0);
        QVERIFY(other.output().contains("1 request(s) served"));
        QVERIFY(open.closedWithin(5000));
    }
};

QTEST_GUILESS_MAIN(TestServeHttp)
#include "tst_serve_http.moc"
