// engine/tls: client certificate validation on a port (Gateway spec.tls.frontend), proven with
// real handshakes over a socketpair in TLS 1.2 and 1.3: AllowValidOnly accepts only a
// certificate one of the port's CAs signed, AllowInsecureFallback asks for one but accepts any
// or none, and a port without validation does not ask. The server's side of the handshake is
// the verdict (in TLS 1.3 the client finishes before the server has read its certificate).
#include "tls_test_support.h"

#include "engine/tls/certificate_authority.h"
#include "engine/tls/server_context.h"

#include <QtTest/QTest>

using namespace Torii;
using namespace TlsTest;

namespace {

struct Fixture
{
    std::shared_ptr<const Tls::CertificateAuthority> serverCa =
        Tls::CertificateAuthority::create("tst_tls server CA");
    std::shared_ptr<const Tls::CertificateAuthority> clientCa =
        Tls::CertificateAuthority::create("tst_tls client CA");
    std::shared_ptr<const Tls::CertificateAuthority> otherCa =
        Tls::CertificateAuthority::create("tst_tls other CA");
    Tls::PemPair validClient = clientCa->issue("valid-client", {}, Tls::CertificateUse::Client);
    Tls::PemPair otherClient = otherCa->issue("other-client", {}, Tls::CertificateUse::Client);
    Tls::PemPair selfSignedClient = Tls::selfSignedCertificate("self-signed-client", {});
    // Two listeners on the port, so the SNI callback switches contexts before the client's
    // certificate is checked (made once: RSA keys are slow to generate).
    std::vector<Tls::ListenerCertificate> listeners{entry("", "catch-all"),
                                                    entry("a.example.com", "a.example.com")};

    Tls::ListenerCertificate entry(const std::string &hostname, const std::string &cn)
    {
        const Tls::PemPair pem = serverCa->issue(cn, {"DNS:" + cn}, Tls::CertificateUse::Server);
        return {hostname, pem.certificate, pem.privateKey};
    }

    std::shared_ptr<SSL_CTX> port(std::optional<Tls::ClientValidation> validation)
    {
        Tls::ServerContextOptions options;
        options.clientValidation = std::move(validation);
        Core::Text error;
        auto context = Tls::buildServerContext(listeners, options, &error);
        if (!context) {
            qWarning("%s", error.english().c_str());
        }
        return context;
    }

    const Tls::PemPair *client(const QString &name) const
    {
        if (name == "valid") {
            return &validClient;
        }
        if (name == "wrong-ca") {
            return &otherClient;
        }
        if (name == "self-signed") {
            return &selfSignedClient;
        }
        return nullptr;
    }
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

struct ServerView
{
    std::string peerCommonName; // the client certificate the server received ("" = none)
    long verifyResult = -1;
};

Handshake handshakeWith(SSL_CTX *server, const std::string &serverName, const Tls::PemPair *client,
                  int maxVersion, ServerView *view)
{
    ClientSettings settings(serverName, {}, fixture().serverCa->pem().certificate, maxVersion);
    if (client != nullptr) {
        settings.clientCertificate = client->certificate;
        settings.clientKey = client->privateKey;
    }
    return handshake(server, settings, [view](SSL *ssl) {
        if (X509 *peer = SSL_get0_peer_certificate(ssl)) {
            view->peerCommonName = commonName(peer);
        }
        view->verifyResult = SSL_get_verify_result(ssl);
    });
}

} // namespace

class TestClientValidation : public QObject
{
    Q_OBJECT
private slots:
    void modes_data()
    {
        QTest::addColumn<bool>("insecureFallback");
        QTest::addColumn<QString>("client"); // "none", "valid", "wrong-ca", "self-signed"
        QTest::addColumn<int>("maxVersion");
        QTest::addColumn<QString>("serverName");
        QTest::addColumn<bool>("accepted");
        for (const int version : {TLS1_2_VERSION, TLS1_3_VERSION}) {
            const char *v = version == TLS1_2_VERSION ? "1.2" : "1.3";
            for (const char *sni : {"a.example.com", ""}) {
                const QByteArray tag = QByteArray(v) + (*sni ? " sni" : " no-sni");
                QTest::newRow(tag + " valid-only, valid") << false << "valid" << version << sni
                                                          << true;
                QTest::newRow(tag + " valid-only, none") << false << "none" << version << sni
                                                         << false;
                QTest::newRow(tag + " valid-only, wrong CA")
                    << false << "wrong-ca" << version << sni << false;
                QTest::newRow(tag + " valid-only, self-signed")
                    << false << "self-signed" << version << sni << false;
                QTest::newRow(tag + " fallback, valid") << true << "valid" << version << sni
                                                        << true;
                QTest::newRow(tag + " fallback, none") << true << "none" << version << sni
                                                       << true;
                QTest::newRow(tag + " fallback, wrong CA") << true << "wrong-ca" << version << sni
                                                           << true;
                QTest::newRow(tag + " fallback, self-signed")
                    << true << "self-signed" << version << sni << true;
            }
        }
    }

    void modes()
    {
        QFETCH(bool, insecureFallback);
        QFETCH(QString, client);
        QFETCH(int, maxVersion);
        QFETCH(QString, serverName);
        QFETCH(bool, accepted);
        Fixture &f = fixture();
        const auto server = f.port(Tls::ClientValidation{
            {f.clientCa->pem().certificate},
            insecureFallback ? Tls::ClientValidation::Mode::AllowInsecureFallback
                             : Tls::ClientValidation::Mode::AllowValidOnly});
        QVERIFY(server);
        ServerView view;
        const Tls::PemPair *presented = f.client(client);
        const Handshake h =
            handshakeWith(server.get(), serverName.toStdString(), presented, maxVersion, &view);
        QVERIFY(h.clientCertificateAsked);
        QCOMPARE(h.serverOk, accepted);
        if (!accepted && maxVersion == TLS1_2_VERSION) {
            QVERIFY(!h.clientOk); // TLS 1.2: the client sees the failure in the handshake
        }
        if (accepted) {
            QVERIFY2(h.clientOk, h.clientError.c_str());
            QCOMPARE(QString::fromStdString(h.presentedCommonName),
                     serverName.isEmpty() ? QString("catch-all") : serverName);
            // The certificate sent reached the server, and its check is what the CA says.
            QCOMPARE(view.peerCommonName.empty(), presented == nullptr);
            if (client == "valid") {
                QCOMPARE(view.verifyResult, long(X509_V_OK));
            } else if (presented != nullptr) {
                QVERIFY(view.verifyResult != X509_V_OK);
            }
        }
    }

    void everyBundleIsTrusted()
    {
        // Several caCertificateRefs: a certificate signed by any of them passes.
        Fixture &f = fixture();
        const auto server = f.port(Tls::ClientValidation{
            {f.otherCa->pem().certificate, f.clientCa->pem().certificate},
            Tls::ClientValidation::Mode::AllowValidOnly});
        QVERIFY(server);
        ServerView view;
        QVERIFY(handshakeWith(server.get(), "a.example.com", &f.validClient, 0, &view).serverOk);
        QVERIFY(handshakeWith(server.get(), "a.example.com", &f.otherClient, 0, &view).serverOk);
        QVERIFY(!handshakeWith(server.get(), "a.example.com", &f.selfSignedClient, 0, &view).serverOk);
        // One bundle holding both CAs works the same.
        const auto bundled = f.port(Tls::ClientValidation{
            {f.otherCa->pem().certificate + f.clientCa->pem().certificate},
            Tls::ClientValidation::Mode::AllowValidOnly});
        QVERIFY(bundled);
        QVERIFY(handshakeWith(bundled.get(), "a.example.com", &f.validClient, 0, &view).serverOk);
        QVERIFY(handshakeWith(bundled.get(), "a.example.com", &f.otherClient, 0, &view).serverOk);
    }

    void withoutValidationNoCertificateIsAsked()
    {
        Fixture &f = fixture();
        const auto server = f.port(std::nullopt);
        QVERIFY(server);
        ServerView view;
        const Handshake h = handshakeWith(server.get(), "a.example.com", &f.validClient, 0, &view);
        QVERIFY(h.serverOk);
        QVERIFY(!h.clientCertificateAsked);
        QVERIFY(view.peerCommonName.empty());
    }

    void unusableCaBundlesAreRejectedWithAReason()
    {
        Fixture &f = fixture();
        Core::Text error;
        Tls::ServerContextOptions options;
        options.clientValidation = Tls::ClientValidation{};
        QVERIFY(!Tls::buildServerContext(f.listeners, options, &error));
        QVERIFY2(error.english().find("client certificate validation") != std::string::npos,
                 error.english().c_str());
        options.clientValidation->caBundles = {f.clientCa->pem().certificate, "not a PEM"};
        QVERIFY(!Tls::buildServerContext(f.listeners, options, &error));
        QVERIFY2(error.english().find("no PEM certificate") != std::string::npos,
                 error.english().c_str());
    }
};

QTEST_GUILESS_MAIN(TestClientValidation)
#include "tst_tls_client_validation.moc"
