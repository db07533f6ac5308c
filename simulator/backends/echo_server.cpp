#include "echo_server.h"

#include "echo_connection.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <QCoreApplication>

namespace Torii::Backends::Internal {

EchoServer::EchoServer(EchoIdentity identity, std::shared_ptr<RequestLog> log,
                       std::shared_ptr<BehaviourControl> behaviour, QObject *parent)
    : QObject(parent)
    , m_identity(std::move(identity))
    , m_log(std::move(log))
    , m_behaviour(std::move(behaviour))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &EchoServer::acceptPending);
}

// The connections (children) go first, then the ledger and identity they point to.
EchoServer::~EchoServer()
{
    m_server->close();
    qDeleteAll(findChildren<EchoConnection *>(Qt::FindDirectChildrenOnly));
}

quint16 EchoServer::listen(quint16 port, QString *error)
{
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        //: %1 is the operating system's reason, e.g. "Address already in use"
        *error = QCoreApplication::translate("Backends", "Cannot listen on 127.0.0.1:%1: %2")
                     .arg(port)
                     .arg(m_server->errorString());
        return 0;
    }
    m_port = m_server->serverPort();
    if (m_behaviour && m_behaviour->behaviour().down) {
        m_server->close();
    } else if (m_behaviour) {
        m_behaviour->markUp();
    }
    return m_port;
}

bool EchoServer::setAccepting(bool accepting, QString *error)
{
    if (!accepting) {
        m_server->close();
        for (EchoConnection *connection :
             findChildren<EchoConnection *>(Qt::FindDirectChildrenOnly)) {
            connection->abortNow();
        }
        return true;
    }
    if (m_server->isListening()) {
        return true;
    }
    if (!m_server->listen(QHostAddress::LocalHost, m_port)) {
        *error = QCoreApplication::translate("Backends", "Cannot listen on 127.0.0.1:%1: %2")
                     .arg(m_port)
                     .arg(m_server->errorString());
        return false;
    }
    if (m_behaviour) {
        m_behaviour->markUp();
    }
    return true;
}

void EchoServer::acceptPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        // child: owned by this server
        new EchoConnection(socket, m_identity, &m_retries, m_log.get(), m_behaviour.get(), this);
    }
}

} // namespace Torii::Backends::Internal
