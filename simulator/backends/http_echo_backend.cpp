#include "http_echo_backend.h"

#include "echo_server.h"

#include <QThread>

#include <QCoreApplication>
#include <future>

namespace Torii::Backends {

namespace {

// The worker: builds the server in its own thread (so the listener and every socket belong to
// it), reports the bound port, then runs the thread's event loop until quit().
class EchoThread : public QThread
{
public:
    EchoThread(EchoIdentity identity, quint16 port, std::shared_ptr<RequestLog> log,
               std::shared_ptr<BehaviourControl> behaviour,
               std::shared_ptr<std::promise<StartResult>> bound)
        : m_identity(std::move(identity))
        , m_port(port)
        , m_log(std::move(log))
        , m_behaviour(std::move(behaviour))
        , m_bound(std::move(bound))
    {}

    // The server, from when start() has the bound port until the thread ends.
    Internal::EchoServer *server() const { return m_server; }

protected:
    void run() override
    {
        Internal::EchoServer server(m_identity, m_log, m_behaviour);
        m_server = &server; // published to start() by the promise below
        StartResult result;
        result.port = server.listen(m_port, &result.error);
        const bool ok = result.ok();
        m_bound->set_value(std::move(result));
        if (ok) {
            exec(); // returns at once if quit() came first
        }
    }

private:
    const EchoIdentity m_identity;
    const quint16 m_port;
    std::shared_ptr<RequestLog> m_log;
    std::shared_ptr<BehaviourControl> m_behaviour;
    Internal::EchoServer *m_server = nullptr;
    std::shared_ptr<std::promise<StartResult>> m_bound; // shared: start() may stop waiting first
};

} // namespace

HttpEchoBackend::HttpEchoBackend(EchoIdentity identity)
    : m_identity(std::move(identity))
{}

HttpEchoBackend::~HttpEchoBackend()
{
    stop();
}

StartResult HttpEchoBackend::start(quint16 port)
{
    if (m_thread) {
        return {m_port, QCoreApplication::translate("Backends", "The backend is already running.")};
    }
    auto bound = std::make_shared<std::promise<StartResult>>();
    std::future<StartResult> future = bound->get_future();
    auto thread = std::make_unique<EchoThread>(m_identity, port, m_log, m_behaviour, bound);
    EchoThread *worker = thread.get();
    m_thread = std::move(thread);
    m_thread->setObjectName(QStringLiteral("echo ") + m_identity.pod);
    m_thread->start();
    StartResult result = future.get();
    if (!result.ok()) {
        m_thread->wait(); // run() returned without an event loop
        m_thread.reset();
        return result;
    }
    m_port = result.port;
    m_server = worker->server();
    return result;
}

QString HttpEchoBackend::setBehaviour(const BackendBehaviour &behaviour)
{
    if (QString why = behaviour.validate(); !why.isEmpty()) {
        return why;
    }
    const bool downChanged = m_behaviour->set(behaviour);
    if (!downChanged || !m_thread || !m_server) {
        return {};
    }
    QString error;
    Internal::EchoServer *server = m_server;
    const bool accepting = !behaviour.down;
    // Blocking: when this returns the listener is closed (or open) for real. The worker never
    // waits for the owner thread, so this cannot deadlock.
    QMetaObject::invokeMethod(
        server, [server, accepting, &error] { server->setAccepting(accepting, &error); },
        Qt::BlockingQueuedConnection);
    return error;
}

void HttpEchoBackend::stop()
{
    if (!m_thread) {
        return;
    }
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_server = nullptr;
    m_port = 0;
}

} // namespace Torii::Backends
