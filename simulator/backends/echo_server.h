#pragma once

#include "backend_behaviour.h"
#include "echo_identity.h"
#include "echo_router.h"
#include "request_log.h"

#include <QObject>
#include <QString>
#include <memory>

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
    // `log` (may be null) receives the target of every echoed request; shared with the owner.
    // `behaviour` (may be null) shapes the echo answers and says whether the endpoint is down.
    explicit EchoServer(EchoIdentity identity, std::shared_ptr<RequestLog> log = nullptr,
                        std::shared_ptr<BehaviourControl> behaviour = nullptr,
                        QObject *parent = nullptr);
    ~EchoServer() override;

    // Listens on 127.0.0.1:`port` (0: the OS chooses). Returns the bound port, or 0 with
    // `error` set.
    // When the behaviour says down, the port is bound and then closed again (it is kept for up).
    quint16 listen(quint16 port, QString *error);
    // Down (false): closes the listening socket, so connections are refused, and resets the open
    // connections. Up (true): listens again on the same port; false with `error` if it cannot.
    bool setAccepting(bool accepting, QString *error);

private:
    void acceptPending();

    EchoIdentity m_identity;
    RetryLedger m_retries;
    std::shared_ptr<RequestLog> m_log;
    std::shared_ptr<BehaviourControl> m_behaviour; // may be null
    QTcpServer *m_server;                          // owned (QObject child)
    quint16 m_port = 0;                            // bound by listen(), kept while down
};

} // namespace Torii::Backends::Internal
