#include "live_run.h"

#include "engine/workspace/workspace.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>

namespace Torii::Gui {

LiveRun::LiveRun(QObject *parent) : QObject(parent) {}

LiveRun::~LiveRun()
{
    stop();
}

bool LiveRun::start(const Workspace::Workspace &workspace, QString *error)
{
    stop();
    if (workspace.fileCount() == 0) {
        *error = tr("Open a workspace with a Gateway first.");
        return false;
    }
    auto snapshot = std::make_unique<QTemporaryDir>();
    if (!snapshot->isValid()) {
        *error = tr("Cannot create a temporary folder: %1").arg(snapshot->errorString());
        return false;
    }
    for (int i = 0; i < workspace.fileCount(); ++i) {
        const QString path = snapshot->filePath(workspace.relativePath(i));
        QDir().mkpath(QFileInfo(path).path());
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(workspace.file(i).text.toUtf8()) < 0
            || !out.commit()) {
            *error = tr("Cannot write %1: %2").arg(path, out.errorString());
            return false;
        }
    }
    auto session = std::make_unique<Runtime::ServeSession>();
    Runtime::ServeOptions options;
    options.anyPort = m_anyPort;
    if (!session->start({snapshot->path().toStdString()}, options, error)) {
        return false;
    }
    m_snapshot = std::move(snapshot);
    m_session = std::move(session);
    Q_EMIT started();
    return true;
}

void LiveRun::stop()
{
    if (!m_session) {
        return;
    }
    m_session->stop();
    m_session.reset();
    m_snapshot.reset();
    Q_EMIT stopped();
}

std::vector<Runtime::ServedListener> LiveRun::listeners() const
{
    return m_session ? m_session->listeners() : std::vector<Runtime::ServedListener>{};
}

} // namespace Torii::Gui
