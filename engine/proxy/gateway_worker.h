#pragma once

#include "gateway_config.h"
#include "worker_context.h"

#include <QObject>
#include <map>
#include <memory>
#include <string>

QT_BEGIN_NAMESPACE
class QTcpServer;
QT_END_NAMESPACE

namespace Torii::Proxy::Internal {

class SharedState;

// The worker's root object: the listening sockets, the upstream pool and every client
// connection (QObject children). Thread: created, used and destroyed in the worker thread, so
// every socket lives in the thread that uses it (Qt's threaded fortune server).
class GatewayWorker : public QObject
{
    Q_OBJECT
public:
    GatewayWorker(const GatewayConfig &config, std::shared_ptr<SharedState> shared);
    ~GatewayWorker() override;

    // Binds every listener. On failure closes those already bound and returns false.
    bool listen(std::map<int, quint16> *bound, std::string *error);

private:
    void acceptPending(QTcpServer *server, int gatewayPort);

    GatewayConfig m_config;
    WorkerContext m_context;
    std::vector<QTcpServer *> m_servers; // owned (QObject children)
};

} // namespace Torii::Proxy::Internal
