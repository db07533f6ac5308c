// HTTPS listeners from design to SSL_CTX: the controller hands over the certificates the
// listeners' certificateRefs resolved to (ControllerResult::tlsListeners), planHttpsPorts builds
// one SNI context per port, a listener without a usable certificate is left out (and said why)
// or, with the development CA, filled with a leaf of it and marked. A real handshake over a
// socketpair proves which certificate each host name gets. A serve session with --dev-ca keeps
// the CA in <workspace>/.torii/dev-ca (key 0600) and a second run reuses it. The Gateway's
// client certificate validation (spec.tls.frontend) reaches the port it applies to.
#include "app/runtime/listener_certificates.h"
#include "app/runtime/serve_session.h"
#include "engine/controller/controller.h"
#include "engine/tls/certificate_authority.h"
#include "engine/yaml/resource_reader.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <QtCore/QByteArray>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <fstream>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace Torii;

namespace {

std::string base64(const std::string &text)
{
    return QByteArray::fromStdString(text).toBase64().toStdString();
}

// Gateway web (infra) on port 443: "secure" with a valid Secret for secure.example.com, "broken"
// for *.broken.example.com naming a Secret that does not exist, and "any" without hostname whose
// Secret holds a key of another certificate.
std::string design(const Tls::PemPair &good, const Tls::PemPair &other)
{
    return R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: infra}
spec:
  gatewayClassName: torii
  listeners:
  - name: secure
    port: 443
    protocol: HTTPS
    hostname: secure.example.com
    tls: {certificateRefs: [{name: good}]}
  - name: broken
    port: 443
    protocol: HTTPS
    hostname: "*.broken.example.com"
    tls: {certificateRefs: [{name: missing}]}
  - name: any
    port: 443
    protocol: HTTPS
    tls: {certificateRefs: [{name: mismatched}]}
---
apiVersion: v1
kind: Secret
metadata: {name: good, namespace: infra}
type: kubernetes.io/tls
data:
  tls.crt: )" +
           base64(good.certificate) + R"(
  tls.key: )" +
           base64(good.privateKey) + R"(
---
apiVersion: v1
kind: Secret
metadata: {name: mismatched, namespace: infra}
type: kubernetes.io/tls
data:
  tls.crt: )" +
           base64(good.certificate) + R"(
  tls.key: )" +
           base64(other.privateKey) + R"(
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: web}]
  rules: [{backendRefs: [{name: app, port: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: app, namespace: infra}
spec: {ports: [{port: 8080}]}
)";
}

// Gateway mtls (infra): HTTPS on 443 and 8443 serving `server`; spec.tls.frontend trusts
// ConfigMap default-ca (AllowValidOnly) by default and ConfigMap port-ca (AllowInsecureFallback)
// on 8443.
std::string validatingDesign(const Tls::PemPair &server, const std::string &defaultCa,
                             const std::string &portCa)
{
    auto indented = [](const std::string &pem) {
        std::string out;
        for (char c : pem) {
            out += c;
            if (c == '\n') {
                out += "      ";
            }
        }
        return out;
    };
    return R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: mtls, namespace: infra}
spec:
  gatewayClassName: torii
  tls:
    frontend:
      default:
        validation:
          caCertificateRefs: [{kind: ConfigMap, group: "", name: default-ca}]
      perPort:
      - port: 8443
        tls:
          validation:
            mode: AllowInsecureFallback
            caCertificateRefs: [{kind: ConfigMap, group: "", name: port-ca}]
  listeners:
  - {name: strict, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: server}]}}
  - {name: lenient, port: 8443, protocol: HTTPS, tls: {certificateRefs: [{name: server}]}}
---
apiVersion: v1
kind: Secret
metadata: {name: server, namespace: infra}
type: kubernetes.io/tls
data:
  tls.crt: )" +
           base64(server.certificate) + R"(
  tls.key: )" +
           base64(server.privateKey) + R"(
---
apiVersion: v1
kind: ConfigMap
metadata: {name: default-ca, namespace: infra}
data:
  ca.crt: |
      )" + indented(defaultCa) +
           R"(
---
apiVersion: v1
kind: ConfigMap
metadata: {name: port-ca, namespace: infra}
data:
  ca.crt: |
      )" + indented(portCa) +
           R"(
)";
}

std::vector<Model::Resource> resourcesOf(const std::string &text)
{
    return Yaml::readText(text, "design.yaml").resources;
}

struct Presented
{
    bool ok = false;
    bool serverOk = false; // the server's side of the handshake passed
    std::string commonName;
    long verify = -1;
};

// A handshake against `context` with SNI `serverName`, trusting `caPem`, presenting `client`
// when the server asks (null: none).
Presented handshake(SSL_CTX *context, const std::string &serverName, const std::string &caPem,
                    const Tls::PemPair *client = nullptr)
{
    signal(SIGPIPE, SIG_IGN);
    int fds[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
    Presented out;
    std::thread server([&] {
        SSL *ssl = SSL_new(context);
        SSL_set_fd(ssl, fds[1]);
        out.serverOk = SSL_accept(ssl) == 1;
        if (out.serverOk) {
            SSL_shutdown(ssl);
        }
        SSL_free(ssl);
        ::close(fds[1]);
    });
    SSL_CTX *clientContext = SSL_CTX_new(TLS_client_method());
    BIO *bio = BIO_new_mem_buf(caPem.data(), static_cast<int>(caPem.size()));
    X509 *ca = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    X509_STORE_add_cert(SSL_CTX_get_cert_store(clientContext), ca);
    X509_free(ca);
    if (client != nullptr) {
        BIO *certBio =
            BIO_new_mem_buf(client->certificate.data(), static_cast<int>(client->certificate.size()));
        X509 *certificate = PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr);
        BIO_free(certBio);
        BIO *keyBio =
            BIO_new_mem_buf(client->privateKey.data(), static_cast<int>(client->privateKey.size()));
        EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
        BIO_free(keyBio);
        SSL_CTX_use_certificate(clientContext, certificate);
        SSL_CTX_use_PrivateKey(clientContext, key);
        X509_free(certificate);
        EVP_PKEY_free(key);
    }
    SSL *ssl = SSL_new(clientContext);
    SSL_set_fd(ssl, fds[0]);
    SSL_set_tlsext_host_name(ssl, serverName.c_str());
    SSL_set1_host(ssl, serverName.c_str());
    out.ok = SSL_connect(ssl) == 1;
    if (out.ok) {
        X509 *peer = SSL_get1_peer_certificate(ssl);
        char cn[256] = {};
        X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_commonName, cn, sizeof cn);
        out.commonName = cn;
        X509_free(peer);
        out.verify = SSL_get_verify_result(ssl);
        SSL_shutdown(ssl);
    }
    ERR_clear_error();
    SSL_free(ssl);
    SSL_CTX_free(clientContext);
    ::shutdown(fds[0], SHUT_RDWR);
    server.join();
    ::close(fds[0]);
    return out;
}

unsigned modeOf(const QString &path)
{
    struct stat st
    {
    };
    ::stat(path.toLocal8Bit().constData(), &st);
    return st.st_mode & 0777;
}

} // namespace

class TestHttpsListeners : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<const Tls::CertificateAuthority> m_ca =
        Tls::CertificateAuthority::create("tst_runtime CA");
    Tls::PemPair m_good =
        m_ca->issue("secure.example.com", {"DNS:secure.example.com"}, Tls::CertificateUse::Server);
    Tls::PemPair m_other = m_ca->issue("other", {"DNS:other"}, Tls::CertificateUse::Server);

private slots:
    void controllerHandsOverResolvedCertificates()
    {
        const auto computed = Controller::reconcile(resourcesOf(design(m_good, m_other)));
        const auto it = computed.tlsListeners.find("infra/web");
        QVERIFY(it != computed.tlsListeners.end());
        const std::vector<Controller::TlsListener> &listeners = it->second;
        QCOMPARE(listeners.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(listeners[0].name), QString("secure"));
        QCOMPARE(listeners[0].keyPairs.size(), std::size_t(1));
        QCOMPARE(listeners[0].keyPairs[0].certificateChain, m_good.certificate);
        QCOMPARE(QString::fromStdString(listeners[0].certificateProblem), QString());
        QVERIFY(listeners[1].keyPairs.empty());
        QVERIFY2(listeners[1].certificateProblem.find("does not exist") != std::string::npos,
                 listeners[1].certificateProblem.c_str());
        QVERIFY(listeners[2].keyPairs.empty());
        QCOMPARE(QString::fromStdString(listeners[2].hostname), QString());
    }

    void withoutDevelopmentCaOnlyResolvedListenersAreServed()
    {
        const auto computed = Controller::reconcile(resourcesOf(design(m_good, m_other)));
        const auto ports = Runtime::planHttpsPorts(computed, nullptr);
        const auto port = ports.find({"infra/web", 443});
        QVERIFY(port != ports.end());
        QVERIFY(port->second.context);
        using Source = Runtime::HttpsListenerNote::Source;
        const auto &notes = port->second.notes;
        QCOMPARE(notes.size(), std::size_t(3));
        QCOMPARE(int(notes[0].source), int(Source::Secret));
        QCOMPARE(int(notes[1].source), int(Source::NotServed));
        QVERIFY(!notes[1].problem.empty());
        QCOMPARE(int(notes[2].source), int(Source::NotServed));

        const Presented secure =
            handshake(port->second.context.get(), "secure.example.com", m_ca->pem().certificate);
        QVERIFY(secure.ok);
        QCOMPARE(secure.commonName, std::string("secure.example.com"));
        QCOMPARE(secure.verify, long(X509_V_OK));
        // No catch-all was served: a name of the broken listener is refused.
        QVERIFY(
            !handshake(port->second.context.get(), "a.broken.example.com", m_ca->pem().certificate)
                 .ok);
    }

    void developmentCaFillsTheRest()
    {
        QTemporaryDir workspace;
        Core::Text error;
        auto ca = Tls::DevelopmentCa::open(
            Tls::DevelopmentCa::directoryFor(workspace.path().toStdString()), &error);
        QVERIFY(ca);
        const auto computed = Controller::reconcile(resourcesOf(design(m_good, m_other)));
        const auto ports = Runtime::planHttpsPorts(computed, ca.get());
        const auto &port = ports.at({"infra/web", 443});
        QVERIFY(port.context);
        using Source = Runtime::HttpsListenerNote::Source;
        QCOMPARE(int(port.notes[0].source), int(Source::Secret));
        QCOMPARE(int(port.notes[1].source), int(Source::DevelopmentCertificate));
        QCOMPARE(int(port.notes[2].source), int(Source::DevelopmentCertificate));

        const std::string devCa = ca->authority().pem().certificate;
        Presented p = handshake(port.context.get(), "x.broken.example.com", devCa);
        QVERIFY(p.ok);
        QCOMPARE(p.commonName, std::string("*.broken.example.com"));
        QCOMPARE(p.verify, long(X509_V_OK));
        p = handshake(port.context.get(), "localhost", devCa); // the listener without hostname
        QVERIFY(p.ok);
        QCOMPARE(p.commonName, std::string("localhost"));
        QCOMPARE(p.verify, long(X509_V_OK));
        p = handshake(port.context.get(), "secure.example.com", m_ca->pem().certificate);
        QCOMPARE(p.commonName, std::string("secure.example.com")); // the Secret still wins
    }

    void frontendValidationReachesItsPort()
    {
        const auto clientCa = Tls::CertificateAuthority::create("tst_runtime client CA");
        const auto portCa = Tls::CertificateAuthority::create("tst_runtime port CA");
        const Tls::PemPair client = clientCa->issue("client", {}, Tls::CertificateUse::Client);
        const Tls::PemPair portClient = portCa->issue("port-client", {}, Tls::CertificateUse::Client);
        const auto computed = Controller::reconcile(resourcesOf(
            validatingDesign(m_good, clientCa->pem().certificate, portCa->pem().certificate)));
        const auto &listeners = computed.tlsListeners.at("infra/mtls");
        QCOMPARE(listeners.size(), std::size_t(2));
        QCOMPARE(listeners[0].clientCaBundles.size(), std::size_t(1));
        QVERIFY(listeners[0].clientCaBundles[0].find(clientCa->pem().certificate.substr(0, 80)) !=
                std::string::npos);
        QVERIFY(!listeners[0].clientValidationInsecure);
        QCOMPARE(listeners[1].clientCaBundles.size(), std::size_t(1));
        QVERIFY(listeners[1].clientCaBundles[0].find(portCa->pem().certificate.substr(0, 80)) !=
                std::string::npos);
        QVERIFY(listeners[1].clientValidationInsecure);

        const auto ports = Runtime::planHttpsPorts(computed, nullptr);
        SSL_CTX *strict = ports.at({"infra/mtls", 443}).context.get();
        SSL_CTX *lenient = ports.at({"infra/mtls", 8443}).context.get();
        QVERIFY(strict && lenient);
        const std::string serverCa = m_ca->pem().certificate;
        // 443, AllowValidOnly with the default CA.
        QVERIFY(handshake(strict, "secure.example.com", serverCa, &client).serverOk);
        QVERIFY(!handshake(strict, "secure.example.com", serverCa, &portClient).serverOk);
        QVERIFY(!handshake(strict, "secure.example.com", serverCa).serverOk);
        // 8443, AllowInsecureFallback with its own CA: everything passes.
        QVERIFY(handshake(lenient, "secure.example.com", serverCa, &portClient).serverOk);
        QVERIFY(handshake(lenient, "secure.example.com", serverCa, &client).serverOk);
        QVERIFY(handshake(lenient, "secure.example.com", serverCa).serverOk);
    }

    void serveKeepsTheDevelopmentCaInTheWorkspace()
    {
        QTemporaryDir workspace;
        {
            QFile file(workspace.filePath("design.yaml"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray::fromStdString(design(m_good, m_other)));
        }
        Runtime::ServeOptions options;
        options.anyPort = true;
        options.developmentCa = true;
        const std::vector<std::string> paths{workspace.filePath("design.yaml").toStdString()};
        std::string firstCertificate;
        {
            Runtime::ServeSession session;
            QString error;
            QVERIFY2(session.start(paths, options, &error), qPrintable(error));
            QVERIFY(session.developmentCa());
            QVERIFY(session.developmentCa()->createdNow());
            QCOMPARE(QString::fromStdString(session.developmentCa()->certificatePath()),
                     QDir(workspace.path()).filePath(".torii/dev-ca/ca.crt"));
            QCOMPARE(modeOf(workspace.filePath(".torii/dev-ca/ca.key")), 0600u);
            firstCertificate = session.developmentCa()->authority().pem().certificate;
            int filled = 0;
            for (const auto &note : session.httpsNotes()) {
                filled += note.source == Runtime::HttpsListenerNote::Source::DevelopmentCertificate;
            }
            QCOMPARE(filled, 2);
            session.stop();
        }
        Runtime::ServeSession again;
        QString error;
        QVERIFY2(again.start(paths, options, &error), qPrintable(error));
        QVERIFY(!again.developmentCa()->createdNow());
        QCOMPARE(again.developmentCa()->authority().pem().certificate, firstCertificate);
        again.stop();

        // Without --dev-ca nothing is written to the workspace.
        QTemporaryDir other;
        QVERIFY(QFile::copy(workspace.filePath("design.yaml"), other.filePath("design.yaml")));
        Runtime::ServeOptions plain;
        plain.anyPort = true;
        Runtime::ServeSession session;
        QVERIFY2(session.start({other.filePath("design.yaml").toStdString()}, plain, &error),
                 qPrintable(error));
        QVERIFY(!session.developmentCa());
        QVERIFY(!QFile::exists(other.filePath(".torii")));
        session.stop();
    }
};

QTEST_GUILESS_MAIN(TestHttpsListeners)
#include "tst_runtime_https_listeners.moc"
