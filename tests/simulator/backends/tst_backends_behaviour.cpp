// Backend behaviour (simulator/backends/backend_behaviour.h): the seeded distributions on their
// own, then a real echo endpoint on 127.0.0.1:0 answering a QTcpSocket client: error rate within
// a binomial bound, a fixed latency, reset, hang, response size, slow start, down (refused) and
// up again (200).
#include "engine/http/http1_codec.h"
#include "simulator/backends/backend_behaviour.h"
#include "simulator/backends/http_echo_backend.h"
#include "simulator/backends/mock_service.h"

#include <QTcpSocket>
#include <QtTest/QTest>

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>

using namespace Torii;
using namespace Torii::Backends;

namespace {

struct Answer
{
    int status = 0; // 0: none
    std::size_t bodyBytes = 0;
};

class Collector : public Http::ResponseHandler
{
public:
    std::vector<Answer> answers;
    void onHead(Http::ResponseHead &&head) override { answers.push_back({head.status, 0}); }
    void onBody(std::string_view chunk) override { answers.back().bodyBytes += chunk.size(); }
    void onComplete(Http::Headers &&) override {}
};

// A blocking keep-alive client on one connection.
class Client
{
public:
    explicit Client(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_connected = m_socket.waitForConnected(5000);
    }
    bool connected() const { return m_connected; }
    QAbstractSocket::SocketError error() const { return m_socket.error(); }
    bool open() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    // One GET; the answer, or status 0 when none came within `waitMs` or the peer closed.
    Answer get(const QByteArray &target = "/", int waitMs = 5000)
    {
        m_socket.write("GET " + target + " HTTP/1.1\r\nHost: echo.test\r\n\r\n");
        m_socket.waitForBytesWritten(5000);
        QElapsedTimer clock;
        clock.start();
        while (m_collector.answers.empty() && clock.elapsed() < waitMs) {
            if (!m_socket.waitForReadyRead(20)) {
                if (!open()) {
                    break;
                }
                continue;
            }
            m_buffer += m_socket.readAll();
            while (!m_buffer.isEmpty()) {
                const auto result = m_parser.feed(
                    std::string_view(m_buffer.constData(), m_buffer.size()), m_collector);
                m_buffer.remove(0, qsizetype(result.consumed));
                if (result.status != Http::FeedStatus::MessageComplete) {
                    break;
                }
            }
        }
        if (m_collector.answers.empty()) {
            return {};
        }
        Answer a = m_collector.answers.front();
        m_collector.answers.erase(m_collector.answers.begin());
        return a;
    }

private:
    QTcpSocket m_socket;
    bool m_connected = false;
    QByteArray m_buffer;
    Http::ResponseParser m_parser;
    Collector m_collector;
};

BackendBehaviour withErrors(double rate, int status, FailureMode mode = FailureMode::Status)
{
    BackendBehaviour b;
    b.errorRate = rate;
    b.errorStatus = status;
    b.failure = mode;
    b.seed = 42;
    return b;
}

} // namespace

class TestBackendBehaviour : public QObject
{
    Q_OBJECT

private slots:
    void distributionsAreSeededAndShaped()
    {
        using K = LatencyDistribution::Kind;
        std::mt19937_64 random(7);
        const int n = 20000;
        auto draw = [&](LatencyDistribution d) {
            std::vector<double> v;
            for (int i = 0; i < n; ++i) {
                v.push_back(d.sampleMs(random));
            }
            std::sort(v.begin(), v.end());
            return v;
        };
        const auto fixed = draw({K::Fixed, 20, 0});
        QCOMPARE(fixed.front(), 20.0);
        QCOMPARE(fixed.back(), 20.0);
        const auto uniform = draw({K::Uniform, 10, 30});
        QVERIFY(uniform.front() >= 10 && uniform.back() <= 30);
        QVERIFY(std::abs(uniform[n / 2] - 20) < 0.5);
        const auto normal = draw({K::Normal, 50, 5});
        QVERIFY(std::abs(normal[n / 2] - 50) < 0.3);
        QVERIFY(std::abs((normal[std::size_t(n * 0.8413)] - normal[n / 2]) - 5) < 0.3); // +1 sd
        const auto lognormal = draw({K::LogNormal, 40, 0.5});
        QVERIFY(std::abs(lognormal[n / 2] - 40) < 1.0);
        const auto pareto = draw({K::Pareto, 10, 2});
        QVERIFY(pareto.front() >= 10);
        // P(X > x) = (10 / x)^2: the 99th percentile is 100 ms.
        QVERIFY(std::abs(pareto[std::size_t(n * 0.99)] - 100) < 10);

        std::mt19937_64 a(3), b(3);
        const LatencyDistribution d{K::LogNormal, 40, 1};
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(d.sampleMs(a), d.sampleMs(b));
        }
    }

    void unusableBehaviourIsRefused()
    {
        BackendBehaviour b;
        b.errorRate = 1.5;
        QVERIFY(!b.validate().isEmpty());
        b.errorRate = 0.1;
        b.errorStatus = 42;
        QVERIFY(!b.validate().isEmpty());
        b.errorStatus = 503;
        b.latency = {LatencyDistribution::Kind::Uniform, 30, 10};
        QVERIFY(!b.validate().isEmpty());
        b.latency = {LatencyDistribution::Kind::Pareto, 10, 0};
        QVERIFY(!b.validate().isEmpty());
        b.latency = {LatencyDistribution::Kind::Pareto, 10, 1.5};
        QVERIFY(b.validate().isEmpty());

        HttpEchoBackend backend(replicaIdentity(QStringLiteral("ns"), QStringLiteral("svc"), 0));
        b.errorRate = -1;
        QVERIFY(!backend.setBehaviour(b).isEmpty());
        QCOMPARE(backend.behaviour().errorRate, 0.0); // unchanged
    }

    void halfErrorsIsHalfWithinABinomialBound()
    {
        HttpEchoBackend backend(replicaIdentity(QStringLiteral("ns"), QStringLiteral("svc"), 0));
        QVERIFY(backend.setBehaviour(withErrors(0.5, 503)).isEmpty());
        QVERIFY(backend.start().ok());
        Client client(backend.port());
        QVERIFY(client.connected());
        const int n = 400;
        int errors = 0;
        int ok = 0;
        for (int i = 0; i < n; ++i) {
            const Answer a = client.get();
            errors += a.status == 503;
            ok += a.status == 200;
        }
        QCOMPARE(errors + ok, n);
        // Binomial(400, 0.5): sd 10; 4 sd either side.
        QVERIFY2(std::abs(errors - n / 2) <= 40, qPrintable(QString::number(errors)));
    }

    void sameSeedSameErrorSequence()
    {
        std::vector<int> runs[2];
        for (auto &statuses : runs) {
            HttpEchoBackend backend(
                replicaIdentity(QStringLiteral("ns"), QStringLiteral("svc"), 0));
            QVERIFY(backend.setBehaviour(withErrors(0.3, 500)).isEmpty());
            QVERIFY(backend.start().ok());
            Client client(backend.port());
            for (int i = 0; i < 50; ++i) {
                statuses.push_back(client.get().status);
            }
        }
        QVERIFY(runs[0] == runs[1]);
        QVERIFY(std::count(runs[0].begin(), runs[0].end(), 500) > 0);
    }

    void fixedLatencyShows()
    {
        HttpEchoBackend backend(replicaIdentity(QStringLiteral("ns"), QStringLiteral("svc"), 0));
        BackendBehaviour b;
        b.latency = {LatencyDistribution::Kind::Fixed, 20, 0};
        QVERIFY(backend.setBehaviour(b).isEmpty());
        QVERIFY(backend.start().ok());
        Client client(backend.port());
        QCOMPARE(client.get().status, 200); // warm the connection
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer clock;
            clock.start();
            QCOMPARE(client.get().status, 200);
            QVERIFY2(clock.elapsed() >= 20, qPrintable(QString::number(clock.elapsed())));
        }
        // Changed while running: no added latency any more (the bound only shows it changed).
        QVERIFY(backend.setBehaviour(BackendBehaviour{}).isEmpty());
        QCOMPARE(client.get().status, 200);
    }

    void resetAndHangAnswerNothing()
    {
        HttpEchoBackend backend(replicaIdentity(QStringLiteral("ns"), QStringLiteral("svc"), 0));
        QVERIFY(backend.setBehaviour(withErrors(1.0, 503, FailureMode::Reset)).isEmpty());
        QVERIFY(backend.start().ok());
        {
            Client client(backend.port());
            QCOMPARE(client.get().status, 0);
            QVERIFY(!client.open());
            QCOMPARE(client.error(), QAbstractSocket::RemoteHostClosedError);
        }
        QVERIFY(backend.setBehaviour(withErrors(1.0, 503, FailureMode::Hang)).isEmpty());
        {
            Client client(backend.port());
            QCOMPARE(client.get("/", 300).status, 0);
            QVERIFY(client.open()); // hung, not closed
        }
        // The route-test handlers are not shaped.
        Client client(backend.port());
        QCOMPARE(client.get("/status/201").status, 201);
    }

    void responseSizeAndSlowStart()
    {
        HttpEchoBackend backend(replicaIdentity(QStringLiteral("ns"), QStringLiteral("svc"), 0));
        BackendBehaviour b;
        b.responseBytes = 10000;
        QVERIFY(backend.setBehaviour(b).isEmpty());
        QVERIFY(backend.start().ok());
        {
            Client client(backend.port());
            const Answer a = client.get();
            QCOMPARE(a.status, 200);
            QCOMPARE(a.bodyBytes, std::size_t(10000));
        }
        // Slow start: just up, nearly every request fails; the ramp lasts a minute.
        b.responseBytes = 0;
        b.down = true;
        QVERIFY(backend.setBehaviour(b).isEmpty());
        b.down = false;
        b.slowStart = {std::chrono::minutes(1), 0.0, 1.0};
        b.errorStatus = 500;
        QVERIFY(backend.setBehaviour(b).isEmpty());
        Client client(backend.port());
        int errors = 0;
        for (int i = 0; i < 20; ++i) {
            errors += client.get().status == 500;
        }
        QVERIFY2(errors >= 18, qPrintable(QString::number(errors)));
    }

    void downRefusesAndUpAnswersAgain()
    {
        MockService service(QStringLiteral("ns"), QStringLiteral("svc"), 2);
        QVERIFY(service.start().ok());
        const quint16 port = service.endpoint(0).port();
        Client before(port);
        QVERIFY(before.connected());
        QCOMPARE(before.get().status, 200);

        BackendBehaviour down;
        down.down = true;
        QVERIFY(service.setEndpointBehaviour(0, down).isEmpty());
        // The open connection was reset, new ones are refused; replica 1 still answers.
        QCOMPARE(before.get("/", 1000).status, 0);
        {
            Client refused(port);
            QVERIFY(!refused.connected());
            QCOMPARE(refused.error(), QAbstractSocket::ConnectionRefusedError);
        }
        Client other(service.endpoint(1).port());
        QCOMPARE(other.get().status, 200);

        QVERIFY(service.setEndpointBehaviour(0, BackendBehaviour{}).isEmpty());
        QCOMPARE(service.endpoint(0).port(), port); // the same port again
        Client after(port);
        QVERIFY(after.connected());
        QCOMPARE(after.get().status, 200);
    }

    void downBeforeStartStaysDownUntilUp()
    {
        HttpEchoBackend backend(replicaIdentity(QStringLiteral("ns"), QStringLiteral("svc"), 0));
        BackendBehaviour down;
        down.down = true;
        QVERIFY(backend.setBehaviour(down).isEmpty());
        QVERIFY(backend.start().ok());
        QVERIFY(backend.port() != 0);
        {
            Client refused(backend.port());
            QVERIFY(!refused.connected());
        }
        QVERIFY(backend.setBehaviour(BackendBehaviour{}).isEmpty());
        Client client(backend.port());
        QCOMPARE(client.get().status, 200);
    }
};

QTEST_GUILESS_MAIN(TestBackendBehaviour)
#include "tst_backends_behaviour.moc"
