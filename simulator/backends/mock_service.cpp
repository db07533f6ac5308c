#include "mock_service.h"

namespace Torii::Backends {

MockService::MockService(QString namespaceName, QString name, int replicas)
    : m_namespace(std::move(namespaceName))
    , m_name(std::move(name))
{
    for (int index = 0; index < replicas; ++index) {
        m_endpoints.push_back(
            std::make_unique<HttpEchoBackend>(replicaIdentity(m_namespace, m_name, index)));
    }
}

MockService::~MockService()
{
    stop();
}

StartResult MockService::start()
{
    StartResult first;
    for (std::size_t i = 0; i < m_endpoints.size(); ++i) {
        StartResult result = m_endpoints[i]->start();
        if (!result.ok()) {
            stop();
            result.port = 0;
            return result;
        }
        if (i == 0) {
            first = result;
        }
    }
    return first;
}

void MockService::stop()
{
    for (const auto &endpoint : m_endpoints) {
        endpoint->stop();
    }
}

QList<quint16> MockService::ports() const
{
    QList<quint16> out;
    for (const auto &endpoint : m_endpoints) {
        out.append(endpoint->port());
    }
    return out;
}

} // namespace Torii::Backends
