// TCPRoute through the gateway over real sockets on 127.0.0.1: the per-connection weighted
// choice over 1,000 connections (chi-square), half-close both ways, backpressure (a client that
// does not read stops the backend's writes after a bounded amount), the idle timeout, the
// per-connection event, no route, a table swap reaching new connections only, and several
// connections relaying megabytes both ways at once.
#include "engine/proxy/gateway.h"
#include "l4_test_support.h"
#include "simulator/backends/stream_echo_server.h"
#include "simulator/metrics/chi_square.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

#include <random>

#include <fcntl.h>

#include <csignal>
#include <cstring>

#include <atomic>
#include <thread>
#include <vector>

using namespace Torii;
using namespace Torii::Proxy;
using namespace std::chrono_literals;
namespace RT = Torii::RouteTable;

namespace {

constexpr int kPort = 9300;

std::unique_ptr<Backends::StreamEchoServer> echo(const QString &deployment)
{
    Backends::StreamEchoServer::Options options;
    options.identity = Backends::replicaIdentity("default", deployment, 0);
    auto server = std::make_unique<Backends::StreamEchoServer>(options);
    if (!server->start().empty()) {
        return nullptr;
    }
    return server;
}

// One TEST exchange through port; the pod that answered, "" on failure.
QString testPod(quint16 port)
{
    const int fd = L4Test::connectTo(port);
    if (fd < 0) {
        return {};
    }
    QString pod;
    if (L4Test::readLine(fd) == "Gateway API Test TCP Server\n" && L4Test::sendAll(fd, "TEST\n")) {
        const std::string json = L4Test::readLine(fd);
        pod = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object().value("pod").toString();
    }
    ::close(fd);
    return pod;
}

// A raw backend on 127.0.0.1:0 running `serve(fd)` for each connection on its own thread.
class RawBackend
{
public:
    explicit RawBackend(std::function<void(int)> serve)
        : m_serve(std::move(serve))
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        ::listen(m_fd, 16);
        socklen_t length = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &length);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] {
            while (true) {
                const int c = ::accept(m_fd, nullptr, nullptr);
                if (c < 0) {
                    return;
                }
                m_serve(c);
                ::close(c);
            }
        });
    }
    ~RawBackend()
    {
        ::shutdown(m_fd, SHUT_RDWR);
        ::close(m_fd);
        m_thread.join();
    }
    quint16 port() const { return m_port; }

private:
    std::function<void(int)> m_serve;
    int m_fd = -1;
    quint16 m_port = 0;
    std::thread m_thread;
};

GatewayConfig tcpConfig()
{
    GatewayConfig config;
    ListenerConfig listener;
    listener.gatewayPort = kPort;
    listener.kind = ListenerKind::Tcp;
    config.listeners.push_back(listener);
    config.eventRingCapacity = 4096;
    return config;
}

} // namespace

class TestTcpProxy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); }

    void weightsHoldPerConnection()
    {
        auto v1 = echo("tcp-backend-v1");
        auto v2 = echo("tcp-backend-v2");
        auto v3 = echo("tcp-backend-v3");
        QVERIFY(v1 && v2 && v3);
        GatewayConfig config = tcpConfig();
        config.workers = 2;
        // Seeded: the verdict is reproducible (an unseeded run fails alpha = 1 % of the time).
        auto rng = std::make_shared<std::mt19937_64>(20261126);
        config.random = [rng] { return std::uniform_real_distribution<double>(0, 1)(*rng); };
        Gateway gateway(config);
        gateway.setRouteTable(L4Test::streamTable(
            kPort, RT::ListenerProtocol::TCP,
            {{{"*"},
              {L4Test::backend("v1", 70), L4Test::backend("v2", 30), L4Test::backend("v3", 0)}}}));
        gateway.setEndpoints({{"default/v1:3000", {L4Test::endpointOf(v1->port())}},
                              {"default/v2:3000", {L4Test::endpointOf(v2->port())}},
                              {"default/v3:3000", {L4Test::endpointOf(v3->port())}}});
        std::string error;
        QVERIFY2(gateway.start(&error), error.c_str());
        const quint16 port = gateway.boundPorts().at(kPort);
        std::vector<std::uint64_t> counts(3);
        constexpr int kConnections = 1000;
        for (int i = 0; i < kConnections; ++i) {
            const QString pod = testPod(port);
            QVERIFY2(!pod.isEmpty(), qPrintable(QString::number(i)));
            const int index = pod.startsWith("tcp-backend-v1-")   ? 0
                              : pod.startsWith("tcp-backend-v2-") ? 1
                                                                  : 2;
            ++counts[std::size_t(index)];
        }
        const Metrics::WeightTest test = Metrics::chiSquareGoodnessOfFit(counts, {70, 30, 0});
        QVERIFY2(test.consistent && !test.impossibleCategory,
                 qPrintable(QStringLiteral("v1 %1 v2 %2 v3 %3 p=%4")
                                .arg(counts[0]).arg(counts[1]).arg(counts[2]).arg(test.pValue)));
        QCOMPARE(counts[2], std::uint64_t(0));
        QCOMPARE(v3->accepted(), std::uint64_t(0));
        // One event per connection, with its route, backend, endpoint and bytes.
        gateway.stop();
        int events = 0;
        gateway.drainEvents([&](const RequestEvent &e) {
            ++events;
            QCOMPARE(e.method, std::string("TCP"));
            QCOMPARE(e.gatewayPort, kPort);
            QVERIFY(e.routed);
            QCOMPARE(e.route.kind, std::string("TCPRoute"));
            QVERIFY(e.backend == "default/v1:3000" || e.backend == "default/v2:3000");
            QCOMPARE(e.bytesIn, std::uint64_t(5)); // "TEST\n"
            QVERIFY(e.bytesOut > 28);               // the welcome line and the JSON
            QVERIFY(e.latencyMicros > 0);
        });
        QCOMPARE(events, kConnections);
    }

    // The client's EOF reaches the backend as EOF while the way back stays open; the backend's
    // answer and then its EOF reach the client.
    void halfCloseBothWays()
    {
        RawBackend backend([](int fd) {
            bool closed = false;
            const std::string got = L4Test::readToEnd(fd, 5s, &closed);
            if (closed) {
                L4Test::sendAll(fd, "got " + std::to_string(got.size()) + " bytes after EOF");
            }
            ::shutdown(fd, SHUT_WR);
            L4Test::readToEnd(fd, 2s);
        });
        Gateway gateway(tcpConfig());
        gateway.setRouteTable(L4Test::streamTable(kPort, RT::ListenerProtocol::TCP,
                                                  {{{"*"}, {L4Test::backend("raw", 1)}}}));
        gateway.setEndpoints({{"default/raw:3000", {L4Test::endpointOf(backend.port())}}});
        QVERIFY(gateway.start());
        const int fd = L4Test::connectTo(gateway.boundPorts().at(kPort));
        QVERIFY(fd >= 0);
        const std::string payload(100000, 'x');
        QVERIFY(L4Test::sendAll(fd, payload));
        ::shutdown(fd, SHUT_WR);
        bool closed = false;
        const std::string answer = L4Test::readToEnd(fd, 5s, &closed);
        ::close(fd);
        QCOMPARE(answer, std::string("got 100000 bytes after EOF"));
        QVERIFY(closed);
    }

    // A backend writing as fast as it can to a client that does not read: the gateway stops
    // reading when its buffer is full, so the backend is blocked after a bounded amount (the
    // kernel's socket buffers plus the gateway's 64 KiB), and everything written arrives intact
    // once the client reads.
    void slowReaderStopsTheWriter()
    {
        std::atomic<std::uint64_t> written{0};
        std::atomic<bool> blocked{false};
        RawBackend backend([&](int fd) {
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
            std::string chunk(65536, '\0');
            auto lastProgress = std::chrono::steady_clock::now();
            std::uint64_t total = 0;
            while (total < (std::uint64_t(512) << 20)) {
                const ssize_t n = ::send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL);
                if (n > 0) {
                    total += std::uint64_t(n);
                    written = total;
                    lastProgress = std::chrono::steady_clock::now();
                    continue;
                }
                if (errno != EAGAIN) {
                    break;
                }
                if (std::chrono::steady_clock::now() - lastProgress > 700ms) {
                    blocked = true;
                    // Now let the client drain: write the rest in blocking mode.
                    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
                    break;
                }
                std::this_thread::sleep_for(5ms);
            }
            ::shutdown(fd, SHUT_WR);
            L4Test::readToEnd(fd, 5s);
        });
        GatewayConfig config = tcpConfig();
        config.streamBufferBytes = 64 * 1024;
        Gateway gateway(config);
        gateway.setRouteTable(L4Test::streamTable(kPort, RT::ListenerProtocol::TCP,
                                                  {{{"*"}, {L4Test::backend("raw", 1)}}}));
        gateway.setEndpoints({{"default/raw:3000", {L4Test::endpointOf(backend.port())}}});
        QVERIFY(gateway.start());
        const int fd = L4Test::connectTo(gateway.boundPorts().at(kPort));
        QVERIFY(fd >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(blocked.load(), 20000);
        const std::uint64_t atBlock = written.load();
        // Loopback socket buffers grow to a few MiB each; 512 MiB would be "unbounded".
        QVERIFY2(atBlock < (std::uint64_t(48) << 20),
                 qPrintable(QStringLiteral("backend wrote %1 bytes to a client that reads nothing")
                                .arg(atBlock)));
        bool closed = false;
        const std::string received = L4Test::readToEnd(fd, 10s, &closed);
        ::close(fd);
        QVERIFY(closed);
        QCOMPARE(std::uint64_t(received.size()), atBlock);
    }

    // Several connections moving megabytes both ways at once (the backend echoes): far more
    // than one callback's budget and the 64 KiB buffers, so the relay must yield and resume
    // each side without losing an edge; every byte arrives, in order, on the right connection.
    void concurrentBulkBothWaysArrivesIntact()
    {
        constexpr int kConnections = 4;
        constexpr std::size_t kBytes = std::size_t(6) << 20;
        // The echo backend: a thread per accepted connection, until EOF.
        const int listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(listenFd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        QCOMPARE(::listen(listenFd, 16), 0);
        socklen_t length = sizeof addr;
        ::getsockname(listenFd, reinterpret_cast<sockaddr *>(&addr), &length);
        std::vector<std::thread> echoes;
        std::thread acceptor([&] {
            for (int i = 0; i < kConnections; ++i) {
                const int c = ::accept(listenFd, nullptr, nullptr);
                if (c < 0) {
                    return;
                }
                echoes.emplace_back([c] {
                    char buffer[32768];
                    for (;;) {
                        const ssize_t n = ::recv(c, buffer, sizeof buffer, 0);
                        if (n <= 0 || !L4Test::sendAll(c, std::string_view(buffer, std::size_t(n)))) {
                            break;
                        }
                    }
                    ::shutdown(c, SHUT_WR);
                    ::close(c);
                });
            }
        });
        Gateway gateway(tcpConfig());
        gateway.setRouteTable(L4Test::streamTable(kPort, RT::ListenerProtocol::TCP,
                                                  {{{"*"}, {L4Test::backend("raw", 1)}}}));
        gateway.setEndpoints(
            {{"default/raw:3000", {L4Test::endpointOf(ntohs(addr.sin_port))}}});
        QVERIFY(gateway.start());
        const quint16 port = gateway.boundPorts().at(kPort);
        std::vector<std::string> payloads(kConnections);
        std::vector<std::string> received(kConnections);
        std::vector<int> closed(kConnections, 0);
        std::vector<std::thread> clients;
        for (int i = 0; i < kConnections; ++i) {
            payloads[std::size_t(i)].resize(kBytes);
            for (std::size_t b = 0; b < kBytes; ++b) {
                payloads[std::size_t(i)][b] = char((b * 7 + std::size_t(i) * 13 + b / 4099) & 0xff);
            }
            const int fd = L4Test::connectTo(port);
            QVERIFY(fd >= 0);
            clients.emplace_back([&, i, fd] {
                std::thread sender([&, fd] {
                    L4Test::sendAll(fd, payloads[std::size_t(i)]);
                    ::shutdown(fd, SHUT_WR);
                });
                bool eof = false;
                received[std::size_t(i)] = L4Test::readToEnd(fd, 60s, &eof);
                closed[std::size_t(i)] = eof ? 1 : 0;
                sender.join();
                ::close(fd);
            });
        }
        for (std::thread &client : clients) {
            client.join();
        }
        acceptor.join();
        for (std::thread &echoThread : echoes) {
            echoThread.join();
        }
        ::close(listenFd);
        for (int i = 0; i < kConnections; ++i) {
            QCOMPARE(received[std::size_t(i)].size(), kBytes);
            QVERIFY2(received[std::size_t(i)] == payloads[std::size_t(i)],
                     qPrintable(QStringLiteral("connection %1: bytes differ").arg(i)));
            QVERIFY(closed[std::size_t(i)]);
        }
    }

    void idleConnectionIsClosed()
    {
        auto v1 = echo("idle");
        GatewayConfig config = tcpConfig();
        config.streamIdleTimeout = 300ms;
        Gateway gateway(config);
        gateway.setRouteTable(L4Test::streamTable(kPort, RT::ListenerProtocol::TCP,
                                                  {{{"*"}, {L4Test::backend("idle", 1)}}}));
        gateway.setEndpoints({{"default/idle:3000", {L4Test::endpointOf(v1->port())}}});
        QVERIFY(gateway.start());
        const int fd = L4Test::connectTo(gateway.boundPorts().at(kPort));
        QCOMPARE(L4Test::readLine(fd), std::string("Gateway API Test TCP Server\n"));
        // Traffic keeps it open past the timeout...
        for (int i = 0; i < 4; ++i) {
            std::this_thread::sleep_for(150ms);
            QVERIFY(L4Test::sendAll(fd, "PING\n"));
            QCOMPARE(L4Test::readLine(fd), std::string("PONG\n"));
        }
        // ...silence closes it.
        bool closed = false;
        L4Test::readToEnd(fd, 5s, &closed);
        ::close(fd);
        QVERIFY(closed);
    }

    void noRouteOrNoEndpointCloses()
    {
        Gateway gateway(tcpConfig());
        gateway.setRouteTable(L4Test::streamTable(kPort, RT::ListenerProtocol::TCP,
                                                  {{{"*"}, {L4Test::backend("none", 1)}}}));
        QVERIFY(gateway.start());
        const int fd = L4Test::connectTo(gateway.boundPorts().at(kPort));
        QVERIFY(fd >= 0);
        bool closed = false;
        QCOMPARE(L4Test::readToEnd(fd, 5s, &closed), std::string());
        ::close(fd);
        QVERIFY(closed);
        gateway.setRouteTable(nullptr);
        const int fd2 = L4Test::connectTo(gateway.boundPorts().at(kPort));
        QCOMPARE(L4Test::readToEnd(fd2, 5s, &closed), std::string());
        ::close(fd2);
        QVERIFY(closed);
    }

    void swapReachesNewConnectionsOnly()
    {
        auto a = echo("alpha");
        auto b = echo("beta");
        Gateway gateway(tcpConfig());
        gateway.setRouteTable(L4Test::streamTable(kPort, RT::ListenerProtocol::TCP,
                                                  {{{"*"}, {L4Test::backend("alpha", 1)}}}));
        gateway.setEndpoints({{"default/alpha:3000", {L4Test::endpointOf(a->port())}},
                              {"default/beta:3000", {L4Test::endpointOf(b->port())}}});
        QVERIFY(gateway.start());
        const quint16 port = gateway.boundPorts().at(kPort);
        const int open = L4Test::connectTo(port);
        QCOMPARE(L4Test::readLine(open), std::string("Gateway API Test TCP Server\n"));
        gateway.setRouteTable(L4Test::streamTable(kPort, RT::ListenerProtocol::TCP,
                                                  {{{"*"}, {L4Test::backend("beta", 1)}}}));
        QVERIFY(testPod(port).startsWith("beta-"));
        // The connection opened before the swap still talks to alpha.
        QVERIFY(L4Test::sendAll(open, "TEST\n"));
        const std::string json = L4Test::readLine(open);
        ::close(open);
        QVERIFY(QString::fromStdString(json).contains("\"pod\":\"alpha-"));
    }
};

QTEST_GUILESS_MAIN(TestTcpProxy)
#include "tst_tcp_proxy.moc"
