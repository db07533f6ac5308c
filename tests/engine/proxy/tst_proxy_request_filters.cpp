// The pure parts of the data plane: path modifiers, redirect locations, header modifiers and the
// weighted choice, from the Gateway API spec's text.
#include "engine/proxy/request_filters.h"
#include "engine/proxy/request_router.h"

#include <QtTest/QTest>

using namespace Torii;
using namespace Torii::Proxy::Internal;
using RouteTable::PathModifier;
using RouteTable::PathModifierType;

class TestRequestFilters : public QObject
{
    Q_OBJECT
private slots:
    void replacePrefix_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::newRow("spec /foo→/xyz") << "/foo"
                                        << "/xyz"
                                        << "/foo/bar"
                                        << "/xyz/bar";
        QTest::newRow("spec /foo→/") << "/foo"
                                     << "/"
                                     << "/foo/bar"
                                     << "/bar";
        QTest::newRow("whole prefix →/") << "/foo"
                                         << "/"
                                         << "/foo"
                                         << "/";
        QTest::newRow("trailing slash prefix") << "/foo/"
                                               << "/xyz"
                                               << "/foo/bar"
                                               << "/xyz/bar";
        QTest::newRow("query kept") << "/foo"
                                    << "/xyz"
                                    << "/foo/a?b=c"
                                    << "/xyz/a?b=c";
        QTest::newRow("root prefix") << "/"
                                     << "/xyz"
                                     << "/foo"
                                     << "/xyz/foo";
        QTest::newRow("replacement with slash") << "/foo"
                                                << "/xyz/"
                                                << "/foo/bar"
                                                << "/xyz/bar";
        QTest::newRow("empty replacement") << "/foo"
                                           << ""
                                           << "/foo/bar"
                                           << "/bar";
    }
    void replacePrefix()
    {
        QFETCH(QString, prefix);
        QFETCH(QString, replacement);
        QFETCH(QString, target);
        QFETCH(QString, expected);
        const PathModifier m{PathModifierType::ReplacePrefixMatch, replacement.toStdString()};
        QCOMPARE(QString::fromStdString(modifyPath(m, prefix.toStdString(), target.toStdString())),
                 expected);
    }
    void replaceFullPath()
    {
        const PathModifier m{PathModifierType::ReplaceFullPath, "/full"};
        QCOMPARE(modifyPath(m, "/foo", "/foo/bar?x=1"), std::string("/full?x=1"));
    }
    void redirect_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("hostname");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("gatewayPort");
        QTest::addColumn<QString>("expected");
        QTest::newRow("defaults, port 80 omitted") << ""
                                                   << "" << 0 << 80 << "http://a.example/foo/x?q=1";
        QTest::newRow("listener port kept") << ""
                                            << "" << 0 << 8080 << "http://a.example:8080/foo/x?q=1";
        QTest::newRow("scheme https: 443 omitted")
            << "https"
            << "" << 0 << 8080 << "https://a.example/foo/x?q=1";
        QTest::newRow("explicit port")
            << "https"
            << "b.example" << 8443 << 80 << "https://b.example:8443/foo/x?q=1";
        QTest::newRow("explicit default port") << "http"
                                               << "" << 80 << 8080 << "http://a.example/foo/x?q=1";
    }
    void redirect()
    {
        QFETCH(QString, scheme);
        QFETCH(QString, hostname);
        QFETCH(int, port);
        QFETCH(int, gatewayPort);
        QFETCH(QString, expected);
        RouteTable::RequestRedirect r;
        if (!scheme.isEmpty()) {
            r.scheme = scheme.toStdString();
        }
        if (!hostname.isEmpty()) {
            r.hostname = hostname.toStdString();
        }
        if (port) {
            r.port = port;
        }
        RouteTable::HttpRoute route;
        QCOMPARE(QString::fromStdString(
                     redirectLocation(r, route, "a.example:1234", "/foo/x?q=1", gatewayPort)),
                 expected);
    }
    void redirectKeepsTlsScheme()
    {
        // On a TLS listener the request's scheme is https: kept, and its port 443 omitted.
        RouteTable::RequestRedirect r;
        RouteTable::HttpRoute route;
        QCOMPARE(redirectLocation(r, route, "a.example", "/x", 443, "https"),
                 std::string("https://a.example/x"));
        QCOMPARE(redirectLocation(r, route, "a.example", "/x", 8443, "https"),
                 std::string("https://a.example:8443/x"));
        r.scheme = "http";
        QCOMPARE(redirectLocation(r, route, "a.example", "/x", 443, "https"),
                 std::string("http://a.example/x"));
    }
    void headerModifier()
    {
        Http::Headers h;
        h.add("My-Header", "foo");
        h.add("Drop-Me", "1");
        h.add("Replace", "old");
        h.add("replace", "old2");
        RouteTable::HeaderModifier m;
        m.set = {{"REPLACE", "new"}};
        m.add = {{"my-header", "bar"}, {"Fresh", "v"}};
        m.remove = {"drop-me"};
        applyHeaderModifier(m, h);
        QCOMPARE(h.values("my-header"), std::vector<std::string>{"foo,bar"});
        QCOMPARE(h.values("replace"), std::vector<std::string>{"new"});
        QCOMPARE(h.values("fresh"), std::vector<std::string>{"v"});
        QVERIFY(!h.contains("Drop-Me"));
    }
    void weighted()
    {
        std::vector<RouteTable::Backend> b(3);
        b[0].weight = 1;
        b[1].weight = 0;
        b[2].weight = 3;
        QCOMPARE(chooseWeighted(b, 0.0), 0);
        QCOMPARE(chooseWeighted(b, 0.24), 0);
        QCOMPARE(chooseWeighted(b, 0.25), 2);
        QCOMPARE(chooseWeighted(b, 0.999), 2);
        QCOMPARE(chooseWeighted(b, 1.0), 2);
        b[0].weight = 0;
        b[2].weight = 0;
        QCOMPARE(chooseWeighted(b, 0.5), -1);
    }
    void endpoints()
    {
        std::string host;
        quint16 port = 0;
        QVERIFY(splitEndpoint("127.0.0.1:8080", &host, &port));
        QCOMPARE(host, std::string("127.0.0.1"));
        QCOMPARE(port, quint16(8080));
        QVERIFY(splitEndpoint("[::1]:80", &host, &port));
        QCOMPARE(host, std::string("::1"));
        QVERIFY(!splitEndpoint("127.0.0.1", &host, &port));
        QVERIFY(!splitEndpoint("127.0.0.1:99999", &host, &port));
    }
};

QTEST_GUILESS_MAIN(TestRequestFilters)
#include "tst_proxy_request_filters.moc"
