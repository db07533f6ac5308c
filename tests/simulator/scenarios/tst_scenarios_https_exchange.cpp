// The route-test runner's HTTPS client (http_exchange.h with TlsClientOptions) against a tiny
// blocking OpenSSL server on 127.0.0.1 whose SSL_CTX is engine/tls's SNI context: the SNI picks
// the listener, the chain is verified against the trusted certificates only, the name is checked
// with Go's rules, a client certificate is presented when asked, a handshake failure is told
// apart from a missing response, and a plain-HTTP listener on the port is recognised. Also the
// https fields of the request cases (protocol https, sni, clientCertificate, expect.connection).
#include "engine/tls/certificate_authority.h"
#include "engine/tls/server_context.h"
#include "engine/yaml/yaml_loader.h"
#include "simulator/scenarios/http_exchange.h"
#include "simulator/scenarios/request_case.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <QtTest/QTest>

#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Torii;
using namespace Torii::Scenarios;

namespace {

// Accepts connections on 127.0.0.1:0 one after another on its own thread. With a context it
// speaks TLS and answers 200 with "listener=<chosen hostname> client=<client CN>"; without one
// it answers every connection in plain HTTP (400), as a non-TLS gateway would.
class TinyServer
{
public:
    explicit TinyServer(std::shared_ptr<SSL_CTX> context)
        : m_context(std::move(context))
    {
        signal(SIGPIPE, SIG_IGN);
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
        ::listen(m_fd, 8);
        socklen_t length = sizeof address;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { run(); });
    }
    ~TinyServer()
    {
        m_stop = true;
        ::shutdown(m_fd, SHUT_RDWR);
        m_thread.join();
        ::close(m_fd);
    }
    quint16 port() const { return m_port; }

private:
    void run()
    {
        while (!m_stop) {
            const int client = ::accept(m_fd, nullptr, nullptr);
            if (client < 0) {
                return;
            }
            timeval timeout{5, 0};
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
            if (m_context) {
                serveTls(client);
            } else {
                char buffer[4096];
                (void)::recv(client, buffer, sizeof buffer, 0);
                const char answer[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                                      "Connection: close\r\n\r\n";
                (void)::send(client, answer, sizeof answer - 1, MSG_NOSIGNAL);
            }
            ::close(client);
        }
    }

    void serveTls(int client)
    {
        SSL *ssl = SSL_new(m_context.get());
        SSL_set_fd(ssl, client);
        if (SSL_accept(ssl) == 1) {
            std::string request;
            char buffer[4096];
            while (request.find("\r\n\r\n") == std::string::npos) {
                const int n = SSL_read(ssl, buffer, sizeof buffer);
                if (n <= 0) {
                    break;
                }
                request.append(buffer, static_cast<std::size_t>(n));
            }
            const auto chosen = Tls::selectedListener(ssl);
            std::string clientName = "none";
            if (X509 *peer = SSL_get1_peer_certificate(ssl)) {
                char cn[256] = {};
                X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_commonName, cn,
                                          sizeof cn);
                clientName = cn;
                X509_free(peer);
            }
            const std::string body =
                "listener=" + (chosen ? chosen->hostname : "?") + " client=" + clientName;
            const std::string answer =
                "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
                body;
            SSL_write(ssl, answer.data(), static_cast<int>(answer.size()));
            SSL_shutdown(ssl);
        }
        ERR_clear_error();
        SSL_free(ssl);
    }

    std::shared_ptr<SSL_CTX> m_context;
    int m_fd = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

struct Pki
{
    std::shared_ptr<const Tls::CertificateAuthority> ca =
        Tls::CertificateAuthority::create("tst_https CA");
    std::shared_ptr<const Tls::CertificateAuthority> clientCa =
        Tls::CertificateAuthority::create("tst_https client CA");
    Tls::PemPair exact =
        ca->issue("a.example.com", {"DNS:a.example.com"}, Tls::CertificateUse::Server);
    Tls::PemPair catchAll = ca->issue("localhost", {"DNS:localhost"}, Tls::CertificateUse::Server);
    Tls::PemPair client = clientCa->issue("the client", {}, Tls::CertificateUse::Client);
    // The conformance setup's kind of certificate: self-signed, SANs *, *.org, *.wildcard.org.
    Tls::PemPair selfSigned = Tls::selfSignedCertificate(
        "tls-validity-checks-certificate", {"DNS:*", "DNS:*.org", "DNS:*.wildcard.org"});
};

Pki &pki()
{
    static Pki p;
    return p;
}

std::shared_ptr<SSL_CTX> serverContext(bool askForClientCertificate = false)
{
    Pki &p = pki();
    auto context =
        Tls::buildServerContext({{"a.example.com", p.exact.certificate, p.exact.privateKey},
                                 {"*.org", p.selfSigned.certificate, p.selfSigned.privateKey},
                                 {"", p.catchAll.certificate, p.catchAll.privateKey}});
    if (askForClientCertificate) {
        SSL_CTX_set_verify(context.get(), SSL_VERIFY_PEER, [](int, X509_STORE_CTX *) { return 1; });
    }
    return context;
}

HttpExchangeResult get(quint16 port, const std::string &host, const TlsClientOptions &tls)
{
    Http::RequestHead head;
    head.method = "GET";
    head.target = "/";
    head.headers.add("Host", host);
    return exchange(port, head, {}, std::chrono::milliseconds(10000), &tls);
}

} // namespace

class TestHttpsExchange : public QObject
{
    Q_OBJECT
private slots:
    void sniChoosesTheListenerAndTheChainVerifies()
    {
        TinyServer server(serverContext());
        TlsClientOptions tls;
        tls.serverName = "a.example.com";
        tls.trustedCertificates = {pki().ca->pem().certificate};
        const HttpExchangeResult r = get(server.port(), "a.example.com", tls);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.head.status, 200);
        QCOMPARE(QString::fromStdString(r.body), QString("listener=a.example.com client=none"));
        QVERIFY(r.tls);
        QCOMPARE(QString::fromStdString(r.tls->alpn), QString("http/1.1"));
        QCOMPARE(QString::fromStdString(r.tls->commonName), QString("a.example.com"));
        QVERIFY(r.tls->version == "TLSv1.3" || r.tls->version == "TLSv1.2");
    }

    void selfSignedLeafAsTrustAnchorWithGoNameRules()
    {
        // As the suite trusts tls-validity-checks-certificate itself: *.org covers example.org.
        TinyServer server(serverContext());
        TlsClientOptions tls;
        tls.serverName = "example.org";
        tls.trustedCertificates = {pki().selfSigned.certificate};
        HttpExchangeResult r = get(server.port(), "example.org", tls);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(QString::fromStdString(r.body), QString("listener=*.org client=none"));

        // *.org stands for one label only (Go): a.b.org is served by the same listener but the
        // client refuses the name.
        tls.serverName = "a.b.org";
        r = get(server.port(), "a.b.org", tls);
        QVERIFY(!r.ok);
        QVERIFY(r.connectionFailed);
        QVERIFY2(r.error.find("not valid for a.b.org") != std::string::npos, r.error.c_str());
    }

    void untrustedCertificateFailsTheHandshake()
    {
        TinyServer server(serverContext());
        TlsClientOptions tls;
        tls.serverName = "a.example.com";
        tls.trustedCertificates = {pki().clientCa->pem().certificate}; // not the server's CA
        const HttpExchangeResult r = get(server.port(), "a.example.com", tls);
        QVERIFY(!r.ok);
        QVERIFY(r.connectionFailed);
        QVERIFY(!r.peerSpokePlainText);
        QVERIFY2(r.error.find("not trusted") != std::string::npos, r.error.c_str());
    }

    void clientCertificateIsPresentedWhenAsked()
    {
        TinyServer server(serverContext(true));
        TlsClientOptions tls;
        tls.serverName = "a.example.com";
        tls.trustedCertificates = {pki().ca->pem().certificate};
        tls.clientCertificate = pki().client.certificate;
        tls.clientKey = pki().client.privateKey;
        HttpExchangeResult r = get(server.port(), "a.example.com", tls);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(QString::fromStdString(r.body),
                 QString("listener=a.example.com client=the client"));

        tls.clientKey = pki().exact.privateKey; // not the certificate's key
        r = get(server.port(), "a.example.com", tls);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.find("does not belong") != std::string::npos, r.error.c_str());
    }

    void plainHttpOnTheHttpsPortIsRecognised()
    {
        TinyServer server(nullptr);
        TlsClientOptions tls;
        tls.serverName = "a.example.com";
        tls.trustedCertificates = {pki().ca->pem().certificate};
        const HttpExchangeResult r = get(server.port(), "a.example.com", tls);
        QVERIFY(!r.ok);
        QVERIFY(r.connectionFailed);
        QVERIFY2(r.peerSpokePlainText, r.error.c_str());
    }

    void nothingListeningIsAConnectionFailure()
    {
        quint16 port = 0;
        {
            TinyServer server(nullptr);
            port = server.port();
        }
        TlsClientOptions tls;
        tls.serverName = "a.example.com";
        const HttpExchangeResult r = get(port, "a.example.com", tls);
        QVERIFY(!r.ok);
        QVERIFY(r.connectionFailed);
        QVERIFY(!r.peerSpokePlainText);
    }

    void requestCaseHttpsFields()
    {
        const auto loaded = Yaml::loadText(R"(
- request: {protocol: https, host: example.org, path: /}
  expect: {status: 200}
- request: {protocol: https, host: example.org, sni: other.org, clientCertificate: ns/client}
  expect: {connection: handshake-fails}
- request: {protocol: http, sni: other.org}
- request: {protocol: h2, host: example.org}
- request: {protocol: https, host: example.org}
  expect: {connection: sometimes}
)",
                                           "inline.yaml");
        QVERIFY(!loaded.documents.empty());
        const std::vector<RequestCase> items = parseRequestCases(loaded.documents.front().root);
        QCOMPARE(items.size(), std::size_t(5));
        QVERIFY(!items[0].unsupported);
        QCOMPARE(QString::fromStdString(items[0].request.protocol), QString("https"));
        QVERIFY(!items[1].unsupported); // client certificates: the gateway validates them
        QCOMPARE(QString::fromStdString(items[1].request.sni.value_or("")), QString("other.org"));
        QCOMPARE(QString::fromStdString(items[1].request.clientCertificate.value_or("")),
                 QString("ns/client"));
        QCOMPARE(QString::fromStdString(items[1].expect.connection.value_or("")),
                 QString("handshake-fails"));
        QVERIFY(items[2].unsupported); // sni needs https
        QVERIFY(items[3].unsupported); // h2 is not spoken yet
        QVERIFY(items[4].unsupported); // an unknown connection expectation
    }
};

QTEST_GUILESS_MAIN(TestHttpsExchange)
#include "tst_scenarios_https_exchange.moc"
