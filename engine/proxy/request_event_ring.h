#pragma once

// A bounded single-producer/single-consumer ring of RequestEvents: one gateway worker pushes,
// the gateway's owner drains on its own thread (Gateway::drainEvents). Lock-free: two atomic
// indexes, no allocation after construction (the slots are reused; moving an event in moves its
// strings). When full, push() drops the event and counts it: the worker never blocks or waits on
// a slow reader.
// Thread: push() from one thread, drain()/dropped() from one other thread.

#include "request_event.h"

#include <atomic>
#include <cstdint>
#include <vector>

namespace Torii::Proxy {

class RequestEventRing
{
public:
    // `capacity` is rounded up to a power of two (at least 2).
    explicit RequestEventRing(std::size_t capacity)
    {
        std::size_t size = 2;
        while (size < capacity) {
            size *= 2;
        }
        m_slots.resize(size);
        m_mask = size - 1;
    }

    // Producer. False (and counted) when full.
    bool push(RequestEvent &&event)
    {
        const std::uint64_t tail = m_tail.load(std::memory_order_relaxed);
        if (tail - m_headCache > m_mask) {
            m_headCache = m_head.load(std::memory_order_acquire);
            if (tail - m_headCache > m_mask) {
                m_dropped.fetch_add(1, std::memory_order_relaxed);
                return false;
            }
        }
        m_slots[tail & m_mask] = std::move(event);
        m_tail.store(tail + 1, std::memory_order_release);
        return true;
    }

    // Consumer: calls `sink(const RequestEvent &)` for up to `max` events, oldest first; returns
    // how many.
    template<typename Sink>
    std::size_t drain(Sink &&sink, std::size_t max = SIZE_MAX)
    {
        std::uint64_t head = m_head.load(std::memory_order_relaxed);
        const std::uint64_t tail = m_tail.load(std::memory_order_acquire);
        std::size_t count = 0;
        while (head != tail && count < max) {
            sink(static_cast<const RequestEvent &>(m_slots[head & m_mask]));
            ++head;
            ++count;
            m_head.store(head, std::memory_order_release);
        }
        return count;
    }

    std::uint64_t dropped() const { return m_dropped.load(std::memory_order_relaxed); }
    std::size_t capacity() const { return m_slots.size(); }

private:
    std::vector<RequestEvent> m_slots;
    std::size_t m_mask = 0;
    alignas(64) std::atomic<std::uint64_t> m_head{0}; // next to read (consumer)
    alignas(64) std::atomic<std::uint64_t> m_tail{0}; // next to write (producer)
    alignas(64) std::uint64_t m_headCache = 0;        // producer's view of m_head
    std::atomic<std::uint64_t> m_dropped{0};
};

} // namespace Torii::Proxy
