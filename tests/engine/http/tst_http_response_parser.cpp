#include "http_recorder.h"

#include <QtTest>

using namespace Torii::Http;
using Torii::Http::Test::Recorder;
using Torii::Http::Test::runAll;

class TestHttpResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void responses_data();
    void responses();
    void closeDelimited();
    void truncated();
    void interimThenFinal();
    void headResponseHasNoBody();
    void switchingProtocols();
    void errors_data();
    void errors();
};

void TestHttpResponseParser::responses_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<int>>("statuses");
    QTest::addColumn<QStringList>("bodies");
    QTest::addColumn<bool>("keepAlive"); // of the last response

    QTest::newRow("content-length")
        << QByteArray("GET") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")
        << QList<int>{200} << QStringList{"hello"} << true;
    QTest::newRow("chunked with trailer")
        << QByteArray("GET")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nGrpc-Status: 0\r\n\r\n")
        << QList<int>{200} << QStringList{"abcde"} << true;
    QTest::newRow("204 no body")
        << QByteArray("DELETE") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << QList<int>{204}
        << QStringList{""} << true;
    QTest::newRow("304 with content-length has no body")
        << QByteArray("GET")
        << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 100\r\n\r\n"
                      "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx")
        << QList<int>{304, 200} << QStringList{"", "x"} << true;
    QTest::newRow("100 continue then 200")
        << QByteArray("PUT")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")
        << QList<int>{100, 201} << QStringList{"", ""} << true;
    QTest::newRow("1.0 closes") << QByteArray("GET")
                                << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi")
                                << QList<int>{200} << QStringList{"hi"} << false;
    QTest::newRow("empty reason") << QByteArray("GET")
                                  << QByteArray("HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n")
                                  << QList<int>{404} << QStringList{""} << true;
}

void TestHttpResponseParser::responses()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, input);
    QFETCH(QList<int>, statuses);
    QFETCH(QStringList, bodies);
    QFETCH(bool, keepAlive);
    for (std::size_t step : {std::size_t{0}, std::size_t{1}, std::size_t{5}}) {
        ResponseParser parser;
        parser.setRequestMethod(method.toStdString());
        Recorder<ResponseHead> rec;
        const auto run = runAll(parser, rec, input.toStdString(), step);
        QCOMPARE(run.consumed, static_cast<std::size_t>(input.size()));
        QCOMPARE(rec.messages.size(), static_cast<std::size_t>(statuses.size()));
        for (qsizetype i = 0; i < statuses.size(); ++i) {
            QCOMPARE(rec.messages[i].head.status, statuses[i]);
            QCOMPARE(QString::fromStdString(rec.messages[i].body), bodies[i]);
            QVERIFY(rec.messages[i].complete);
        }
        QCOMPARE(rec.messages.back().head.keepAlive, keepAlive);
        QVERIFY(parser.idle());
    }
}

void TestHttpResponseParser::closeDelimited()
{
    ResponseParser parser;
    Recorder<ResponseHead> rec;
    QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\nServer: x\r\n\r\npart one ", rec).status,
             FeedStatus::NeedMore);
    QCOMPARE(parser.feed("part two", rec).status, FeedStatus::NeedMore);
    QVERIFY(rec.messages.at(0).head.closeDelimited);
    QVERIFY(!rec.messages.at(0).head.keepAlive);
    QVERIFY(!rec.messages.at(0).complete);
    QCOMPARE(parser.finish(rec).status, FeedStatus::MessageComplete);
    QVERIFY(rec.messages.at(0).complete);
    QCOMPARE(rec.messages.at(0).body, std::string("part one part two"));
}

void TestHttpResponseParser::truncated()
{
    ResponseParser parser;
    Recorder<ResponseHead> rec;
    parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", rec);
    QCOMPARE(parser.finish(rec).status, FeedStatus::Error);
    QCOMPARE(parser.error().status, 502);
    QVERIFY(QString::fromStdString(parser.error().reason).contains("closed"));
}

void TestHttpResponseParser::interimThenFinal()
{
    ResponseParser parser;
    parser.setRequestMethod("POST");
    Recorder<ResponseHead> rec;
    const std::string interim = "HTTP/1.1 100 Continue\r\n\r\n";
    const std::string input = interim + "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                              + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    FeedResult r = parser.feed(input, rec);
    QCOMPARE(r.status, FeedStatus::MessageComplete);
    QCOMPARE(r.consumed, interim.size());
    QVERIFY(rec.messages.at(0).head.isInterim());
    QVERIFY(!rec.messages.at(0).head.hasBody);
    const auto run = runAll(parser, rec, std::string_view(input).substr(r.consumed));
    QCOMPARE(run.completions, 2);
    QCOMPARE(rec.messages.at(1).head.status, 103);
    QCOMPARE(rec.messages.at(2).head.status, 200);
    QVERIFY(!rec.messages.at(2).head.isInterim());
    QCOMPARE(rec.messages.at(2).body, std::string("ok"));
}

void TestHttpResponseParser::headResponseHasNoBody()
{
    ResponseParser parser;
    parser.setRequestMethod("HEAD");
    Recorder<ResponseHead> rec;
    const std::string head = "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n";
    const FeedResult r = parser.feed(head + "HTTP/1.1 200 OK\r\n", rec);
    QCOMPARE(r.status, FeedStatus::MessageComplete);
    QCOMPARE(r.consumed, head.size());
    QVERIFY(!rec.messages.at(0).head.hasBody);
    QCOMPARE(rec.messages.at(0).head.contentLength, std::optional<std::uint64_t>(1234));
    QVERIFY(rec.messages.at(0).body.empty());

    ResponseParser chunkedHead;
    chunkedHead.setRequestMethod("HEAD");
    Recorder<ResponseHead> rec2;
    QCOMPARE(chunkedHead.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", rec2).status,
             FeedStatus::MessageComplete);
}

void TestHttpResponseParser::switchingProtocols()
{
    ResponseParser parser;
    Recorder<ResponseHead> rec;
    const std::string head = "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n"
                             "Upgrade: websocket\r\n\r\n";
    const FeedResult r = parser.feed(head + "\x81\x00", rec);
    QCOMPARE(r.status, FeedStatus::Upgraded);
    QCOMPARE(r.consumed, head.size());

    ResponseParser tunnel;
    tunnel.setRequestMethod("CONNECT");
    Recorder<ResponseHead> rec2;
    const std::string established = "HTTP/1.1 200 Connection Established\r\n\r\n";
    const FeedResult t = tunnel.feed(established + "\x16\x03\x01", rec2);
    QCOMPARE(t.status, FeedStatus::Upgraded);
    QCOMPARE(t.consumed, established.size());
}

void TestHttpResponseParser::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("garbage") << QByteArray("\x00\xff garbage", 10);
    QTest::newRow("bad status") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n");
    QTest::newRow("CL and TE") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n"
                                             "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    QTest::newRow("TE gzip") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n");
    QTest::newRow("bad chunk") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                                             "\r\n-1\r\n");
    QTest::newRow("status 0") << QByteArray("HTTP/1.1  0 Zero\r\n\r\n"); // found by fuzzing
    QTest::newRow("two CL") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n"
                                          "Content-Length: 2\r\n\r\n");
}

void TestHttpResponseParser::errors()
{
    QFETCH(QByteArray, input);
    ResponseParser parser;
    Recorder<ResponseHead> rec;
    const auto run = runAll(parser, rec, input.toStdString());
    QCOMPARE(run.last, FeedStatus::Error);
    QCOMPARE(parser.error().status, 502);
    QVERIFY(!parser.error().reason.empty());
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_http_response_parser.moc"
