#include "protocol_echo_service.h"

#include "echo_identity.h"
#include "grpc_echo_server.h"
#include "h2c_echo_server.h"

namespace Torii::Backends {

ProtocolEchoService::ProtocolEchoService(QString namespaceName, QString name, int replicas,
                                         Kind kind)
    : m_namespace(std::move(namespaceName))
    , m_name(std::move(name))
    , m_replicas(replicas)
    , m_kind(kind)
{}

ProtocolEchoService::~ProtocolEchoService()
{
    stop();
}

std::string ProtocolEchoService::start()
{
    stop();
    for (int i = 0; i < m_replicas; ++i) {
        const EchoIdentity identity = replicaIdentity(m_namespace, m_name, i);
        std::string why;
        if (m_kind == Kind::Grpc) {
            m_grpc.push_back(std::make_unique<GrpcEchoServer>(identity));
            why = m_grpc.back()->start();
        } else {
            m_h2c.push_back(std::make_unique<H2cEchoServer>(identity));
            why = m_h2c.back()->start();
        }
        if (!why.empty()) {
            stop();
            return why;
        }
    }
    return {};
}

void ProtocolEchoService::stop()
{
    m_grpc.clear(); // each stops in its destructor
    m_h2c.clear();
}

std::vector<quint16> ProtocolEchoService::ports() const
{
    std::vector<quint16> out;
    for (const auto &server : m_grpc) {
        out.push_back(server->port());
    }
    for (const auto &server : m_h2c) {
        out.push_back(server->port());
    }
    return out;
}

} // namespace Torii::Backends
