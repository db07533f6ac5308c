#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

// What an echo endpoint has echoed: the request target of every request its echo handler
// answered, in arrival order. It stands in for the conformance echo server's log line "Echoing
// back request made to <request URI> to client (...)", which the conformance suite reads to see
// which backends received a mirrored request (../shared/conformance/README.md, "Mirrors").
namespace Torii::Backends {

// Thread: record() is called by the endpoint's worker thread while count()/targets()/clear() are
// called by any other thread; every member is guarded by one mutex. Bounded: beyond `capacity`
// entries the oldest are dropped (a long `toriictl serve` must not grow without limit).
class RequestLog
{
public:
    static constexpr std::size_t kDefaultCapacity = 100000;

    explicit RequestLog(std::size_t capacity = kDefaultCapacity);

    void record(std::string target);
    // How many recorded targets equal `target` exactly (path and query, as received).
    int count(std::string_view target) const;
    // Every recorded target still kept, oldest first.
    std::vector<std::string> targets() const;
    std::size_t size() const;
    void clear();

private:
    mutable std::mutex m_mutex;
    std::deque<std::string> m_targets;
    std::size_t m_capacity;
};

} // namespace Torii::Backends
