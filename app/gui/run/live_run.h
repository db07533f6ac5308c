#pragma once

// The studio's live gateway: what the workspace holds now (saved or not) served on 127.0.0.1 by
// a Runtime::ServeSession — the proxy per Gateway and a mock echo Service per backend. The
// workspace's texts are written to a private snapshot folder first, so unsaved edits are served
// and nothing is written into the workspace. The workspace's studio settings (torii.yaml) give
// the port map and the mock Services' behaviour at start.
//
// Starting a large design takes seconds (reading, the controller, binding every listener), so
// the toolbar uses startInBackground(): the snapshot is written on the GUI thread (the texts are
// in memory), the rest runs on a thread of its own, and started() or startFailed() arrive on the
// GUI thread. cancelStart() returns to "stopped" at once and tells the worker, which stops
// between its steps (after reading, before and after binding the listeners: see
// ServeOptions::cancel) and releases every port it bound before it reports; its result is
// dropped. start() does the same synchronously (tests, screenshots).
//
// Thread: the GUI thread; the gateways and backends answer on their own worker threads, so the
// GUI never waits on the network.

#include "app/runtime/serve_session.h"
#include "engine/workspace/studio_settings.h"

#include <QtCore/QObject>
#include <QtCore/QTemporaryDir>

#include <atomic>
#include <map>
#include <memory>
#include <thread>

namespace Torii::Workspace {
class Workspace;
}
namespace Torii::Backends {
struct BackendBehaviour;
}

namespace Torii::Gui {

class LiveRun : public QObject
{
    Q_OBJECT
public:
    explicit LiveRun(QObject *parent = nullptr);
    ~LiveRun() override;

    // Let the OS choose the local ports (tests, screenshots) instead of the fixed port map.
    void setAnyPort(bool anyPort) { m_anyPort = anyPort; }
    // Accept every GatewayClass, whatever its controllerName (the Lessons view: the guide's
    // classes belong to other controllers), as `toriictl serve --accept-all-classes`.
    void setAcceptAllClasses(bool on) { m_acceptAllClasses = on; }
    // Serve HTTPS listeners without a usable certificate with a leaf of the served snapshot's
    // development CA (as `toriictl serve --dev-ca`; the Lessons view: the guide's listeners name
    // Secrets it never defines). The session's developmentCa() is then the CA to trust.
    void setDevelopmentCa(bool on) { m_developmentCa = on; }

    bool start(const Workspace::Workspace &workspace, QString *error);
    // As start(), off the GUI thread: starting() now, then started() or startFailed(why).
    void startInBackground(const Workspace::Workspace &workspace);
    void cancelStart();
    void stop();
    bool isRunning() const { return m_session != nullptr; }
    bool isStarting() const { return m_activeJob != 0; }
    // Some background start, cancelled or not, has not reported yet (its ports may be bound).
    bool hasUnfinishedStarts() const { return !m_jobs.empty(); }

    // Only while running.
    const Runtime::ServeSession *session() const { return m_session.get(); }
    Runtime::ServeSession *session() { return m_session.get(); } // scenarios change its design
    std::vector<Runtime::ServedListener> listeners() const;
    // "namespace/name" of the mock Services running (empty when stopped).
    std::vector<std::string> mockServices() const;
    // Applies the behaviour to the running mock Service `settings.service` (every replica).
    // Empty on success, else why not (translated); not running is not an error.
    QString applyBackend(const Workspace::BackendSettings &settings);

    // The behaviour a BackendSettings stands for (fixed latency, errors with a status, down).
    static Backends::BackendBehaviour behaviourOf(const Workspace::BackendSettings &settings);

Q_SIGNALS:
    void starting();
    void started();
    void startFailed(const QString &why);
    void stopped();

private:
    struct Prepared;
    std::unique_ptr<Prepared> prepare(const Workspace::Workspace &workspace, QString *error) const;
    void adopt(std::unique_ptr<Prepared> prepared);
    void onBackgroundDone(quint64 job, bool ok, const QString &error);

    struct StartJob
    {
        std::thread thread;
        std::unique_ptr<Prepared> prepared; // used by `thread` until it reports
        std::shared_ptr<std::atomic<bool>> cancel;
    };
    bool m_anyPort = false;
    bool m_acceptAllClasses = false;
    bool m_developmentCa = false;
    quint64 m_lastJob = 0;
    quint64 m_activeJob = 0; // 0: none; a cancelled job reports to nobody
    std::map<quint64, StartJob> m_jobs;
    std::unique_ptr<QTemporaryDir> m_snapshot;
    std::unique_ptr<Runtime::ServeSession> m_session;
};

} // namespace Torii::Gui
