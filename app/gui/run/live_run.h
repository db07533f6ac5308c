#pragma once

// The studio's live gateway: what the workspace holds now (saved or not) served on 127.0.0.1 by
// a Runtime::ServeSession — the proxy per Gateway and a mock echo Service per backend. The
// workspace's texts are written to a private snapshot folder first, so unsaved edits are served
// and nothing is written into the workspace.
//
// Thread: the GUI thread (ServeSession's rule); the gateways and backends answer on their own
// worker threads, so the GUI never waits on the network.

#include "app/runtime/serve_session.h"

#include <QtCore/QObject>
#include <QtCore/QTemporaryDir>

#include <memory>

namespace Torii::Workspace {
class Workspace;
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

    bool start(const Workspace::Workspace &workspace, QString *error);
    void stop();
    bool isRunning() const { return m_session != nullptr; }

    // Only while running.
    const Runtime::ServeSession *session() const { return m_session.get(); }
    std::vector<Runtime::ServedListener> listeners() const;

Q_SIGNALS:
    void started();
    void stopped();

private:
    bool m_anyPort = false;
    std::unique_ptr<QTemporaryDir> m_snapshot;
    std::unique_ptr<Runtime::ServeSession> m_session;
};

} // namespace Torii::Gui
