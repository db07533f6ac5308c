#include "event_loop.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace Torii::Net {

struct EventLoop::Watch
{
    int fd = -1;
    std::uint32_t interest = 0;
    bool alive = true;
    IoCallback callback;
};

namespace {

std::uint32_t toEpoll(std::uint32_t interest)
{
    // A peer's half-close stays reported (level-triggered) until the fd is unwatched: a writer
    // waiting for room towards a peer that sent its EOF would wake on every round. So only an fd
    // that reads (or waits for nothing but hangups) asks for it; EPOLLHUP and EPOLLERR come anyway.
    // Edge-triggered, the half-close is one edge like any other: always asked for.
    if (interest & EdgeTriggered) {
        std::uint32_t events = EPOLLET | EPOLLRDHUP;
        events |= (interest & Readable) ? std::uint32_t(EPOLLIN) : 0U;
        events |= (interest & Writable) ? std::uint32_t(EPOLLOUT) : 0U;
        return events;
    }
    std::uint32_t events = interest == Writable ? 0U : std::uint32_t(EPOLLRDHUP);
    if (interest & Readable) {
        events |= EPOLLIN;
    }
    if (interest & Writable) {
        events |= EPOLLOUT;
    }
    return events;
}

std::uint32_t fromEpoll(std::uint32_t events)
{
    std::uint32_t out = 0;
    if (events & (EPOLLIN | EPOLLPRI)) {
        out |= Readable;
    }
    if (events & EPOLLOUT) {
        out |= Writable;
    }
    if (events & (EPOLLHUP | EPOLLERR | EPOLLRDHUP)) {
        out |= Hangup | Readable;
    }
    return out;
}

constexpr std::uint32_t kSlotMask = 0xffffffffu;

} // namespace

EventLoop::EventLoop()
    : m_now(Clock::now())
{
    m_epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epollFd < 0) {
        m_initError = std::string("epoll_create1: ") + std::strerror(errno);
        return;
    }
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_wakeFd < 0) {
        m_initError = std::string("eventfd: ") + std::strerror(errno);
        return;
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = nullptr; // null marks the wake-up descriptor
    if (::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_wakeFd, &ev) != 0) {
        m_initError = std::string("epoll_ctl(eventfd): ") + std::strerror(errno);
        ::close(m_wakeFd);
        m_wakeFd = -1;
    }
}

EventLoop::~EventLoop()
{
    for (Watch *watch : m_watches) {
        delete watch;
    }
    for (Watch *watch : m_retired) {
        delete watch;
    }
    if (m_wakeFd >= 0) {
        ::close(m_wakeFd);
    }
    if (m_epollFd >= 0) {
        ::close(m_epollFd);
    }
}

bool EventLoop::add(int fd, std::uint32_t interest, IoCallback callback, std::string *error)
{
    if (fd < 0 || !isValid()) {
        if (error) {
            *error = fd < 0 ? "invalid file descriptor" : m_initError;
        }
        return false;
    }
    if (isWatched(fd)) {
        if (error) {
            *error = "file descriptor " + std::to_string(fd) + " is already watched";
        }
        return false;
    }
    auto *watch = new Watch{fd, interest, true, std::move(callback)};
    epoll_event ev{};
    ev.events = toEpoll(interest);
    ev.data.ptr = watch;
    if (::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &ev) != 0) {
        if (error) {
            *error = std::string("epoll_ctl(add): ") + std::strerror(errno);
        }
        delete watch;
        return false;
    }
    if (std::size_t(fd) >= m_watches.size()) {
        m_watches.resize(std::size_t(fd) + 1, nullptr);
    }
    m_watches[std::size_t(fd)] = watch;
    return true;
}

bool EventLoop::modify(int fd, std::uint32_t interest)
{
    if (!isWatched(fd)) {
        return false;
    }
    Watch *watch = m_watches[std::size_t(fd)];
    if (watch->interest == interest) {
        return true;
    }
    epoll_event ev{};
    ev.events = toEpoll(interest);
    ev.data.ptr = watch;
    if (::epoll_ctl(m_epollFd, EPOLL_CTL_MOD, fd, &ev) != 0) {
        return false;
    }
    watch->interest = interest;
    return true;
}

void EventLoop::remove(int fd)
{
    if (!isWatched(fd)) {
        return;
    }
    Watch *watch = m_watches[std::size_t(fd)];
    m_watches[std::size_t(fd)] = nullptr;
    ::epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, nullptr);
    // The current round may still hold a pointer to it: free it after the round.
    watch->alive = false;
    m_retired.push_back(watch);
}

void EventLoop::forget(int fd)
{
    if (!isWatched(fd)) {
        return;
    }
    Watch *watch = m_watches[std::size_t(fd)];
    m_watches[std::size_t(fd)] = nullptr;
    watch->alive = false;
    m_retired.push_back(watch);
}

bool EventLoop::isWatched(int fd) const
{
    return fd >= 0 && std::size_t(fd) < m_watches.size() && m_watches[std::size_t(fd)] != nullptr;
}

void EventLoop::post(Task task)
{
    bool wake = false;
    const bool fromLoop = inLoopThread(); // runOnce() runs it before it waits again
    {
        std::lock_guard lock(m_postMutex);
        m_posted.push_back(std::move(task));
        m_attention.store(true, std::memory_order_release);
        wake = !m_wakePending && !fromLoop;
        m_wakePending = m_wakePending || wake;
    }
    if (wake && m_wakeFd >= 0) {
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_wakeFd, &one, sizeof one);
    }
}

void EventLoop::stop()
{
    bool wake = false;
    {
        std::lock_guard lock(m_postMutex);
        m_stopRequested = true;
        m_attention.store(true, std::memory_order_release);
        wake = !m_wakePending;
        m_wakePending = true;
    }
    if (wake && m_wakeFd >= 0) {
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_wakeFd, &one, sizeof one);
    }
}

bool EventLoop::later(const HeapEntry &a, const HeapEntry &b)
{
    return a.deadline != b.deadline ? a.deadline > b.deadline : a.sequence > b.sequence;
}

TimerId EventLoop::addTimer(std::chrono::milliseconds delay, Task callback)
{
    return addTimerAt(m_now + std::max(delay, std::chrono::milliseconds(0)), std::move(callback));
}

TimerId EventLoop::addTimerAt(Clock::time_point deadline, Task callback)
{
    std::uint32_t slot;
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        slot = std::uint32_t(m_timerSlots.size());
        m_timerSlots.emplace_back();
    }
    TimerSlot &s = m_timerSlots[slot];
    s.callback = std::move(callback);
    s.armed = true;
    const TimerId id = (TimerId(s.generation) << 32) | TimerId(slot + 1);
    m_heap.push_back(HeapEntry{deadline, ++m_timerSequence, id});
    std::push_heap(m_heap.begin(), m_heap.end(), later);
    ++m_liveTimers;
    return id;
}

TimerId EventLoop::resumeNextRound(Task callback)
{
    // Due just after this round's clock reading: not run by this round's runDueTimers(), and
    // the next wait does not block (msUntilNextTimer() is 0 once the clock has moved on).
    return addTimerAt(m_now + Clock::duration(1), std::move(callback));
}

bool EventLoop::cancelTimer(TimerId id)
{
    const std::uint32_t slotPlusOne = std::uint32_t(id & kSlotMask);
    if (slotPlusOne == 0 || slotPlusOne > m_timerSlots.size()) {
        return false;
    }
    TimerSlot &s = m_timerSlots[slotPlusOne - 1];
    if (!s.armed || s.generation != std::uint32_t(id >> 32)) {
        return false;
    }
    s.armed = false;
    s.callback = nullptr;
    ++s.generation; // the heap entry is now stale; popped lazily
    m_freeSlots.push_back(slotPlusOne - 1);
    --m_liveTimers;
    popStaleTimers();
    // Connections move their deadline on every request (header, idle, route timeouts of tens of
    // seconds), so cancelled entries far from the top pile up faster than they reach it: at
    // 40,000 requests/s that was millions of entries after a minute, and every push paid for
    // them. Dropping them once they outnumber the live ones keeps the heap at most twice the
    // live timers, for an amortized constant cost per cancel.
    if (m_heap.size() > 2 * m_liveTimers + kHeapSlack) {
        compactTimers();
    }
    return true;
}

void EventLoop::compactTimers()
{
    std::erase_if(m_heap, [this](const HeapEntry &entry) {
        const TimerSlot &s = m_timerSlots[std::uint32_t(entry.id & kSlotMask) - 1];
        return !s.armed || s.generation != std::uint32_t(entry.id >> 32);
    });
    std::make_heap(m_heap.begin(), m_heap.end(), later);
}

void EventLoop::popStaleTimers()
{
    while (!m_heap.empty()) {
        const TimerId id = m_heap.front().id;
        const TimerSlot &s = m_timerSlots[std::uint32_t(id & kSlotMask) - 1];
        if (s.armed && s.generation == std::uint32_t(id >> 32)) {
            return;
        }
        std::pop_heap(m_heap.begin(), m_heap.end(), later);
        m_heap.pop_back();
    }
}

int EventLoop::msUntilNextTimer() const
{
    if (m_heap.empty()) {
        return -1;
    }
    const auto wait = m_heap.front().deadline - Clock::now();
    if (wait <= Clock::duration::zero()) {
        return 0;
    }
    // Rounded up, so a timer never fires early.
    return int(std::min<long long>(
        std::chrono::ceil<std::chrono::milliseconds>(wait).count(), 24 * 3600 * 1000));
}

void EventLoop::runDueTimers()
{
    popStaleTimers();
    while (!m_heap.empty() && m_heap.front().deadline <= m_now) {
        const TimerId id = m_heap.front().id;
        std::pop_heap(m_heap.begin(), m_heap.end(), later);
        m_heap.pop_back();
        const std::uint32_t slot = std::uint32_t(id & kSlotMask) - 1;
        TimerSlot &s = m_timerSlots[slot];
        if (!s.armed || s.generation != std::uint32_t(id >> 32)) {
            continue;
        }
        Task callback = std::move(s.callback);
        s.callback = nullptr;
        s.armed = false;
        ++s.generation;
        m_freeSlots.push_back(slot);
        --m_liveTimers;
        callback(); // may add or cancel timers (m_timerSlots may grow: `s` is not used after)
        popStaleTimers();
    }
}

void EventLoop::drainWakeups()
{
    std::uint64_t value = 0;
    [[maybe_unused]] const ssize_t n = ::read(m_wakeFd, &value, sizeof value);
}

void EventLoop::runPostedTasks()
{
    if (!m_attention.load(std::memory_order_acquire)) {
        return; // nothing posted: a poster that comes later wakes the loop through the eventfd
    }
    {
        std::lock_guard lock(m_postMutex);
        m_running.swap(m_posted);
        m_wakePending = false;
        m_attention.store(m_stopRequested, std::memory_order_relaxed);
    }
    for (Task &task : m_running) {
        task();
    }
    m_running.clear();
}

void EventLoop::runOnce(std::chrono::milliseconds timeout)
{
    m_loopThread.store(std::this_thread::get_id(), std::memory_order_relaxed);
    constexpr int kMaxEvents = 256;
    epoll_event events[kMaxEvents];
    int wait = msUntilNextTimer();
    if (timeout.count() >= 0 && (wait < 0 || timeout.count() < wait)) {
        wait = int(timeout.count());
    }
    if (m_attention.load(std::memory_order_acquire)) {
        wait = 0; // something posted (or stop) since the last round: do not sleep
    }
    const int n = ::epoll_wait(m_epollFd, events, kMaxEvents, wait);
    m_now = Clock::now();
    bool woken = false;
    for (int i = 0; i < n; ++i) {
        auto *watch = static_cast<Watch *>(events[i].data.ptr);
        if (!watch) {
            woken = true;
            continue;
        }
        if (!watch->alive) {
            continue; // removed by an earlier callback of this round
        }
        // A copy would cost an allocation per event; the Watch stays alive until the round ends
        // even if the callback removes its own fd.
        watch->callback(fromEpoll(events[i].events));
    }
    if (woken) {
        drainWakeups();
    }
    runDueTimers();
    runPostedTasks();
    for (Watch *watch : m_retired) {
        delete watch;
    }
    m_retired.clear();
}

void EventLoop::run()
{
    for (;;) {
        if (m_attention.load(std::memory_order_acquire)) {
            std::lock_guard lock(m_postMutex);
            if (m_stopRequested) {
                m_stopRequested = false;
                m_attention.store(!m_posted.empty(), std::memory_order_relaxed);
                m_loopThread.store(std::thread::id(), std::memory_order_relaxed);
                return;
            }
        }
        runOnce(std::chrono::milliseconds(-1));
    }
}

bool EventLoop::inLoopThread() const
{
    return m_loopThread.load(std::memory_order_relaxed) == std::this_thread::get_id();
}

} // namespace Torii::Net
