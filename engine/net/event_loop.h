#pragma once

// One event loop per thread: epoll over non-blocking file descriptors, an eventfd that wakes the
// loop for tasks posted from other threads, and one-shot timers on a min-heap. The gateway's
// workers (engine/proxy), the traffic generators (simulator/traffic) and the mock backends run on
// it: one mechanism for every socket Torii owns.
//
// Level-triggered epoll by default, on purpose: a handler that reads one buffer and returns is
// called again while bytes remain, so one busy connection cannot starve the others, and
// backpressure is simply "stop asking for Readable" (modify()). Edge-triggered would save the
// epoll_ctl calls that toggle Writable, but every handler would then have to drain to EAGAIN,
// and a missed drain hangs a connection forever; on loopback, Writable is needed rarely (the
// kernel buffer takes a whole response), so the saving is small for request/response code.
// A relay that moves bytes both ways all the time (engine/proxy's StreamConnection) asks for
// EdgeTriggered instead: it registers Readable|Writable once, remembers readiness itself and
// never calls epoll_ctl again; resumeNextRound() gives it the fairness level-triggering gave.
//
// Thread: a loop is created on any thread and then used by the one thread that calls run();
// every method except post() and stop() must be called on that thread (or before run()).
// post() and stop() are thread-safe. Not copyable or movable.
//
// No Qt: the loop is plain POSIX/Linux (epoll, eventfd) and std.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace Torii::Net {

// What a file descriptor is interested in, and what happened to it (bit set).
enum IoEvent : std::uint32_t {
    Readable = 1u << 0, // data (or an accepted connection, or EOF) can be read
    Writable = 1u << 1, // the send buffer has room; a non-blocking connect finished
    // Reported only (never asked for): the peer hung up or the socket has an error. Readable is
    // reported with it, so a handler that reads sees EOF or the error from read(). An fd
    // interested in Writable alone hears of a peer's half-close only when it reads next.
    Hangup = 1u << 2,
    // Asked for only: report readiness edges (EPOLLET), with the peer's half-close, instead of
    // levels. The callback hears of Readable/Writable once per change, so it must remember that
    // a side is ready until a read or write would block, and come back (resumeNextRound()) when
    // it stops early.
    EdgeTriggered = 1u << 3,
};

// A timer's handle; 0 is never a valid timer.
using TimerId = std::uint64_t;

class EventLoop
{
public:
    using IoCallback = std::function<void(std::uint32_t events)>;
    using Task = std::function<void()>;
    using Clock = std::chrono::steady_clock;

    EventLoop();
    ~EventLoop(); // closes the epoll and eventfd descriptors (not the watched ones)
    EventLoop(const EventLoop &) = delete;
    EventLoop &operator=(const EventLoop &) = delete;

    // False (and `error`) when epoll or the eventfd could not be created; nothing else works then.
    bool isValid() const { return m_epollFd >= 0 && m_wakeFd >= 0; }
    const std::string &initError() const { return m_initError; }

    // Watches `fd` (not owned: the caller closes it, after remove()) for `interest` (Readable
    // and/or Writable; 0: only Hangup). `callback` runs on the loop thread with the events that
    // happened. An fd is watched at most once. False and `error` on failure.
    bool add(int fd, std::uint32_t interest, IoCallback callback, std::string *error = nullptr);
    // Changes what `fd` is interested in. No-op (false) for an fd that is not watched.
    bool modify(int fd, std::uint32_t interest);
    // Stops watching `fd`; its callback is never called again, even for events already
    // collected in the current round. Safe inside any callback, including fd's own. Call it
    // before closing fd.
    void remove(int fd);
    // remove() for an fd the caller closes right after, and the only descriptor of its socket:
    // close() takes it out of the epoll set, so the epoll_ctl(DEL) is skipped.
    void forget(int fd);
    bool isWatched(int fd) const;

    // Runs `task` on the loop thread, soon (in posting order). Thread-safe; wakes the loop (a
    // post from a callback of the loop's own thread needs no wake-up: it runs at the end of the
    // current round).
    // Tasks still queued when the loop is destroyed are dropped without running.
    void post(Task task);

    // Runs `callback` once on the loop thread after `delay` (>= 0), measured from now().
    TimerId addTimer(std::chrono::milliseconds delay, Task callback);
    TimerId addTimerAt(Clock::time_point deadline, Task callback);
    // Runs `callback` in the next round, after that round's events, without letting the wait in
    // between block: for a handler that stopped early (a budget per callback) and would
    // otherwise wait for an edge that already happened. A timer: cancelTimer() cancels it.
    TimerId resumeNextRound(Task callback);
    // Cancels a pending timer; false when it already ran, was cancelled or never existed.
    // Safe inside any callback.
    bool cancelTimer(TimerId id);
    std::size_t pendingTimers() const { return m_liveTimers; }
    // Entries in the timer heap, cancelled ones not yet dropped included (for tests: it stays
    // within twice the pending timers, plus a small constant).
    std::size_t timerHeapSize() const { return m_heap.size(); }

    // Dispatches events, timers and posted tasks until stop(). Returns at once if stop() was
    // called before (stop is sticky until run() returns; a later run() runs again).
    void run();
    // Makes run() return after the current round. Thread-safe.
    void stop();
    // One round: waits up to `timeout` (negative: until something happens) for events, then
    // runs the due timers and the posted tasks. For tests and for embedding.
    void runOnce(std::chrono::milliseconds timeout);

    // The loop's clock, read once per round (cheap; what timers and timeouts measure against).
    Clock::time_point now() const { return m_now; }
    // True on the thread inside run()/runOnce().
    bool inLoopThread() const;

private:
    struct Watch;
    struct TimerSlot
    {
        Task callback;
        std::uint32_t generation = 1;
        bool armed = false;
    };
    struct HeapEntry
    {
        Clock::time_point deadline;
        std::uint64_t sequence; // ties: the earlier added first
        TimerId id;
    };

    void drainWakeups();
    void runPostedTasks();
    void runDueTimers();
    int msUntilNextTimer() const;
    void popStaleTimers();
    void compactTimers();
    static bool later(const HeapEntry &a, const HeapEntry &b);
    static constexpr std::size_t kHeapSlack = 64; // small heaps are never compacted

    int m_epollFd = -1;
    int m_wakeFd = -1;
    std::string m_initError;
    Clock::time_point m_now;

    std::vector<Watch *> m_watches;        // by fd; owned (raw so epoll_event.data.ptr works)
    std::vector<Watch *> m_retired;        // removed during a round; freed after it
    std::vector<TimerSlot> m_timerSlots;   // TimerId = generation << 32 | (slot index + 1)
    std::vector<std::uint32_t> m_freeSlots;
    std::vector<HeapEntry> m_heap;         // min-heap on deadline; cancelled entries dropped
                                           // at the top, or all at once when they outnumber
                                           // the live ones (compactTimers)
    std::uint64_t m_timerSequence = 0;
    std::size_t m_liveTimers = 0;

    std::mutex m_postMutex;
    std::vector<Task> m_posted;  // guarded by m_postMutex
    std::vector<Task> m_running; // the loop thread's swap buffer
    bool m_stopRequested = false; // guarded by m_postMutex
    bool m_wakePending = false;   // guarded by m_postMutex: the eventfd was written
    // m_posted is not empty or m_stopRequested is set (written under m_postMutex): lets a loop
    // round that has nothing posted skip the mutex (three lock/unlock pairs per round).
    std::atomic<bool> m_attention{false};
    std::atomic<std::thread::id> m_loopThread{}; // the thread in run()/runOnce(); none outside
};

} // namespace Torii::Net
