#include "request_log.h"

#include <algorithm>

namespace Torii::Backends {

RequestLog::RequestLog(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(1, capacity))
{}

void RequestLog::record(std::string target)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_targets.size() == m_capacity) {
        m_targets.pop_front();
    }
    m_targets.push_back(std::move(target));
}

int RequestLog::count(std::string_view target) const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return int(std::count(m_targets.begin(), m_targets.end(), target));
}

std::vector<std::string> RequestLog::targets() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return {m_targets.begin(), m_targets.end()};
}

std::size_t RequestLog::size() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_targets.size();
}

void RequestLog::clear()
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_targets.clear();
}

} // namespace Torii::Backends
