#pragma once

// The bytes an L4 relay (StreamConnection) holds in one direction, and the worker's pool their
// storage comes from.
//
// A RelayBuffer is a window [begin, end) over one fixed block of RelayBufferPool::blockBytes().
// It holds a block only while it holds bytes: the block is taken from the pool for a read and
// given back as soon as a write empties it. Most connections are idle or ping-pong small
// messages, so a worker with thousands of connections holds about as many blocks as it has
// connections in the middle of a transfer, and a busy one reuses the same warm block instead of
// calling malloc and free per connection.
//
// Thread: one worker's loop (the pool is the worker's; nothing is shared). No Qt.

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace Torii::Proxy::Internal {

class RelayBufferPool
{
public:
    // `blockBytes`: the size of every block; `keepFree`: blocks kept for reuse at most (the
    // rest are freed when given back).
    explicit RelayBufferPool(std::size_t blockBytes, std::size_t keepFree = 256)
        : m_blockBytes(blockBytes)
        , m_keepFree(keepFree)
    {}
    RelayBufferPool(const RelayBufferPool &) = delete;
    RelayBufferPool &operator=(const RelayBufferPool &) = delete;

    std::size_t blockBytes() const { return m_blockBytes; }
    std::size_t freeBlocks() const { return m_free.size(); }

    std::unique_ptr<char[]> take()
    {
        if (m_free.empty()) {
            return std::unique_ptr<char[]>(new char[m_blockBytes]); // uninitialized on purpose
        }
        std::unique_ptr<char[]> block = std::move(m_free.back());
        m_free.pop_back();
        return block;
    }
    void giveBack(std::unique_ptr<char[]> block)
    {
        if (block && m_free.size() < m_keepFree) {
            m_free.push_back(std::move(block));
        }
    }

private:
    std::size_t m_blockBytes;
    std::size_t m_keepFree;
    std::vector<std::unique_ptr<char[]>> m_free;
};

class RelayBuffer
{
public:
    explicit RelayBuffer(RelayBufferPool &pool)
        : m_pool(pool)
    {}
    ~RelayBuffer() { m_pool.giveBack(std::move(m_block)); }
    RelayBuffer(const RelayBuffer &) = delete;
    RelayBuffer &operator=(const RelayBuffer &) = delete;

    std::string_view readable() const { return {m_block.get() + m_begin, m_end - m_begin}; }
    std::size_t size() const { return m_end - m_begin; }
    bool empty() const { return m_end == m_begin; }
    bool holdsBlock() const { return m_block != nullptr; }

    // Room for one read of up to `limit` - size() bytes (limit <= the pool's block size): the
    // block is taken if none is held, and the unread bytes moved to its front when the space
    // behind them is small (under kCompactBelow and under what may still be read). Write into
    // it, then commit(); after a read that got nothing, releaseIfEmpty().
    char *space(std::size_t limit, std::size_t *length)
    {
        if (!m_block) {
            m_block = m_pool.take();
        }
        const std::size_t wanted = limit > size() ? limit - size() : 0;
        const std::size_t behind = m_pool.blockBytes() - m_end;
        if (behind < std::min(wanted, kCompactBelow) && m_begin > 0) {
            const std::size_t used = size();
            std::memmove(m_block.get(), m_block.get() + m_begin, used);
            m_begin = 0;
            m_end = used;
        }
        *length = std::min(wanted, m_pool.blockBytes() - m_end);
        return m_block.get() + m_end;
    }
    void commit(std::size_t count) { m_end += count; }
    void releaseIfEmpty()
    {
        if (empty()) {
            m_pool.giveBack(std::move(m_block));
        }
    }
    // Drops `count` (<= size()) bytes from the front; an emptied buffer gives its block back.
    void consume(std::size_t count)
    {
        m_begin += std::min(count, size());
        if (m_begin == m_end) {
            m_begin = m_end = 0;
            m_pool.giveBack(std::move(m_block));
        }
    }

private:
    // A read into less than this behind the unread bytes moves them to the front first: fewer,
    // larger reads are worth a small memmove.
    static constexpr std::size_t kCompactBelow = 16 * 1024;

    RelayBufferPool &m_pool;
    std::unique_ptr<char[]> m_block;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
};

} // namespace Torii::Proxy::Internal
