#pragma once

#include "request_event.h"
#include "upstream_connection.h"

#include "engine/http/http1_codec.h"
#include "engine/routetable/route_table.h"

#include <QObject>
#include <chrono>
#include <memory>

QT_BEGIN_NAMESPACE
class QTcpSocket;
class QTimer;
QT_END_NAMESPACE

namespace Torii::Proxy::Internal {

struct LocalAnswer;
struct WorkerContext;

// One client connection on one listener: parses requests with the shared codec, routes each on
// the table snapshot current when its head arrives, and either answers locally or streams it to
// an upstream endpoint and streams the response back. Pipelined requests are handled one after
// the other, so answers leave in request order; the next request is not parsed until the current
// answer is complete.
// Thread: created, used and destroyed in the worker thread. Ownership: owns its socket, the
// upstream connection in use (QObject children) and the current exchange; owned by the
// GatewayWorker (QObject parent). Deletes itself (deleteLater) when the client goes away.
class ClientConnection : public QObject, private Http::RequestHandler, private UpstreamListener
{
    Q_OBJECT
public:
    ClientConnection(QTcpSocket *socket, int gatewayPort, WorkerContext *context, QObject *parent);
    ~ClientConnection() override;

private:
    struct Exchange;

    void processInput();
    void scheduleResume();
    void answerLocally(const LocalAnswer &answer);
    void answerProtocolError(const Http::Error &error);
    void finishExchange();
    void abortConnection();
    void onClientGone();
    void onTimeout();
    void releaseUpstream(bool reuse);
    void write(std::string_view bytes);

    // Http::RequestHandler
    void onHead(Http::RequestHead &&head) override;
    void onBody(std::string_view chunk) override;
    void onComplete(Http::Headers &&trailers) override;
    // UpstreamListener
    void upstreamHead(Http::ResponseHead &&head) override;
    void upstreamBody(std::string_view chunk) override;
    void upstreamComplete() override;
    void upstreamFailed(const std::string &reason) override;
    void upstreamWritable() override;

    QTcpSocket *m_socket; // owned (QObject child)
    QTimer *m_timer;      // owned (QObject child): the current exchange's timeout
    const int m_gatewayPort;
    WorkerContext *m_context; // not owned; outlives this connection
    std::string m_clientAddress;
    Http::RequestParser m_parser;
    QByteArray m_input; // client bytes not parsed yet
    std::unique_ptr<Exchange> m_current;
    bool m_processing = false;
    bool m_resumeQueued = false;
    bool m_closing = false;
};

} // namespace Torii::Proxy::Internal
