// TLS listeners in mode Terminate (TLSRoute behind, the stream forwarded over TCP) from design to
// SSL_CTX (planTlsTerminatePorts): without a usable certificate the port is not served; with the
// development CA (serve --dev-ca) the listener gets a leaf of it for its hostname, as HTTPS
// listeners do. A real handshake over a socketpair proves what a client is presented.
#include "app/runtime/stream_backends.h"
#include "engine/controller/controller.h"
#include "engine/tls/development_ca.h"
#include "engine/yaml/resource_reader.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <csignal>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Torii;

namespace {

// Gateway tls (infra): a Terminate listener on 6443 for tcp.example.com whose certificateRef
// names a Secret that does not exist, a TLSRoute to Service app.
const char *const kDesign = R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: tls, namespace: infra}
spec:
  gatewayClassName: torii
  listeners:
  - name: terminate
    port: 6443
    protocol: TLS
    hostname: tcp.example.com
    tls: {mode: Terminate, certificateRefs: [{name: missing}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: tls}]
  hostnames: [tcp.example.com]
  rules: [{backendRefs: [{name: app, port: 9000}]}]
---
apiVersion: v1
kind: Service
metadata: {name: app, namespace: infra}
spec: {ports: [{port: 9000}]}
)";

struct Presented
{
    bool ok = false;
    std::string commonName;
    long verify = -1;
};

// A client handshake against `context` with SNI `serverName`, trusting `caPem`.
Presented handshake(SSL_CTX *context, const std::string &serverName, const std::string &caPem)
{
    ::signal(SIGPIPE, SIG_IGN); // a refused handshake: the server's alert meets a closed socket
    int fds[2];
    ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds);
    std::thread server([&] {
        SSL *ssl = SSL_new(context);
        SSL_set_fd(ssl, fds[1]);
        if (SSL_accept(ssl) == 1) {
            SSL_shutdown(ssl);
        }
        SSL_free(ssl);
        ::close(fds[1]);
    });
    Presented out;
    SSL_CTX *clientContext = SSL_CTX_new(TLS_client_method());
    BIO *bio = BIO_new_mem_buf(caPem.data(), int(caPem.size()));
    X509 *ca = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    X509_STORE_add_cert(SSL_CTX_get_cert_store(clientContext), ca);
    X509_free(ca);
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

} // namespace

class TestTlsTerminateDevCa : public QObject
{
    Q_OBJECT

private slots:
    void withoutDevelopmentCaTheListenerIsNotServed()
    {
        const auto computed =
            Controller::reconcile(Yaml::readText(kDesign, "design.yaml").resources);
        const auto ports = Runtime::planTlsTerminatePorts(computed);
        const auto port = ports.find({"infra/tls", 6443});
        QVERIFY(port != ports.end()); // known as a Terminate port...
        QVERIFY(!port->second);       // ...without a context: not served
    }

    void developmentCaFillsTheListener()
    {
        QTemporaryDir workspace;
        Core::Text error;
        auto ca = Tls::DevelopmentCa::open(
            Tls::DevelopmentCa::directoryFor(workspace.path().toStdString()), &error);
        QVERIFY(ca);
        const auto computed =
            Controller::reconcile(Yaml::readText(kDesign, "design.yaml").resources);
        const auto ports = Runtime::planTlsTerminatePorts(computed, ca.get());
        const auto port = ports.find({"infra/tls", 6443});
        QVERIFY(port != ports.end() && port->second);
        const Presented p =
            handshake(port->second.get(), "tcp.example.com", ca->authority().pem().certificate);
        QVERIFY(p.ok);
        QCOMPARE(p.commonName, std::string("tcp.example.com"));
        QCOMPARE(p.verify, long(X509_V_OK));
        // The leaf is for the listener's hostname only: another name does not verify.
        QVERIFY(
            !handshake(port->second.get(), "other.example.com", ca->authority().pem().certificate)
                 .ok);
    }
};

QTEST_GUILESS_MAIN(TestTlsTerminateDevCa)
#include "tst_runtime_tls_terminate_dev_ca.moc"
