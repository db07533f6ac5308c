#pragma once

// A growable byte buffer with a read position, for socket I/O without per-read allocations:
// read() fills writableSpace() then commit()s; the parser takes readable() and consume()s what
// it used; the storage is reused (compacted, never shrunk) for the connection's lifetime.
// Thread: one at a time. No Qt.

#include <cstddef>
#include <string_view>
#include <memory>

namespace Torii::Net {

class ByteBuffer
{
public:
    std::string_view readable() const
    {
        return {m_data.get() + m_begin, m_end - m_begin};
    }
    std::size_t size() const { return m_end - m_begin; }
    bool empty() const { return m_end == m_begin; }

    // Drops `count` (<= size()) bytes from the front.
    void consume(std::size_t count);
    // Writes the readable bytes through `write` (a callable taking a std::string_view and
    // returning an IoResult) until none are left or a write would block or fails, consuming what
    // went out: the one output loop of every connection. Returns the last result (wouldBlock:
    // wait for Writable; error: the write failed).
    template<typename Write>
    auto drainTo(Write &&write) -> decltype(write(std::string_view{}))
    {
        decltype(write(std::string_view{})) result{};
        while (!empty()) {
            result = write(readable());
            if (result.wouldBlock || result.error) {
                return result;
            }
            consume(result.bytes);
        }
        return result;
    }
    void clear() { m_begin = m_end = 0; }
    void append(std::string_view bytes);

    // At least `minimum` writable bytes at the end (moving or growing the storage); write into
    // them, then commit() what was written.
    char *writableSpace(std::size_t minimum);
    std::size_t writableSize() const { return m_capacity - m_end; }
    void commit(std::size_t count) { m_end += count; }

    // The storage kept (for tests and accounting).
    std::size_t capacity() const { return m_capacity; }

private:
    // Not a std::vector: growing it would zero-fill bytes a read() overwrites anyway.
    std::unique_ptr<char[]> m_data;
    std::size_t m_capacity = 0;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
};

} // namespace Torii::Net
