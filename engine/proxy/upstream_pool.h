#pragma once

#include "engine/http/http1_codec.h"

#include <QObject>
#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace Torii::Proxy::Internal {

class UpstreamConnection;

// Idle keep-alive connections per endpoint, so consecutive requests skip the TCP handshake.
// Thread: the worker's. Ownership: owns the idle connections (QObject children); acquire() hands
// one to the caller's `owner`, release() takes it back or discards it.
// Known gap: a connection the endpoint closes at the moment it is reused fails that request
// (502); retrying it on a fresh connection is planned with HTTPRoute retries.
class UpstreamPool : public QObject
{
    Q_OBJECT
public:
    UpstreamPool(Http::Limits limits, std::chrono::milliseconds connectTimeout,
                 std::size_t maxIdlePerEndpoint, QObject *parent = nullptr);

    // An idle connection to `endpoint`, or a new one connecting to host:port; its parent becomes
    // `owner`.
    UpstreamConnection *acquire(const std::string &endpoint, const std::string &host, quint16 port,
                                QObject *owner);
    // Keeps `connection` idle when reusable and there is room, else deletes it later.
    void release(UpstreamConnection *connection);
    // Deletes it later, never reusing it.
    void discard(UpstreamConnection *connection);

private:
    void drop(UpstreamConnection *connection);

    Http::Limits m_limits;
    std::chrono::milliseconds m_connectTimeout;
    std::size_t m_maxIdle;
    std::map<std::string, std::vector<UpstreamConnection *>> m_idle; // children: owned
};

} // namespace Torii::Proxy::Internal
