// Retry decisions (engine/proxy/retry_policy.h) from the HTTPRoute retry field's spec text
// (v1.6.1, GEP-1731) and the attempt counts of conformance test HTTPRouteRetry: the echo
// backend's /retry/ path fails the first `succeedAfter` attempts, so the request succeeds exactly
// when 1 + retries > succeedAfter.
#include "engine/proxy/retry_policy.h"

#include <QtTest/QTest>

using namespace Torii;
using namespace Torii::Proxy::Internal;
using namespace std::chrono_literals;
using Outcome = RetryPolicy::Outcome;
using Body = RetryPolicy::BodyState;

namespace {

RouteTable::Retry retry(std::vector<int> codes, std::optional<int> attempts,
                        std::optional<std::chrono::milliseconds> backoff = std::nullopt)
{
    RouteTable::Retry r;
    r.codes = std::move(codes);
    r.attempts = attempts;
    r.backoff = backoff;
    return r;
}

Outcome status(int code)
{
    return Outcome{Outcome::Kind::Response, code};
}

// Plays the /retry/ backend against the policy: the status the client finally gets.
int finalStatus(const RetryPolicy &policy, int failingCode, int succeedAfter, int *attemptsMade)
{
    std::chrono::milliseconds elapsed{0};
    for (int attempt = 1;; ++attempt) {
        const int got = attempt > succeedAfter ? 200 : failingCode;
        const RetryPolicy::Decision d =
            policy.afterAttempt(attempt, status(got), elapsed, Body::None);
        if (got == 200 || !d.retry) {
            *attemptsMade = attempt;
            return got;
        }
        elapsed += d.delay;
    }
}

} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private slots:
    // Every subtest of HTTPRouteRetry.
    void conformanceAttempts_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("responseCode");
        QTest::addColumn<int>("succeedAfter");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("attempts");
        QTest::newRow("500, 3 retries, succeeds after 2") << "500x3" << 500 << 2 << 200 << 3;
        QTest::newRow("500, 3 retries, needs 4") << "500x3" << 500 << 4 << 500 << 4;
        QTest::newRow("503 not listed") << "500x3" << 503 << 2 << 503 << 1;
        QTest::newRow("all, 2 retries, 500 once") << "allx2" << 500 << 1 << 200 << 2;
        QTest::newRow("all, 500 three times") << "allx2" << 500 << 3 << 500 << 3;
        QTest::newRow("all, 502 once") << "allx2" << 502 << 1 << 200 << 2;
        QTest::newRow("all, 502 three times") << "allx2" << 502 << 3 << 502 << 3;
        QTest::newRow("all, 503 once") << "allx2" << 503 << 1 << 200 << 2;
        QTest::newRow("all, 503 three times") << "allx2" << 503 << 3 << 503 << 3;
        QTest::newRow("all, 504 once") << "allx2" << 504 << 1 << 200 << 2;
        QTest::newRow("all, 504 three times") << "allx2" << 504 << 3 << 504 << 3;
    }
    void conformanceAttempts()
    {
        QFETCH(QString, rule);
        QFETCH(int, responseCode);
        QFETCH(int, succeedAfter);
        QFETCH(int, status);
        QFETCH(int, attempts);
        const RouteTable::Retry r =
            rule == u"500x3" ? retry({500}, 3) : retry({500, 502, 503, 504}, 2);
        const RetryPolicy policy(r, RouteTable::Timeouts{});
        int made = 0;
        QCOMPARE(finalStatus(policy, responseCode, succeedAfter, &made), status);
        QCOMPARE(made, attempts);
    }

    void noRetryStanza()
    {
        const RetryPolicy policy(std::nullopt, RouteTable::Timeouts{});
        QVERIFY(!policy.enabled());
        QCOMPARE(policy.maxRetries(), 0);
        const auto d =
            policy.afterAttempt(1, Outcome{Outcome::Kind::ConnectFailed}, 0ms, Body::None);
        QVERIFY(!d.retry);
        QVERIFY(QString::fromStdString(d.reason).contains("no retry"));
    }

    void defaults()
    {
        const RetryPolicy policy(retry({500}, std::nullopt), RouteTable::Timeouts{});
        QVERIFY(policy.enabled());
        QCOMPARE(policy.maxRetries(), RetryPolicy::kDefaultRetries);
        QCOMPARE(policy.backoffBefore(1), RetryPolicy::kDefaultBackoff);
    }

    void attemptsZeroNeverRetries()
    {
        const RetryPolicy policy(retry({500}, 0), RouteTable::Timeouts{});
        QVERIFY(!policy.afterAttempt(1, status(500), 0ms, Body::None).retry);
    }

    void failureKinds_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("retriable");
        QTest::newRow("listed status") << int(Outcome::Kind::Response) << 503 << true;
        QTest::newRow("unlisted 5xx") << int(Outcome::Kind::Response) << 500 << false;
        QTest::newRow("success") << int(Outcome::Kind::Response) << 200 << false;
        QTest::newRow("connect failure") << int(Outcome::Kind::ConnectFailed) << 0 << true;
        QTest::newRow("reset before answer") << int(Outcome::Kind::Reset) << 0 << true;
        QTest::newRow("backend timeout") << int(Outcome::Kind::BackendTimeout) << 0 << true;
    }
    void failureKinds()
    {
        QFETCH(int, kind);
        QFETCH(int, code);
        QFETCH(bool, retriable);
        const RetryPolicy policy(retry({503}, 2), RouteTable::Timeouts{});
        const Outcome outcome{Outcome::Kind(kind), code};
        QCOMPARE(policy.isRetriable(outcome), retriable);
        QCOMPARE(policy.afterAttempt(1, outcome, 0ms, Body::None).retry, retriable);
    }

    void backoffGrowsAndIsCapped()
    {
        const RetryPolicy policy(retry({500}, 8, 100ms), RouteTable::Timeouts{});
        QCOMPARE(policy.backoffBefore(1), 100ms); // never below the configured minimum
        QCOMPARE(policy.backoffBefore(2), 200ms);
        QCOMPARE(policy.backoffBefore(3), 400ms);
        QCOMPARE(policy.backoffBefore(4), 800ms);
        QCOMPARE(policy.backoffBefore(5), 1000ms); // capped at 10 × backoff
        QCOMPARE(policy.backoffBefore(8), 1000ms);
        const auto d = policy.afterAttempt(3, status(500), 0ms, Body::None);
        QVERIFY(d.retry);
        QCOMPARE(d.delay, 400ms);
    }

    void zeroBackoff()
    {
        const RetryPolicy policy(retry({500}, 3, 0ms), RouteTable::Timeouts{});
        QCOMPARE(policy.backoffBefore(3), 0ms);
    }

    void requestTimeoutBoundsRetries()
    {
        RouteTable::Timeouts timeouts;
        timeouts.request = 1000ms;
        const RetryPolicy policy(retry({500}, 5, 100ms), timeouts);
        QVERIFY(policy.afterAttempt(1, status(500), 850ms, Body::None).retry);
        const auto late = policy.afterAttempt(1, status(500), 900ms, Body::None);
        QVERIFY(!late.retry);
        QVERIFY(QString::fromStdString(late.reason).contains("request timeout"));
        // A backendRequest timeout alone does not bound the total.
        RouteTable::Timeouts backendOnly;
        backendOnly.backendRequest = 50ms;
        QVERIFY(RetryPolicy(retry({500}, 5, 100ms), backendOnly)
                    .afterAttempt(2, Outcome{Outcome::Kind::BackendTimeout}, 60000ms, Body::None)
                    .retry);
    }

    void bodies()
    {
        const RetryPolicy policy(retry({500}, 2), RouteTable::Timeouts{});
        QVERIFY(policy.afterAttempt(1, status(500), 0ms, Body::Buffered).retry);
        const auto streamed = policy.afterAttempt(1, status(500), 0ms, Body::Streamed);
        QVERIFY(!streamed.retry);
        QVERIFY(QString::fromStdString(streamed.reason).contains("body"));

        Http::RequestHead head;
        QVERIFY(RetryPolicy::shouldBufferBody(head)); // no body
        head.contentLength = RetryPolicy::kMaxReplayableBody;
        QVERIFY(RetryPolicy::shouldBufferBody(head));
        head.contentLength = RetryPolicy::kMaxReplayableBody + 1;
        QVERIFY(!RetryPolicy::shouldBufferBody(head));
        head.contentLength.reset();
        head.chunked = true;
        QVERIFY(RetryPolicy::shouldBufferBody(head)); // kept while under the limit
    }

    void reasonsSayWhy()
    {
        const RetryPolicy policy(retry({500}, 3, 25ms), RouteTable::Timeouts{});
        QCOMPARE(policy.afterAttempt(1, status(500), 0ms, Body::None).reason,
                 std::string("status 500 is retriable; retry 1 of 3 after 25ms"));
        QCOMPARE(policy.afterAttempt(4, status(500), 0ms, Body::None).reason,
                 std::string("status 500 after 4 attempt(s); retry.attempts (3 retries) is used "
                             "up"));
        QCOMPARE(policy.afterAttempt(1, status(502), 0ms, Body::None).reason,
                 std::string("status 502 is not in retry.codes"));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retry_policy.moc"
