// The ClientHello/SNI parser of TLS passthrough (engine/proxy/client_hello.h): real hellos made by
// OpenSSL, every split point, a handshake fragmented over several records, and garbage of each
// kind the bounds checks guard against.
#include "engine/proxy/client_hello.h"
#include "l4_test_support.h"

#include <QtTest/QTest>

using namespace Torii::Proxy;
using Status = ClientHelloResult::Status;

namespace {

// The handshake message of `records` re-cut into records of at most `size` payload bytes.
std::string refragment(const std::string &records, std::size_t size)
{
    std::string handshake;
    std::size_t pos = 0;
    while (pos + 5 <= records.size()) {
        const std::size_t length =
            std::size_t(std::uint8_t(records[pos + 3])) << 8 | std::uint8_t(records[pos + 4]);
        handshake += records.substr(pos + 5, length);
        pos += 5 + length;
    }
    std::string out;
    for (std::size_t at = 0; at < handshake.size(); at += size) {
        const std::string part = handshake.substr(at, size);
        out += char(22);
        out += char(3);
        out += char(1);
        out += char(part.size() >> 8);
        out += char(part.size() & 0xff);
        out += part;
    }
    return out;
}

} // namespace

class TestClientHello : public QObject
{
    Q_OBJECT

private slots:
    void readsTheServerName_data()
    {
        QTest::addColumn<QString>("sent");
        QTest::addColumn<QString>("expected");
        QTest::newRow("exact") << "abc.example.com" << "abc.example.com";
        QTest::newRow("upper case is lowered") << "ABC.Example.COM" << "abc.example.com";
        QTest::newRow("long name") << QString(60, 'a') + ".example.com"
                                   << QString(60, 'a') + ".example.com";
        QTest::newRow("no SNI") << "" << "";
    }
    void readsTheServerName()
    {
        QFETCH(QString, sent);
        QFETCH(QString, expected);
        const std::string hello = L4Test::clientHelloBytes(sent.toStdString());
        QVERIFY(hello.size() > 40);
        const ClientHelloResult r = parseClientHello(hello);
        QCOMPARE(int(r.status), int(Status::Complete));
        QCOMPARE(QString::fromStdString(r.serverName), expected);
    }

    void everyPrefixAsksForMore()
    {
        const std::string hello = L4Test::clientHelloBytes("split.example.com");
        for (std::size_t cut = 0; cut < hello.size(); ++cut) {
            const ClientHelloResult r = parseClientHello(std::string_view(hello).substr(0, cut));
            QVERIFY2(r.status == Status::NeedMore, qPrintable(QString::number(cut)));
        }
        // Bytes after the hello (a client that sent more already) do not matter.
        QCOMPARE(parseClientHello(hello + "extra").serverName, std::string("split.example.com"));
    }

    void handshakeOverSeveralRecords_data()
    {
        QTest::addColumn<int>("recordSize");
        QTest::newRow("1 byte records") << 1;
        QTest::newRow("7 byte records") << 7;
        QTest::newRow("100 byte records") << 100;
    }
    void handshakeOverSeveralRecords()
    {
        QFETCH(int, recordSize);
        const std::string records =
            refragment(L4Test::clientHelloBytes("frag.example.com"), std::size_t(recordSize));
        const ClientHelloResult r = parseClientHello(records);
        QCOMPARE(int(r.status), int(Status::Complete));
        QCOMPARE(r.serverName, std::string("frag.example.com"));
        for (std::size_t cut = 0; cut < records.size(); cut += 3) {
            QCOMPARE(int(parseClientHello(std::string_view(records).substr(0, cut)).status),
                     int(Status::NeedMore));
        }
    }

    void garbageIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("HTTP") << QByteArray("GET / HTTP/1.1\r\n");
        QTest::newRow("one wrong byte") << QByteArray("\x17");
        QTest::newRow("wrong record version") << QByteArray("\x16\x09", 2);
        QTest::newRow("empty record") << QByteArray("\x16\x03\x01\x00\x00", 5);
        QTest::newRow("record too long") << QByteArray("\x16\x03\x01\xff\xff", 5);
        QTest::newRow("not a ClientHello") << QByteArray("\x16\x03\x01\x00\x04\x02\x00\x00\x00", 9);
        QTest::newRow("SSLv2 hello") << QByteArray("\x80\x2e\x01\x03\x01", 5);
        // A ClientHello message whose body is shorter than its fixed fields.
        QTest::newRow("short body") << QByteArray("\x16\x03\x01\x00\x06\x01\x00\x00\x02\x03\x03", 11);
        // Claims a 16 MiB handshake message.
        QTest::newRow("huge message") << QByteArray("\x16\x03\x01\x00\x04\x01\xff\xff\xff", 9);
    }
    void garbageIsRefused()
    {
        QFETCH(QByteArray, bytes);
        const ClientHelloResult r = parseClientHello(bytes.toStdString());
        QCOMPARE(int(r.status), int(Status::Invalid));
        QVERIFY(!r.error.empty());
    }

    // Each length field of a real hello made too large by one (and the message length grown
    // to match, so the inner check is what must catch it): never a crash, never Complete with
    // a name that was not sent.
    void corruptedLengthsAreCaught()
    {
        const std::string hello = L4Test::clientHelloBytes("len.example.com");
        int invalid = 0;
        for (std::size_t i = 9; i + 1 < hello.size(); ++i) {
            std::string bad = hello;
            bad[i] = char(std::uint8_t(bad[i]) ^ 0xff);
            const ClientHelloResult r = parseClientHello(bad);
            if (r.status == Status::Invalid) {
                ++invalid;
            } else if (r.status == Status::Complete && !r.serverName.empty()) {
                QVERIFY(r.serverName.size() <= 255);
            }
        }
        QVERIFY(invalid > 10);
    }

    void invalidHostNameIsRefused()
    {
        std::string hello = L4Test::clientHelloBytes("bad.example.com");
        const std::size_t at = hello.find("bad.example.com");
        QVERIFY(at != std::string::npos);
        hello[at + 3] = '\0';
        QCOMPARE(int(parseClientHello(hello).status), int(Status::Invalid));
    }
};

QTEST_APPLESS_MAIN(TestClientHello)
#include "tst_client_hello.moc"
