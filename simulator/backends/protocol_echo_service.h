#pragma once

#include <QtCore/QtGlobal>

#include <QString>
#include <memory>
#include <string>
#include <vector>

// A mock Service port whose echo-basic pods speak HTTP/2 cleartext instead of HTTP/1.1: N
// endpoints (the replicas of its Deployment), each with its own port and pod name
// (podName(service, index)). Grpc → GrpcEchoServer (a Deployment with GRPC_ECHO_SERVER, or a
// GRPCRoute backend without a Deployment); H2c → H2cEchoServer (a Service port with appProtocol
// kubernetes.io/h2c). app/runtime's http_backends.h decides which.
// Thread and ownership: one owning thread; owns its endpoints; the destructor stops them.
namespace Torii::Backends {

class GrpcEchoServer;
class H2cEchoServer;

class ProtocolEchoService
{
public:
    enum class Kind { Grpc, H2c };
    // Precondition: replicas >= 0.
    ProtocolEchoService(QString namespaceName, QString name, int replicas, Kind kind);
    ~ProtocolEchoService();
    ProtocolEchoService(const ProtocolEchoService &) = delete;
    ProtocolEchoService &operator=(const ProtocolEchoService &) = delete;

    // Starts every endpoint on a port the OS chooses; on the first failure the others are
    // stopped and why is returned (English). Empty on success.
    std::string start();
    void stop();
    Kind kind() const { return m_kind; }
    int replicaCount() const { return m_replicas; }
    // The endpoints' ports in replica order (empty when stopped).
    std::vector<quint16> ports() const;

private:
    QString m_namespace;
    QString m_name;
    int m_replicas;
    Kind m_kind;
    std::vector<std::unique_ptr<GrpcEchoServer>> m_grpc;
    std::vector<std::unique_ptr<H2cEchoServer>> m_h2c;
};

} // namespace Torii::Backends
