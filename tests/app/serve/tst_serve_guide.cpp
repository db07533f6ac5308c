// The Japanese guide's HTTP examples (../shared/fixtures/seed/, one file per code block), served
// by the real `toriictl serve` with mock backends standing in for the Services the guide never
// defines, and checked with real requests. One test function per example, so the run reports
// each as PASS or FAIL.
//
// Companion blocks, combined as the guide does: every route attaches to `production-gateway`
// (block 07, "Gateway - ネットワーク入り口定義") of class `nginx` (block 06, "GatewayClass"); the
// class names nginx's controller, so --accept-all-classes serves it. Only the HTTP listener (port
// 80, from: All) is served today; routes are checked there.
#include "common/shared_corpus.h"
#include "serve_harness.h"

#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>

#include <cmath>
#include <csignal>

using namespace Torii::Test;

namespace {

QString seed(const QString &file)
{
    return sharedPath(QStringLiteral("fixtures/seed/") + file);
}

struct Answer
{
    int status = 0;
    QJsonObject echo;
    RawResponse raw;
};

Answer request(RawConnection &c, const QByteArray &method, const QByteArray &host,
               const QByteArray &target, const QByteArray &extra = {})
{
    Answer a;
    if (!c.send(method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + extra +
                (method == "POST" ? "Content-Length: 0\r\n" : "") + "\r\n")) {
        return a;
    }
    const auto r = c.read();
    if (!r) {
        return a;
    }
    a.status = r->status;
    a.echo = r->json();
    a.raw = *r;
    return a;
}

QString serviceOf(const Answer &a)
{
    // The mock pods are named <service>-<hash>-<hash>.
    const QString pod = a.echo.value("pod").toString();
    return pod.section(QLatin1Char('-'), 0, -3);
}

} // namespace

class TestServeGuide : public QObject
{
    Q_OBJECT

private:
    // Serves `files` (paths) and returns the local port of production-gateway's listener 80.
    quint16 serve(ServeProcess &process, const QStringList &files)
    {
        if (!process.start(QStringList{"--any-port", "--accept-all-classes", "--duration", "300"} +
                           files)) {
            qWarning("%s", process.output().constData());
            return 0;
        }
        return process.port(QStringLiteral("gateway-system/production-gateway"), 80);
    }

private slots:
    void initTestCase() { TORII_REQUIRE_SHARED("fixtures/seed"); }

    // Block 10 (A/Bテストとカナリアデプロイメント), the weighted rule: 95/5 between stable and
    // canary. Over n = 2,000 requests the canary count is binomial(n, 0.05); it must fall within
    // 4 standard deviations of n·p (a false alarm about once in 16,000 runs).
    void canary95to5()
    {
        ServeProcess process;
        const quint16 port = serve(process, {seed("06.yaml"), seed("07.yaml"), seed("10.yaml")});
        QVERIFY2(port, process.output().constData());
        RawConnection c(port);
        const int n = 2000;
        const double p = 5.0 / 100.0;
        int canary = 0;
        int stable = 0;
        for (int i = 0; i < n; ++i) {
            const Answer a = request(c, "GET", "webapp.example.com", "/");
            QCOMPARE(a.status, 200);
            const QString service = serviceOf(a);
            canary += service == QLatin1String("webapp-canary-service");
            stable += service == QLatin1String("webapp-stable-service");
        }
        QCOMPARE(canary + stable, n);
        const double sigma = std::sqrt(n * p * (1 - p));
        qInfo("guide canary: %d of %d (expected %.0f ± %.1f at 4 sigma)", canary, n, n * p,
              4 * sigma);
        QVERIFY2(std::abs(canary - n * p) <= 4 * sigma, qPrintable(QString::number(canary)));
        QCOMPARE(process.stopWith(SIGTERM), 0);
    }

    // Block 10 again: the x-canary header and the ab_test cookie (a regular expression on the
    // Cookie field) pick their backends on every request.
    void abByHeaderAndCookie()
    {
        ServeProcess process;
        const quint16 port = serve(process, {seed("06.yaml"), seed("07.yaml"), seed("10.yaml")});
        QVERIFY2(port, process.output().constData());
        RawConnection c(port);
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(serviceOf(request(c, "GET", "webapp.example.com", "/x", "x-canary: true\r\n")),
                     QStringLiteral("webapp-canary-service"));
            QCOMPARE(serviceOf(request(c, "GET", "webapp.example.com", "/",
                                       "Cookie: session=1; ab_test=variant_b; theme=dark\r\n")),
                     QStringLiteral("webapp-variant-b-service"));
        }
        // variant_a is not variant_b: the weighted rule answers.
        const QString other = serviceOf(
            request(c, "GET", "webapp.example.com", "/", "Cookie: ab_test=variant_a\r\n"));
        QVERIFY2(other == QLatin1String("webapp-stable-service") ||
                     other == QLatin1String("webapp-canary-service"),
                 qPrintable(other));
        QCOMPARE(process.stopWith(SIGTERM), 0);
    }

    // Block 09 (高度なHTTPRouteルーティング): method and query-parameter routing.
    void methodAndQueryRouting()
    {
        ServeProcess process;
        const quint16 port = serve(process, {seed("06.yaml"), seed("07.yaml"), seed("09.yaml")});
        QVERIFY2(port, process.output().constData());
        RawConnection c(port);
        QCOMPARE(serviceOf(request(c, "GET", "api.example.com", "/search?q=1&version=beta")),
                 QStringLiteral("search-beta-service"));
        QCOMPARE(request(c, "GET", "api.example.com", "/search?version=stable").status, 404);
        QCOMPARE(serviceOf(request(c, "POST", "api.example.com", "/users")),
                 QStringLiteral("user-write-service"));
        QCOMPARE(serviceOf(request(c, "GET", "api.example.com", "/users")),
                 QStringLiteral("user-read-service"));
        QCOMPARE(serviceOf(request(c, "GET", "api.example.com", "/users/42")),
                 QStringLiteral("user-read-service"));
        // POST matches /users exactly only; DELETE matches no rule.
        QCOMPARE(request(c, "POST", "api.example.com", "/users/42").status, 404);
        QCOMPARE(request(c, "DELETE", "api.example.com", "/users").status, 404);
        QCOMPARE(process.stopWith(SIGTERM), 0);
    }

    // Block 09: the legacy-api rewrite as the backend saw it (ReplacePrefixMatch /legacy-api →
    // /api/v1, the query kept), with x-legacy-api added and x-debug removed; and the internal
    // API's response header modifier.
    void legacyApiRewrite()
    {
        ServeProcess process;
        const quint16 port = serve(process, {seed("06.yaml"), seed("07.yaml"), seed("09.yaml")});
        QVERIFY2(port, process.output().constData());
        RawConnection c(port);
        const Answer a =
            request(c, "GET", "api.example.com", "/legacy-api/orders/7?full=1", "x-debug: 1\r\n");
        QCOMPARE(a.status, 200);
        QCOMPARE(serviceOf(a), QStringLiteral("modern-api-service"));
        QCOMPARE(a.echo.value("path").toString(), QStringLiteral("/api/v1/orders/7?full=1"));
        const QJsonObject headers = a.echo.value("headers").toObject();
        QCOMPARE(headers.value("X-Legacy-Api").toArray().first().toString(),
                 QStringLiteral("true"));
        QVERIFY(!headers.contains(QStringLiteral("X-Debug")));
        QCOMPARE(request(c, "GET", "api.example.com", "/legacy-api").echo.value("path").toString(),
                 QStringLiteral("/api/v1"));
        const Answer internal = request(c, "GET", "api.example.com", "/api/internal/x");
        QCOMPARE(serviceOf(internal), QStringLiteral("internal-api-service"));
        QCOMPARE(internal.raw.header("x-internal-api"), QByteArray("true"));
        QCOMPARE(process.stopWith(SIGTERM), 0);
    }

    // Block 21 (IngressからGateway APIへの段階的移行, Phase 2): /api/v2 goes to the new Service,
    // everything else is redirected (302) to the legacy Ingress host. The block has no namespace
    // and its parentRef names production-gateway without one, which lives in gateway-system
    // (block 07): as written it attaches nowhere (the test checks serve says so). The guide's
    // intent is the route beside its Gateway, i.e. `kubectl apply -n gateway-system`; the test
    // applies it that way (a copy with metadata.namespace set, nothing else changed).
    void phase2Redirect()
    {
        {
            ServeProcess asWritten;
            const quint16 port =
                serve(asWritten, {seed("06.yaml"), seed("07.yaml"), seed("21.yaml")});
            QVERIFY2(port, asWritten.output().constData());
            RawConnection c(port);
            QCOMPARE(request(c, "GET", "webapp.example.com", "/").status, 404);
            QVERIFY2(asWritten.output().contains(
                         "HTTPRoute default/migration-route names parent Gateway "
                         "default/production-gateway, which is not among the loaded objects"),
                     asWritten.output().constData());
            QCOMPARE(asWritten.stopWith(SIGTERM), 0);
        }
        QTemporaryDir dir;
        QFile original(seed("21.yaml"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArray text = original.readAll();
        QVERIFY(text.contains("  name: migration-route\n"));
        text.replace("  name: migration-route\n",
                     "  name: migration-route\n  namespace: gateway-system\n");
        QFile copy(dir.filePath("21.yaml"));
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(text);
        copy.close();

        ServeProcess process;
        const quint16 port = serve(process, {seed("06.yaml"), seed("07.yaml"), copy.fileName()});
        QVERIFY2(port, process.output().constData());
        RawConnection c(port);
        QCOMPARE(serviceOf(request(c, "GET", "webapp.example.com", "/api/v2/items")),
                 QStringLiteral("api-v2-service"));
        const Answer redirect = request(c, "GET", "webapp.example.com", "/shop/cart?id=3");
        QCOMPARE(redirect.status, 302);
        QCOMPARE(redirect.raw.header("location"),
                 QByteArray("http://webapp-legacy.example.com/shop/cart?id=3"));
        QCOMPARE(process.stopWith(SIGTERM), 0);
    }
};

QTEST_GUILESS_MAIN(TestServeGuide)
#include "tst_serve_guide.moc"
