// LoadRun over HTTPS, in-process, on real sockets on 127.0.0.1: a design whose Gateway has an
// HTTPS listener (a Secret holding a leaf of a CA made here, written to a temporary workspace)
// carries the 95/5 canary over TLS and passes the chi-square check; a run that trusts another CA
// reports every request as a failed handshake with the reason (no crash, no hang), and
// `insecure` lets the same run through; the development CA fills a listener without a Secret.
// Backend identification comes from the gateway's events: a Service bound to a real local app
// that is not an echo pod is still counted; against a gateway that is not the run's own
// (--target, a serve session here) the echo answers over TLS are the fallback.
#include "app/runtime/load_run.h"
#include "app/runtime/serve_session.h"
#include "engine/tls/certificate_authority.h"

#include <QtCore/QByteArray>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <arpa/inet.h>
#include <atomic>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Torii;

namespace {

std::string base64(const std::string &text)
{
    return QByteArray::fromStdString(text).toBase64().toStdString();
}

// Gateway production-gateway: HTTP on 80 and HTTPS on 443 for webapp.example.com (Secret
// webapp-tls when `secret` is given, else no certificateRefs that resolve); the webapp route
// attaches to both and splits 95/5 between webapp-stable and webapp-canary.
std::string design(const Tls::PemPair *secret)
{
    std::string text = R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: production-gateway, namespace: gateway-system}
spec:
  gatewayClassName: torii
  listeners:
  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes: {namespaces: {from: All}}
  - name: https
    port: 443
    protocol: HTTPS
    hostname: webapp.example.com
    tls: {certificateRefs: [{name: webapp-tls}]}
    allowedRoutes: {namespaces: {from: All}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: webapp, namespace: default}
spec:
  parentRefs:
  - {name: production-gateway, namespace: gateway-system}
  hostnames: [webapp.example.com]
  rules:
  - backendRefs:
    - {name: webapp-stable, port: 80, weight: 95}
    - {name: webapp-canary, port: 80, weight: 5}
---
apiVersion: v1
kind: Service
metadata: {name: webapp-stable, namespace: default}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: webapp-canary, namespace: default}
spec: {ports: [{port: 80}]}
)";
    if (secret) {
        text += R"(---
apiVersion: v1
kind: Secret
metadata: {name: webapp-tls, namespace: gateway-system}
type: kubernetes.io/tls
data:
  tls.crt: )" + base64(secret->certificate) +
                R"(
  tls.key: )" + base64(secret->privateKey) +
                "\n";
    }
    return text;
}

const char *kHttpsMix = R"(requests:
- protocol: https
  listener: {namespace: gateway-system, gateway: production-gateway, port: 443}
  host: webapp.example.com
  path: /
)";

bool write(const QString &path, const std::string &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           f.write(text.data(), qint64(text.size())) == qint64(text.size());
}

const Runtime::RuleLoad *splitRule(const Runtime::LoadReport &r)
{
    for (const Runtime::RuleLoad &x : r.rules) {
        if (x.key == "HTTPRoute default/webapp rule 0") {
            return &x;
        }
    }
    return nullptr;
}

std::uint64_t served(const Runtime::RuleLoad &r, const std::string &service)
{
    for (const Runtime::BackendLoad &b : r.backends) {
        if (b.service == service) {
            return b.requests;
        }
    }
    return 0;
}

// A plain HTTP/1.1 app on 127.0.0.1:0 that is not an echo pod: "200 ok", a thread per
// connection, kept alive. Counts the requests it answered.
class PlainApp
{
public:
    PlainApp()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a);
        ::listen(m_listen, 64);
        socklen_t len = sizeof a;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len);
        m_port = ntohs(a.sin_port);
        m_accepter = std::thread([this] {
            while (true) {
                const int fd = ::accept(m_listen, nullptr, nullptr);
                if (fd < 0) {
                    return;
                }
                std::lock_guard<std::mutex> lock(m_mutex);
                m_fds.push_back(fd);
                m_threads.emplace_back([this, fd] { serve(fd); });
            }
        });
    }
    ~PlainApp()
    {
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_accepter.join();
        std::lock_guard<std::mutex> lock(m_mutex);
        for (int fd : m_fds) {
            ::shutdown(fd, SHUT_RDWR); // the gateway's idle upstream connections
        }
        for (std::thread &t : m_threads) {
            t.join();
        }
        for (int fd : m_fds) {
            ::close(fd);
        }
    }
    quint16 port() const { return m_port; }
    int requests() const { return m_requests; }

private:
    void serve(int fd)
    {
        std::string buffer;
        char chunk[4096];
        while (true) {
            std::size_t end;
            while ((end = buffer.find("\r\n\r\n")) == std::string::npos) {
                const ssize_t n = ::read(fd, chunk, sizeof chunk);
                if (n <= 0) {
                    return;
                }
                buffer.append(chunk, std::size_t(n));
            }
            buffer.erase(0, end + 4); // GET requests: no body
            ++m_requests;
            static const char answer[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
            if (::send(fd, answer, sizeof answer - 1, MSG_NOSIGNAL) < 0) {
                return;
            }
        }
    }

    int m_listen = -1;
    quint16 m_port = 0;
    std::atomic<int> m_requests{0};
    std::thread m_accepter;
    std::mutex m_mutex;
    std::vector<int> m_fds;
    std::vector<std::thread> m_threads;
};

} // namespace

class TstLoadHttps : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const Tls::CertificateAuthority> m_ca;
    QString m_design;
    QString m_mix;

    Runtime::LoadOptions options(std::uint64_t requests) const
    {
        Runtime::LoadOptions o;
        o.mixFile = m_mix.toStdString();
        o.generator.mode = Traffic::LoopMode::Closed;
        o.generator.connections = 8;
        o.generator.requestLimit = requests;
        o.generator.seed = 7;
        o.gatewaySeed = 12345;
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ca = Tls::CertificateAuthority::create("torii load test CA");
        const Tls::PemPair leaf = m_ca->issue("webapp.example.com", {"DNS:webapp.example.com"},
                                              Tls::CertificateUse::Server);
        // The Secret holds the chain; the run trusts the listener certificates it serves.
        const Tls::PemPair secret{leaf.certificate + m_ca->pem().certificate, leaf.privateKey};
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("secret")));
        m_design = m_dir.filePath(QStringLiteral("secret/design.yaml"));
        m_mix = m_dir.filePath(QStringLiteral("https-mix.yaml"));
        QVERIFY(write(m_design, design(&secret)));
        QVERIFY(write(m_mix, kHttpsMix));
    }

    void canaryAt95To5OverTlsPassesTheChiSquareCheck()
    {
        Runtime::LoadRun run;
        QString error;
        QVERIFY2(run.prepare({m_design.toStdString()}, options(4000), &error), qPrintable(error));
        QVERIFY2(run.run({}, &error), qPrintable(error));
        const Runtime::LoadReport &r = run.report();
        QVERIFY(r.https);
        QVERIFY(r.tlsVerified);
        QCOMPARE(r.backendSource, Runtime::BackendSource::GatewayEvents);
        QVERIFY2(r.failures.empty(), r.failures.empty() ? "" : r.failures.begin()->first.c_str());
        QCOMPARE(r.requests, std::uint64_t(4000));
        QCOMPARE(r.errors, std::uint64_t(0));
        QCOMPARE(r.droppedEvents, std::uint64_t(0));
        const Runtime::RuleLoad *split = splitRule(r);
        QVERIFY(split);
        QCOMPARE(split->requests, std::uint64_t(4000));
        QCOMPARE(served(*split, "webapp-stable") + served(*split, "webapp-canary"),
                 std::uint64_t(4000));
        qInfo("HTTPS 95/5: %llu / %llu, p = %g",
              (unsigned long long)served(*split, "webapp-stable"),
              (unsigned long long)served(*split, "webapp-canary"), split->weightTest.pValue);
        QVERIFY(served(*split, "webapp-canary") > 0);
        QVERIFY(split->weightTest.consistent);
        QCOMPARE(split->weightTest.alpha, 0.01);
        // The listener dimension names the HTTPS port the requests went to.
        QVERIFY(
            r.series.find(Metrics::Dimension::Listener, "gateway-system/production-gateway:443"));
    }

    void aWrongCaFailsEveryHandshakeWithTheReasonAndInsecureGoesThrough()
    {
        const auto other = Tls::CertificateAuthority::create("a CA nobody used");
        Runtime::LoadOptions wrong = options(200);
        wrong.trustedCertificates = {other->pem().certificate};
        Runtime::LoadRun run;
        QString error;
        QVERIFY2(run.prepare({m_design.toStdString()}, wrong, &error), qPrintable(error));
        QVERIFY2(run.run({}, &error), qPrintable(error));
        const Runtime::LoadReport &r = run.report();
        QCOMPARE(r.requests, std::uint64_t(200));
        QCOMPARE(r.errors, std::uint64_t(200));
        QCOMPARE(r.failures.size(), std::size_t(1));
        const std::string &why = r.failures.begin()->first;
        QVERIFY2(why.rfind("TLS handshake failed: the server certificate is not trusted: ", 0) == 0,
                 why.c_str());
        QCOMPARE(r.failures.begin()->second, std::uint64_t(200));
        const Runtime::RuleLoad *split = splitRule(r);
        QVERIFY(split);
        QCOMPARE(split->byClass[0], std::uint64_t(200)); // "none": no answer
        QCOMPARE(served(*split, "webapp-stable") + served(*split, "webapp-canary"),
                 std::uint64_t(0));

        Runtime::LoadOptions insecure = wrong;
        insecure.insecure = true;
        Runtime::LoadRun through;
        QVERIFY2(through.prepare({m_design.toStdString()}, insecure, &error), qPrintable(error));
        QVERIFY2(through.run({}, &error), qPrintable(error));
        QCOMPARE(through.report().errors, std::uint64_t(0));
        QVERIFY(!through.report().tlsVerified);
    }

    void theDevelopmentCaFillsAListenerWithoutASecret()
    {
        // Its own workspace folder: the CA goes to <workspace>/.torii/dev-ca.
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("devca")));
        const QString path = m_dir.filePath(QStringLiteral("devca/design.yaml"));
        QVERIFY(write(path, design(nullptr)));
        Runtime::LoadRun unserved;
        QString error;
        QVERIFY(!unserved.prepare({path.toStdString()}, options(100), &error));
        QVERIFY2(error.contains(QStringLiteral("no served HTTPS listener")) &&
                     error.contains(QStringLiteral("--dev-ca")),
                 qPrintable(error));

        // The default mix leaves the unserved HTTPS listener out and says so.
        Runtime::LoadOptions defaults = options(100);
        defaults.mixFile.clear();
        Runtime::LoadRun plain;
        QVERIFY2(plain.prepare({path.toStdString()}, defaults, &error), qPrintable(error));
        QCOMPARE(plain.report().unservedHttps.size(), std::size_t(1));
        QCOMPARE(plain.report().templates.size(), std::size_t(1));

        Runtime::LoadOptions dev = options(300);
        dev.developmentCa = true;
        Runtime::LoadRun run;
        QVERIFY2(run.prepare({path.toStdString()}, dev, &error), qPrintable(error));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("devca/.torii/dev-ca/ca.crt"))));
        QVERIFY2(run.run({}, &error), qPrintable(error));
        QVERIFY2(run.report().failures.empty(),
                 run.report().failures.empty() ? "" : run.report().failures.begin()->first.c_str());
        QCOMPARE(run.report().errors, std::uint64_t(0));
        QCOMPARE(run.report().requests, std::uint64_t(300));

        // The default mix now sends to both listeners, the HTTPS one over TLS.
        defaults.developmentCa = true;
        Runtime::LoadRun both;
        QVERIFY2(both.prepare({path.toStdString()}, defaults, &error), qPrintable(error));
        QCOMPARE(both.report().templates.size(), std::size_t(2));
        QVERIFY(both.report().https);
        QVERIFY2(both.run({}, &error), qPrintable(error));
        QCOMPARE(both.report().errors, std::uint64_t(0));
    }

    void aRealAppThatIsNotAnEchoPodIsCountedFromTheGatewayEvents()
    {
        PlainApp canary;
        Runtime::LoadOptions o = options(3000);
        o.realBackends["default/webapp-canary"] = "127.0.0.1:" + std::to_string(canary.port());
        Runtime::LoadRun run;
        QString error;
        QVERIFY2(run.prepare({m_design.toStdString()}, o, &error), qPrintable(error));
        QVERIFY2(run.run({}, &error), qPrintable(error));
        const Runtime::LoadReport &r = run.report();
        QCOMPARE(r.errors, std::uint64_t(0));
        const Runtime::RuleLoad *split = splitRule(r);
        QVERIFY(split);
        QCOMPARE(split->unattributed, std::uint64_t(0));
        // The app answered "ok", no echo JSON: the gateway's events still name it.
        QCOMPARE(served(*split, "webapp-canary"), std::uint64_t(canary.requests()));
        QVERIFY(canary.requests() > 0);
        QCOMPARE(served(*split, "webapp-stable") + served(*split, "webapp-canary"),
                 std::uint64_t(3000));
        QVERIFY(split->weightTest.consistent);
        QVERIFY(r.series.find(Metrics::Dimension::Backend, "default/webapp-canary"));
    }

    void aTargetOverHttpsIsCountedFromTheEchoAnswers()
    {
        Runtime::ServeSession serve;
        Runtime::ServeOptions serveOptions;
        serveOptions.anyPort = true;
        QString error;
        QVERIFY2(serve.start({m_design.toStdString()}, serveOptions, &error), qPrintable(error));
        quint16 port = 0;
        for (const Runtime::ServedListener &l : serve.listeners()) {
            if (l.port == 443) {
                port = l.localPort;
            }
        }
        QVERIFY(port != 0);
        Runtime::LoadOptions o = options(1000);
        o.target = std::make_pair(std::string("127.0.0.1"), port);
        Runtime::LoadRun run;
        QVERIFY2(run.prepare({m_design.toStdString()}, o, &error), qPrintable(error));
        QVERIFY2(run.run({}, &error), qPrintable(error));
        const Runtime::LoadReport &r = run.report();
        QCOMPARE(r.backendSource, Runtime::BackendSource::EchoBody);
        QVERIFY2(r.failures.empty(), r.failures.empty() ? "" : r.failures.begin()->first.c_str());
        QCOMPARE(r.errors, std::uint64_t(0));
        const Runtime::RuleLoad *split = splitRule(r);
        QVERIFY(split);
        // The serve session's gateway draws at random: no verdict asserted, only that every
        // answer named its echo pod over TLS.
        QCOMPARE(split->unattributed, std::uint64_t(0));
        QCOMPARE(served(*split, "webapp-stable") + served(*split, "webapp-canary"),
                 std::uint64_t(1000));
        QVERIFY(served(*split, "webapp-stable") > 800);
        serve.stop();
    }

    void alphaIsTheVerdictsLevel()
    {
        // The same seeded split, judged at two levels: the p-value does not move, the verdict
        // follows alpha (0.999 rejects any split that is not exact).
        Runtime::LoadOptions strict = options(2000);
        strict.alpha = 0.999;
        Runtime::LoadRun run;
        QString error;
        QVERIFY2(run.prepare({m_design.toStdString()}, strict, &error), qPrintable(error));
        QVERIFY2(run.run({}, &error), qPrintable(error));
        const Runtime::RuleLoad *split = splitRule(run.report());
        QVERIFY(split);
        QCOMPARE(run.report().alpha, 0.999);
        QCOMPARE(split->weightTest.alpha, 0.999);
        QCOMPARE(split->weightTest.consistent, split->weightTest.pValue >= 0.999);
        QVERIFY(!split->weightTest.consistent);
    }
};

QTEST_GUILESS_MAIN(TstLoadHttps)
#include "tst_load_https.moc"
