#pragma once

#include "echo_identity.h"
#include "echo_router.h"

#include <QObject>
#include <QString>

QT_BEGIN_NAMESPACE
class QTcpServer;
QT_END_NAMESPACE

namespace Torii::Backends::Internal {

// The listening half of one echo endpoint: a QTcpServer on 127.0.0.1 whose accepted sockets
// become EchoConnections. Thread: created, used and destroyed in the endpoint's worker thread
// (so every socket is created in the thread that uses it). Ownership: owns the QTcpServer and the
// connections (QObject children) and the RetryLedger they share.
class EchoServer : public QObject
{
    Q_OBJECT
public:
    explicit EchoServer(EchoIdentity identity, QObject *parent = nullptr);
    ~EchoServer() override;

    // Listens on 127.0.0.1:`port` (0: the OS chooses). Returns the bound port, or 0 with
    // `error` set.
    quint16 listen(quint16 port, QString *error);

private:
    void acceptPending();

    EchoIdentity m_identity;
    RetryLedger m_retries;
    QTcpServer *m_server; // owned (QObject child)
};

} // namespace Torii::Backends::Internal
