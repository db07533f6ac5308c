// engine/net: EventLoop (fd callbacks, modify/remove, cross-thread post and stop, timers with
// cancel, edge-triggered watches, resumeNextRound, forget) and the TCP helpers (listen with SO_REUSEPORT, accept, non-blocking connect,
// read/write/writev), all over real sockets on 127.0.0.1.

#include "engine/net/byte_buffer.h"
#include "engine/net/event_loop.h"
#include "engine/net/tcp_socket.h"

#include <QTest>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace Torii::Net;
using namespace std::chrono_literals;

class TestNetEventLoop : public QObject
{
    Q_OBJECT

private slots:
    void timersFireInDeadlineOrder();
    void cancelledTimerNeverFires();
    void timerCanCancelAnotherDueInSameRound();
    void movedDeadlinesKeepTheHeapSmall();
    void postFromAnotherThreadWakesLoopAndStopEnds();
    void stopBeforeRunReturnsAtOnce();
    void echoOverListenAcceptConnect();
    void removeInsideCallbackSuppressesPendingEvents();
    void modifyTogglesWritableInterest();
    void connectToClosedPortReportsRefused();
    void reusePortLetsTwoSocketsListen();
    void listenRejectsBadAddress();
    void deferredAcceptWaitsForTheClientsFirstBytes();
    void writevSendsAllBuffers();
    void byteBufferReusesStorage();
    void edgeTriggeredReportsChangesNotLevels();
    void resumeNextRoundRunsAfterThisRoundAndCancels();
    void forgetStopsCallbacksOfAnFdClosedAfter();
    void postFromTheLoopThreadRunsThisRound();
};

void TestNetEventLoop::timersFireInDeadlineOrder()
{
    EventLoop loop;
    QVERIFY2(loop.isValid(), loop.initError().c_str());
    std::vector<int> order;
    loop.addTimer(30ms, [&] { order.push_back(3); });
    loop.addTimer(10ms, [&] { order.push_back(1); });
    loop.addTimer(20ms, [&] { order.push_back(2); });
    loop.addTimer(40ms, [&] { loop.stop(); });
    const auto started = EventLoop::Clock::now();
    loop.run();
    QCOMPARE(order, (std::vector<int>{1, 2, 3}));
    QVERIFY(EventLoop::Clock::now() - started >= 40ms); // never early
    QCOMPARE(loop.pendingTimers(), std::size_t(0));
}

void TestNetEventLoop::movedDeadlinesKeepTheHeapSmall()
{
    // As connections do: 200 long deadlines, each moved 1,000 times (cancel + add). The cancelled
    // entries are behind the live ones, never at the top, yet the heap stays within twice the
    // live timers; order and firing are unaffected.
    EventLoop loop;
    std::vector<TimerId> ids(200);
    std::vector<int> fired;
    for (int round = 0; round < 1000; ++round) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (ids[i] != 0) {
                QVERIFY(loop.cancelTimer(ids[i]));
            }
            const auto delay = round == 999 ? std::chrono::milliseconds(1 + int(i % 7))
                                            : std::chrono::milliseconds(60000 + int(i));
            ids[i] = loop.addTimer(delay, [&fired, i] { fired.push_back(int(i)); });
        }
        QVERIFY2(loop.timerHeapSize() <= 2 * loop.pendingTimers() + 64,
                 qPrintable(QString::number(loop.timerHeapSize())));
    }
    QCOMPARE(loop.pendingTimers(), std::size_t(200));
    loop.addTimer(50ms, [&] { loop.stop(); });
    loop.run();
    QCOMPARE(fired.size(), std::size_t(200));
    // Deadlines 1..7 ms: fired in deadline order, ties in the order they were added.
    for (std::size_t k = 1; k < fired.size(); ++k) {
        const int a = fired[k - 1] % 7;
        const int b = fired[k] % 7;
        QVERIFY(a < b || (a == b && fired[k - 1] < fired[k]));
    }
}

void TestNetEventLoop::cancelledTimerNeverFires()
{
    EventLoop loop;
    bool fired = false;
    const TimerId id = loop.addTimer(5ms, [&] { fired = true; });
    QCOMPARE(loop.pendingTimers(), std::size_t(1));
    QVERIFY(loop.cancelTimer(id));
    QVERIFY(!loop.cancelTimer(id)); // twice: already gone
    QVERIFY(!loop.cancelTimer(0));
    loop.addTimer(20ms, [&] { loop.stop(); });
    loop.run();
    QVERIFY(!fired);
    // A recycled slot gets a new generation: the old id does not cancel the new timer.
    bool second = false;
    loop.addTimer(1ms, [&] { second = true; });
    QVERIFY(!loop.cancelTimer(id));
    loop.addTimer(10ms, [&] { loop.stop(); });
    loop.run();
    QVERIFY(second);
}

void TestNetEventLoop::timerCanCancelAnotherDueInSameRound()
{
    EventLoop loop;
    bool secondFired = false;
    TimerId second = 0;
    loop.addTimer(5ms, [&] { QVERIFY(loop.cancelTimer(second)); });
    second = loop.addTimer(5ms, [&] { secondFired = true; });
    loop.addTimer(30ms, [&] { loop.stop(); });
    loop.run();
    QVERIFY(!secondFired);
}

void TestNetEventLoop::postFromAnotherThreadWakesLoopAndStopEnds()
{
    EventLoop loop;
    std::atomic<int> ran{0};
    std::atomic<bool> onLoopThread{true};
    std::thread worker([&] { loop.run(); });
    std::thread poster([&] {
        for (int i = 0; i < 1000; ++i) {
            loop.post([&] {
                if (!loop.inLoopThread()) {
                    onLoopThread = false;
                }
                ++ran;
            });
        }
    });
    poster.join();
    QTRY_COMPARE(ran.load(), 1000);
    loop.stop();
    worker.join(); // would hang if stop() did not wake the loop
    QVERIFY(onLoopThread.load());
    QVERIFY(!loop.inLoopThread());
}

void TestNetEventLoop::stopBeforeRunReturnsAtOnce()
{
    EventLoop loop;
    loop.stop();
    loop.run(); // returns: stop was requested before
    bool ran = false;
    loop.post([&] { ran = true; loop.stop(); });
    loop.run(); // runs again after a stop
    QVERIFY(ran);
}

void TestNetEventLoop::echoOverListenAcceptConnect()
{
    EventLoop loop;
    std::string error;
    UniqueFd listener = listenTcp("127.0.0.1", 0, {}, &error);
    QVERIFY2(listener.valid(), error.c_str());
    const std::uint16_t port = localPort(listener.get());
    QVERIFY(port != 0);

    UniqueFd served;
    std::string peer;
    bool acceptedNoDelay = false;
    ByteBuffer serverInput;
    QVERIFY(loop.add(listener.get(), Readable, [&](std::uint32_t) {
        bool wouldBlock = false;
        UniqueFd fd = acceptTcp(listener.get(), &wouldBlock, &peer);
        if (!fd) {
            return;
        }
        int noDelay = 0;
        socklen_t length = sizeof noDelay;
        ::getsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &noDelay, &length);
        acceptedNoDelay = noDelay != 0; // inherited from the listener
        served = std::move(fd);
        loop.add(served.get(), Readable, [&](std::uint32_t) {
            char *space = serverInput.writableSpace(4096);
            const IoResult r = readSome(served.get(), space, serverInput.writableSize());
            if (r.bytes > 0) {
                serverInput.commit(r.bytes);
                writeSome(served.get(), std::string_view(space, r.bytes)); // echo
            } else if (r.closed || r.error) {
                loop.remove(served.get());
                served.reset();
            }
        });
    }));

    UniqueFd client = connectTcp("127.0.0.1", port, &error);
    QVERIFY2(client.valid(), error.c_str());
    bool connected = false;
    std::string echoed;
    const std::string message = "hello over epoll";
    QVERIFY(loop.add(client.get(), Writable, [&](std::uint32_t events) {
        if (!connected && (events & Writable)) {
            QCOMPARE(connectError(client.get()), 0);
            connected = true;
            QCOMPARE(writeSome(client.get(), message).bytes, message.size());
            loop.modify(client.get(), Readable);
            return;
        }
        char buffer[256];
        const IoResult r = readSome(client.get(), buffer, sizeof buffer);
        echoed.append(buffer, r.bytes);
        if (echoed.size() >= message.size()) {
            loop.stop();
        }
    }));
    loop.addTimer(5000ms, [&] { loop.stop(); }); // a failure must not hang the test
    loop.run();
    QCOMPARE(echoed, message);
    QCOMPARE(peer, std::string("127.0.0.1"));
    QVERIFY(acceptedNoDelay);
    QCOMPARE(serverInput.readable(), std::string_view(message));

    // The client closes: the server sees EOF (closed), removes and closes its side.
    loop.remove(client.get());
    client.reset();
    loop.addTimer(5000ms, [&] { loop.stop(); });
    loop.post([&] {}); // keep a round going
    while (served.valid()) {
        loop.runOnce(100ms);
    }
    QVERIFY(!loop.isWatched(served.get()));
}

void TestNetEventLoop::removeInsideCallbackSuppressesPendingEvents()
{
    EventLoop loop;
    int a[2], b[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, a), 0);
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, b), 0);
    UniqueFd a0(a[0]), a1(a[1]), b0(b[0]), b1(b[1]);
    int calls = 0;
    // Whichever fires first removes both: the other's already collected event must not run.
    loop.add(a0.get(), Readable, [&](std::uint32_t) {
        ++calls;
        loop.remove(a0.get());
        loop.remove(b0.get());
    });
    loop.add(b0.get(), Readable, [&](std::uint32_t) {
        ++calls;
        loop.remove(a0.get());
        loop.remove(b0.get());
    });
    QCOMPARE(writeSome(a1.get(), "x").bytes, std::size_t(1));
    QCOMPARE(writeSome(b1.get(), "y").bytes, std::size_t(1));
    loop.runOnce(1000ms);
    QCOMPARE(calls, 1);
    QVERIFY(!loop.isWatched(a0.get()));
    QVERIFY(!loop.modify(a0.get(), Readable));
    std::string error;
    QVERIFY(loop.add(a0.get(), Readable, [](std::uint32_t) {}, &error)); // re-add works
    QVERIFY(!loop.add(a0.get(), Readable, [](std::uint32_t) {}, &error)); // twice: refused
    QVERIFY(error.find("already watched") != std::string::npos);
    loop.remove(a0.get());
}

void TestNetEventLoop::modifyTogglesWritableInterest()
{
    EventLoop loop;
    int s[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, s), 0);
    UniqueFd s0(s[0]), s1(s[1]);
    int writable = 0;
    loop.add(s0.get(), 0, [&](std::uint32_t events) {
        if (events & Writable) {
            ++writable;
        }
    });
    loop.runOnce(20ms);
    QCOMPARE(writable, 0); // not asked for
    QVERIFY(loop.modify(s0.get(), Writable));
    loop.runOnce(1000ms);
    QCOMPARE(writable, 1); // level-triggered: reported while asked for
    loop.runOnce(1000ms);
    QCOMPARE(writable, 2);
    QVERIFY(loop.modify(s0.get(), 0));
    loop.runOnce(20ms);
    QCOMPARE(writable, 2);
    loop.remove(s0.get());
}

void TestNetEventLoop::connectToClosedPortReportsRefused()
{
    // A port that was just free: bind, read the port, close.
    std::uint16_t port = 0;
    {
        UniqueFd probe = listenTcp("127.0.0.1", 0, {});
        QVERIFY(probe.valid());
        port = localPort(probe.get());
    }
    EventLoop loop;
    std::string error;
    UniqueFd fd = connectTcp("127.0.0.1", port, &error);
    if (!fd) { // refused at once is allowed too
        QVERIFY(error.find("refused") != std::string::npos);
        return;
    }
    int result = -1;
    std::uint32_t seen = 0;
    loop.add(fd.get(), Writable, [&](std::uint32_t events) {
        seen = events;
        result = connectError(fd.get());
        loop.remove(fd.get());
        loop.stop();
    });
    loop.addTimer(5000ms, [&] { loop.stop(); });
    loop.run();
    QCOMPARE(result, ECONNREFUSED);
    QVERIFY(seen & Hangup);
    QVERIFY(errorText(result).find("refused") != std::string::npos);
}

void TestNetEventLoop::reusePortLetsTwoSocketsListen()
{
    std::string error;
    UniqueFd first = listenTcp("127.0.0.1", 0, {true, 128}, &error);
    QVERIFY2(first.valid(), error.c_str());
    const std::uint16_t port = localPort(first.get());
    UniqueFd second = listenTcp("127.0.0.1", port, {true, 128}, &error);
    QVERIFY2(second.valid(), error.c_str());
    QCOMPARE(localPort(second.get()), port);
    // Without SO_REUSEPORT the port is taken.
    UniqueFd third = listenTcp("127.0.0.1", port, {false, 128}, &error);
    QVERIFY(!third.valid());
    QVERIFY2(error.find("Address already in use") != std::string::npos, error.c_str());
    QVERIFY(error.find("127.0.0.1:" + std::to_string(port)) != std::string::npos);
}

// TCP_DEFER_ACCEPT (TLS listeners): a connected client that has sent nothing is not yet
// acceptable; its first bytes make it so, and they are readable at once after the accept.
void TestNetEventLoop::deferredAcceptWaitsForTheClientsFirstBytes()
{
    std::string error;
    ListenOptions options;
    options.deferAcceptSeconds = 1;
    UniqueFd listener = listenTcp("127.0.0.1", 0, options, &error);
    QVERIFY2(listener.valid(), error.c_str());
    int deferred = 0;
    socklen_t length = sizeof deferred;
    QCOMPARE(::getsockopt(listener.get(), IPPROTO_TCP, TCP_DEFER_ACCEPT, &deferred, &length), 0);
    QVERIFY(deferred > 0);

    UniqueFd client = connectTcp("127.0.0.1", localPort(listener.get()), &error);
    QVERIFY2(client.valid(), error.c_str());
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // the handshake is long done
    bool wouldBlock = false;
    QVERIFY(!acceptTcp(listener.get(), &wouldBlock, nullptr).valid());
    QVERIFY(wouldBlock);

    // Polls for a second: the connection reaches the accept queue as the client's bytes land.
    const auto acceptWithinASecond = [](int fd) {
        bool empty = false;
        UniqueFd accepted;
        for (int i = 0; i < 200 && !accepted.valid(); ++i) {
            accepted = acceptTcp(fd, &empty, nullptr);
            if (!accepted.valid()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        }
        return accepted;
    };
    QCOMPARE(::send(client.get(), "x", 1, MSG_NOSIGNAL), ssize_t(1));
    UniqueFd served = acceptWithinASecond(listener.get());
    QVERIFY(served.valid());
    char byte = 0;
    const IoResult r = readSome(served.get(), &byte, 1);
    QCOMPARE(r.bytes, std::size_t(1));
    QCOMPARE(byte, 'x');

    // Without the option the same connection is acceptable before it says anything.
    UniqueFd plain = listenTcp("127.0.0.1", 0, {}, &error);
    QVERIFY2(plain.valid(), error.c_str());
    UniqueFd quiet = connectTcp("127.0.0.1", localPort(plain.get()), &error);
    QVERIFY2(quiet.valid(), error.c_str());
    QVERIFY(acceptWithinASecond(plain.get()).valid());
}

void TestNetEventLoop::listenRejectsBadAddress()
{
    std::string error;
    QVERIFY(!listenTcp("localhost", 0, {}, &error).valid());
    QCOMPARE(error, std::string("cannot listen on localhost:0: not an IP address"));
    QVERIFY(!connectTcp("not-an-ip", 80, &error).valid());
    QCOMPARE(error, std::string("cannot connect to not-an-ip:80: not an IP address"));
    EventLoop loop;
    QVERIFY(!loop.add(-1, Readable, [](std::uint32_t) {}, &error));
}

void TestNetEventLoop::writevSendsAllBuffers()
{
    int s[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, s), 0);
    UniqueFd s0(s[0]), s1(s[1]);
    std::string head = "HTTP/1.1 200 OK\r\n\r\n", body = "payload";
    iovec parts[2] = {{head.data(), head.size()}, {body.data(), body.size()}};
    const IoResult w = writevSome(s0.get(), parts, 2);
    QVERIFY(w.ok());
    QCOMPARE(w.bytes, head.size() + body.size());
    char buffer[128];
    const IoResult r = readSome(s1.get(), buffer, sizeof buffer);
    QCOMPARE(std::string(buffer, r.bytes), head + body);
    const IoResult empty = readSome(s1.get(), buffer, sizeof buffer);
    QVERIFY(empty.wouldBlock);
    s0.reset();
    QVERIFY(readSome(s1.get(), buffer, sizeof buffer).closed);
    const IoResult broken = writeSome(s1.get(), "x");
    QCOMPARE(broken.error, EPIPE); // no SIGPIPE: the test would die
}

void TestNetEventLoop::byteBufferReusesStorage()
{
    ByteBuffer buffer;
    buffer.append("GET / HTTP/1.1\r\n");
    QCOMPARE(buffer.readable(), std::string_view("GET / HTTP/1.1\r\n"));
    buffer.consume(4);
    QCOMPARE(buffer.readable(), std::string_view("/ HTTP/1.1\r\n"));
    const std::size_t capacity = buffer.capacity();
    buffer.consume(buffer.size());
    QVERIFY(buffer.empty());
    for (int i = 0; i < 100; ++i) {
        buffer.append("0123456789");
        buffer.consume(10);
    }
    QCOMPARE(buffer.capacity(), capacity); // no growth while it is drained
    std::string big(10000, 'x');
    buffer.append("ab");
    buffer.consume(1);
    buffer.append(big);
    QCOMPARE(buffer.size(), big.size() + 1);
    QCOMPARE(buffer.readable().substr(0, 2), std::string_view("bx"));
}

void TestNetEventLoop::edgeTriggeredReportsChangesNotLevels()
{
    EventLoop loop;
    int s[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, s), 0);
    UniqueFd s0(s[0]), s1(s[1]);
    int readable = 0;
    int writable = 0;
    int hangups = 0;
    QVERIFY(loop.add(s0.get(), Readable | Writable | EdgeTriggered, [&](std::uint32_t events) {
        readable += (events & Readable) ? 1 : 0;
        writable += (events & Writable) ? 1 : 0;
        hangups += (events & Hangup) ? 1 : 0;
    }));
    loop.runOnce(1000ms);
    QCOMPARE(writable, 1); // writable when added: one edge
    QCOMPARE(readable, 0);
    loop.runOnce(20ms);
    QCOMPARE(writable, 1); // level-triggered would report it again
    QCOMPARE(writeSome(s1.get(), "x").bytes, std::size_t(1));
    loop.runOnce(1000ms);
    QCOMPARE(readable, 1);
    loop.runOnce(20ms);
    QCOMPARE(readable, 1); // the byte is still unread, but it was reported once
    QCOMPARE(writeSome(s1.get(), "y").bytes, std::size_t(1));
    loop.runOnce(1000ms);
    QCOMPARE(readable, 2); // a new arrival is a new edge
    ::shutdown(s1.get(), SHUT_WR);
    loop.runOnce(1000ms);
    QCOMPARE(readable, 3);
    QCOMPARE(hangups, 1); // the peer's half-close, once
    loop.runOnce(20ms);
    QCOMPARE(hangups, 1); // and not on every round after it
    loop.remove(s0.get());
}

void TestNetEventLoop::resumeNextRoundRunsAfterThisRoundAndCancels()
{
    EventLoop loop;
    std::vector<std::string> order;
    int s[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, s), 0);
    UniqueFd s0(s[0]), s1(s[1]);
    int rounds = 0;
    loop.add(s0.get(), Readable, [&](std::uint32_t) {
        char byte;
        [[maybe_unused]] const IoResult r = readSome(s0.get(), &byte, 1);
        order.push_back("event");
        loop.resumeNextRound([&] { order.push_back("resumed"); });
        const TimerId cancelled = loop.resumeNextRound([&] { order.push_back("cancelled"); });
        QVERIFY(loop.cancelTimer(cancelled));
    });
    QCOMPARE(writeSome(s1.get(), "x").bytes, std::size_t(1));
    loop.runOnce(1000ms);
    ++rounds;
    QCOMPARE(order, (std::vector<std::string>{"event"})); // not in the round that asked
    // The next round does not wait for the 10 s asked for: the resume is due.
    const auto started = EventLoop::Clock::now();
    loop.runOnce(10000ms);
    ++rounds;
    QVERIFY(EventLoop::Clock::now() - started < 5000ms);
    QCOMPARE(order, (std::vector<std::string>{"event", "resumed"}));
    QCOMPARE(loop.pendingTimers(), std::size_t(0));
    QCOMPARE(rounds, 2);
    loop.remove(s0.get());
}

void TestNetEventLoop::forgetStopsCallbacksOfAnFdClosedAfter()
{
    EventLoop loop;
    int a[2], b[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, a), 0);
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, b), 0);
    UniqueFd a1(a[1]), b0(b[0]), b1(b[1]);
    int a0 = a[0];
    int calls = 0;
    // Both readable in the same round; whichever runs first forgets and closes a0, so a0's
    // already collected event must not run.
    loop.add(a0, Readable, [&](std::uint32_t) {
        ++calls;
        if (loop.isWatched(b0.get())) {
            loop.forget(b0.get());
            b0.reset();
        }
    });
    loop.add(b0.get(), Readable, [&](std::uint32_t) {
        ++calls;
        loop.forget(a0);
        ::close(a0);
        a0 = -1;
    });
    QCOMPARE(writeSome(a1.get(), "x").bytes, std::size_t(1));
    QCOMPARE(writeSome(b1.get(), "y").bytes, std::size_t(1));
    loop.runOnce(1000ms);
    QCOMPARE(calls, 1);
    // The closed descriptor left the epoll set with close(): a new socket may reuse its number.
    int c[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, c), 0);
    UniqueFd c0(c[0]), c1(c[1]);
    int newCalls = 0;
    QVERIFY(loop.add(c0.get(), Readable, [&](std::uint32_t) { ++newCalls; }));
    QCOMPARE(writeSome(c1.get(), "z").bytes, std::size_t(1));
    loop.runOnce(1000ms);
    QCOMPARE(newCalls, 1);
    loop.remove(c0.get());
    if (a0 >= 0) {
        loop.remove(a0);
        ::close(a0);
    }
    if (b0) {
        loop.remove(b0.get());
    }
}

void TestNetEventLoop::postFromTheLoopThreadRunsThisRound()
{
    EventLoop loop;
    int s[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, s), 0);
    UniqueFd s0(s[0]), s1(s[1]);
    std::vector<std::string> order;
    loop.add(s0.get(), Readable, [&](std::uint32_t) {
        char byte;
        [[maybe_unused]] const IoResult r = readSome(s0.get(), &byte, 1);
        order.push_back("event");
        loop.post([&] {
            order.push_back("posted");
            loop.post([&] { order.push_back("posted by a task"); });
        });
    });
    QCOMPARE(writeSome(s1.get(), "x").bytes, std::size_t(1));
    loop.runOnce(1000ms);
    QCOMPARE(order, (std::vector<std::string>{"event", "posted"}));
    // Without a wake-up write, the next round still does not block: a task is waiting.
    const auto started = EventLoop::Clock::now();
    loop.runOnce(10000ms);
    QVERIFY(EventLoop::Clock::now() - started < 5000ms);
    QCOMPARE(order.back(), std::string("posted by a task"));
    loop.remove(s0.get());
}

QTEST_GUILESS_MAIN(TestNetEventLoop)
#include "tst_net_event_loop.moc"
