// Protocol websocket in the request half, without a gateway: the parser's reading of
// `protocol: websocket`, `messages` and `expect.echoedMessages` (and what it refuses); the
// WebSocket client (simulator/scenarios/websocket_client.h) against the real echo backend's /ws
// endpoint (every length class, text and binary, the closing handshake) and against scripted
// servers on 127.0.0.1 (fragmented messages and a ping in between, a masked frame, a close, a
// bad Sec-WebSocket-Accept); and runWebSocketRequest's verdicts: a pass on the echo, a failure
// naming the message when a server mangles it, the status and body when the handshake is
// refused, and "did not come back" when the server hangs up.
#include "engine/yaml/yaml_loader.h"
#include "simulator/backends/http_echo_backend.h"
#include "simulator/backends/websocket_frame.h"
#include "simulator/scenarios/websocket_client.h"
#include "simulator/scenarios/websocket_requests.h"

#include <QtTest/QTest>

#include <arpa/inet.h>
#include <atomic>
#include <functional>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <thread>
#include <unistd.h>

using namespace Torii;
using namespace Torii::Scenarios;
using Backends::WebSocketFrame;
using Backends::WebSocketFrameDecoder;

namespace {

RequestCase item(const std::string &yaml)
{
    const auto loaded = Yaml::loadText(yaml, "inline.yaml");
    const std::vector<RequestCase> items = parseRequestCases(loaded.documents.front().root);
    return items.front();
}

std::string unsupportedOf(const RequestCase &c)
{
    return c.unsupported ? c.unsupported->english() : std::string();
}

// One accepted connection of a ScriptedServer, blocking with a 5 s receive timeout.
class Peer
{
public:
    explicit Peer(int fd)
        : m_fd(fd)
        , m_decoder(1u << 24)
    {
        timeval tv{5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
    ~Peer() { ::close(m_fd); }

    // The request head, up to its empty line; the rest stays for frames.
    std::string readHead()
    {
        std::string data;
        while (data.find("\r\n\r\n") == std::string::npos) {
            char buffer[4096];
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                return {};
            }
            data.append(buffer, std::size_t(n));
        }
        const std::size_t end = data.find("\r\n\r\n") + 4;
        m_decoder.feed(std::string_view(data).substr(end));
        return data.substr(0, end);
    }
    static std::string keyOf(const std::string &head)
    {
        const std::string name = "Sec-WebSocket-Key: ";
        const std::size_t at = head.find(name);
        return at == std::string::npos
                   ? std::string()
                   : head.substr(at + name.size(), head.find("\r\n", at) - at - name.size());
    }
    void acceptHandshake(const std::string &head)
    {
        send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             "Sec-WebSocket-Accept: " +
             Backends::webSocketAcceptFor(keyOf(head)) + "\r\n\r\n");
    }
    void send(const std::string &bytes) { ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL); }
    void sendFrame(std::uint8_t opcode, const std::string &payload, bool fin = true,
                   bool masked = false)
    {
        WebSocketFrame f;
        f.opcode = opcode;
        f.fin = fin;
        f.payload = payload;
        const Backends::WebSocketMaskKey key{1, 2, 3, 4};
        send(Backends::encodeWebSocketFrame(f, masked ? &key : nullptr));
    }
    bool readFrame(WebSocketFrame *frame)
    {
        for (;;) {
            if (m_decoder.next(*frame) == WebSocketFrameDecoder::Status::Frame) {
                return true;
            }
            char buffer[65536];
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                return false;
            }
            m_decoder.feed(std::string_view(buffer, std::size_t(n)));
        }
    }

private:
    int m_fd;
    WebSocketFrameDecoder m_decoder;
};

// A one-connection-at-a-time server on 127.0.0.1 running `script` for each connection.
class ScriptedServer
{
public:
    explicit ScriptedServer(std::function<void(Peer &)> script)
        : m_script(std::move(script))
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof address);
        ::listen(m_listener, 4);
        socklen_t length = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] {
            for (;;) {
                const int fd = ::accept(m_listener, nullptr, nullptr);
                if (fd < 0 || m_stopping) {
                    if (fd >= 0) {
                        ::close(fd);
                    }
                    return;
                }
                Peer peer(fd);
                m_script(peer);
            }
        });
    }
    ~ScriptedServer()
    {
        m_stopping = true;
        ::shutdown(m_listener, SHUT_RDWR);
        ::close(m_listener);
        m_thread.join();
    }
    quint16 port() const { return m_port; }

private:
    std::function<void(Peer &)> m_script;
    int m_listener = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

// Echoes every data frame after `change` edits its payload; echoes a close and stops.
void echoWith(Peer &peer, const std::function<void(std::string &)> &change)
{
    const std::string head = peer.readHead();
    peer.acceptHandshake(head);
    WebSocketFrame frame;
    while (peer.readFrame(&frame)) {
        if (frame.opcode == WebSocketFrame::Close) {
            peer.sendFrame(WebSocketFrame::Close, frame.payload);
            return;
        }
        change(frame.payload);
        peer.sendFrame(frame.opcode, frame.payload);
    }
}

Http::RequestHead wsHead(const std::string &target = "/ws")
{
    Http::RequestHead head;
    head.method = "GET";
    head.target = target;
    return head;
}

const char *kEchoCase = R"(
- request:
    protocol: websocket
    path: /ws
    messages:
    - {text: "hello"}
    - {binary: [0, 1, 2, 255]}
  expect: {echoedMessages: true}
)";

} // namespace

class TestWebSocketRequests : public QObject
{
    Q_OBJECT

private slots:
    void parsesWebSocketItems()
    {
        const RequestCase c = item(kEchoCase);
        QVERIFY2(!c.unsupported, unsupportedOf(c).c_str());
        QCOMPARE(c.request.protocol, std::string("websocket"));
        QCOMPARE(c.expect.statuses, std::vector<int>{101}); // the default for websocket
        QVERIFY(c.expect.echoedMessages);
        QCOMPARE(c.request.messages.size(), std::size_t(2));
        QCOMPARE(c.request.messages[0], (WebSocketMessage{false, "hello"}));
        QCOMPARE(c.request.messages[1], (WebSocketMessage{true, std::string("\0\1\2\xff", 4)}));

        const RequestCase refused = item(R"(
- request: {protocol: websocket, path: /ws, host: a.example.com, headers: {X-A: b}}
  expect: {status: 404}
)");
        QVERIFY2(!refused.unsupported, unsupportedOf(refused).c_str());
        QCOMPARE(refused.expect.statuses, std::vector<int>{404});
        QVERIFY(!refused.expect.echoedMessages);
    }

    void refusesWhatItCannotJudge_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("reason");
        QTest::newRow("echoedMessages without websocket")
            << "- request: {path: /}\n  expect: {echoedMessages: true}\n"
            << "expect.echoedMessages true with protocol http";
        QTest::newRow("messages without websocket")
            << "- request: {path: /, messages: [{text: a}]}\n  expect: {}\n"
            << "request.messages without protocol websocket";
        QTest::newRow("byte out of range")
            << "- request: {protocol: websocket, path: /ws, messages: [{binary: [256]}]}\n"
               "  expect: {echoedMessages: true}\n"
            << "request.messages {\"binary\":[256]}";
        QTest::newRow("text and binary in one")
            << "- request: {protocol: websocket, messages: [{text: a, binary: [1]}]}\n"
               "  expect: {}\n"
            << "request.messages";
        QTest::newRow("text not a string")
            << "- request: {protocol: websocket, messages: [{text: [1]}]}\n  expect: {}\n"
            << "request.messages";
        QTest::newRow("echoedMessages with nothing to echo")
            << "- request: {protocol: websocket, path: /ws}\n  expect: {echoedMessages: true}\n"
            << "expect.echoedMessages without request.messages";
        QTest::newRow("POST handshake")
            << "- request: {protocol: websocket, method: POST}\n  expect: {}\n"
            << "request.method POST with protocol websocket";
        QTest::newRow("body") << "- request: {protocol: websocket, body: x}\n  expect: {}\n"
                              << "request.body with protocol websocket";
        QTest::newRow("distribution")
            << "- request: {protocol: websocket}\n"
               "  expect: {distribution: {requests: 10, backends: {a: 1}}}\n"
            << "expect.distribution with protocol websocket";
        QTest::newRow("backend on a 101")
            << "- request: {protocol: websocket, path: /ws}\n  expect: {backend: infra}\n"
            << "the echo's /ws endpoint does not name its pod";
    }

    void refusesWhatItCannotJudge()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, reason);
        const RequestCase c = item(yaml.toStdString());
        QVERIFY2(c.unsupported, "accepted");
        QVERIFY2(QString::fromStdString(unsupportedOf(c)).contains(reason),
                 unsupportedOf(c).c_str());
    }

    void echoesEveryLengthClass()
    {
        Backends::EchoIdentity id;
        id.namespaceName = QStringLiteral("ns");
        id.pod = QStringLiteral("echo-1-2");
        Backends::HttpEchoBackend backend(id);
        QVERIFY(backend.start().ok());
        WebSocketClient client(std::chrono::milliseconds(10000));
        HttpExchangeResult response;
        QVERIFY2(client.open(backend.port(), wsHead(), nullptr, &response), client.error().c_str());
        QCOMPARE(response.head.status, 101);
        for (std::size_t size : {0, 1, 125, 126, 65535, 65536, 300000}) {
            for (bool binary : {false, true}) {
                WebSocketMessage sent{binary, std::string(size, binary ? '\xfe' : 'x')};
                if (size > 0) {
                    sent.data.back() = 'z';
                }
                QVERIFY2(client.send(sent), client.error().c_str());
                WebSocketMessage got;
                QVERIFY2(client.receive(&got), client.error().c_str());
                QCOMPARE(got.binary, binary);
                QCOMPARE(got.data.size(), size);
                QVERIFY(got == sent);
            }
        }
        QVERIFY(client.close());
        QVERIFY(client.closedByPeer());
        QCOMPARE(client.closeCode(), 1000); // the echo returns our close frame as it came
    }

    void reassemblesFragmentsAndAnswersPings()
    {
        std::atomic<bool> pongSeen{false};
        ScriptedServer server([&](Peer &peer) {
            peer.acceptHandshake(peer.readHead());
            WebSocketFrame frame;
            if (!peer.readFrame(&frame)) {
                return;
            }
            // The echo of the message in three frames, a ping between the first two.
            peer.sendFrame(frame.opcode, frame.payload.substr(0, 2), false);
            peer.sendFrame(WebSocketFrame::Ping, "are you there");
            peer.sendFrame(WebSocketFrame::Continuation, frame.payload.substr(2, 3), false);
            peer.sendFrame(WebSocketFrame::Pong, "unsolicited");
            peer.sendFrame(WebSocketFrame::Continuation, frame.payload.substr(5), true);
            WebSocketFrame pong;
            pongSeen = peer.readFrame(&pong) && pong.opcode == WebSocketFrame::Pong &&
                       pong.payload == "are you there" && pong.masked;
        });
        WebSocketClient client(std::chrono::milliseconds(10000));
        HttpExchangeResult response;
        QVERIFY2(client.open(server.port(), wsHead(), nullptr, &response), client.error().c_str());
        QVERIFY(client.send({false, "fragmented hello"}));
        WebSocketMessage got;
        QVERIFY2(client.receive(&got), client.error().c_str());
        QCOMPARE(got, (WebSocketMessage{false, "fragmented hello"}));
        QTRY_VERIFY_WITH_TIMEOUT(pongSeen.load(), 5000);
    }

    void refusesProtocolErrors_data()
    {
        QTest::addColumn<int>("script");
        QTest::addColumn<QString>("error");
        QTest::newRow("masked frame") << 0 << "the server sent a masked frame";
        QTest::newRow("continuation without a message")
            << 1 << "continuation frame without a message to continue";
        QTest::newRow("close") << 2 << "the server closed the connection (close code 1001)";
        QTest::newRow("hang up") << 3 << "closed the connection without a close frame";
        QTest::newRow("long ping") << 4 << "fragmented or oversized control frame";
    }

    void refusesProtocolErrors()
    {
        QFETCH(int, script);
        QFETCH(QString, error);
        ScriptedServer server([script](Peer &peer) {
            peer.acceptHandshake(peer.readHead());
            WebSocketFrame frame;
            if (!peer.readFrame(&frame)) {
                return;
            }
            switch (script) {
            case 0:
                peer.sendFrame(frame.opcode, frame.payload, true, true);
                break;
            case 1:
                peer.sendFrame(WebSocketFrame::Continuation, frame.payload);
                break;
            case 2:
                peer.sendFrame(WebSocketFrame::Close, std::string("\x03\xe9", 2));
                peer.readFrame(&frame); // the client's answering close
                break;
            case 4:
                peer.sendFrame(WebSocketFrame::Ping, std::string(126, 'p'));
                break;
            default:
                break; // hang up
            }
        });
        WebSocketClient client(std::chrono::milliseconds(10000));
        HttpExchangeResult response;
        QVERIFY2(client.open(server.port(), wsHead(), nullptr, &response), client.error().c_str());
        QVERIFY(client.send({false, "hi"}));
        WebSocketMessage got;
        QVERIFY(!client.receive(&got));
        QVERIFY2(QString::fromStdString(client.error()).contains(error), client.error().c_str());
        QCOMPARE(client.closedByPeer(), script == 2);
    }

    void checksTheAcceptKey()
    {
        ScriptedServer server([](Peer &peer) {
            peer.readHead();
            peer.send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Accept: AAAA\r\n\r\n");
        });
        WebSocketClient client(std::chrono::milliseconds(10000));
        HttpExchangeResult response;
        QVERIFY(!client.open(server.port(), wsHead(), nullptr, &response));
        QCOMPARE(response.head.status, 101);
        QVERIFY2(
            QString::fromStdString(client.error()).contains("Sec-WebSocket-Accept is \"AAAA\""),
            client.error().c_str());
        QVERIFY(!client.send({false, "x"}));
    }

    void runsAnEchoCase()
    {
        Backends::EchoIdentity id;
        Backends::HttpEchoBackend backend(id);
        QVERIFY(backend.start().ok());
        const CheckResult result = runWebSocketRequest(item(kEchoCase), backend.port(), nullptr);
        QVERIFY2(result.verdict == Verdict::Pass, result.english().c_str());
        QCOMPARE(result.english(), std::string("ws /ws: status 101, 2 messages echoed unchanged"));
    }

    // The check can fail: a backend that changes one byte of the first message.
    void failsOnAMangledMessage()
    {
        ScriptedServer server([](Peer &peer) {
            echoWith(peer, [](std::string &payload) {
                if (!payload.empty()) {
                    payload[0] = char(payload[0] ^ 1);
                }
            });
        });
        const CheckResult result = runWebSocketRequest(item(kEchoCase), server.port(), nullptr);
        QCOMPARE(result.verdict, Verdict::Fail);
        QCOMPARE(result.english(),
                 std::string("ws /ws: message 1 of 2: sent text \"hello\", received text "
                             "\"iello\""));
    }

    void failsOnAMangledBinaryMessage()
    {
        ScriptedServer server([](Peer &peer) {
            int seen = 0;
            echoWith(peer, [&seen](std::string &payload) {
                if (++seen == 2) {
                    payload += '\x07';
                }
            });
        });
        const CheckResult result = runWebSocketRequest(item(kEchoCase), server.port(), nullptr);
        QCOMPARE(result.verdict, Verdict::Fail);
        QCOMPARE(result.english(), std::string("ws /ws: message 2 of 2: sent binary [0, 1, 2, "
                                               "255], received binary [0, 1, 2, 255, 7]"));
    }

    void failsWhenTheEchoNeverComes()
    {
        ScriptedServer server([](Peer &peer) {
            peer.acceptHandshake(peer.readHead());
            WebSocketFrame frame;
            peer.readFrame(&frame); // then hangs up
        });
        const CheckResult result = runWebSocketRequest(item(kEchoCase), server.port(), nullptr);
        QCOMPARE(result.verdict, Verdict::Fail);
        QVERIFY2(QString::fromStdString(result.english())
                     .contains("message 1 of 2 (text \"hello\") did not come back: the server "
                               "closed the connection without a close frame"),
                 result.english().c_str());
    }

    void reportsARefusedHandshake()
    {
        ScriptedServer server([](Peer &peer) {
            peer.readHead();
            peer.send("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n"
                      "Content-Length: 14\r\n\r\nforbidden here");
        });
        const CheckResult refused = runWebSocketRequest(item(kEchoCase), server.port(), nullptr);
        QCOMPARE(refused.verdict, Verdict::Fail);
        QCOMPARE(refused.english(), std::string("ws /ws: the WebSocket handshake was refused with "
                                                "status 403 (expected 101): forbidden here"));
        // The same answer is a pass where the case expects it.
        const CheckResult expected = runWebSocketRequest(
            item("- request: {protocol: websocket, path: /ws}\n  expect: {status: 403}\n"),
            server.port(), nullptr);
        QVERIFY2(expected.verdict == Verdict::Pass, expected.english().c_str());
    }

    void failsWithoutAServer()
    {
        quint16 port = 0;
        {
            ScriptedServer closed([](Peer &) {});
            port = closed.port();
        }
        const CheckResult result = runWebSocketRequest(item(kEchoCase), port, nullptr);
        QCOMPARE(result.verdict, Verdict::Fail);
        QVERIFY2(QString::fromStdString(result.english()).contains("ws /ws: no response: "),
                 result.english().c_str());
    }
};

QTEST_GUILESS_MAIN(TestWebSocketRequests)
#include "tst_scenarios_websocket_requests.moc"
