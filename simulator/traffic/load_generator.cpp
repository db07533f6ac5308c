#include "load_generator.h"

#include "engine/net/event_loop.h"
#include "engine/net/tcp_socket.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <tuple>

namespace Torii::Traffic {

using Clock = std::chrono::steady_clock;

std::string serializeRequest(const std::string &method, const std::string &host,
                             const std::string &path,
                             const std::vector<std::pair<std::string, std::string>> &headers,
                             const std::vector<std::pair<std::string, std::string>> &cookies,
                             const std::string &body, bool keepAlive)
{
    Http::RequestHead head;
    head.method = method;
    head.target = path;
    head.headers.add("Host", host);
    for (const auto &[name, value] : headers) {
        head.headers.add(name, value);
    }
    if (!cookies.empty()) {
        std::string cookie;
        for (const auto &[name, value] : cookies) {
            cookie += (cookie.empty() ? "" : "; ") + name + '=' + value;
        }
        head.headers.add("Cookie", cookie);
    }
    if (!head.headers.contains("User-Agent")) {
        head.headers.add("User-Agent", "torii-load");
    }
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
        head.headers.set("Content-Length", std::to_string(body.size()));
    }
    if (!keepAlive) {
        head.headers.set("Connection", "close");
    }
    return Http::serializeRequestHead(head) + body;
}

std::string serviceOfPod(const std::string &pod)
{
    const auto last = pod.rfind('-');
    if (last == std::string::npos || last == 0) {
        return pod;
    }
    const auto second = pod.rfind('-', last - 1);
    return second == std::string::npos ? pod : pod.substr(0, second);
}

// The last occurrence wins, since the echo answer writes namespace and pod after the request's
// headers.
std::string echoField(std::string_view body, std::string_view key)
{
    std::string needle = "\"";
    needle += key;
    needle += "\":";
    const auto at = body.rfind(needle);
    if (at == std::string_view::npos) {
        return {};
    }
    std::size_t i = at + needle.size();
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) {
        ++i;
    }
    if (i >= body.size() || body[i] != '"') {
        return {};
    }
    const auto end = body.find('"', i + 1);
    return end == std::string_view::npos ? std::string()
                                         : std::string(body.substr(i + 1, end - i - 1));
}

namespace {

constexpr std::size_t kEchoPrefix = 8192;
constexpr int kMaxCallThreads = 64;

} // namespace

class LoadGenerator::Engine
{
public:
    Engine(const std::vector<PreparedRequest> &requests, const GeneratorOptions &options,
           const std::function<void(const Outcome &)> &onOutcome,
           const std::function<void(const Progress &)> &onProgress,
           const std::atomic<bool> &stopRequested)
        : m_requests(requests)
        , m_options(options)
        , m_onOutcome(onOutcome)
        , m_onProgress(onProgress)
        , m_stopRequested(stopRequested)
        , m_random(options.seed)
        , m_readBuffer(64 * 1024)
    {
        std::map<std::tuple<std::string, std::uint16_t, bool, std::string>, int> targets;
        double sum = 0.0;
        for (const PreparedRequest &r : m_requests) {
            auto [it, added] = targets.emplace(
                std::make_tuple(r.address, r.port, r.tls, r.tls ? r.serverName : std::string()),
                int(targets.size()));
            m_targetOf.push_back(it->second);
            if (added) {
                m_targets.push_back({r.address, r.port, r.tls, r.tls ? r.serverName : ""});
            }
            sum += std::max(0.0, r.weight);
            m_cumulative.push_back(sum);
            m_hasCalls = m_hasCalls || bool(r.call);
        }
        m_idle.resize(m_targets.size());
    }

    ~Engine() { stopCallThreads(); }

    bool run(std::string *error)
    {
        if (!m_loop.isValid()) {
            *error = m_loop.initError();
            return false;
        }
        // OpenSSL writes with write(): a peer that closed must not kill the process.
        std::optional<Tls::SigpipeBlock> noSigpipe;
        if (m_options.tls) {
            noSigpipe.emplace();
        }
        if (m_hasCalls) {
            const int threads = std::min(m_options.connections, kMaxCallThreads);
            for (int i = 0; i < threads; ++i) {
                m_callThreads.emplace_back([this] { callThread(); });
            }
        }
        m_start = Clock::now();
        m_outcome.sentMicros = -1;
        m_issuing = true;
        if (m_options.duration.count() > 0) {
            m_loop.addTimerAt(m_start + m_options.duration, [this] { endIssuing(); });
        }
        if (m_options.mode == LoopMode::Open) {
            tick();
        } else {
            for (int i = 0; i < m_options.connections && m_issuing; ++i) {
                issue(Clock::now());
            }
            dispatch();
        }
        scheduleProgress();
        scheduleStopCheck();
        m_loop.run();
        // Whatever is left (stop(), drain timeout) ends here, reported as unfinished.
        abandonAll("unfinished: the run ended before the answer");
        stopCallThreads();
        return true;
    }

private:
    struct Pending
    {
        int request = 0;
        Clock::time_point intended;
    };

    struct Target
    {
        std::string address;
        std::uint16_t port = 0;
        bool tls = false;
        std::string serverName;
    };

    struct Connection final : Http::ResponseHandler
    {
        Engine *engine = nullptr;
        Net::UniqueFd fd;
        SSL *ssl = nullptr; // HTTPS: the session over fd, owned
        int target = 0;
        bool connecting = false;
        bool handshaking = false; // HTTPS: connected, TLS handshake under way
        std::string tlsError;     // why the last TLS read or write failed
        bool busy = false;
        bool reused = false;
        Pending current;
        Clock::time_point sent;
        std::size_t written = 0;
        Http::ResponseParser parser;
        int status = 0;
        bool keepAlive = true;
        bool finalSeen = false;
        std::uint64_t bytes = 0;
        std::string body;
        Net::TimerId timer = 0;

        explicit Connection(const Http::Limits &limits)
            : parser(limits)
        {}
        ~Connection() override { SSL_free(ssl); }
        Connection(const Connection &) = delete;
        Connection &operator=(const Connection &) = delete;

        void onHead(Http::ResponseHead &&head) override
        {
            if (head.isInterim()) {
                return;
            }
            status = head.status;
            keepAlive = head.keepAlive && !head.closeDelimited;
            finalSeen = true;
        }
        void onBody(std::string_view chunk) override
        {
            bytes += chunk.size();
            if (engine->m_options.readEchoIdentity && body.size() < kEchoPrefix) {
                body.append(chunk.substr(0, kEchoPrefix - body.size()));
            }
        }
        void onComplete(Http::Headers &&) override {}
    };

    std::int64_t sinceStart(Clock::time_point t) const
    {
        return std::chrono::duration_cast<std::chrono::microseconds>(t - m_start).count();
    }

    int chooseRequest()
    {
        if (m_requests.size() == 1) {
            return 0;
        }
        const double x = std::uniform_real_distribution<double>(0.0, m_cumulative.back())(m_random);
        const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), x);
        return int(
            std::min<std::size_t>(std::size_t(it - m_cumulative.begin()), m_requests.size() - 1));
    }

    void issue(Clock::time_point intended)
    {
        m_waiting.push_back({chooseRequest(), intended});
        ++m_issued;
        if (m_options.requestLimit && m_issued >= m_options.requestLimit) {
            endIssuing();
        }
    }

    // Open loop: queue every request whose time has come, then wake at the next one's.
    void tick()
    {
        const Clock::time_point now = Clock::now();
        while (m_issuing) {
            // Integer nanoseconds, rounded: request k is due at exactly k / rate.
            const auto due = m_start + std::chrono::nanoseconds(
                                           std::llround(double(m_issued) * 1e9 / m_options.rate));
            if (due > now) {
                m_loop.addTimerAt(due, [this] { tick(); });
                break;
            }
            if (m_options.duration.count() > 0 && due >= m_start + m_options.duration) {
                endIssuing();
                break;
            }
            issue(due);
        }
        dispatch();
    }

    void endIssuing()
    {
        if (!m_issuing) {
            return;
        }
        m_issuing = false;
        m_loop.addTimer(m_options.drainTimeout, [this] { m_loop.stop(); });
        checkDone();
    }

    void checkDone()
    {
        if (!m_issuing && m_waiting.empty() && m_busy == 0) {
            m_loop.stop();
        }
    }

    void dispatch()
    {
        while (!m_waiting.empty()) {
            const Pending p = m_waiting.front();
            if (m_requests[std::size_t(p.request)].call) {
                if (!makeRoomForCall()) {
                    return; // every slot is busy: wait for one
                }
                m_waiting.pop_front();
                startCall(p);
                continue;
            }
            const int target = m_targetOf[std::size_t(p.request)];
            if (!m_idle[std::size_t(target)].empty()) {
                Connection *c = m_idle[std::size_t(target)].back();
                m_idle[std::size_t(target)].pop_back();
                m_waiting.pop_front();
                c->reused = true;
                startRequest(c, p);
                continue;
            }
            if (int(m_connections.size()) + m_callsRunning >= m_options.connections) {
                // Make room by closing an idle connection to another target, if there is one.
                Connection *victim = nullptr;
                for (auto &list : m_idle) {
                    if (!list.empty()) {
                        victim = list.back();
                        break;
                    }
                }
                if (!victim) {
                    return; // every connection is busy: wait for one
                }
                closeConnection(victim);
            }
            m_waiting.pop_front();
            openConnection(target, p);
        }
    }

    // A call may start when a slot of `connections` and a call thread are free, closing an idle
    // keep-alive connection if that frees the slot.
    bool makeRoomForCall()
    {
        if (m_callsRunning >= int(m_callThreads.size())) {
            return false;
        }
        if (int(m_connections.size()) + m_callsRunning < m_options.connections) {
            return true;
        }
        for (auto &list : m_idle) {
            if (!list.empty()) {
                closeConnection(list.back());
                return true;
            }
        }
        return false;
    }

    struct CallJob
    {
        std::uint64_t id = 0;
        int request = 0;
    };

    void startCall(const Pending &p)
    {
        const std::uint64_t id = ++m_lastCallId;
        m_callsInFlight.emplace(id, p);
        ++m_callsRunning;
        ++m_busy;
        {
            std::lock_guard lock(m_callMutex);
            m_callJobs.push_back({id, p.request});
        }
        m_callWake.notify_one();
    }

    // A call thread: runs jobs until stopCallThreads(); each result goes back to the loop.
    void callThread()
    {
        for (;;) {
            CallJob job;
            {
                std::unique_lock lock(m_callMutex);
                m_callWake.wait(lock, [this] { return m_callsStopping || !m_callJobs.empty(); });
                if (m_callJobs.empty()) {
                    return;
                }
                job = m_callJobs.front();
                m_callJobs.pop_front();
            }
            const std::int64_t sent = sinceStart(Clock::now());
            CallResult result = m_requests[std::size_t(job.request)].call(m_options.timeout);
            m_loop.post([this, id = job.id, sent, result = std::move(result)]() mutable {
                finishCall(id, sent, std::move(result));
            });
        }
    }

    void finishCall(std::uint64_t id, std::int64_t sentMicros, CallResult result)
    {
        const auto it = m_callsInFlight.find(id);
        if (it == m_callsInFlight.end()) {
            return; // abandoned when the run ended
        }
        const Pending p = it->second;
        m_callsInFlight.erase(it);
        --m_callsRunning;
        --m_busy;
        m_outcome.echoNamespace = std::move(result.echoNamespace);
        m_outcome.echoPod = std::move(result.echoPod);
        m_outcome.backend = std::move(result.backend);
        report(p, sentMicros, result.status, result.bytes,
               result.status == 0 && result.error.empty() ? std::string("no answer")
                                                          : result.error);
        m_outcome.backend.clear();
        afterRequest();
    }

    void stopCallThreads()
    {
        {
            std::lock_guard lock(m_callMutex);
            m_callsStopping = true;
            m_callJobs.clear();
        }
        m_callWake.notify_all();
        for (std::thread &t : m_callThreads) {
            t.join();
        }
        m_callThreads.clear();
    }

    void openConnection(int target, const Pending &p)
    {
        auto owned = std::make_unique<Connection>(m_options.limits);
        Connection *c = owned.get();
        c->engine = this;
        c->target = target;
        c->current = p;
        c->busy = true;
        ++m_busy;
        std::string why;
        c->fd = Net::connectTcp(m_targets[std::size_t(target)].address,
                                m_targets[std::size_t(target)].port, &why);
        if (!c->fd) {
            --m_busy;
            c->busy = false;
            report(p, -1, 0, 0, why);
            // Later, not here: dispatch() called us, and an immediate failure for every waiting
            // request would otherwise recurse once per request.
            m_loop.post([this] { afterRequest(); });
            return;
        }
        c->connecting = true;
        m_connections.push_back(std::move(owned));
        c->sent = Clock::now();
        armTimeout(c);
        m_loop.add(c->fd.get(), Net::Writable,
                   [this, c](std::uint32_t events) { onEvents(c, events); });
    }

    void startHandshake(Connection *c)
    {
        const Target &target = m_targets[std::size_t(c->target)];
        c->ssl = m_options.tls->newSession(c->fd.get(), target.serverName);
        if (!c->ssl) {
            failConnection(c, "TLS handshake failed: cannot make a TLS session");
            return;
        }
        c->handshaking = true;
        handshake(c);
    }

    void handshake(Connection *c)
    {
        ERR_clear_error();
        const int r = SSL_do_handshake(c->ssl);
        if (r == 1) {
            c->handshaking = false;
            const std::string problem =
                m_options.tls->checkPeer(c->ssl, m_targets[std::size_t(c->target)].serverName);
            if (!problem.empty()) {
                c->tlsError = problem;
                failConnection(c, "TLS handshake failed: " + problem);
                return;
            }
            startRequest(c, c->current);
            return;
        }
        const int code = SSL_get_error(c->ssl, r);
        if (code == SSL_ERROR_WANT_READ) {
            m_loop.modify(c->fd.get(), Net::Readable);
            return;
        }
        if (code == SSL_ERROR_WANT_WRITE) {
            m_loop.modify(c->fd.get(), Net::Readable | Net::Writable);
            return;
        }
        const bool plainText = Tls::ClientContext::peerSpokePlainText();
        c->tlsError = Tls::ClientContext::failureReason(c->ssl, "the connection closed");
        failConnection(
            c, "TLS handshake failed: " +
                   (plainText ? std::string("the server does not speak TLS") : c->tlsError));
    }

    Net::IoResult transportRead(Connection *c, char *buffer, std::size_t capacity)
    {
        if (!c->ssl) {
            return Net::readSome(c->fd.get(), buffer, capacity);
        }
        Net::IoResult result;
        ERR_clear_error();
        errno = 0;
        const int n = SSL_read(c->ssl, buffer, int(std::min<std::size_t>(capacity, 1 << 30)));
        if (n > 0) {
            result.bytes = std::size_t(n);
            return result;
        }
        switch (SSL_get_error(c->ssl, n)) {
        case SSL_ERROR_WANT_READ:
        case SSL_ERROR_WANT_WRITE:
            result.wouldBlock = true;
            break;
        case SSL_ERROR_ZERO_RETURN: // close_notify
            result.closed = true;
            break;
        case SSL_ERROR_SYSCALL:
            if (ERR_peek_error() == 0 && errno == 0) {
                result.closed = true; // EOF without close_notify: many servers just close
                break;
            }
            [[fallthrough]];
        default:
            result.error = EPROTO;
            c->tlsError = Tls::ClientContext::failureReason(c->ssl, "TLS error");
            break;
        }
        return result;
    }

    Net::IoResult transportWrite(Connection *c, std::string_view bytes)
    {
        if (!c->ssl) {
            return Net::writeSome(c->fd.get(), bytes);
        }
        Net::IoResult result;
        ERR_clear_error();
        const int n =
            SSL_write(c->ssl, bytes.data(), int(std::min<std::size_t>(bytes.size(), 1 << 30)));
        if (n > 0) {
            result.bytes = std::size_t(n);
            return result;
        }
        const int code = SSL_get_error(c->ssl, n);
        if (code == SSL_ERROR_WANT_WRITE || code == SSL_ERROR_WANT_READ) {
            result.wouldBlock = true;
        } else {
            result.error = EPIPE;
            c->tlsError = Tls::ClientContext::failureReason(c->ssl, "the connection closed");
        }
        return result;
    }

    static std::string ioError(const Connection *c, const Net::IoResult &r)
    {
        return c->tlsError.empty() ? Net::errorText(r.error) : "TLS: " + c->tlsError;
    }

    void armTimeout(Connection *c)
    {
        if (c->timer) {
            m_loop.cancelTimer(c->timer);
        }
        c->timer = m_loop.addTimer(m_options.timeout, [this, c] {
            c->timer = 0;
            failConnection(c, "timed out");
        });
    }

    void startRequest(Connection *c, const Pending &p)
    {
        c->current = p;
        if (!c->busy) {
            c->busy = true;
            ++m_busy;
        }
        c->written = 0;
        c->status = 0;
        c->bytes = 0;
        c->finalSeen = false;
        c->keepAlive = true;
        c->body.clear();
        c->parser.setRequestMethod(m_requests[std::size_t(p.request)].method);
        c->sent = Clock::now();
        armTimeout(c);
        writeMore(c);
    }

    void writeMore(Connection *c)
    {
        const std::string &wire = m_requests[std::size_t(c->current.request)].wire;
        while (c->written < wire.size()) {
            const Net::IoResult r = transportWrite(c, std::string_view(wire).substr(c->written));
            if (r.wouldBlock) {
                m_loop.modify(c->fd.get(), Net::Readable | Net::Writable);
                return;
            }
            if (!r.ok()) {
                failConnection(c, ioError(c, r));
                return;
            }
            c->written += r.bytes;
        }
        m_loop.modify(c->fd.get(), Net::Readable);
    }

    void onEvents(Connection *c, std::uint32_t events)
    {
        if (c->connecting) {
            if (!(events & (Net::Writable | Net::Hangup | Net::Readable))) {
                return;
            }
            if (const int err = Net::connectError(c->fd.get())) {
                failConnection(c, Net::errorText(err));
                return;
            }
            c->connecting = false;
            if (m_targets[std::size_t(c->target)].tls) {
                startHandshake(c);
            } else {
                startRequest(c, c->current);
            }
            return;
        }
        if (c->handshaking) {
            handshake(c);
            return;
        }
        if ((events & Net::Writable) && c->busy &&
            c->written < m_requests[std::size_t(c->current.request)].wire.size()) {
            writeMore(c);
            if (!c->fd) {
                return;
            }
        }
        if (events & (Net::Readable | Net::Hangup)) {
            readMore(c);
        }
    }

    // Reads until the socket (and, for TLS, OpenSSL's buffer of a record already decrypted,
    // which no epoll event would announce) has nothing more, or the connection ended.
    void readMore(Connection *c)
    {
        while (readOnce(c) && c->fd && c->ssl && SSL_pending(c->ssl) > 0) {
        }
    }

    // One read and what it completes; true when the connection may have more to read.
    bool readOnce(Connection *c)
    {
        const Net::IoResult r = transportRead(c, m_readBuffer.data(), m_readBuffer.size());
        if (r.wouldBlock) {
            return false;
        }
        if (!r.ok()) {
            if (!c->busy) {
                closeConnection(c); // an idle keep-alive connection the server closed
                return false;
            }
            if (r.closed) {
                const Http::FeedResult f = c->parser.finish(*c);
                if (f.status == Http::FeedStatus::MessageComplete && c->finalSeen) {
                    c->keepAlive = false;
                    finishRequest(c);
                    return false;
                }
                failConnection(c, "connection closed before the response ended");
                return false;
            }
            failConnection(c, ioError(c, r));
            return false;
        }
        if (!c->busy) {
            closeConnection(c); // bytes nobody asked for: the connection is not trustworthy
            return false;
        }
        std::string_view data(m_readBuffer.data(), r.bytes);
        while (!data.empty()) {
            const Http::FeedResult f = c->parser.feed(data, *c);
            data.remove_prefix(f.consumed);
            if (f.status == Http::FeedStatus::Error) {
                failConnection(c, c->parser.error().reason);
                return false;
            }
            if (f.status == Http::FeedStatus::MessageComplete) {
                if (!c->finalSeen) {
                    continue; // a 1xx interim answer; the final one follows
                }
                if (!data.empty()) {
                    c->keepAlive = false; // bytes after the answer: do not reuse
                }
                finishRequest(c);
                return false;
            }
            if (f.status == Http::FeedStatus::Upgraded) {
                c->keepAlive = false;
                finishRequest(c);
                return false;
            }
        }
        return true;
    }

    void finishRequest(Connection *c)
    {
        if (c->timer) {
            m_loop.cancelTimer(c->timer);
            c->timer = 0;
        }
        c->busy = false;
        --m_busy;
        m_outcome.echoNamespace.clear();
        m_outcome.echoPod.clear();
        if (m_options.readEchoIdentity && !c->body.empty()) {
            m_outcome.echoNamespace = echoField(c->body, "namespace");
            m_outcome.echoPod = echoField(c->body, "pod");
        }
        report(c->current, sinceStart(c->sent), c->status, c->bytes, {});
        if (m_options.keepAlive && c->keepAlive) {
            m_idle[std::size_t(c->target)].push_back(c);
        } else {
            closeConnection(c);
        }
        afterRequest();
    }

    void afterRequest()
    {
        if (m_options.mode == LoopMode::Closed && m_issuing) {
            issue(Clock::now());
        }
        dispatch();
        checkDone();
    }

    void failConnection(Connection *c, const std::string &why)
    {
        if (c->busy) {
            c->busy = false;
            --m_busy;
            m_outcome.echoNamespace.clear();
            m_outcome.echoPod.clear();
            report(c->current, c->written ? sinceStart(c->sent) : -1, 0, c->bytes, why);
        }
        closeConnection(c);
        afterRequest();
    }

    void closeConnection(Connection *c)
    {
        if (c->timer) {
            m_loop.cancelTimer(c->timer);
            c->timer = 0;
        }
        auto &idle = m_idle[std::size_t(c->target)];
        idle.erase(std::remove(idle.begin(), idle.end(), c), idle.end());
        if (c->fd) {
            m_loop.remove(c->fd.get());
            if (c->ssl && !c->connecting && !c->handshaking && c->tlsError.empty()) {
                // close_notify, so the server sees an orderly end; its answer is not awaited.
                ERR_clear_error();
                SSL_shutdown(c->ssl);
                ERR_clear_error();
            }
            c->fd.reset();
        }
        const auto it = std::find_if(m_connections.begin(), m_connections.end(),
                                     [c](const auto &p) { return p.get() == c; });
        if (it != m_connections.end()) {
            // Freed after this round: the caller may still be inside c's callback.
            m_graveyard.push_back(std::move(*it));
            m_connections.erase(it);
            if (m_graveyard.size() == 1) {
                m_loop.post([this] { m_graveyard.clear(); });
            }
        }
    }

    void report(const Pending &p, std::int64_t sentMicros, int status, std::uint64_t bytes,
                const std::string &error)
    {
        const Clock::time_point done = Clock::now();
        m_outcome.request = p.request;
        m_outcome.status = status;
        m_outcome.error = error;
        m_outcome.intendedMicros = sinceStart(p.intended);
        m_outcome.sentMicros = sentMicros;
        m_outcome.doneMicros = sinceStart(done);
        m_outcome.latencyMicros = m_outcome.doneMicros - m_outcome.intendedMicros;
        m_outcome.bytes = bytes;
        ++m_completed;
        if (status == 0) {
            ++m_errors;
        }
        if (m_onOutcome) {
            m_onOutcome(m_outcome);
        }
    }

    void abandonAll(const std::string &why)
    {
        m_issuing = false;
        m_outcome.echoNamespace.clear();
        m_outcome.echoPod.clear();
        while (!m_connections.empty()) {
            Connection *c = m_connections.back().get();
            if (c->busy) {
                c->busy = false;
                --m_busy;
                report(c->current, c->written ? sinceStart(c->sent) : -1, 0, c->bytes, why);
            }
            closeConnection(c);
        }
        for (const auto &[id, call] : m_callsInFlight) {
            --m_busy;
            report(call, -1, 0, 0, why);
        }
        m_callsInFlight.clear();
        m_callsRunning = 0;
        for (const Pending &p : m_waiting) {
            report(p, -1, 0, 0, why);
        }
        m_waiting.clear();
        m_graveyard.clear();
    }

    void scheduleProgress()
    {
        m_loop.addTimer(std::chrono::milliseconds(1000), [this] {
            if (m_onProgress) {
                Progress p;
                p.elapsedMicros = sinceStart(Clock::now());
                p.issued = m_issued;
                p.completed = m_completed;
                p.errors = m_errors;
                p.openConnections = int(m_connections.size());
                p.waiting = m_waiting.size();
                m_onProgress(p);
            }
            scheduleProgress();
        });
    }

    void scheduleStopCheck()
    {
        m_loop.addTimer(std::chrono::milliseconds(50), [this] {
            if (m_stopRequested) {
                m_loop.stop();
                return;
            }
            scheduleStopCheck();
        });
    }

    const std::vector<PreparedRequest> &m_requests;
    const GeneratorOptions &m_options;
    const std::function<void(const Outcome &)> &m_onOutcome;
    const std::function<void(const Progress &)> &m_onProgress;
    const std::atomic<bool> &m_stopRequested;

    Net::EventLoop m_loop;
    std::mt19937_64 m_random;
    std::vector<double> m_cumulative;
    std::vector<int> m_targetOf;
    std::vector<Target> m_targets;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::vector<std::unique_ptr<Connection>> m_graveyard;
    std::vector<std::vector<Connection *>> m_idle; // per target
    std::deque<Pending> m_waiting;
    std::vector<char> m_readBuffer;
    Outcome m_outcome; // reused: no allocation per request once its strings have grown

    Clock::time_point m_start;
    bool m_issuing = false;
    std::uint64_t m_issued = 0;
    std::uint64_t m_completed = 0;
    std::uint64_t m_errors = 0;
    int m_busy = 0;

    // Blocking calls (header comment). In flight: the loop's thread only; the job queue is shared
    // with the call threads.
    bool m_hasCalls = false;
    int m_callsRunning = 0;
    std::uint64_t m_lastCallId = 0;
    std::map<std::uint64_t, Pending> m_callsInFlight;
    std::mutex m_callMutex;
    std::condition_variable m_callWake;
    std::deque<CallJob> m_callJobs;
    bool m_callsStopping = false;
    std::vector<std::thread> m_callThreads; // last: joined before the loop goes
};

LoadGenerator::LoadGenerator(std::vector<PreparedRequest> requests, GeneratorOptions options)
    : m_requests(std::move(requests))
    , m_options(options)
{}

LoadGenerator::~LoadGenerator() = default;

bool LoadGenerator::run(const std::function<void(const Outcome &)> &onOutcome,
                        const std::function<void(const Progress &)> &onProgress, std::string *error)
{
    std::string ignored;
    std::string &why = error ? *error : ignored;
    if (m_requests.empty()) {
        why = "no request to send";
        return false;
    }
    double weights = 0.0;
    for (const PreparedRequest &r : m_requests) {
        if (r.port == 0) {
            why = "a request has no target port";
            return false;
        }
        if (r.tls && !r.call && !m_options.tls) {
            why = "an HTTPS request needs a TLS client context";
            return false;
        }
        weights += std::max(0.0, r.weight);
    }
    if (!(weights > 0.0)) {
        why = "the request weights add up to 0";
        return false;
    }
    if (m_options.connections < 1) {
        why = "at least one connection is needed";
        return false;
    }
    if (m_options.mode == LoopMode::Open &&
        !(m_options.rate > 0.0 && std::isfinite(m_options.rate))) {
        why = "an open-loop run needs a rate above 0";
        return false;
    }
    if (m_options.duration.count() <= 0 && m_options.requestLimit == 0) {
        why = "a run needs a duration or a request count";
        return false;
    }
    Engine engine(m_requests, m_options, onOutcome, onProgress, m_stopRequested);
    return engine.run(&why);
}

void LoadGenerator::stop()
{
    m_stopRequested = true;
}

} // namespace Torii::Traffic
