#include "stream_requests.h"

#include "distribution_tally.h"
#include "request_checks.h"

#include "engine/tls/client_context.h"
#include "simulator/backends/echo_line_client.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>

namespace Torii::Scenarios {

using Core::text;

namespace {

constexpr int kTcpTimeoutMs = 10000; // the suite's per-connection deadline
constexpr int kUdpTimeoutMs = 2000;

std::string label(const RequestCase &item)
{
    return item.request.protocol + ' ' + std::to_string(item.request.listenerPort.value_or(0));
}

CheckResult fail(const RequestCase &item, const std::string &what)
{
    return {Verdict::Fail,
            text(QT_TRANSLATE_NOOP("Diagnostics", "%1: %2"), {label(item), what})};
}

// A blocking socket with send/receive deadlines.
int connectTcp(quint16 port, std::string *error)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{kTcpTimeoutMs / 1000, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        *error = std::string("cannot connect: ") + std::strerror(errno);
        ::close(fd);
        return -1;
    }
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    return fd;
}

// Connects (and, for tls, handshakes trusting the setup's certificates and checking the names)
// and reads the echo's welcome line; "" on success, else why.
std::string openConversation(Backends::EchoLineClient &conversation, quint16 port,
                             const TlsClientOptions *tls)
{
    std::string error;
    const int fd = connectTcp(port, &error);
    if (fd < 0) {
        return error;
    }
    std::shared_ptr<const Tls::ClientContext> context;
    if (tls) {
        Tls::ClientContextOptions options;
        options.trustedCertificates = tls->trustedCertificates;
        options.alpn.clear(); // the suite's TLS TCP client offers no ALPN
        context = Tls::ClientContext::create(options, &error);
        if (!context) {
            ::close(fd);
            return error;
        }
    }
    return conversation.open(fd, std::move(context), tls ? tls->serverName : std::string(), true);
}

std::vector<std::string> payloadLines(const std::string &payload)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < payload.size()) {
        const std::size_t end = payload.find('\n', start);
        lines.push_back(payload.substr(start, end == std::string::npos ? end : end - start));
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    return lines;
}

// The TEST JSON checked against expect; "" when it passes.
std::string judgeTestJson(const RequestCase &item, const QJsonObject &json)
{
    const Expectation &e = item.expect;
    const std::string pod = json.value("pod").toString().toStdString();
    if (e.ns && json.value("namespace").toString().toStdString() != *e.ns) {
        return "namespace: expected " + *e.ns + ", got " +
               json.value("namespace").toString().toStdString();
    }
    if (e.backend && pod.rfind(*e.backend + '-', 0) != 0) {
        return "pod: expected a pod of " + *e.backend + ", got " + (pod.empty() ? "none" : pod);
    }
    if (e.tlsServerName) {
        const std::string seen =
            json.value("tls").toObject().value("serverName").toString().toStdString();
        if (seen != *e.tlsServerName) {
            return "tls.serverName: expected " + *e.tlsServerName + ", got " +
                   (seen.empty() ? "none" : seen);
        }
    }
    return {};
}

// A tcp/tls exchange of the payload's commands; "" when every answer met expect. `pod` gets the
// TEST answer's pod.
std::string tcpExchange(const RequestCase &item, quint16 port, const TlsClientOptions *tls,
                        const std::string &payload, std::string *pod)
{
    Backends::EchoLineClient conversation;
    const std::string problem = openConversation(conversation, port, tls);
    if (!problem.empty()) {
        return problem;
    }
    for (const std::string &command : payloadLines(payload)) {
        if (!conversation.send(command + '\n')) {
            return "cannot send " + command;
        }
        if (command != "PING" && command != "IS_TLS" && command != "TEST") {
            continue; // the echo answers nothing else
        }
        std::string answer;
        if (!conversation.readLine(&answer)) {
            return "no answer to " + command;
        }
        if (command == "PING" && answer != "PONG") {
            return "PING answered \"" + answer + "\", not PONG";
        }
        if (command == "IS_TLS" && item.expect.isTls &&
            answer != (*item.expect.isTls ? "true" : "false")) {
            return "IS_TLS answered " + answer + ", expected " +
                   (*item.expect.isTls ? "true" : "false");
        }
        if (command == "TEST") {
            const QJsonObject json =
                QJsonDocument::fromJson(QByteArray::fromStdString(answer)).object();
            if (json.isEmpty()) {
                return "TEST answered no JSON: " + answer;
            }
            *pod = json.value("pod").toString().toStdString();
            if (const std::string wrong = judgeTestJson(item, json); !wrong.empty()) {
                return wrong;
            }
        }
    }
    return {};
}

// One datagram out, one in; nullopt on timeout.
std::optional<std::string> udpExchange(quint16 port, const std::string &datagram,
                                       std::size_t capacity)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::optional<std::string> answer;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
        ::send(fd, datagram.data(), datagram.size(), 0) == ssize_t(datagram.size())) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, kUdpTimeoutMs) > 0) {
            std::string buffer(capacity, '\0');
            const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), 0);
            if (n >= 0) {
                buffer.resize(std::size_t(n));
                answer = std::move(buffer);
            }
        }
    }
    ::close(fd);
    return answer;
}

// The TLS dial of expect.connection reset; "" when it ended as a reset or EOF.
std::string resetProbe(quint16 port, const TlsClientOptions &tls)
{
    std::string error;
    const int fd = connectTcp(port, &error);
    if (fd < 0) {
        return error; // refused: not what "reset" means
    }
    Tls::ClientContextOptions options;
    options.verify = false; // the dial must fail before any certificate is seen
    options.alpn.clear();
    const auto context = Tls::ClientContext::create(options, &error);
    SSL *ssl = context ? context->newSession(fd, tls.serverName) : nullptr;
    std::string problem;
    if (ssl == nullptr) {
        problem = error;
    } else {
        errno = 0;
        const int r = SSL_connect(ssl);
        const int sslError = SSL_get_error(ssl, r);
        const int savedErrno = errno;
        const unsigned long queued = ERR_peek_error();
        if (r == 1) {
            problem = "the TLS handshake completed";
        } else if (sslError == SSL_ERROR_SYSCALL &&
                   (savedErrno == 0 || savedErrno == ECONNRESET || savedErrno == EPIPE)) {
            problem.clear(); // EOF or reset
        } else if (sslError == SSL_ERROR_SSL &&
                   ERR_GET_REASON(queued) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
            problem.clear(); // OpenSSL 3's name for EOF during the handshake
        } else if (savedErrno == EAGAIN || savedErrno == EWOULDBLOCK) {
            problem = "no answer within the deadline";
        } else {
            problem = Tls::ClientContext::failureReason(ssl, "the handshake failed otherwise");
        }
        ERR_clear_error();
        SSL_free(ssl);
    }
    ::close(fd);
    return problem;
}

CheckResult runStreamDistribution(const RequestCase &item, quint16 port,
                                  const TlsClientOptions *tls)
{
    const ExpectedDistribution &d = *item.expect.distribution;
    const bool udp = item.request.protocol == "udp";
    std::string lastProblem;
    for (int attempt = 0; attempt < d.attempts; ++attempt) {
        DistributionTally tally(d);
        for (int i = 0; i < d.requests && !tally.failed(); ++i) {
            std::string pod;
            if (udp) {
                const auto answer =
                    udpExchange(port, item.request.payload.value_or(std::string()), 4096);
                if (!answer) {
                    return fail(item, "sample " + std::to_string(i + 1) + ": no answer");
                }
                pod = QJsonDocument::fromJson(QByteArray::fromStdString(*answer))
                          .object()
                          .value("pod")
                          .toString()
                          .toStdString();
            } else {
                RequestCase sample = item;
                sample.expect.backend.reset(); // judged by the shares below
                const std::string problem =
                    tcpExchange(sample, port, tls, item.request.payload.value_or("TEST\n"), &pod);
                if (!problem.empty()) {
                    return fail(item, "sample " + std::to_string(i + 1) + ": " + problem);
                }
            }
            if (pod.empty()) {
                return fail(item, "sample " + std::to_string(i + 1) + ": no pod in the answer");
            }
            tally.count(backendOfPod(pod));
        }
        lastProblem = tally.judge();
        if (lastProblem.empty()) {
            return distributionPassed(label(item), d, tally);
        }
    }
    return distributionFailed(label(item), d, lastProblem);
}

CheckResult runUdp(const RequestCase &item, quint16 port)
{
    const Expectation &e = item.expect;
    if (!item.request.payload) {
        static std::mt19937 random(std::random_device{}());
        const auto id = std::uint16_t(random());
        const auto answer = udpExchange(port, dnsQuery(id, "foo.bar.com"), 4096);
        if (!answer) {
            return fail(item, "no DNS reply within 2 s");
        }
        if (answer->size() < 12 || std::uint8_t((*answer)[0]) != (id >> 8) ||
            std::uint8_t((*answer)[1]) != (id & 0xff) || !(std::uint8_t((*answer)[2]) & 0x80)) {
            return fail(item, "the reply is not a DNS response to the query");
        }
        return {Verdict::Pass, text(QT_TRANSLATE_NOOP("Diagnostics",
                                                      "%1: DNS reply with the query's ID"),
                                    {label(item)})};
    }
    const auto answer = udpExchange(port, *item.request.payload, 1024);
    if (!answer) {
        return fail(item, "no answer within 2 s");
    }
    if (e.backend || e.ns) {
        const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(*answer)).object();
        const std::string service = json.value("service").toString().toStdString();
        const std::string ns = json.value("namespace").toString().toStdString();
        if (e.backend && service != *e.backend) {
            return fail(item, "service: expected " + *e.backend + ", got " +
                                  (service.empty() ? "none" : service));
        }
        if (e.ns && ns != *e.ns) {
            return fail(item, "namespace: expected " + *e.ns + ", got " + ns);
        }
        return {Verdict::Pass, text(QT_TRANSLATE_NOOP("Diagnostics", "%1: answered by %2"),
                                    {label(item), json.value("pod").toString().toStdString()})};
    }
    return {Verdict::Pass,
            text(QT_TRANSLATE_NOOP("Diagnostics", "%1: connection %2 as expected"),
                 {label(item), e.connection.value_or("ok")})};
}

} // namespace

std::string dnsQuery(std::uint16_t id, const std::string &name)
{
    std::string q;
    q += char(id >> 8);
    q += char(id & 0xff);
    q += char(0x01); // RD
    q += char(0x00);
    q += std::string("\x00\x01\x00\x00\x00\x00\x00\x00", 8); // QDCOUNT 1
    std::size_t start = 0;
    while (start < name.size()) {
        std::size_t dot = name.find('.', start);
        if (dot == std::string::npos) {
            dot = name.size();
        }
        q += char(dot - start);
        q += name.substr(start, dot - start);
        start = dot + 1;
    }
    q += std::string("\x00\x00\x01\x00\x01", 5); // root, type A, class IN
    return q;
}

CheckResult runStreamRequest(const RequestCase &item, quint16 port, const TlsClientOptions *tls)
{
    const Expectation &e = item.expect;
    if (e.distribution) {
        return runStreamDistribution(item, port, tls);
    }
    if (item.request.protocol == "udp") {
        return runUdp(item, port);
    }
    if (e.connection == std::optional<std::string>("reset")) {
        const std::string problem = resetProbe(port, *tls);
        if (!problem.empty()) {
            return fail(item, "expected the connection to be reset, but " + problem);
        }
        return {Verdict::Pass,
                text(QT_TRANSLATE_NOOP("Diagnostics", "%1: connection %2 as expected"),
                     {label(item), "reset"})};
    }
    if (!item.request.payload) {
        // Reachability: the connection (and for tls the handshake) opens.
        std::string error;
        const int fd = connectTcp(port, &error);
        if (fd < 0) {
            return fail(item, error);
        }
        ::close(fd);
        return {Verdict::Pass,
                text(QT_TRANSLATE_NOOP("Diagnostics", "%1: connection %2 as expected"),
                     {label(item), e.connection.value_or("ok")})};
    }
    std::string pod;
    const std::string problem = tcpExchange(item, port, tls, *item.request.payload, &pod);
    if (!problem.empty()) {
        return fail(item, problem);
    }
    return {Verdict::Pass, text(QT_TRANSLATE_NOOP("Diagnostics", "%1: answered by %2"),
                                {label(item), pod})};
}

} // namespace Torii::Scenarios
