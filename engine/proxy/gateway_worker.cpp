#include "gateway_worker.h"

#include "client_connection.h"
#include "upstream_pool.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <QHostAddress>
#include <random>

namespace Torii::Proxy::Internal {

GatewayWorker::GatewayWorker(const GatewayConfig &config, std::shared_ptr<SharedState> shared)
    : m_config(config)
{
    m_context.shared = std::move(shared);
    m_context.limits = config.limits;
    m_context.onEvent = config.onEvent;
    m_context.random = config.random;
    if (!m_context.random) {
        auto engine = std::make_shared<std::mt19937>(std::random_device{}());
        m_context.random = [engine] {
            return std::uniform_real_distribution<double>(0.0, 1.0)(*engine);
        };
    }
    m_context.pool =
        new UpstreamPool(config.limits, config.connectTimeout, config.maxIdlePerEndpoint, this);
}

// Connections go first (they use the pool and the context), then the pool and the listeners.
GatewayWorker::~GatewayWorker()
{
    for (QTcpServer *server : m_servers) {
        server->close();
    }
    qDeleteAll(findChildren<ClientConnection *>(Qt::FindDirectChildrenOnly));
}

bool GatewayWorker::listen(std::map<int, quint16> *bound, std::string *error)
{
    for (const ListenerConfig &listener : m_config.listeners) {
        auto *server = new QTcpServer(this);
        m_servers.push_back(server);
        const QHostAddress address(QString::fromStdString(listener.bindAddress));
        if (address.isNull() || !server->listen(address, listener.localPort)) {
            if (error) {
                *error = "cannot listen on " + listener.bindAddress + ':' +
                         std::to_string(listener.localPort) + " for gateway port " +
                         std::to_string(listener.gatewayPort) + ": " +
                         (address.isNull() ? std::string("not an IP address")
                                           : server->errorString().toStdString());
            }
            for (QTcpServer *s : m_servers) {
                s->close();
            }
            bound->clear();
            return false;
        }
        (*bound)[listener.gatewayPort] = server->serverPort();
        const int gatewayPort = listener.gatewayPort;
        connect(server, &QTcpServer::newConnection, this,
                [this, server, gatewayPort] { acceptPending(server, gatewayPort); });
    }
    return true;
}

void GatewayWorker::acceptPending(QTcpServer *server, int gatewayPort)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        new ClientConnection(socket, gatewayPort, &m_context, this); // child: owned
    }
}

} // namespace Torii::Proxy::Internal
