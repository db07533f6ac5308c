#include "echo_server.h"

#include "echo_connection.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <QCoreApplication>

namespace Torii::Backends::Internal {

EchoServer::EchoServer(EchoIdentity identity, QObject *parent)
    : QObject(parent)
    , m_identity(std::move(identity))
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
    return m_server->serverPort();
}

void EchoServer::acceptPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        new EchoConnection(socket, m_identity, &m_retries, this); // child: owned by this server
    }
}

} // namespace Torii::Backends::Internal
