// The RFC 6455 frame codec both WebSocket ends of the simulator use (websocket_frame.h): the
// RFC's own examples (5.7, 4.2.2), every length class both ways, masked and not, bytes fed one at
// a time, FIN and reserved bits kept, and a frame over the limit refused before its payload.
#include "simulator/backends/websocket_frame.h"

#include <QtTest/QTest>

using namespace Torii::Backends;

namespace {

std::string bytes(std::initializer_list<int> values)
{
    std::string out;
    for (int v : values) {
        out.push_back(char(v));
    }
    return out;
}

} // namespace

class TestWebSocketFrame : public QObject
{
    Q_OBJECT

private slots:
    void rfcExamples()
    {
        WebSocketFrame hello;
        hello.payload = "Hello";
        QCOMPARE(encodeWebSocketFrame(hello), bytes({0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f}));
        const WebSocketMaskKey key{0x37, 0xfa, 0x21, 0x3d};
        const std::string masked =
            bytes({0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58});
        QCOMPARE(encodeWebSocketFrame(hello, &key), masked);
        WebSocketFrameDecoder decoder(1024);
        decoder.feed(masked);
        WebSocketFrame got;
        QCOMPARE(decoder.next(got), WebSocketFrameDecoder::Status::Frame);
        QVERIFY(got.masked && got.fin);
        QCOMPARE(got.opcode, std::uint8_t(WebSocketFrame::Text));
        QCOMPARE(got.payload, std::string("Hello"));
        // A fragmented unmasked text message: "Hel" then "lo".
        decoder.feed(bytes({0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f}));
        QCOMPARE(decoder.next(got), WebSocketFrameDecoder::Status::Frame);
        QVERIFY(!got.fin);
        QCOMPARE(got.payload, std::string("Hel"));
        QCOMPARE(decoder.next(got), WebSocketFrameDecoder::Status::Frame);
        QVERIFY(got.fin);
        QCOMPARE(got.opcode, std::uint8_t(WebSocketFrame::Continuation));
        QCOMPARE(got.payload, std::string("lo"));
        QCOMPARE(decoder.next(got), WebSocketFrameDecoder::Status::NeedMore);
        QCOMPARE(webSocketAcceptFor("dGhlIHNhbXBsZSBub25jZQ=="),
                 std::string("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    void roundTripsEveryLength_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("masked");
        for (int size : {0, 125, 126, 65535, 65536, 70000}) {
            for (bool masked : {false, true}) {
                QTest::addRow("%d bytes%s", size, masked ? " masked" : "") << size << masked;
            }
        }
    }

    void roundTripsEveryLength()
    {
        QFETCH(int, size);
        QFETCH(bool, masked);
        WebSocketFrame frame;
        frame.opcode = WebSocketFrame::Binary;
        frame.fin = false;
        frame.rsv = 0x40;
        for (int i = 0; i < size; ++i) {
            frame.payload.push_back(char(i * 7));
        }
        const WebSocketMaskKey key{0xde, 0xad, 0xbe, 0xef};
        const std::string wire = encodeWebSocketFrame(frame, masked ? &key : nullptr);
        const std::size_t header = size < 126 ? 2 : size < 65536 ? 4 : 10;
        QCOMPARE(wire.size(), header + (masked ? 4 : 0) + std::size_t(size));
        WebSocketFrameDecoder decoder(1u << 20);
        WebSocketFrame got;
        // One byte at a time up to the payload: never a frame before its last byte.
        for (std::size_t i = 0; i + 1 < wire.size() && i < 20; ++i) {
            decoder.feed(std::string_view(wire).substr(i, 1));
            QCOMPARE(decoder.next(got), WebSocketFrameDecoder::Status::NeedMore);
        }
        decoder.feed(std::string_view(wire).substr(std::min<std::size_t>(20, wire.size() - 1)));
        QCOMPARE(decoder.next(got), WebSocketFrameDecoder::Status::Frame);
        QCOMPARE(got.masked, masked);
        QVERIFY(!got.fin);
        QCOMPARE(got.rsv, std::uint8_t(0x40));
        QCOMPARE(got.opcode, std::uint8_t(WebSocketFrame::Binary));
        QVERIFY(got.payload == frame.payload);
        QCOMPARE(decoder.buffered(), std::size_t(0));
    }

    void refusesAFrameOverTheLimit()
    {
        WebSocketFrameDecoder decoder(100);
        // Only the 64-bit length is there: refused before any payload arrives.
        decoder.feed(bytes({0x82, 0x7f, 0, 0, 0, 0, 0, 0, 0, 101}));
        WebSocketFrame got;
        QCOMPARE(decoder.next(got), WebSocketFrameDecoder::Status::TooLarge);
        WebSocketFrameDecoder exact(100);
        WebSocketFrame frame;
        frame.payload.assign(100, 'x');
        exact.feed(encodeWebSocketFrame(frame));
        QCOMPARE(exact.next(got), WebSocketFrameDecoder::Status::Frame);
    }
};

QTEST_GUILESS_MAIN(TestWebSocketFrame)
#include "tst_backends_websocket_frame.moc"
