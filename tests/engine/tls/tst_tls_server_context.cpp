// engine/tls: the server SSL_CTX chooses a listener's certificate by SNI (exact > longest
// wildcard > catch-all), proven with real handshakes over a socketpair: the certificate the
// client is presented names the listener. Also host-name matching and bad input.
#include "tls_test_support.h"

#include "engine/tls/certificate_authority.h"
#include "engine/tls/hostname_match.h"
#include "engine/tls/server_context.h"

#include <QtTest/QTest>

using namespace Torii;
using namespace TlsTest;

namespace {

// One certificate per listener, named by the listener hostname (CN), signed by one CA.
struct Fixture
{
    std::shared_ptr<const Tls::CertificateAuthority> ca =
        Tls::CertificateAuthority::create("tst_tls CA");

    Tls::ListenerCertificate entry(const std::string &hostname, const std::string &cn)
    {
        const Tls::PemPair pem = ca->issue(cn, {"DNS:" + cn}, Tls::CertificateUse::Server);
        return {hostname, pem.certificate + ca->pem().certificate, pem.privateKey};
    }
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

} // namespace

class TestServerContext : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<SSL_CTX> m_withCatchAll;
    std::shared_ptr<SSL_CTX> m_withoutCatchAll;

private slots:
    void initTestCase()
    {
        Fixture &f = fixture();
        Core::Text error;
        m_withCatchAll = Tls::buildServerContext(
            {f.entry("*.example.com", "wildcard"), f.entry("a.example.com", "exact-a"),
             f.entry("", "catch-all"), f.entry("*.sub.example.com", "wildcard-sub"),
             f.entry("B.Example.com", "exact-b")},
            {}, &error);
        QVERIFY2(m_withCatchAll, error.english().c_str());
        m_withoutCatchAll = Tls::buildServerContext(
            {f.entry("first.example.org", "first"), f.entry("*.example.org", "wildcard-org")}, {},
            &error);
        QVERIFY2(m_withoutCatchAll, error.english().c_str());
    }

    void sniChoosesTheMostSpecificListener_data()
    {
        QTest::addColumn<QString>("serverName");
        QTest::addColumn<QString>("commonName");
        QTest::addColumn<int>("index");
        QTest::newRow("exact") << "a.example.com"
                               << "exact-a" << 1;
        QTest::newRow("exact, case-insensitive") << "A.EXAMPLE.COM"
                                                 << "exact-a" << 1;
        QTest::newRow("exact listener hostname in upper case") << "b.example.com"
                                                               << "exact-b" << 4;
        QTest::newRow("wildcard") << "c.example.com"
                                  << "wildcard" << 0;
        QTest::newRow("wildcard, several labels") << "x.y.example.com"
                                                  << "wildcard" << 0;
        QTest::newRow("longest wildcard") << "z.sub.example.com"
                                          << "wildcard-sub" << 3;
        QTest::newRow("wildcard needs a label") << "example.com"
                                                << "catch-all" << 2;
        QTest::newRow("no listener: catch-all") << "other.org"
                                                << "catch-all" << 2;
        QTest::newRow("no SNI: catch-all") << ""
                                           << "catch-all" << 2;
    }
    void sniChoosesTheMostSpecificListener()
    {
        QFETCH(QString, serverName);
        QFETCH(QString, commonName);
        QFETCH(int, index);
        std::optional<Tls::SelectedListener> selected;
        const Handshake h =
            handshake(m_withCatchAll.get(),
                      {serverName.toStdString(), {"http/1.1"}, fixture().ca->pem().certificate},
                      [&](SSL *ssl) { selected = Tls::selectedListener(ssl); });
        QVERIFY2(h.clientOk && h.serverOk, h.clientError.c_str());
        QCOMPARE(QString::fromStdString(h.presentedCommonName), commonName);
        QCOMPARE(h.verifyResult, long(X509_V_OK)); // the chain (leaf + CA) verifies
        QCOMPARE(h.presentedChainLength, 2);
        QVERIFY(selected.has_value());
        QCOMPARE(int(selected->index), index);
        QCOMPARE(QString::fromStdString(selected->serverName), serverName.toLower());
    }

    void withoutCatchAll_data()
    {
        QTest::addColumn<QString>("serverName");
        QTest::addColumn<QString>("commonName"); // "" = the handshake fails
        QTest::newRow("exact") << "first.example.org"
                               << "first";
        QTest::newRow("wildcard") << "x.example.org"
                                  << "wildcard-org";
        QTest::newRow("no SNI: the first listener") << ""
                                                    << "first";
        QTest::newRow("unknown name: unrecognized_name") << "other.net"
                                                         << "";
    }
    void withoutCatchAll()
    {
        QFETCH(QString, serverName);
        QFETCH(QString, commonName);
        std::optional<Tls::SelectedListener> selected;
        const Handshake h = handshake(m_withoutCatchAll.get(), {serverName.toStdString()},
                                      [&](SSL *ssl) { selected = Tls::selectedListener(ssl); });
        if (commonName.isEmpty()) {
            QVERIFY(!h.clientOk);
            QVERIFY(!h.serverOk);
            QVERIFY2(h.clientError.find("unrecognized name") != std::string::npos,
                     h.clientError.c_str());
            QVERIFY(!selected);
            return;
        }
        QVERIFY2(h.clientOk, h.clientError.c_str());
        QCOMPARE(QString::fromStdString(h.presentedCommonName), commonName);
        QVERIFY(selected);
        QCOMPARE(QString::fromStdString(selected->hostname),
                 commonName == "first" ? QString("first.example.org") : QString("*.example.org"));
    }

    void alpnOffersOnlyTheConfiguredProtocols()
    {
        // The default offers h2, then http/1.1 (the gateway serves both).
        Handshake h = handshake(m_withCatchAll.get(), {"a.example.com", {"http/1.1", "h2"}});
        QVERIFY(h.clientOk);
        QCOMPARE(QString::fromStdString(h.alpn), QString("h2"));
        h = handshake(m_withCatchAll.get(), {"a.example.com", {"http/1.1"}});
        QCOMPARE(QString::fromStdString(h.alpn), QString("http/1.1"));

        Core::Text error;
        auto http11 =
            Tls::buildServerContext({fixture().entry("", "h1")}, {{"http/1.1"}}, &error);
        QVERIFY(http11);
        h = handshake(http11.get(), {"x", {"h2"}});
        QVERIFY(h.clientOk); // no common protocol: no ALPN, not a failure
        QCOMPARE(QString::fromStdString(h.alpn), QString());

        auto h2 =
            Tls::buildServerContext({fixture().entry("", "h2")}, {{"h2", "http/1.1"}}, &error);
        QVERIFY(h2);
        h = handshake(h2.get(), {"x", {"http/1.1", "h2"}});
        QCOMPARE(QString::fromStdString(h.alpn), QString("h2"));
    }

    void oldProtocolVersionsAreRefused()
    {
        Handshake h = handshake(m_withCatchAll.get(), {"a.example.com", {}, {}, TLS1_1_VERSION});
        QVERIFY(!h.clientOk);
        h = handshake(m_withCatchAll.get(), {"a.example.com", {}, {}, TLS1_2_VERSION});
        QVERIFY2(h.clientOk, h.clientError.c_str());
    }

    void contextOutlivesItsOwner()
    {
        // The proxy may drop its shared_ptr while connections still run: the SSL keeps it alive.
        auto context = Tls::buildServerContext({fixture().entry("*.example.net", "kept")});
        QVERIFY(context);
        SSL_CTX *raw = context.get();
        SSL_CTX_up_ref(raw);
        context.reset();
        const Handshake h = handshake(raw, {"a.example.net"});
        QVERIFY(h.clientOk);
        QCOMPARE(QString::fromStdString(h.presentedCommonName), QString("kept"));
        SSL_CTX_free(raw);
    }

    void badInputIsRejectedWithAReason()
    {
        Fixture &f = fixture();
        Core::Text error;
        QVERIFY(!Tls::buildServerContext({}, {}, &error));
        QVERIFY(!error.isEmpty());

        Tls::ListenerCertificate garbage{"a.example.com", "not a certificate", "nor a key"};
        QVERIFY(!Tls::buildServerContext({garbage}, {}, &error));
        QVERIFY2(error.english().find("a.example.com") != std::string::npos,
                 error.english().c_str());

        Tls::ListenerCertificate mismatched = f.entry("b.example.com", "b");
        mismatched.privateKey = f.entry("c.example.com", "c").privateKey;
        QVERIFY(!Tls::buildServerContext({f.entry("", "ok"), mismatched}, {}, &error));
        QVERIFY2(error.english().find("does not belong") != std::string::npos,
                 error.english().c_str());

        QVERIFY(!Tls::buildServerContext({f.entry("", "ok")}, {{""}}, &error));
    }

    void listenerHostMatching_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << "a.example.com"
                               << "a.example.com" << true;
        QTest::newRow("exact, trailing dot") << "a.example.com"
                                             << "A.example.com." << true;
        QTest::newRow("exact, other") << "a.example.com"
                                      << "b.example.com" << false;
        QTest::newRow("wildcard one label") << "*.example.com"
                                            << "a.example.com" << true;
        QTest::newRow("wildcard two labels") << "*.example.com"
                                             << "a.b.example.com" << true;
        QTest::newRow("wildcard not apex") << "*.example.com"
                                           << "example.com" << false;
        QTest::newRow("wildcard suffix only") << "*.example.com"
                                              << "aexample.com" << false;
        QTest::newRow("empty = any") << ""
                                     << "anything.org" << true;
        QTest::newRow("star = any") << "*"
                                    << "anything.org" << true;
    }
    void listenerHostMatching()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, name);
        QFETCH(bool, matches);
        QCOMPARE(Tls::listenerHostMatches(pattern.toStdString(), name.toStdString()), matches);
    }

    void certificateNameMatching_data()
    {
        QTest::addColumn<QString>("dnsName");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("matches");
        // Go's crypto/tls rules (the conformance client): one label per wildcard.
        QTest::newRow("exact") << "example.org"
                               << "EXAMPLE.org" << true;
        QTest::newRow("*.org") << "*.org"
                               << "example.org" << true;
        QTest::newRow("*.org, two labels") << "*.org"
                                           << "a.example.org" << false;
        QTest::newRow("*.wildcard.org") << "*.wildcard.org"
                                        << "x.wildcard.org" << true;
        QTest::newRow("* alone, dotted host") << "*"
                                              << "example.org" << false;
        QTest::newRow("* alone, one label") << "*"
                                            << "localhost" << true;
        QTest::newRow("wildcard not leftmost") << "a.*.org"
                                               << "a.b.org" << false;
        QTest::newRow("empty") << ""
                               << "example.org" << false;
    }
    void certificateNameMatching()
    {
        QFETCH(QString, dnsName);
        QFETCH(QString, host);
        QFETCH(bool, matches);
        QCOMPARE(Tls::certificateNameMatches(dnsName.toStdString(), host.toStdString()), matches);
    }
};

QTEST_GUILESS_MAIN(TestServerContext)
#include "tst_tls_server_context.moc"
