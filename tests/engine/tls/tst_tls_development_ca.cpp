// engine/tls: the development CA is created once in the workspace's settings folder (key 0600),
// reused by the next run, and issues leaves for listener hostnames that verify against it. The
// CertificateAuthority it rests on reads a CA back from PEM and refuses what is not one.
#include "tls_test_support.h"

#include "engine/tls/certificate_authority.h"
#include "engine/tls/development_ca.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using namespace Torii;
using namespace TlsTest;

namespace {

std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

unsigned modeOf(const std::string &path)
{
    struct stat st
    {
    };
    ::stat(path.c_str(), &st);
    return st.st_mode & 0777;
}

// Verifies `leafPem` against `caPem` for `host` with OpenSSL's chain and host checks.
bool verifies(const std::string &leafPem, const std::string &caPem, const std::string &host)
{
    X509Ptr leaf = readCertificate(leafPem);
    X509Ptr ca = readCertificate(caPem);
    X509_STORE *store = X509_STORE_new();
    X509_STORE_add_cert(store, ca.get());
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    X509_STORE_CTX_init(ctx, store, leaf.get(), nullptr);
    X509_VERIFY_PARAM_set1_host(X509_STORE_CTX_get0_param(ctx), host.c_str(), host.size());
    const bool ok = X509_verify_cert(ctx) == 1;
    X509_STORE_CTX_free(ctx);
    X509_STORE_free(store);
    return ok;
}

} // namespace

class TestDevelopmentCa : public QObject
{
    Q_OBJECT
private slots:
    void createdOnceThenReused()
    {
        QTemporaryDir workspace;
        const std::string dir = Tls::DevelopmentCa::directoryFor(workspace.path().toStdString());
        QCOMPARE(QString::fromStdString(dir), workspace.path() + "/.torii/dev-ca");

        Core::Text error;
        auto first = Tls::DevelopmentCa::open(dir, &error);
        QVERIFY2(first, error.english().c_str());
        QVERIFY(first->createdNow());
        QCOMPARE(QString::fromStdString(first->certificatePath()),
                 QString::fromStdString(dir) + "/ca.crt");
        QCOMPARE(modeOf(first->keyPath()), 0600u);
        QCOMPARE(modeOf(dir), 0700u);
        QCOMPARE(readAll(first->certificatePath()), first->authority().pem().certificate);

        auto second = Tls::DevelopmentCa::open(dir, &error);
        QVERIFY2(second, error.english().c_str());
        QVERIFY(!second->createdNow());
        QCOMPARE(second->authority().pem().certificate, first->authority().pem().certificate);

        // A leaf of the second run verifies against the first run's file: trusted once.
        const Tls::PemPair leaf = second->issueFor({"a.example.com", "*.wild.org", ""});
        const std::string caFile = readAll(first->certificatePath());
        QVERIFY(verifies(leaf.certificate, caFile, "a.example.com"));
        QVERIFY(verifies(leaf.certificate, caFile, "x.wild.org"));
        QVERIFY(verifies(leaf.certificate, caFile, "localhost"));
        QVERIFY(!verifies(leaf.certificate, caFile, "b.example.com"));
        const auto names = dnsNames(readCertificate(leaf.certificate).get());
        QCOMPARE(names, (std::vector<std::string>{"*.wild.org", "a.example.com", "localhost"}));
        QVERIFY(leaf.certificate.find(caFile) != std::string::npos); // the chain carries the CA
    }

    void noHostnameMeansLocalhost()
    {
        QTemporaryDir workspace;
        Core::Text error;
        auto ca = Tls::DevelopmentCa::open(workspace.path().toStdString(), &error);
        QVERIFY(ca);
        const Tls::PemPair leaf = ca->issueFor({});
        X509Ptr cert = readCertificate(leaf.certificate);
        QCOMPARE(commonName(cert.get()), std::string("localhost"));
        QCOMPARE(dnsNames(cert.get()), std::vector<std::string>{"localhost"});
    }

    void brokenFolderIsReportedNotOverwritten()
    {
        QTemporaryDir workspace;
        const std::string dir = workspace.path().toStdString();
        {
            std::ofstream(dir + "/ca.crt") << "junk";
        }
        Core::Text error;
        QVERIFY(!Tls::DevelopmentCa::open(dir, &error));
        QVERIFY2(error.english().find("incomplete") != std::string::npos, error.english().c_str());
        QCOMPARE(readAll(dir + "/ca.crt"), std::string("junk"));
        {
            std::ofstream(dir + "/ca.key") << "junk";
        }
        QVERIFY(!Tls::DevelopmentCa::open(dir, &error));
        QVERIFY2(error.english().find("unusable") != std::string::npos, error.english().c_str());
    }

    void authorityFromPem()
    {
        auto ca = Tls::CertificateAuthority::create("round trip");
        std::string why;
        auto back = Tls::CertificateAuthority::fromPem(ca->pem(), &why);
        QVERIFY2(back, why.c_str());
        const Tls::PemPair leaf =
            back->issue("leaf", {"DNS:leaf.test"}, Tls::CertificateUse::Server);
        QVERIFY(verifies(leaf.certificate, ca->pem().certificate, "leaf.test"));

        QVERIFY(!Tls::CertificateAuthority::fromPem(leaf, &why)); // a leaf is no CA
        QVERIFY2(why.find("not a CA") != std::string::npos, why.c_str());
        auto other = Tls::CertificateAuthority::create("other");
        QVERIFY(!Tls::CertificateAuthority::fromPem(
            {ca->pem().certificate, other->pem().privateKey}, &why));
        QVERIFY2(why.find("does not belong") != std::string::npos, why.c_str());
    }
};

QTEST_GUILESS_MAIN(TestDevelopmentCa)
#include "tst_tls_development_ca.moc"
