#include "stream_sampler.h"

#include "default_mix.h"
#include "load_generator.h"

#include "engine/tls/client_context.h"
#include "simulator/backends/echo_line_client.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <QtCore/QByteArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <set>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace Torii::Traffic {

namespace RT = Torii::RouteTable;

const char *toString(StreamProtocol protocol)
{
    switch (protocol) {
    case StreamProtocol::Tcp:
        return "tcp";
    case StreamProtocol::Tls:
        return "tls";
    case StreamProtocol::Udp:
        return "udp";
    }
    return "?";
}

std::vector<StreamRule>
streamRules(const std::map<std::string, std::shared_ptr<const RT::RouteTable>> &tables)
{
    std::vector<StreamRule> rules;
    for (const auto &[gatewayName, table] : tables) {
        for (int port : table->ports()) {
            const auto view = table->listener(port);
            if (!view) {
                continue;
            }
            StreamRule rule;
            rule.gateway = gatewayName;
            rule.port = port;
            switch (view->protocol) {
            case RT::ListenerProtocol::TCP:
                rule.protocol = StreamProtocol::Tcp;
                break;
            case RT::ListenerProtocol::UDP:
                rule.protocol = StreamProtocol::Udp;
                break;
            case RT::ListenerProtocol::TLS:
                rule.protocol = StreamProtocol::Tls;
                break;
            default:
                continue; // HTTP and HTTPS: the request mix's
            }
            if (rule.protocol != StreamProtocol::Tls) {
                rule.route = table->lookupStream(port);
                if (rule.route) {
                    rules.push_back(rule);
                }
                continue;
            }
            std::set<std::string> seen; // a route listed under several hosts: sampled once
            for (const RT::RouteTable::HostView &host : view->hosts) {
                if (host.streams.empty()) {
                    continue;
                }
                // The name the default mix would send for this host entry (a wildcard becomes
                // www.<suffix>, "*" a reserved name), looked up again so SNI selects this entry.
                std::string name = host.hostname;
                if (name == "*" || name.empty()) {
                    name = "any.torii.invalid";
                } else if (name.rfind("*.", 0) == 0) {
                    name = "www" + name.substr(1);
                }
                const RT::StreamRoute *route = table->lookupStream(port, name);
                if (route && seen.insert(ruleKey(route->source)).second) {
                    rule.serverName = name;
                    rule.route = route;
                    rules.push_back(rule);
                }
            }
        }
    }
    return rules;
}

namespace {

// A target none of whose first samples was answered (a UDP route to a DNS server, which does not
// speak the echo protocol; a listener that is not up) is given up: its remaining samples are not
// sent, rather than each waiting out its deadline.
constexpr int kGiveUpAfter = 5;

std::int64_t microsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                 start)
        .count();
}

// A socket connected to address:port within `timeout`, then blocking with that deadline on every
// send and receive; -1 with `error`.
int connectWithin(int type, const StreamTarget &target, std::chrono::milliseconds timeout,
                  std::string *error)
{
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(target.port);
    if (::inet_pton(AF_INET, target.address.c_str(), &addr.sin_addr) != 1) {
        *error = "not an IPv4 address: " + target.address;
        return -1;
    }
    const int fd = ::socket(AF_INET, type | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        *error = std::string("cannot open a socket: ") + std::strerror(errno);
        return -1;
    }
    int r = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    if (r != 0 && errno == EINPROGRESS) {
        pollfd p{fd, POLLOUT, 0};
        r = ::poll(&p, 1, int(timeout.count()));
        if (r == 0) {
            *error = "connect timed out";
            ::close(fd);
            return -1;
        }
        int soError = 0;
        socklen_t length = sizeof soError;
        ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length);
        errno = soError;
        r = soError == 0 ? 0 : -1;
    }
    if (r != 0) {
        *error = std::string("cannot connect: ") + std::strerror(errno);
        ::close(fd);
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    timeval tv{};
    tv.tv_sec = timeout.count() / 1000;
    tv.tv_usec = (timeout.count() % 1000) * 1000;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (type == SOCK_STREAM) {
        const int on = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    }
    return fd;
}

// The TLS context of the samples: no verification (header comment), no ALPN (as the
// conformance suite's TLS TCP client).
std::shared_ptr<const Tls::ClientContext> samplerTlsContext()
{
    static const std::shared_ptr<const Tls::ClientContext> context = [] {
        Tls::ClientContextOptions options;
        options.verify = false;
        options.alpn.clear();
        std::string ignored;
        return Tls::ClientContext::create(options, &ignored);
    }();
    return context;
}


QJsonObject jsonOf(const std::string &text)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
}

// "namespace/service" of an echo answer: UDP names its service, TCP its pod.
std::string backendOf(const QJsonObject &json, std::string *error)
{
    const std::string ns = json.value(QStringLiteral("namespace")).toString().toStdString();
    std::string service = json.value(QStringLiteral("service")).toString().toStdString();
    if (service.empty()) {
        service = serviceOfPod(json.value(QStringLiteral("pod")).toString().toStdString());
    }
    if (ns.empty() || service.empty()) {
        *error = "the answer names no namespace and service or pod";
        return {};
    }
    return ns + '/' + service;
}

} // namespace

StreamSample StreamSampler::sampleOnce(const StreamTarget &target,
                                       std::chrono::milliseconds timeout)
{
    StreamSample sample;
    const auto start = std::chrono::steady_clock::now();
    std::string answer;
    if (target.protocol == StreamProtocol::Udp) {
        // A new socket per sample: a new source port, so a new flow at the gateway.
        const int fd = connectWithin(SOCK_DGRAM, target, timeout, &sample.error);
        if (fd >= 0) {
            const std::string datagram = "TEST\n";
            if (::send(fd, datagram.data(), datagram.size(), 0) != ssize_t(datagram.size())) {
                sample.error = std::string("cannot send: ") + std::strerror(errno);
            } else {
                std::string buffer(4096, '\0');
                const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), 0);
                if (n < 0) {
                    sample.error = errno == EAGAIN || errno == EWOULDBLOCK
                                       ? "no answer within the deadline"
                                       : std::string("no answer: ") + std::strerror(errno);
                } else {
                    buffer.resize(std::size_t(n));
                    answer = std::move(buffer);
                }
            }
            ::close(fd);
        }
    } else {
        Backends::EchoLineClient connection;
        const int fd = connectWithin(SOCK_STREAM, target, timeout, &sample.error);
        if (fd >= 0) {
            std::shared_ptr<const Tls::ClientContext> context;
            if (target.protocol == StreamProtocol::Tls) {
                context = samplerTlsContext();
            }
            if (target.protocol == StreamProtocol::Tls && !context) {
                ::close(fd);
                sample.error = "no TLS client context";
            } else {
                sample.error = connection.open(fd, std::move(context), target.serverName, false);
            }
        }
        if (fd >= 0 && sample.error.empty()) {
            if (!connection.send("TEST\n")) {
                sample.error = "cannot send TEST";
            } else if (!connection.readLine(&answer)) {
                sample.error = "no answer to TEST (the connection closed or timed out)";
            }
        }
    }
    sample.latencyMicros = microsSince(start);
    if (sample.error.empty()) {
        const QJsonObject json = jsonOf(answer);
        if (json.isEmpty()) {
            sample.error = "the answer is not the echo's JSON";
        } else {
            sample.backend = backendOf(json, &sample.error);
        }
    }
    return sample;
}

StreamSampler::StreamSampler(std::vector<StreamTarget> targets, StreamSamplerOptions options)
    : m_targets(std::move(targets))
    , m_options(options)
{}

StreamSampler::~StreamSampler() = default;

void StreamSampler::run(const std::function<void(const StreamSample &)> &onSample)
{
    // The jobs, interleaved so every rule progresses together.
    std::vector<int> jobs;
    int most = 0;
    for (const StreamTarget &t : m_targets) {
        most = std::max(most, t.samples);
    }
    for (int k = 0; k < most; ++k) {
        for (std::size_t i = 0; i < m_targets.size(); ++i) {
            if (m_targets[i].samples > k) {
                jobs.push_back(int(i));
            }
        }
    }
    if (jobs.empty()) {
        return;
    }
    const auto start = std::chrono::steady_clock::now();
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<StreamSample> done;
    // Per target: answered and failed samples so far (kGiveUpAfter).
    std::vector<std::atomic<int>> answered(m_targets.size());
    std::vector<std::atomic<int>> failed(m_targets.size());
    int running = std::clamp(m_options.concurrency, 1, int(jobs.size()));
    const auto worker = [&] {
        // A TLS peer that closed first must not end the program with SIGPIPE (OpenSSL writes
        // with write()); the mask is this thread's.
        const Tls::SigpipeBlock noSigpipe;
        while (!m_stop) {
            const std::size_t job = next++;
            if (job >= jobs.size()) {
                break;
            }
            const auto target = std::size_t(jobs[job]);
            if (answered[target] == 0 && failed[target] >= kGiveUpAfter) {
                continue;
            }
            StreamSample sample = sampleOnce(m_targets[target], m_options.timeout);
            sample.target = jobs[job];
            ++(sample.error.empty() ? answered : failed)[target];
            sample.doneMicros = microsSince(start);
            const std::lock_guard lock(mutex);
            done.push_back(std::move(sample));
            ready.notify_one();
        }
        const std::lock_guard lock(mutex);
        --running;
        ready.notify_one();
    };
    std::vector<std::thread> workers;
    const int count = running;
    for (int i = 0; i < count; ++i) {
        workers.emplace_back(worker);
    }
    std::unique_lock lock(mutex);
    while (true) {
        ready.wait(lock, [&] { return !done.empty() || running == 0; });
        while (!done.empty()) {
            const StreamSample sample = std::move(done.front());
            done.pop_front();
            lock.unlock();
            if (onSample) {
                onSample(sample);
            }
            lock.lock();
        }
        if (running == 0) {
            break;
        }
    }
    lock.unlock();
    for (std::thread &t : workers) {
        t.join();
    }
}

} // namespace Torii::Traffic
