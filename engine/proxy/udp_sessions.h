#pragma once

// The socket-free part of a UDP listener's sessions (udp_proxy.h), kept apart so it can be
// fuzzed without sockets (tests/fuzz/fuzz_udp_datagrams.cpp):
// - UdpSessionTable: the sessions of one listener keyed by the client's address bytes, at most
//   `maxSessions` of them, and which ones have been idle for a timeout.
// - BoundedQueue: a FIFO that refuses elements beyond its limit (a datagram refused is dropped and
//   counted by the caller), so a flood cannot grow memory.
//
// Thread: one (the worker's loop). Header-only: the session type is the caller's.

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Proxy::Internal {

// `Session` has a `lastActivity` time point comparable with `Clock::time_point`.
template<typename Session, typename Clock = std::chrono::steady_clock>
class UdpSessionTable
{
public:
    explicit UdpSessionTable(std::size_t maxSessions)
        : m_maxSessions(maxSessions)
    {}

    Session *find(std::string_view key) const
    {
        const auto it = m_sessions.find(key);
        return it == m_sessions.end() ? nullptr : it->second.get();
    }
    // No room for another session: a new flow is dropped.
    bool full() const { return m_sessions.size() >= m_maxSessions; }
    // Adds a session for a key that has none; null (and `session` discarded) when full or taken.
    Session *insert(std::string key, std::unique_ptr<Session> session)
    {
        if (full() || !session) {
            return nullptr;
        }
        const auto [it, added] = m_sessions.emplace(std::move(key), std::move(session));
        return added ? it->second.get() : nullptr;
    }
    // Removes and returns the key's session (null when none).
    std::unique_ptr<Session> take(std::string_view key)
    {
        const auto it = m_sessions.find(key);
        if (it == m_sessions.end()) {
            return nullptr;
        }
        std::unique_ptr<Session> session = std::move(it->second);
        m_sessions.erase(it);
        return session;
    }
    // The keys of the sessions without activity for `timeout` or longer at `now`.
    std::vector<std::string> expired(typename Clock::time_point now,
                                     std::chrono::milliseconds timeout) const
    {
        std::vector<std::string> keys;
        for (const auto &[key, session] : m_sessions) {
            if (now - session->lastActivity >= timeout) {
                keys.push_back(key);
            }
        }
        return keys;
    }
    std::size_t size() const { return m_sessions.size(); }
    bool empty() const { return m_sessions.empty(); }
    // Any key (the first), for tearing everything down; "" when empty.
    std::string anyKey() const
    {
        return m_sessions.empty() ? std::string() : m_sessions.begin()->first;
    }

private:
    std::size_t m_maxSessions;
    std::map<std::string, std::unique_ptr<Session>, std::less<>> m_sessions;
};

template<typename T>
class BoundedQueue
{
public:
    explicit BoundedQueue(std::size_t limit)
        : m_limit(limit)
    {}
    // False, and nothing queued, when the queue holds `limit` elements already.
    bool push(T value)
    {
        if (m_items.size() >= m_limit) {
            return false;
        }
        m_items.push_back(std::move(value));
        return true;
    }
    bool empty() const { return m_items.empty(); }
    std::size_t size() const { return m_items.size(); }
    std::size_t limit() const { return m_limit; }
    const T &front() const { return m_items.front(); }
    void pop() { m_items.pop_front(); }

private:
    std::size_t m_limit;
    std::deque<T> m_items;
};

} // namespace Torii::Proxy::Internal
