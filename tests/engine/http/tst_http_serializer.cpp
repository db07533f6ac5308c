#include "http_recorder.h"

#include <QtTest>

using namespace Torii::Http;
using Torii::Http::Test::Recorder;

class TestHttpSerializer : public QObject
{
    Q_OBJECT

private slots:
    void requestRoundTrip_data();
    void requestRoundTrip();
    void responseRoundTrip();
    void chunkedRoundTrip();
    void injectionNeutralized();
    void encodeChunkSizes_data();
    void encodeChunkSizes();
    void removeHopByHop_data();
    void removeHopByHop();
    void headersEditing();
    void caseInsensitiveNames_data();
    void caseInsensitiveNames();
    void lineBreakScan_data();
    void lineBreakScan();
    void lineBreakScanLong_data();
    void lineBreakScanLong();
    void fieldBytesOfEveryLength();
    void reasonPhrases();
};

void TestHttpSerializer::requestRoundTrip_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("minor");
    QTest::newRow("GET") << QByteArray("GET") << QByteArray("/a/b?c=d") << 1;
    QTest::newRow("DELETE 1.0") << QByteArray("DELETE") << QByteArray("/x") << 0;
    QTest::newRow("absolute form") << QByteArray("GET") << QByteArray("http://h:8080/p?q") << 1;
}

void TestHttpSerializer::requestRoundTrip()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(int, minor);
    RequestHead head;
    head.method = method.toStdString();
    head.target = target.toStdString();
    head.versionMinor = minor;
    head.headers.add("Host", "example.com");
    head.headers.add("X-Case-Kept", "v1");
    head.headers.add("x-case-kept", "v2");
    head.headers.add("Content-Length", "3");
    const std::string wire = serializeRequestHead(head) + "abc";

    RequestParser parser;
    Recorder<RequestHead> rec;
    const FeedResult r = parser.feed(wire, rec);
    QCOMPARE(r.status, FeedStatus::MessageComplete);
    QCOMPARE(r.consumed, wire.size());
    const RequestHead &parsed = rec.messages.at(0).head;
    QCOMPARE(parsed.method, head.method);
    QCOMPARE(parsed.target, head.target);
    QCOMPARE(parsed.versionMinor, minor);
    QCOMPARE(parsed.headers.fields.size(), head.headers.fields.size());
    for (std::size_t i = 0; i < head.headers.fields.size(); ++i) {
        QCOMPARE(parsed.headers.fields[i].name, head.headers.fields[i].name);
        QCOMPARE(parsed.headers.fields[i].value, head.headers.fields[i].value);
    }
    QCOMPARE(rec.messages.at(0).body, std::string("abc"));
}

void TestHttpSerializer::responseRoundTrip()
{
    ResponseHead head;
    head.status = 404;
    head.reason = std::string(reasonPhrase(404));
    head.headers.add("Content-Type", "text/plain");
    head.headers.add("Set-Cookie", "a=1");
    head.headers.add("Set-Cookie", "b=2");
    head.headers.add("Content-Length", "0");
    const std::string wire = serializeResponseHead(head);
    QCOMPARE(wire.substr(0, 24), std::string("HTTP/1.1 404 Not Found\r\n"));
    ResponseParser parser;
    Recorder<ResponseHead> rec;
    QCOMPARE(parser.feed(wire, rec).status, FeedStatus::MessageComplete);
    const ResponseHead &parsed = rec.messages.at(0).head;
    QCOMPARE(parsed.status, 404);
    QCOMPARE(parsed.reason, std::string("Not Found"));
    QCOMPARE(parsed.headers.values("set-cookie"), (std::vector<std::string>{"a=1", "b=2"}));
}

void TestHttpSerializer::chunkedRoundTrip()
{
    ResponseHead head;
    head.headers.add("Transfer-Encoding", "chunked");
    Headers trailers;
    trailers.add("Grpc-Status", "0");
    const std::string big(70000, 'z');
    const std::string wire = serializeResponseHead(head) + encodeChunk("hello ") + encodeChunk("")
                             + encodeChunk(big) + lastChunk(trailers);
    ResponseParser parser;
    Recorder<ResponseHead> rec;
    QCOMPARE(parser.feed(wire, rec).status, FeedStatus::MessageComplete);
    QCOMPARE(rec.messages.at(0).body, "hello " + big);
    QCOMPARE(rec.messages.at(0).trailers.find("grpc-status")->value, std::string("0"));
}

void TestHttpSerializer::injectionNeutralized()
{
    RequestHead head;
    head.method = "GET";
    head.target = "/a HTTP/1.1\r\nHost: evil\r\n\r\nGET /b";
    head.headers.add("Host", "h");
    head.headers.add("X-Value", "v\r\nX-Injected: 1");
    const std::string wire = serializeRequestHead(head);
    QCOMPARE(wire.find("\r\nX-Injected"), std::string::npos);
    QCOMPARE(wire.find("\r\n\r\n"), wire.size() - 4); // exactly one end of head
}

void TestHttpSerializer::encodeChunkSizes_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<QByteArray>("prefix");
    QTest::newRow("1") << 1 << QByteArray("1\r\n");
    QTest::newRow("15") << 15 << QByteArray("f\r\n");
    QTest::newRow("16") << 16 << QByteArray("10\r\n");
    QTest::newRow("4096") << 4096 << QByteArray("1000\r\n");
}

void TestHttpSerializer::encodeChunkSizes()
{
    QFETCH(int, size);
    QFETCH(QByteArray, prefix);
    const std::string chunk = encodeChunk(std::string(static_cast<std::size_t>(size), 'a'));
    QVERIFY(chunk.starts_with(prefix.toStdString()));
    QVERIFY(chunk.ends_with("a\r\n"));
    QCOMPARE(chunk.size(), prefix.size() + size + 2);
    QCOMPARE(lastChunk(), std::string("0\r\n\r\n"));
}

void TestHttpSerializer::removeHopByHop_data()
{
    QTest::addColumn<QStringList>("input"); // "Name: value"
    QTest::addColumn<QStringList>("kept");  // names left, in order

    QTest::newRow("standard list")
        << QStringList{"Host: h",          "Connection: keep-alive", "Keep-Alive: timeout=5",
                       "Proxy-Connection: x", "TE: trailers",         "Trailer: X",
                       "Transfer-Encoding: chunked", "Upgrade: h2c",   "Accept: */*"}
        << QStringList{"Host", "Accept"};
    QTest::newRow("connection-listed names")
        << QStringList{"connection: X-Foo, x-bar", "X-Foo: 1", "X-Bar: 2", "X-Baz: 3"}
        << QStringList{"X-Baz"};
    QTest::newRow("nothing to remove") << QStringList{"A: 1", "B: 2"} << QStringList{"A", "B"};
    QTest::newRow("any case, listed fixed names ignored")
        << QStringList{"TRANSFER-ENCODING: chunked", "te: trailers", "CONNECTION: Upgrade, close",
                       "upgrade: websocket", "Close: 1", "Via: x"}
        << QStringList{"Via"};
    QTest::newRow("more than four listed names")
        << QStringList{"Connection: a1, a2, a3, a4, a5, a6", "A1: 1", "A5: 5", "A6: 6", "A7: 7"}
        << QStringList{"A7"};
    QTest::newRow("same length as a hop name, not one")
        << QStringList{"Connectiox: 1", "Keep-Alivf: 2", "TF: 3", "Trailex: 4"}
        << QStringList{"Connectiox", "Keep-Alivf", "TF", "Trailex"};
}

void TestHttpSerializer::removeHopByHop()
{
    QFETCH(QStringList, input);
    QFETCH(QStringList, kept);
    Headers headers;
    for (const QString &line : input) {
        const qsizetype colon = line.indexOf(':');
        headers.add(line.left(colon).toStdString(), line.mid(colon + 2).toStdString());
    }
    Torii::Http::removeHopByHop(headers);
    QStringList names;
    for (const HeaderField &field : headers.fields) {
        names << QString::fromStdString(field.name);
    }
    QCOMPARE(names, kept);
}

void TestHttpSerializer::headersEditing()
{
    Headers h;
    h.add("A", "1");
    h.add("b", "2");
    h.add("a", "3");
    h.set("A", "9");
    QCOMPARE(h.fields.size(), std::size_t{2});
    QCOMPARE(h.fields[0].name, std::string("A"));
    QCOMPARE(h.fields[0].value, std::string("9"));
    h.set("C", "4");
    QCOMPARE(h.fields.back().name, std::string("C"));
    QCOMPARE(h.remove("B"), std::size_t{1});
    QVERIFY(!h.contains("b"));
    h.add("Connection", "Upgrade, close");
    QVERIFY(h.hasToken("connection", "CLOSE"));
    QVERIFY(!h.hasToken("connection", "clo"));
    QVERIFY(!h.joined("missing"));
}

void TestHttpSerializer::reasonPhrases()
{
    QCOMPARE(reasonPhrase(431), std::string_view("Request Header Fields Too Large"));
    QCOMPARE(reasonPhrase(799), std::string_view());
}

void TestHttpSerializer::caseInsensitiveNames_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << QByteArray("Host") << QByteArray("Host") << true;
    QTest::newRow("case") << QByteArray("content-LENGTH") << QByteArray("Content-Length") << true;
    QTest::newRow("length") << QByteArray("Host") << QByteArray("Hos") << false;
    // Pairs that differ only in bit 0x20 but are not letters: never equal.
    QTest::newRow("@ and `") << QByteArray("a@") << QByteArray("a`") << false;
    QTest::newRow("[ and {") << QByteArray("[") << QByteArray("{") << false;
    QTest::newRow("digits and punctuation") << QByteArray("1") << QByteArray("\x11") << false;
    QTest::newRow("high bytes") << QByteArray("\xc1") << QByteArray("\xe1") << false;
    QTest::newRow("empty") << QByteArray() << QByteArray() << true;
}

void TestHttpSerializer::caseInsensitiveNames()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(equalsIgnoreCase(a.toStdString(), b.toStdString()), equal);
    QCOMPARE(equalsIgnoreCase(b.toStdString(), a.toStdString()), equal);
}

void TestHttpSerializer::lineBreakScan_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("position"); // of the bad byte, -1: none
    QTest::addColumn<char>("bad");
    // Around the 8-byte words and the 16-byte vectors the scan reads, and the tails after them.
    for (int length : {0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 48}) {
        QTest::addRow("%d clean", length) << length << -1 << ' ';
        for (int position = 0; position < length; ++position) {
            for (char bad : {'\r', '\n', '\0'}) {
                QTest::addRow("%d, 0x%02x at %d", length, int(bad), position)
                    << length << position << bad;
            }
        }
    }
}

void TestHttpSerializer::lineBreakScan()
{
    QFETCH(int, length);
    QFETCH(int, position);
    QFETCH(char, bad);
    // Bytes one off the searched ones (0x0c, 0x0e, 0x01) must not be taken for them.
    std::string text(std::size_t(length), '\x0e');
    for (int i = 0; i < length; i += 3) {
        text[std::size_t(i)] = i % 2 ? '\x0c' : '\x01';
    }
    if (position >= 0) {
        text[std::size_t(position)] = bad;
    }
    QCOMPARE(hasLineBreakOrNul(text), position >= 0);
    // The serializer neutralizes exactly that byte.
    RequestHead head;
    head.method = "GET";
    head.target = "/";
    head.headers.add("X", text);
    const std::string wire = serializeRequestHead(head);
    const std::size_t value = wire.find("X: ") + 3;
    QCOMPARE(wire.substr(value, text.size()).find_first_of(std::string("\r\n\0", 3)),
             std::string::npos);
    QCOMPARE(wire.size(), std::string("GET / HTTP/1.1\r\nX: \r\n\r\n").size() + text.size());
    // The same in a response head, in a field value and in the reason phrase.
    ResponseHead response;
    response.status = 200;
    response.reason = text;
    response.headers.add("Y", text);
    const std::string answer = serializeResponseHead(response);
    QCOMPARE(std::count(answer.begin(), answer.end(), '\r'), 3);
    QCOMPARE(std::count(answer.begin(), answer.end(), '\n'), 3);
    QCOMPARE(std::count(answer.begin(), answer.end(), '\0'), 0);
    QCOMPARE(answer.size(), std::string("HTTP/1.1 200 \r\nY: \r\n\r\n").size() + 2 * text.size());
}

void TestHttpSerializer::lineBreakScanLong_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<char>("bad");
    // Longer than one batch of the vector count (255 steps of 16 bytes): a byte lane that wrapped
    // could make 256 injected line breaks look like none.
    for (int length : {4079, 4080, 4081, 4096, 8192 + 7}) {
        for (char bad : {'\r', '\n', '\0'}) {
            QTest::addRow("%d x 0x%02x", length, int(bad)) << length << bad;
        }
    }
}

void TestHttpSerializer::lineBreakScanLong()
{
    QFETCH(int, length);
    QFETCH(char, bad);
    RequestHead head;
    head.method = "GET";
    head.target = "/";
    head.headers.add("X", std::string(std::size_t(length), bad));
    const std::string wire = serializeRequestHead(head);
    QCOMPARE(std::count(wire.begin(), wire.end(), '\r'), 3);
    QCOMPARE(std::count(wire.begin(), wire.end(), '\n'), 3);
    QCOMPARE(std::count(wire.begin(), wire.end(), '\0'), 0);
    // Every 16th byte bad: the same byte lane counts them all.
    std::string sparse(std::size_t(length), 'a');
    for (std::size_t i = 0; i < sparse.size(); i += 16) {
        sparse[i] = bad;
    }
    head.headers = {};
    head.headers.add("X", sparse);
    const std::string sparseWire = serializeRequestHead(head);
    QCOMPARE(std::count(sparseWire.begin(), sparseWire.end(), '\n'), 3);
    QCOMPARE(std::count(sparseWire.begin(), sparseWire.end(), '\r'), 3);
    QCOMPARE(std::count(sparseWire.begin(), sparseWire.end(), '\0'), 0);
}

void TestHttpSerializer::fieldBytesOfEveryLength()
{
    // Names and values are copied with fixed-size moves chosen by length (1-3, 4-7, 8-16,
    // 17-32, longer): every length around those edges, each byte distinct, lands as written.
    const auto text = [](std::size_t length, char first) {
        std::string out(length, ' ');
        for (std::size_t i = 0; i < length; ++i) {
            out[i] = char(first + i % 26);
        }
        return out;
    };
    for (std::size_t nameLength = 1; nameLength <= 40; ++nameLength) {
        RequestHead request;
        request.method = "GET";
        request.target = "/";
        ResponseHead response;
        response.status = 200;
        response.reason = "OK";
        std::string fields;
        for (std::size_t valueLength = 0; valueLength <= 70; ++valueLength) {
            const std::string name = text(nameLength, 'A');
            const std::string value = text(valueLength, 'a' + char(valueLength % 5));
            request.headers.add(name, value);
            response.headers.add(name, value);
            fields += name + ": " + value + "\r\n";
        }
        QCOMPARE(serializeRequestHead(request), "GET / HTTP/1.1\r\n" + fields + "\r\n");
        QCOMPARE(serializeResponseHead(response), "HTTP/1.1 200 OK\r\n" + fields + "\r\n");
    }
}

QTEST_GUILESS_MAIN(TestHttpSerializer)
#include "tst_http_serializer.moc"
