#include "byte_buffer.h"

#include <cstring>

namespace Torii::Net {

void ByteBuffer::consume(std::size_t count)
{
    m_begin += count < size() ? count : size();
    if (m_begin == m_end) {
        m_begin = m_end = 0; // the common case: everything parsed, start over at the front
    }
}

void ByteBuffer::append(std::string_view bytes)
{
    if (bytes.empty()) {
        return;
    }
    char *space = writableSpace(bytes.size());
    std::memcpy(space, bytes.data(), bytes.size());
    commit(bytes.size());
}

char *ByteBuffer::writableSpace(std::size_t minimum)
{
    if (m_capacity - m_end >= minimum) {
        return m_data.get() + m_end;
    }
    const std::size_t used = size();
    if (m_begin > 0) { // move the unread bytes to the front first
        std::memmove(m_data.get(), m_data.get() + m_begin, used);
        m_begin = 0;
        m_end = used;
    }
    if (m_capacity - m_end < minimum) {
        std::size_t grown = m_capacity == 0 ? 4096 : m_capacity * 2;
        while (grown - m_end < minimum) {
            grown *= 2;
        }
        std::unique_ptr<char[]> bigger(new char[grown]); // uninitialized on purpose
        if (used > 0) {
            std::memcpy(bigger.get(), m_data.get(), used);
        }
        m_data = std::move(bigger);
        m_capacity = grown;
    }
    return m_data.get() + m_end;
}

} // namespace Torii::Net
