// The echo server's pure parts: Go durations, canonical header names, X-Echo-Set-Header, pod
// names, the echo JSON and the handler choice, without sockets.
#include "simulator/backends/echo_answer.h"
#include "simulator/backends/echo_router.h"
#include "simulator/backends/go_duration.h"

#include <QtTest/QTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Torii;
using namespace Torii::Backends;
using namespace std::chrono_literals;

namespace {

Http::RequestHead request(std::string target, Http::Headers headers = {})
{
    Http::RequestHead head;
    head.method = "GET";
    head.target = std::move(target);
    head.headers = std::move(headers);
    if (!head.headers.contains("Host")) {
        head.headers.add("Host", "example.com");
    }
    return head;
}

EchoIdentity identity()
{
    EchoIdentity id;
    id.namespaceName = QStringLiteral("gateway-conformance-infra");
    id.pod = QStringLiteral("infra-backend-v1-abc-def");
    return id;
}

} // namespace

class TestEchoAnswer : public QObject
{
    Q_OBJECT
private slots:
    void goDuration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("nanoseconds");
        QTest::newRow("0") << "0" << true << qint64(0);
        QTest::newRow("1s") << "1s" << true << qint64(1'000'000'000);
        QTest::newRow("200ms") << "200ms" << true << qint64(200'000'000);
        QTest::newRow("1.5s") << "1.5s" << true << qint64(1'500'000'000);
        QTest::newRow("2h45m") << "2h45m" << true << qint64(9'900'000'000'000);
        QTest::newRow("-1m") << "-1m" << true << qint64(-60'000'000'000);
        QTest::newRow("micro") << QString::fromUtf8("3\u00b5s") << true << qint64(3000);
        QTest::newRow("us") << "7us" << true << qint64(7000);
        QTest::newRow(".5s") << ".5s" << true << qint64(500'000'000);
        QTest::newRow("empty") << "" << false << qint64(0);
        QTest::newRow("no unit") << "100" << false << qint64(0);
        QTest::newRow("unknown unit") << "1d" << false << qint64(0);
        QTest::newRow("dot only") << ".s" << false << qint64(0);
        QTest::newRow("sign only") << "-" << false << qint64(0);
        QTest::newRow("overflow") << "9999999999h" << false << qint64(0);
    }
    void goDuration()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, nanoseconds);
        const auto parsed = parseGoDuration(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid) {
            QCOMPARE(qint64(parsed->count()), nanoseconds);
        }
    }

    void canonicalName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("lower") << "x-header-set"
                               << "X-Header-Set";
        QTest::newRow("upper") << "USER-AGENT"
                               << "User-Agent";
        QTest::newRow("digits") << "x-1abc"
                                << "X-1abc";
        QTest::newRow("invalid kept") << "bad name"
                                      << "bad name";
    }
    void canonicalName()
    {
        QFETCH(QString, name);
        QFETCH(QString, canonical);
        QCOMPARE(canonicalHeaderName(name), canonical);
    }

    void echoSet_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("fields"); // name=value, in order
        QTest::newRow("empty") << "" << QStringList{};
        QTest::newRow("two") << "X-Foo: bar, x-baz:qux" << QStringList{"X-Foo=bar", "x-baz=qux"};
        QTest::newRow("repeated") << "A:1,A:2" << QStringList{"A=1,2"};
        QTest::newRow("no colon ignored") << "junk, B:3" << QStringList{"B=3"};
    }
    void echoSet()
    {
        QFETCH(QString, value);
        QFETCH(QStringList, fields);
        Http::Headers headers;
        headers.add("X-Echo-Set-Header", value.toStdString());
        QStringList got;
        for (const Http::HeaderField &f : echoSetHeaders(headers).fields) {
            got << QString::fromStdString(f.name + '=' + f.value);
        }
        QCOMPARE(got, fields);
    }

    void podNames()
    {
        const QString first = podName(QStringLiteral("infra-backend-v1"), 0);
        QCOMPARE(first, podName(QStringLiteral("infra-backend-v1"), 0)); // stable
        QVERIFY(first != podName(QStringLiteral("infra-backend-v1"), 1));
        const QStringList parts = first.split(u'-');
        // The suite strips the last two '-' parts to find the backend name.
        QCOMPARE(parts.mid(0, parts.size() - 2).join(u'-'), QStringLiteral("infra-backend-v1"));
        QCOMPARE(parts.at(parts.size() - 2).size(), 10);
        QCOMPARE(parts.last().size(), 5);
        // Replicas share the ReplicaSet part.
        QCOMPARE(podName(QStringLiteral("infra-backend-v1"), 1).split(u'-').at(parts.size() - 2),
                 parts.at(parts.size() - 2));
    }

    void echoJsonFields()
    {
        Http::Headers headers;
        headers.add("host", "foo.example.com");
        headers.add("x-multi", "1");
        headers.add("X-MULTI", "2");
        headers.add("x-comma", "a,b");
        const QJsonObject echo =
            QJsonDocument::fromJson(echoJson(request("/a//b?x=1", headers), identity())).object();
        QCOMPARE(echo["path"].toString(), QStringLiteral("/a//b?x=1"));
        QCOMPARE(echo["host"].toString(), QStringLiteral("foo.example.com"));
        QCOMPARE(echo["method"].toString(), QStringLiteral("GET"));
        QCOMPARE(echo["proto"].toString(), QStringLiteral("HTTP/1.1"));
        QCOMPARE(echo["httpPort"].toString(), QStringLiteral("3000"));
        QCOMPARE(echo["namespace"].toString(), QStringLiteral("gateway-conformance-infra"));
        QCOMPARE(echo["pod"].toString(), QStringLiteral("infra-backend-v1-abc-def"));
        QVERIFY(echo.contains("ingress") && echo.contains("service"));
        const QJsonObject h = echo["headers"].toObject();
        QVERIFY(!h.contains("Host"));
        QCOMPARE(h["X-Multi"].toArray(), (QJsonArray{"1", "2"}));
        QCOMPARE(h["X-Comma"].toArray(), QJsonArray{"a,b"});
    }

    void chunkedFramingNotEchoed()
    {
        Http::Headers headers;
        headers.add("Transfer-Encoding", "chunked");
        Http::RequestHead head = request("/", headers);
        head.chunked = true;
        const QJsonObject h =
            QJsonDocument::fromJson(echoJson(head, identity())).object()["headers"].toObject();
        QVERIFY(!h.contains("Transfer-Encoding"));
    }

    void handlers_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("delayMs");
        using K = EchoAction::Kind;
        QTest::newRow("health") << "/health" << int(K::Respond) << 200 << 0;
        QTest::newRow("health collapsed") << "//health" << int(K::Respond) << 200 << 0;
        QTest::newRow("status 503") << "/status/503" << int(K::Respond) << 503 << 0;
        QTest::newRow("status two digits") << "/status/50" << int(K::Respond) << 400 << 0;
        QTest::newRow("status text") << "/status/abc" << int(K::Respond) << 400 << 0;
        QTest::newRow("status 000") << "/status/000" << int(K::Close) << 0 << 0;
        QTest::newRow("delay") << "/x?delay=1.5s" << int(K::Respond) << 200 << 1500;
        QTest::newRow("bad delay") << "/x?delay=soon" << int(K::Respond) << 400 << 0;
        QTest::newRow("retry no uuid") << "/retry/a?succeedAfter=1" << int(K::Respond) << 400 << 0;
        QTest::newRow("retry reset")
            << "/retry/a?uuid=u&succeedAfter=1&delayRetry=10ms" << int(K::Reset) << 0 << 10;
        QTest::newRow("retry code")
            << "/retry/a?uuid=v&succeedAfter=1&responseCode=503" << int(K::Respond) << 503 << 0;
    }
    void handlers()
    {
        QFETCH(QString, target);
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(int, delayMs);
        RetryLedger retries;
        const EchoAction action = answerRequest(request(target.toStdString()), identity(), retries);
        QCOMPARE(int(action.kind), kind);
        if (action.kind == EchoAction::Kind::Respond) {
            QCOMPARE(action.status, status);
        }
        QCOMPARE(int(action.delay.count()), delayMs);
    }

    void retryCountsPerUuid()
    {
        RetryLedger retries;
        const auto attempt = [&](const char *uuid) {
            return answerRequest(
                       request(std::string("/retry/?succeedAfter=2&responseCode=500&uuid=") + uuid),
                       identity(), retries)
                .status;
        };
        QCOMPARE(attempt("a"), 500);
        QCOMPARE(attempt("b"), 500);
        QCOMPARE(attempt("a"), 500);
        QCOMPARE(attempt("a"), 200);
        QCOMPARE(attempt("b"), 500);
        QCOMPARE(attempt("b"), 200);
    }

    void missingHost()
    {
        Http::RequestHead head;
        head.method = "GET";
        head.target = "/";
        RetryLedger retries;
        const EchoAction action = answerRequest(head, identity(), retries);
        QCOMPARE(action.status, 400);
        QVERIFY(action.closeAfter);
    }
};

QTEST_GUILESS_MAIN(TestEchoAnswer)
#include "tst_backends_echo_answer.moc"
