// The echo server's /ws WebSocket endpoint: the pure frame echo (lengths of every size class,
// frames split anywhere, FIN/opcode kept, close ends it, the RFC 6455 example key), then a real
// HttpEchoBackend over a socket on 127.0.0.1: the handshake, frames echoed unchanged, the
// request logged, a plain request to /ws still echoed as JSON, and a close frame ending it all.
#include "simulator/backends/http_echo_backend.h"
#include "simulator/backends/websocket_echo.h"

#include <QTcpSocket>
#include <QtTest/QTest>

#include <QElapsedTimer>
#include <cstdint>

using namespace Torii;
using namespace Torii::Backends;
using Torii::Backends::Internal::WebSocketEcho;

namespace {

// One frame as a client sends it (masked) or a server does (unmasked).
std::string frame(std::uint8_t first, const std::string &payload, bool masked)
{
    std::string out;
    out.push_back(char(first));
    const char maskBit = masked ? char(0x80) : char(0);
    if (payload.size() < 126) {
        out.push_back(char(maskBit | char(payload.size())));
    } else if (payload.size() < 65536) {
        out.push_back(char(maskBit | 126));
        out.push_back(char(payload.size() >> 8));
        out.push_back(char(payload.size() & 0xff));
    } else {
        out.push_back(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.push_back(char((std::uint64_t(payload.size()) >> shift) & 0xff));
        }
    }
    const char mask[4] = {0x37, char(0xfa), 0x21, 0x3d};
    if (masked) {
        out.append(mask, 4);
    }
    for (std::size_t i = 0; i < payload.size(); ++i) {
        out.push_back(masked ? char(payload[i] ^ mask[i % 4]) : payload[i]);
    }
    return out;
}

Http::RequestHead handshake(const std::string &target)
{
    Http::RequestHead head;
    head.method = "GET";
    head.target = target;
    head.headers.add("Host", "echo");
    head.headers.add("Upgrade", "websocket");
    head.headers.add("Connection", "keep-alive, Upgrade");
    head.headers.add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
    head.headers.add("Sec-WebSocket-Version", "13");
    return head;
}

bool waitFor(QTcpSocket &socket, QByteArray &buffer, const std::function<bool()> &done)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < 5000) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(100) &&
            socket.state() != QAbstractSocket::ConnectedState) {
            break;
        }
        buffer += socket.readAll();
    }
    return done();
}

} // namespace

class TestBackendsWebSocketEcho : public QObject
{
    Q_OBJECT

private slots:
    void acceptKey()
    {
        // RFC 6455 section 1.3's example.
        QCOMPARE(WebSocketEcho::acceptFor("dGhlIHNhbXBsZSBub25jZQ=="),
                 std::string("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    void handshakeHeads()
    {
        QVERIFY(WebSocketEcho::handshakeAnswer(handshake("/ws")).has_value());
        QVERIFY(WebSocketEcho::handshakeAnswer(handshake("/ws"))
                    ->find("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n") !=
                std::string::npos);
        Http::RequestHead noKey = handshake("/ws");
        noKey.headers.remove("Sec-WebSocket-Key");
        QVERIFY(!WebSocketEcho::handshakeAnswer(noKey));
        Http::RequestHead oldVersion = handshake("/ws");
        oldVersion.headers.set("Sec-WebSocket-Version", "8");
        QVERIFY(!WebSocketEcho::handshakeAnswer(oldVersion));
        Http::RequestHead h2c = handshake("/ws");
        h2c.headers.set("Upgrade", "h2c");
        QVERIFY(!WebSocketEcho::handshakeAnswer(h2c));
        Http::RequestHead post = handshake("/ws");
        post.method = "POST";
        QVERIFY(!WebSocketEcho::handshakeAnswer(post));
    }

    void framesEchoed_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("split"); // bytes per feed() call
        QTest::newRow("empty") << 0 << 1;
        QTest::newRow("7-bit length, byte by byte") << 125 << 1;
        QTest::newRow("16-bit length") << 126 << 7;
        QTest::newRow("16-bit length, largest") << 65535 << 4096;
        QTest::newRow("64-bit length") << 70000 << 65536;
    }

    void framesEchoed()
    {
        QFETCH(int, size);
        QFETCH(int, split);
        std::string payload(std::size_t(size), '\0');
        for (std::size_t i = 0; i < payload.size(); ++i) {
            payload[i] = char(i * 7 + 3);
        }
        // A binary frame, then a non-final text fragment and its continuation.
        const std::string in =
            frame(0x82, payload, true) + frame(0x01, "par", true) + frame(0x80, "t", true);
        WebSocketEcho echo;
        std::string out;
        for (std::size_t at = 0; at < in.size(); at += std::size_t(split)) {
            out += echo.feed(std::string_view(in).substr(at, std::size_t(split)));
        }
        QCOMPARE(out,
                 frame(0x82, payload, false) + frame(0x01, "par", false) + frame(0x80, "t", false));
        QVERIFY(!echo.ended());
    }

    void closeEnds()
    {
        WebSocketEcho echo;
        const std::string close = frame(0x88, std::string("\x03\xe8", 2), true);
        QCOMPARE(echo.feed(close + frame(0x81, "after", true)),
                 frame(0x88, std::string("\x03\xe8", 2), false));
        QVERIFY(echo.ended());
        QCOMPARE(echo.feed(frame(0x81, "more", true)), std::string());
    }

    void overSocket()
    {
        EchoIdentity id;
        id.namespaceName = "default";
        id.pod = "ws-pod";
        HttpEchoBackend backend(id);
        QVERIFY(backend.start().ok());

        // A plain GET to /ws is still the echo JSON.
        {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, backend.port());
            QVERIFY(socket.waitForConnected(5000));
            socket.write("GET /ws HTTP/1.1\r\nHost: echo\r\nConnection: close\r\n\r\n");
            QByteArray buffer;
            QVERIFY(waitFor(socket, buffer, [&] { return buffer.contains("\"pod\""); }));
            QVERIFY(buffer.startsWith("HTTP/1.1 200"));
        }

        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, backend.port());
        QVERIFY(socket.waitForConnected(5000));
        const std::string request = "GET /ws?x=1 HTTP/1.1\r\nHost: echo\r\nUpgrade: websocket\r\n"
                                    "Connection: Upgrade\r\n"
                                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                    "Sec-WebSocket-Version: 13\r\n\r\n" +
                                    frame(0x81, "hello", true); // right behind the head
        socket.write(request.data(), qint64(request.size()));
        QByteArray buffer;
        const QByteArray hello = QByteArray::fromStdString(frame(0x81, "hello", false));
        QVERIFY(waitFor(socket, buffer, [&] { return buffer.endsWith(hello); }));
        QVERIFY(buffer.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
        QVERIFY(buffer.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
        QCOMPARE(backend.requestLog().count("/ws?x=1"), 1);

        buffer.clear();
        const std::string big(100000, 'b');
        const std::string bigFrame = frame(0x82, big, true);
        socket.write(bigFrame.data(), qint64(bigFrame.size()));
        const QByteArray bigEcho = QByteArray::fromStdString(frame(0x82, big, false));
        QVERIFY(waitFor(socket, buffer, [&] { return buffer.size() >= bigEcho.size(); }));
        QCOMPARE(buffer, bigEcho);

        buffer.clear();
        const std::string close = frame(0x88, "", true);
        socket.write(close.data(), qint64(close.size()));
        QVERIFY(waitFor(socket, buffer,
                        [&] { return socket.state() != QAbstractSocket::ConnectedState; }));
        QCOMPARE(buffer, QByteArray::fromStdString(frame(0x88, "", false)));
    }
};

QTEST_GUILESS_MAIN(TestBackendsWebSocketEcho)
#include "tst_backends_websocket_echo.moc"
