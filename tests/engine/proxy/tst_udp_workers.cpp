// UDPRoute on a gateway with two workers, over real sockets on 127.0.0.1: each worker has its own
// SO_REUSEPORT socket on the UDP port, the kernel spreads flows (source ports) over them, and a
// flow's datagrams keep landing on the worker that holds its session.
//
// How a test sees which worker took a flow without reaching into the gateway: sessions are per
// worker, so with udpMaxSessions = 1 exactly one flow per worker is served at a time. Many flows
// at once: one worker serves 1 of them, two workers serve 2.
#include "l4_test_support.h"

#include "engine/proxy/gateway.h"
#include "simulator/backends/udp_echo_server.h"

#include <QtTest/QTest>

#include <QJsonDocument>
#include <QJsonObject>
#include <optional>

using namespace Torii;
using namespace Torii::Proxy;
using namespace std::chrono_literals;
namespace RT = Torii::RouteTable;

using L4Test::receive;
using L4Test::sendTo;
using L4Test::udpSocket;

namespace {

constexpr int kPort = 5310;

QString podOf(const std::string &answer)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(answer))
        .object()
        .value("pod")
        .toString();
}

std::unique_ptr<Backends::UdpEchoServer> udpEcho(const QString &service)
{
    Backends::EchoIdentity identity = Backends::replicaIdentity("default", service, 0);
    identity.service = service;
    auto server =
        std::make_unique<Backends::UdpEchoServer>(Backends::UdpEchoServer::Mode::Echo, identity);
    return server->start().empty() ? std::move(server) : nullptr;
}

GatewayConfig config(int workers, std::size_t maxSessions)
{
    GatewayConfig config;
    ListenerConfig listener;
    listener.gatewayPort = kPort;
    listener.kind = ListenerKind::Udp;
    config.listeners.push_back(listener);
    config.workers = workers;
    config.udpMaxSessions = maxSessions;
    config.udpSessionTimeout = 30s; // longer than the test: no session ends on its own
    return config;
}

// Opens `flows` sockets, sends one datagram from each, and returns how many were answered:
// the first answer is awaited up to 2 s, then answers until 300 ms pass without a new one.
// Every socket stays open in `sockets`; the answered ones are also in `answered`.
int answeredFlows(quint16 port, int flows, std::vector<int> *sockets, std::vector<int> *answered)
{
    std::vector<pollfd> waiting;
    for (int i = 0; i < flows; ++i) {
        sockets->push_back(udpSocket());
        sendTo(sockets->back(), port, "hello\n");
        waiting.push_back({sockets->back(), POLLIN, 0});
    }
    while (!waiting.empty() &&
           ::poll(waiting.data(), waiting.size(), answered->empty() ? 2000 : 300) > 0) {
        for (auto it = waiting.begin(); it != waiting.end();) {
            if (it->revents & POLLIN) {
                char buffer[2048];
                ::recv(it->fd, buffer, sizeof buffer, 0);
                answered->push_back(it->fd);
                it = waiting.erase(it);
            } else {
                ++it;
            }
        }
    }
    return int(answered->size());
}

} // namespace

class TestUdpWorkers : public QObject
{
    Q_OBJECT

private slots:
    // The reference: one worker, one session slot: one flow of many is served.
    void oneWorkerServesOneFlowAtATime()
    {
        auto echo = udpEcho("udp-a");
        QVERIFY(echo);
        Gateway gateway(config(1, 1));
        gateway.setRouteTable(L4Test::streamTable(kPort, RT::ListenerProtocol::UDP,
                                                  {{{"*"}, {L4Test::backend("udp-a", 1)}}}));
        gateway.setEndpoints({{"default/udp-a:3000", {L4Test::endpointOf(echo->port())}}});
        std::string error;
        QVERIFY2(gateway.start(&error), error.c_str());
        std::vector<int> sockets, answered;
        QCOMPARE(answeredFlows(gateway.boundPorts().at(kPort), 64, &sockets, &answered), 1);
        for (int fd : sockets) {
            ::close(fd);
        }
    }

    // Two workers, one slot each: exactly two flows of 64 are served, so flows reached both
    // workers (all 64 hashing to one socket has odds 2^-63). Each served flow keeps being served
    // for 20 more datagrams: its datagrams stay on its worker (on the other one the slot is taken).
    void flowsReachBothWorkersAndStay()
    {
        auto echo = udpEcho("udp-a");
        QVERIFY(echo);
        Gateway gateway(config(2, 1));
        gateway.setRouteTable(L4Test::streamTable(kPort, RT::ListenerProtocol::UDP,
                                                  {{{"*"}, {L4Test::backend("udp-a", 1)}}}));
        gateway.setEndpoints({{"default/udp-a:3000", {L4Test::endpointOf(echo->port())}}});
        std::string error;
        QVERIFY2(gateway.start(&error), error.c_str());
        const quint16 port = gateway.boundPorts().at(kPort);
        std::vector<int> sockets, answered;
        QCOMPARE(answeredFlows(port, 64, &sockets, &answered), 2);
        for (int round = 0; round < 20; ++round) {
            for (int fd : answered) {
                QVERIFY(sendTo(fd, port, "again\n"));
                QVERIFY2(receive(fd, 2000ms), qPrintable(QString::number(round)));
            }
        }
        QCOMPARE(gateway.droppedDatagrams(), std::uint64_t(62)); // the 62 flows with no slot
        for (int fd : sockets) {
            ::close(fd);
        }
    }

    // Without the slot limit: every flow of 200 is answered, each always by the backend its
    // session drew first (two backends, equal weights), on two workers.
    void everyFlowStaysOnItsBackend()
    {
        auto a = udpEcho("udp-a");
        auto b = udpEcho("udp-b");
        QVERIFY(a && b);
        Gateway gateway(config(2, 4096));
        gateway.setRouteTable(L4Test::streamTable(
            kPort, RT::ListenerProtocol::UDP,
            {{{"*"}, {L4Test::backend("udp-a", 1), L4Test::backend("udp-b", 1)}}}));
        gateway.setEndpoints({{"default/udp-a:3000", {L4Test::endpointOf(a->port())}},
                              {"default/udp-b:3000", {L4Test::endpointOf(b->port())}}});
        std::string error;
        QVERIFY2(gateway.start(&error), error.c_str());
        const quint16 port = gateway.boundPorts().at(kPort);
        std::vector<int> sockets(200);
        std::vector<QString> first(sockets.size());
        for (int round = 0; round < 5; ++round) {
            for (std::size_t i = 0; i < sockets.size(); ++i) {
                if (round == 0) {
                    sockets[i] = udpSocket();
                }
                QVERIFY(sendTo(sockets[i], port, "ping\n"));
                const auto answer = receive(sockets[i], 2000ms);
                QVERIFY2(answer, qPrintable(QStringLiteral("flow %1 round %2").arg(i).arg(round)));
                const QString pod = podOf(*answer);
                if (round == 0) {
                    first[i] = pod;
                }
                QCOMPARE(pod, first[i]);
            }
        }
        const auto drawnA = std::count_if(first.begin(), first.end(),
                                          [&](const QString &pod) { return pod == first[0]; });
        QVERIFY(drawnA > 0 && drawnA < 200); // both backends drawn
        QCOMPARE(gateway.droppedDatagrams(), std::uint64_t(0));
        for (int fd : sockets) {
            ::close(fd);
        }
    }
};

QTEST_GUILESS_MAIN(TestUdpWorkers)
#include "tst_udp_workers.moc"
