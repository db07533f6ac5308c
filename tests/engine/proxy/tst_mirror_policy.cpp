// Which mirrors fire and what they receive (engine/proxy/mirror_policy.h), from the
// RequestMirror filter's spec text (v1.6.1) and conformance tests HTTPRouteRequestMirror,
// HTTPRouteRequestMultipleMirrors and HTTPRouteRequestPercentageMirror.
#include "engine/proxy/mirror_policy.h"

#include <QtTest/QTest>

#include <cmath>
#include <random>

using namespace Torii;
using namespace Torii::Proxy::Internal;

namespace {

RouteTable::Filter mirrorTo(const std::string &service, double percent,
                            const std::string &invalidReason = {})
{
    RouteTable::Filter f;
    f.type = RouteTable::Filter::Type::RequestMirror;
    auto backend = std::make_shared<RouteTable::Backend>();
    backend->ns = "gateway-conformance-infra";
    backend->service = service;
    backend->port = 8080;
    backend->invalidReason = invalidReason;
    f.mirror.backend = backend;
    f.mirror.percent = percent;
    return f;
}

RouteTable::Filter headerFilter()
{
    RouteTable::Filter f;
    f.type = RouteTable::Filter::Type::RequestHeaderModifier;
    return f;
}

std::vector<std::string> names(const std::vector<const RouteTable::Backend *> &backends)
{
    std::vector<std::string> out;
    for (const RouteTable::Backend *b : backends) {
        out.push_back(b->service);
    }
    return out;
}

} // namespace

class TestMirrorPolicy : public QObject
{
    Q_OBJECT
private slots:
    void fullMirrorsNeedNoDraw()
    {
        const std::vector<RouteTable::Filter> rule{
            headerFilter(), mirrorTo("infra-backend-v2", 100), mirrorTo("infra-backend-v3", 100)};
        const MirrorPolicy policy({&rule});
        QCOMPARE(policy.mirrors().size(), std::size_t(2));
        int draws = 0;
        const std::function<double()> random = [&draws] {
            ++draws;
            return 0.99;
        };
        QCOMPARE(names(policy.firing(random)),
                 (std::vector<std::string>{"infra-backend-v2", "infra-backend-v3"}));
        QCOMPARE(draws, 0);
    }

    void zeroNeverFires()
    {
        const std::vector<RouteTable::Filter> rule{mirrorTo("v2", 0)};
        QVERIFY(MirrorPolicy({&rule}).firing([] { return 0.0; }).empty());
    }

    void drawAgainstPercent_data()
    {
        QTest::addColumn<double>("percent");
        QTest::addColumn<double>("r");
        QTest::addColumn<bool>("fires");
        QTest::newRow("20%: 0.19") << 20.0 << 0.19 << true;
        QTest::newRow("20%: 0.2") << 20.0 << 0.2 << false;
        QTest::newRow("fraction 25/50: 0.4999") << 50.0 << 0.4999 << true;
        QTest::newRow("fraction 25/50: 0.5") << 50.0 << 0.5 << false;
        QTest::newRow("100%: any draw") << 100.0 << 0.999999 << true;
        QTest::newRow("0%: draw 0") << 0.0 << 0.0 << false;
    }
    void drawAgainstPercent()
    {
        QFETCH(double, percent);
        QFETCH(double, r);
        QFETCH(bool, fires);
        QCOMPARE(MirrorPolicy::fires(percent, r), fires);
    }

    // The conformance test's statistics: 500 requests at 20/50/35 %, count within 3 standard
    // deviations. With a fixed seed this is deterministic; it checks the draw is used as a share.
    void shareOverManyRequests_data()
    {
        QTest::addColumn<double>("percent");
        QTest::newRow("20") << 20.0;
        QTest::newRow("25/50") << 100.0 * 25 / 50;
        QTest::newRow("35") << 35.0;
    }
    void shareOverManyRequests()
    {
        QFETCH(double, percent);
        const std::vector<RouteTable::Filter> rule{mirrorTo("v2", percent)};
        const MirrorPolicy policy({&rule});
        std::mt19937 engine(12345);
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        const std::function<double()> random = [&] { return uniform(engine); };
        const int n = 500;
        int mirrored = 0;
        for (int i = 0; i < n; ++i) {
            mirrored += int(policy.firing(random).size());
        }
        const double p = percent / 100.0;
        const double sd = std::sqrt(n * p * (1 - p));
        QVERIFY2(std::abs(mirrored - n * p) <= 3 * sd, qPrintable(QString::number(mirrored)));
    }

    void independentDrawsPerMirror()
    {
        const std::vector<RouteTable::Filter> rule{mirrorTo("a", 50), mirrorTo("b", 50)};
        const std::vector<double> draws{0.9, 0.1};
        std::size_t next = 0;
        const auto fired = MirrorPolicy({&rule}).firing([&] { return draws[next++]; });
        QCOMPARE(names(fired), std::vector<std::string>{"b"});
        QCOMPARE(next, std::size_t(2));
    }

    void invalidBackendIsDropped()
    {
        const std::vector<RouteTable::Filter> rule{
            mirrorTo("missing", 100, "BackendNotFound: Service x/missing does not exist."),
            mirrorTo("v2", 100)};
        QCOMPARE(names(MirrorPolicy({&rule}).firing({})), std::vector<std::string>{"v2"});
    }

    void ruleThenBackendFilters()
    {
        const std::vector<RouteTable::Filter> rule{mirrorTo("from-rule", 100)};
        const std::vector<RouteTable::Filter> backend{mirrorTo("from-backend", 100)};
        QCOMPARE(names(MirrorPolicy({&rule, nullptr, &backend}).firing({})),
                 (std::vector<std::string>{"from-rule", "from-backend"}));
    }

    void mirroredHead()
    {
        Http::RequestHead upstream;
        upstream.method = "POST";
        upstream.target = "/mirror?gateway-api-conformance-request-id=u1";
        upstream.headers.add("Host", "example.com:8080");
        upstream.headers.add("X-Header-Set", "set-overwrites-values");
        upstream.headers.add("Content-Length", "3");
        const Http::RequestHead same = MirrorPolicy::mirroredHead(upstream, {});
        QCOMPARE(same.method, upstream.method);
        QCOMPARE(same.target, upstream.target); // the path and query the mirror backend logs
        QCOMPARE(same.headers.fields.size(), upstream.headers.fields.size());
        QCOMPARE(same.headers.find("Host")->value, std::string("example.com:8080"));
        QCOMPARE(same.headers.find("X-Header-Set")->value, std::string("set-overwrites-values"));
        const Http::RequestHead shadow =
            MirrorPolicy::mirroredHead(upstream, MirrorHeadOptions{true});
        QCOMPARE(shadow.headers.find("Host")->value, std::string("example.com-shadow:8080"));
        QCOMPARE(shadow.headers.find("Content-Length")->value, std::string("3"));
    }

    void shadowHost_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("shadow");
        QTest::newRow("name") << "foo.example"
                              << "foo.example-shadow";
        QTest::newRow("name and port") << "foo:80"
                                       << "foo-shadow:80";
        QTest::newRow("ipv4") << "127.0.0.1:8080"
                              << "127.0.0.1:8080";
        QTest::newRow("ipv6") << "[::1]:80"
                              << "[::1]:80";
        QTest::newRow("empty") << ""
                               << "";
    }
    void shadowHost()
    {
        QFETCH(QString, host);
        QFETCH(QString, shadow);
        QCOMPARE(QString::fromStdString(MirrorPolicy::shadowHost(host.toStdString())), shadow);
    }
};

QTEST_GUILESS_MAIN(TestMirrorPolicy)
#include "tst_mirror_policy.moc"
