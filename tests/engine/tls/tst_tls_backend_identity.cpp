// Tls::backendIdentityProblem: a backend certificate against a BackendTLSPolicy's hostname and
// subjectAltNames (Hostname: DNS SAN with RFC 6125 wildcards, URI: exact), never the subject CN.
// The wildcard rules are also run over real TLS through the gateway (tst_backend_tls_origination).
#include "engine/tls/backend_identity.h"
#include "engine/tls/certificate_authority.h"

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <QtTest/QTest>

#include <memory>

using namespace Torii::Tls;

namespace {

std::unique_ptr<X509, decltype(&X509_free)> parse(const std::string &pem)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    return {PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), X509_free};
}

} // namespace

class TestTlsBackendIdentity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_ca = CertificateAuthority::create("identity test CA");
        m_leaf = m_ca->issue("cn.example.com",
                             {"DNS:abc.example.com", "DNS:*.wild.example.com",
                              "URI:spiffe://abc.example.com/id"},
                             CertificateUse::Server)
                     .certificate;
        m_wildLeaf = m_ca->issue("wild.example.com",
                                 {"DNS:*.example.com", "DNS:a*.partial.example.com", "DNS:*.com",
                                  "DNS:*.0.0.1", "DNS:exact.example.net", "IP:192.0.2.7"},
                                 CertificateUse::Server)
                         .certificate;
    }

    void judge_data()
    {
        QTest::addColumn<QString>("hostname");
        QTest::addColumn<QStringList>("dnsNames");
        QTest::addColumn<QStringList>("uris");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("hostname") << "abc.example.com" << QStringList() << QStringList() << true;
        QTest::newRow("hostname, any case") << "ABC.example.com" << QStringList() << QStringList()
                                            << true;
        QTest::newRow("hostname under a wildcard SAN")
            << "a.wild.example.com" << QStringList() << QStringList() << true;
        QTest::newRow("a wildcard stands for one label")
            << "a.b.wild.example.com" << QStringList() << QStringList() << false;
        QTest::newRow("the CN does not count")
            << "cn.example.com" << QStringList() << QStringList() << false;
        QTest::newRow("SANs replace the hostname check")
            << "nope.example.com" << QStringList{"abc.example.com"} << QStringList() << true;
        QTest::newRow("hostname matches but the SAN does not")
            << "abc.example.com" << QStringList{"dce.example.com"} << QStringList() << false;
        QTest::newRow("URI SAN") << "abc.example.com" << QStringList()
                                 << QStringList{"spiffe://abc.example.com/id"} << true;
        QTest::newRow("URI SAN is exact")
            << "abc.example.com" << QStringList()
            << QStringList{"spiffe://abc.example.com/id/"} << false;
        QTest::newRow("URI is not a DNS name")
            << "abc.example.com" << QStringList{"spiffe://abc.example.com/id"} << QStringList()
            << false;
        QTest::newRow("one of several")
            << "abc.example.com" << QStringList{"def.example.com"}
            << QStringList{"spiffe://abc.example.com/id"} << true;
        QTest::newRow("none of several")
            << "abc.example.com" << QStringList{"def.example.com"}
            << QStringList{"spiffe://def.example.com/id"} << false;
    }

    void judge()
    {
        QFETCH(QString, hostname);
        QFETCH(QStringList, dnsNames);
        QFETCH(QStringList, uris);
        QFETCH(bool, acceptable);
        BackendIdentity wanted;
        wanted.hostname = hostname.toStdString();
        for (const QString &n : dnsNames) {
            wanted.dnsNames.push_back(n.toStdString());
        }
        for (const QString &u : uris) {
            wanted.uris.push_back(u.toStdString());
        }
        const auto certificate = parse(m_leaf);
        QVERIFY(certificate);
        const std::string problem = backendIdentityProblem(certificate.get(), wanted);
        QVERIFY2(problem.empty() == acceptable, problem.c_str());
        if (!acceptable) {
            // The reason names what the certificate carries.
            QVERIFY(problem.find("abc.example.com, *.wild.example.com, "
                                 "spiffe://abc.example.com/id") != std::string::npos);
        }
    }

    // RFC 6125 section 6.4.3 for wildcard SANs, for the policy hostname and for subjectAltNames
    // of type Hostname alike (`asSan`: the name is given as a Hostname SAN, hostname elsewhere).
    void wildcardRules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("asSan");
        QTest::addColumn<bool>("acceptable");
        const auto both = [](const char *row, const char *name, bool acceptable) {
            QTest::addRow("hostname: %s", row) << QString(name) << false << acceptable;
            QTest::addRow("SAN: %s", row) << QString(name) << true << acceptable;
        };
        both("one label under *.example.com", "api.example.com", true);
        both("any case", "API.Example.COM", true);
        both("one trailing dot", "api.example.com.", true);
        both("not the bare domain", "example.com", false);
        both("not two labels", "a.b.example.com", false);
        both("only the leftmost label", "api.x.example.com", false);
        both("not a partial wildcard", "ab.partial.example.com", false);
        both("not over one label (*.com)", "foo.com", false);
        both("an exact SAN beside the wildcards", "exact.example.net", true);
        both("not for an IP address", "10.0.0.1", false);
        both("an IP address matches its IP SAN", "192.0.2.7", true);
        // A wildcard in the policy names that wildcard, not the hosts it covers.
        both("the same wildcard", "*.example.com", true);
        both("a wildcard the certificate does not carry", "*.example.net", false);
    }

    void wildcardRules()
    {
        QFETCH(QString, name);
        QFETCH(bool, asSan);
        QFETCH(bool, acceptable);
        const auto certificate = parse(m_wildLeaf);
        QVERIFY(certificate);
        BackendIdentity wanted;
        if (asSan) {
            wanted.hostname = "unrelated.example.org";
            wanted.dnsNames.push_back(name.toStdString());
        } else {
            wanted.hostname = name.toStdString();
        }
        const std::string problem = backendIdentityProblem(certificate.get(), wanted);
        QVERIFY2(problem.empty() == acceptable, problem.c_str());
        if (!acceptable) {
            QVERIFY2(problem.find("the policy accepts " + name.toStdString()) != std::string::npos,
                     problem.c_str());
        }
    }

    void noCertificate()
    {
        QCOMPARE(backendIdentityProblem(nullptr, {"abc.example.com", {}, {}}),
                 std::string("the backend presented no certificate"));
    }

    void uriNames()
    {
        const auto certificate = parse(m_leaf);
        QCOMPARE(uriNamesOf(certificate.get()),
                 std::vector<std::string>{"spiffe://abc.example.com/id"});
    }

private:
    std::shared_ptr<const CertificateAuthority> m_ca;
    std::string m_leaf;
    std::string m_wildLeaf; // wildcard, partial-wildcard, one-label and IP-like SANs
};

QTEST_GUILESS_MAIN(TestTlsBackendIdentity)
#include "tst_tls_backend_identity.moc"
