#include "upstream_pool.h"

#include "upstream_connection.h"

#include <algorithm>

namespace Torii::Proxy::Internal {

UpstreamPool::UpstreamPool(Http::Limits limits, std::chrono::milliseconds connectTimeout,
                           std::size_t maxIdlePerEndpoint, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_connectTimeout(connectTimeout)
    , m_maxIdle(maxIdlePerEndpoint)
{}

UpstreamConnection *UpstreamPool::acquire(const std::string &endpoint, const std::string &host,
                                          quint16 port, QObject *owner)
{
    auto idle = m_idle.find(endpoint);
    while (idle != m_idle.end() && !idle->second.empty()) {
        UpstreamConnection *connection = idle->second.back();
        idle->second.pop_back();
        disconnect(connection, &UpstreamConnection::becameUnusable, this, nullptr);
        if (connection->reusable()) {
            connection->setParent(owner);
            return connection;
        }
        connection->deleteLater();
    }
    return new UpstreamConnection(endpoint, host, port, m_limits, m_connectTimeout, owner);
}

void UpstreamPool::release(UpstreamConnection *connection)
{
    connection->detach();
    std::vector<UpstreamConnection *> &idle = m_idle[connection->endpoint()];
    if (!connection->reusable() || idle.size() >= m_maxIdle) {
        discard(connection);
        return;
    }
    connection->setParent(this);
    idle.push_back(connection);
    connect(connection, &UpstreamConnection::becameUnusable, this,
            [this, connection] { drop(connection); });
}

void UpstreamPool::discard(UpstreamConnection *connection)
{
    connection->detach();
    disconnect(connection, nullptr, this, nullptr);
    connection->deleteLater();
}

void UpstreamPool::drop(UpstreamConnection *connection)
{
    std::vector<UpstreamConnection *> &idle = m_idle[connection->endpoint()];
    idle.erase(std::remove(idle.begin(), idle.end(), connection), idle.end());
    connection->deleteLater();
}

} // namespace Torii::Proxy::Internal
