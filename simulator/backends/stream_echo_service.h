#pragma once

#include <QString>

#include <memory>
#include <string>
#include <vector>

// A mock Service behind a TCPRoute, UDPRoute or TLSRoute: N endpoints (the replicas of its
// Deployment), each with its own port and pod name (podName(service, index)), speaking what the
// conformance echo-basic (or coredns) pod speaks on that Service port:
// Tcp/TcpTls → StreamEchoServer TcpLines (TLS with the Deployment's certificate), Http → the
// HTTP echo (HttpEchoBackend, as a MockService), Https →
// HttpEchoBackend behind a StreamEchoServer HttpsRelay, Udp → UdpEchoServer Echo, Dns →
// UdpEchoServer Dns. The echo `service` field is the Service name (SERVICE_NAME in the manifests).
// Thread and ownership: one owning thread; owns its endpoints; the destructor stops them.
namespace Torii::Backends {

class MockService;
class StreamEchoServer;
class UdpEchoServer;

class StreamEchoService
{
public:
    enum class Kind { Tcp, TcpTls, Http, Https, Udp, Dns };
    // Precondition: replicas >= 0; a certificate and key (PEM) for TcpTls and Https.
    StreamEchoService(QString namespaceName, QString name, int replicas, Kind kind,
                      std::string certificatePem = {}, std::string privateKeyPem = {});
    ~StreamEchoService();
    StreamEchoService(const StreamEchoService &) = delete;
    StreamEchoService &operator=(const StreamEchoService &) = delete;

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
    std::string m_certificate;
    std::string m_key;
    std::unique_ptr<MockService> m_http; // Https: the plain echo behind the TLS relays
    std::vector<std::unique_ptr<StreamEchoServer>> m_streams;
    std::vector<std::unique_ptr<UdpEchoServer>> m_datagrams;
};

} // namespace Torii::Backends
