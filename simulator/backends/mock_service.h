#pragma once

#include "http_echo_backend.h"

#include <QList>
#include <QString>
#include <memory>
#include <string_view>
#include <vector>

// A mock Service: N echo endpoints (the replicas of its Deployment), each a HttpEchoBackend with
// its own port, pod name (podName(service, index)) and /retry/ memory, as real pods have.
namespace Torii::Backends {

// Thread and ownership: as HttpEchoBackend (one owning thread; owns its endpoints).
class MockService
{
public:
    // Precondition: replicas >= 0.
    MockService(QString namespaceName, QString name, int replicas);
    ~MockService();
    MockService(const MockService &) = delete;
    MockService &operator=(const MockService &) = delete;

    // Starts every endpoint on a port chosen by the OS. On the first failure the ones already
    // started are stopped and that error is returned (port 0). On success `port` is the first
    // endpoint's.
    StartResult start();
    void stop();

    const QString &namespaceName() const { return m_namespace; }
    const QString &name() const { return m_name; }
    int replicaCount() const { return int(m_endpoints.size()); }
    // Endpoint `index`; precondition 0 <= index < replicaCount().
    const HttpEchoBackend &endpoint(int index) const { return *m_endpoints[std::size_t(index)]; }
    HttpEchoBackend &endpoint(int index) { return *m_endpoints[std::size_t(index)]; }
    // The same behaviour on every replica, each with its own random stream (the seed mixed with
    // the replica index). Returns the first error (translated), empty on success.
    QString setBehaviour(const BackendBehaviour &behaviour);
    // One replica's behaviour; precondition 0 <= index < replicaCount().
    QString setEndpointBehaviour(int index, const BackendBehaviour &behaviour);
    // The endpoints' ports in replica order (0 for a stopped endpoint).
    QList<quint16> ports() const;
    // How many requests with exactly this target (path and query) the replicas have echoed, in
    // total (their RequestLogs). Any thread.
    int echoedRequests(std::string_view target) const;

private:
    QString m_namespace;
    QString m_name;
    std::vector<std::unique_ptr<HttpEchoBackend>> m_endpoints;
};

} // namespace Torii::Backends
