// Fuzzes what a UDP listener does with datagram sequences, without sockets:
// - the session bookkeeping of engine/proxy/udp_proxy (udp_sessions.h): the input is split into
//   datagrams of fuzzer-chosen lengths, each from one of 16 client flows or an answer from a
//   flow's backend, with clock steps, sweeps and stalled sockets in between. Checked against a
//   plain model of what the proxy must do: a flow keeps its session until it has been idle for the
//   timeout, never more than maxSessions sessions, a new flow beyond that is dropped, a stalled
//   direction holds at most its limit and drops the rest, bytes in/out per session add up, and
//   every datagram is either delivered in order or counted as dropped.
// - the DNS answerer of simulator/backends/udp_echo_server (UdpEchoServer::dnsAnswer) on every
//   datagram: a reply keeps the query's ID and is a response, FORMERR (rcode 1) carries no records
//   and no question, an answer has exactly one A record with the asker's address.
#include "engine/proxy/udp_sessions.h"
#include "simulator/backends/udp_echo_server.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <map>
#include <string>
#include <string_view>

using namespace std::chrono_literals;
using Torii::Proxy::Internal::BoundedQueue;
using Torii::Proxy::Internal::UdpSessionTable;

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxSessions = 4;
constexpr std::size_t kQueue = 3;
constexpr auto kTimeout = 100ms;

void check(bool ok)
{
    if (!ok) {
        std::abort();
    }
}

struct Session
{
    Session()
        : toUpstream(kQueue)
        , toClient(kQueue)
    {}
    Clock::time_point lastActivity;
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    BoundedQueue<std::string> toUpstream;
    BoundedQueue<std::string> toClient;
};

// The model's view of one flow's session.
struct Expected
{
    Clock::time_point lastActivity;
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    std::deque<std::string> toUpstream;
    std::deque<std::string> toClient;
};

class Reader
{
public:
    Reader(const std::uint8_t *data, std::size_t size)
        : m_data(data)
        , m_size(size)
    {}
    bool done() const { return m_pos >= m_size; }
    std::uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    std::string_view take(std::size_t n)
    {
        n = std::min(n, m_size - m_pos);
        const std::string_view out(reinterpret_cast<const char *>(m_data + m_pos), n);
        m_pos += n;
        return out;
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

void checkDns(std::string_view query)
{
    const std::uint32_t asker = 0x7f000001;
    const std::string reply = Torii::Backends::UdpEchoServer::dnsAnswer(query, asker);
    if (reply.empty()) {
        check(query.size() < 12 || (std::uint8_t(query[2]) & 0x80) != 0);
        return;
    }
    check(reply.size() >= 12);
    check(reply[0] == query[0] && reply[1] == query[1]);
    check((std::uint8_t(reply[2]) & 0x80) != 0); // QR: a response
    const auto count = [&reply](int at) {
        return unsigned(std::uint8_t(reply[std::size_t(at)])) << 8 |
               std::uint8_t(reply[std::size_t(at + 1)]);
    };
    const unsigned rcode = std::uint8_t(reply[3]) & 0x0f;
    check(count(8) == 0 && count(10) == 0);
    if (rcode == 1) {
        check(reply.size() == 12 && count(4) == 0 && count(6) == 0);
        return;
    }
    check(rcode == 0 && count(4) == 1);
    check(count(6) <= 1);
    if (count(6) == 1) {
        const std::string_view tail = std::string_view(reply).substr(reply.size() - 4);
        check(tail == std::string_view("\x7f\x00\x00\x01", 4));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Reader in(data, size);
    UdpSessionTable<Session, Clock> table(kMaxSessions);
    std::map<std::string, Expected> model;
    Clock::time_point now{};
    std::uint64_t dropped = 0;
    std::uint64_t expectedDropped = 0;
    std::uint64_t delivered = 0;
    std::uint64_t sent = 0;
    bool upstreamStalled = false;
    bool clientStalled = false;

    while (!in.done()) {
        const std::uint8_t op = in.byte();
        const std::string key(1, char('a' + (op & 0x0f))); // one of 16 client flows
        switch (op >> 4) {
        case 0:
        case 1:
        case 2:
        case 3:
        case 4:
        case 5:
        case 6: { // a datagram from the client
            const std::string datagram(in.take(in.byte() % 64));
            checkDns(datagram);
            ++sent;
            Session *session = table.find(key);
            check((session != nullptr) == (model.count(key) == 1));
            if (session == nullptr) {
                if (table.full()) {
                    check(model.size() >= kMaxSessions);
                    ++dropped;
                    ++expectedDropped;
                    break;
                }
                session = table.insert(key, std::make_unique<Session>());
                check(session != nullptr && table.find(key) == session);
                model[key] = Expected{};
            }
            Expected &e = model[key];
            session->lastActivity = e.lastActivity = now;
            session->bytesIn += datagram.size();
            e.bytesIn += datagram.size();
            if (upstreamStalled || !session->toUpstream.empty()) {
                const bool queued = session->toUpstream.push(datagram);
                check(queued == (e.toUpstream.size() < kQueue));
                if (queued) {
                    e.toUpstream.push_back(datagram);
                } else {
                    ++dropped;
                    ++expectedDropped;
                }
            } else {
                ++delivered;
            }
            break;
        }
        case 7:
        case 8:
        case 9: { // the flow's backend answers
            const std::string datagram(in.take(in.byte() % 64));
            ++sent;
            Session *session = table.find(key);
            if (session == nullptr) {
                ++dropped; // nobody to answer: the session is gone (its socket with it)
                ++expectedDropped;
                break;
            }
            Expected &e = model.at(key);
            session->lastActivity = e.lastActivity = now;
            session->bytesOut += datagram.size();
            e.bytesOut += datagram.size();
            if (clientStalled || !session->toClient.empty()) {
                const bool queued = session->toClient.push(datagram);
                check(queued == (e.toClient.size() < kQueue));
                if (queued) {
                    e.toClient.push_back(datagram);
                } else {
                    ++dropped;
                    ++expectedDropped;
                }
            } else {
                ++delivered;
            }
            break;
        }
        case 10:
        case 11: // time passes
            now += std::chrono::milliseconds(op & 0x0f) * 10;
            break;
        case 12: // the sockets stall or drain: queued datagrams leave in order
            upstreamStalled = (op & 1) != 0;
            clientStalled = (op & 2) != 0;
            for (auto &[k, e] : model) {
                Session *session = table.find(k);
                check(session != nullptr);
                while (!upstreamStalled && !session->toUpstream.empty()) {
                    check(session->toUpstream.front() == e.toUpstream.front());
                    session->toUpstream.pop();
                    e.toUpstream.pop_front();
                    ++delivered;
                }
                while (!clientStalled && !session->toClient.empty()) {
                    check(session->toClient.front() == e.toClient.front());
                    session->toClient.pop();
                    e.toClient.pop_front();
                    ++delivered;
                }
                check(session->toUpstream.size() == e.toUpstream.size());
                check(session->toClient.size() == e.toClient.size());
            }
            break;
        default: { // the sweep: idle sessions end, with what they still held
            const auto expired = table.expired(now, kTimeout);
            std::size_t idle = 0;
            for (const auto &[k, e] : model) {
                idle += now - e.lastActivity >= kTimeout ? 1 : 0;
            }
            check(expired.size() == idle);
            for (const std::string &k : expired) {
                const Expected &e = model.at(k);
                check(now - e.lastActivity >= kTimeout);
                std::unique_ptr<Session> gone = table.take(k);
                check(gone && gone->bytesIn == e.bytesIn && gone->bytesOut == e.bytesOut);
                check(!table.find(k) && !table.take(k));
                dropped += gone->toUpstream.size() + gone->toClient.size();
                expectedDropped += e.toUpstream.size() + e.toClient.size();
                model.erase(k);
            }
            break;
        }
        }
        check(table.size() == model.size() && table.size() <= kMaxSessions);
        check(dropped == expectedDropped);
    }
    // Everything sent was delivered, dropped or is still queued.
    std::uint64_t queued = 0;
    for (const auto &[k, e] : model) {
        queued += e.toUpstream.size() + e.toClient.size();
    }
    check(sent == delivered + dropped + queued);
    while (!table.empty()) {
        check(table.take(table.anyKey()) != nullptr);
    }
    return 0;
}
