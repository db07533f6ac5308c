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

int MockService::echoedRequests(std::string_view target) const
{
    int total = 0;
    for (const auto &endpoint : m_endpoints) {
        total += endpoint->requestLog().count(target);
    }
    return total;
}

QList<quint16> MockService::ports() const
{
    QList<quint16> out;
    for (const auto &endpoint : m_endpoints) {
        out.append(endpoint->port());
    }
    return out;
}

QString MockService::setBehaviour(const BackendBehaviour &behaviour)
{
    QString first;
    for (int index = 0; index < replicaCount(); ++index) {
        BackendBehaviour own = behaviour;
        own.seed = behaviour.seed * 0x9E3779B97F4A7C15ULL + std::uint64_t(index); // per replica
        QString why = m_endpoints[std::size_t(index)]->setBehaviour(own);
        if (first.isEmpty()) {
            first = std::move(why);
        }
    }
    return first;
}

QString MockService::setEndpointBehaviour(int index, const BackendBehaviour &behaviour)
{
    return m_endpoints[std::size_t(index)]->setBehaviour(behaviour);
}

} // namespace Torii::Backends
