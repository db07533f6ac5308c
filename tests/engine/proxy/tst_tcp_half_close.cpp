// A TCPRoute connection whose client has half-closed (sent its EOF) and stopped reading while
// the backend keeps sending, over real sockets on 127.0.0.1: the gateway must wait for the
// client's socket to become writable, not spin on the client's EOF (the loop reports a peer's
// half-close level-triggered). Measured as the process's CPU time while everything is blocked:
// a spinning worker burns about a core; a waiting one next to nothing. A loaded machine can only
// lower what a spin shows, never raise what a wait shows, so the bound cannot fail a correct
// gateway for being slow.
#include "l4_test_support.h"

#include "engine/proxy/gateway.h"

#include <QtTest/QTest>

#include <atomic>
#include <ctime>
#include <thread>

using namespace Torii;
using namespace Torii::Proxy;
using namespace std::chrono_literals;
namespace RT = Torii::RouteTable;

namespace {

constexpr int kPort = 9310;

double processCpuSeconds()
{
    timespec t{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

// A backend on 127.0.0.1:0 that accepts one connection and writes to it until the write fails
// or it is told to stop; `written` counts the bytes the kernel took.
class FloodingBackend
{
public:
    FloodingBackend()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        ::listen(m_fd, 4);
        socklen_t length = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &length);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] {
            const int c = ::accept(m_fd, nullptr, nullptr);
            if (c < 0) {
                return;
            }
            const timeval timeout{0, 100000}; // blocked sends wake up to look at m_stop
            ::setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
            const std::string chunk(65536, 'y');
            while (!m_stop) {
                const ssize_t n = ::send(c, chunk.data(), chunk.size(), MSG_NOSIGNAL);
                if (n > 0) {
                    written += std::uint64_t(n);
                } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                    break;
                }
            }
            ::close(c);
        });
    }
    ~FloodingBackend()
    {
        m_stop = true;
        ::shutdown(m_fd, SHUT_RDWR); // wakes an accept() that never got its connection
        m_thread.join();
        ::close(m_fd);
    }
    quint16 port() const { return m_port; }
    std::atomic<std::uint64_t> written{0};

private:
    int m_fd = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace

class TestTcpHalfClose : public QObject
{
    Q_OBJECT

private slots:
    void halfClosedClientThatDoesNotReadIsWaitedFor()
    {
        FloodingBackend backend;
        GatewayConfig config;
        ListenerConfig listener;
        listener.gatewayPort = kPort;
        listener.kind = ListenerKind::Tcp;
        config.listeners.push_back(listener);
        Gateway gateway(config);
        gateway.setRouteTable(L4Test::streamTable(kPort, RT::ListenerProtocol::TCP,
                                                  {{{"*"}, {L4Test::backend("flood", 1)}}}));
        gateway.setEndpoints({{"default/flood:3000", {L4Test::endpointOf(backend.port())}}});
        std::string error;
        QVERIFY2(gateway.start(&error), error.c_str());
        const int fd = L4Test::connectTo(gateway.boundPorts().at(kPort));
        QVERIFY(fd >= 0);
        QVERIFY(L4Test::waitReadable(fd, 5s)); // the splice is up: the backend's bytes arrive
        ::shutdown(fd, SHUT_WR);
        // Until every buffer on the way (the client's, the gateway's, the backend's) is full.
        std::uint64_t before = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const std::uint64_t now = backend.written.load();
                const bool still = now == before && now > 0;
                before = now;
                return still;
            }(),
            10000);
        const double cpu0 = processCpuSeconds();
        const auto wall0 = std::chrono::steady_clock::now();
        std::this_thread::sleep_for(1s);
        const double cpu = processCpuSeconds() - cpu0;
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
        QVERIFY2(cpu < 0.1 * wall,
                 qPrintable(QStringLiteral("%1 s of CPU in %2 s while every side was blocked")
                                .arg(cpu)
                                .arg(wall)));
        // Still spliced: what the client reads now is the backend's stream, and it moves on.
        const std::uint64_t blockedAt = backend.written.load();
        char buffer[65536];
        std::uint64_t read = 0;
        // Read until the backend could write again (every buffer on the way drained a little).
        while (backend.written.load() == blockedAt && read < (std::uint64_t(256) << 20) &&
               L4Test::waitReadable(fd, 5s)) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                break;
            }
            QCOMPARE(buffer[0], 'y');
            read += std::uint64_t(n);
        }
        QVERIFY(read > 0);
        QVERIFY(backend.written.load() > blockedAt);
        ::close(fd);
    }
};

QTEST_GUILESS_MAIN(TestTcpHalfClose)
#include "tst_tcp_half_close.moc"
