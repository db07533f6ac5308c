#include "live_run.h"

#include "engine/workspace/workspace.h"
#include "simulator/backends/backend_behaviour.h"
#include "simulator/backends/mock_service.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>

#include <algorithm>
#include <set>

namespace Torii::Gui {

struct LiveRun::Prepared
{
    std::unique_ptr<QTemporaryDir> snapshot;
    std::unique_ptr<Runtime::ServeSession> session;
    Runtime::ServeOptions options;
    std::vector<Workspace::BackendSettings> backends;
};

LiveRun::LiveRun(QObject *parent) : QObject(parent) {}

LiveRun::~LiveRun()
{
    for (auto &[id, job] : m_jobs) {
        *job.cancel = true;
        job.thread.join(); // the session it made is stopped by its destructor
    }
    stop();
}

Backends::BackendBehaviour LiveRun::behaviourOf(const Workspace::BackendSettings &settings)
{
    Backends::BackendBehaviour b;
    if (settings.latencyMs > 0.0) {
        b.latency.kind = Backends::LatencyDistribution::Kind::Fixed;
        b.latency.a = settings.latencyMs;
    }
    b.errorRate = settings.errorRate;
    b.errorStatus = settings.errorStatus;
    b.failure = Backends::FailureMode::Status;
    b.down = settings.down;
    return b;
}

std::unique_ptr<LiveRun::Prepared> LiveRun::prepare(const Workspace::Workspace &workspace, QString *error) const
{
    if (workspace.fileCount() == 0) {
        *error = tr("Open a workspace with a Gateway first.");
        return nullptr;
    }
    auto prepared = std::make_unique<Prepared>();
    prepared->snapshot = std::make_unique<QTemporaryDir>();
    if (!prepared->snapshot->isValid()) {
        *error = tr("Cannot create a temporary folder: %1").arg(prepared->snapshot->errorString());
        return nullptr;
    }
    for (int i = 0; i < workspace.fileCount(); ++i) {
        const QString path = prepared->snapshot->filePath(workspace.relativePath(i));
        QDir().mkpath(QFileInfo(path).path());
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(workspace.file(i).text.toUtf8()) < 0
            || !out.commit()) {
            *error = tr("Cannot write %1: %2").arg(path, out.errorString());
            return nullptr;
        }
    }
    prepared->session = std::make_unique<Runtime::ServeSession>();
    prepared->options.anyPort = m_anyPort;
    prepared->options.controller.acceptAllClasses = m_acceptAllClasses;
    prepared->options.developmentCa = m_developmentCa;
    for (const Workspace::PortOverride &p : workspace.studioSettings().ports) {
        prepared->options.portMap[{p.gateway, p.port}] = quint16(p.localPort);
    }
    prepared->backends = workspace.studioSettings().backends;
    return prepared;
}

void LiveRun::adopt(std::unique_ptr<Prepared> prepared)
{
    m_snapshot = std::move(prepared->snapshot);
    m_session = std::move(prepared->session);
    for (const Workspace::BackendSettings &b : prepared->backends) {
        applyBackend(b); // a Service no route uses is not running: nothing to apply
    }
    Q_EMIT started();
}

bool LiveRun::start(const Workspace::Workspace &workspace, QString *error)
{
    stop();
    std::unique_ptr<Prepared> prepared = prepare(workspace, error);
    if (!prepared) {
        return false;
    }
    if (!prepared->session->start({prepared->snapshot->path().toStdString()}, prepared->options, error)) {
        return false;
    }
    adopt(std::move(prepared));
    return true;
}

void LiveRun::startInBackground(const Workspace::Workspace &workspace)
{
    if (isStarting()) {
        return;
    }
    stop();
    QString error;
    std::unique_ptr<Prepared> prepared = prepare(workspace, &error);
    if (!prepared) {
        Q_EMIT startFailed(error);
        return;
    }
    const quint64 id = ++m_lastJob;
    m_activeJob = id;
    StartJob &job = m_jobs[id];
    job.prepared = std::move(prepared);
    job.cancel = std::make_shared<std::atomic<bool>>(false);
    job.prepared->options.cancel = job.cancel.get();
    Q_EMIT starting();
    Prepared *work = job.prepared.get();
    job.thread = std::thread([this, id, work, cancel = job.cancel] {
        QString why;
        bool ok = work->session->start({work->snapshot->path().toStdString()}, work->options, &why);
        if (*cancel) {
            // Cancelled while the last step ran: free the ports here and now, not when the GUI
            // thread gets to the report.
            work->session->stop();
            ok = false;
        }
        // Queued to this object: dropped if it is gone (its destructor joins this thread first).
        QMetaObject::invokeMethod(this, [this, id, ok, why] { onBackgroundDone(id, ok, why); }, Qt::QueuedConnection);
    });
}

void LiveRun::onBackgroundDone(quint64 id, bool ok, const QString &error)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end()) {
        return;
    }
    it->second.thread.join();
    std::unique_ptr<Prepared> prepared = std::move(it->second.prepared);
    m_jobs.erase(it);
    if (id != m_activeJob) {
        return; // cancelled: stopped() was emitted then; the session is stopped with `prepared`
    }
    m_activeJob = 0;
    if (!ok) {
        Q_EMIT startFailed(error);
        return;
    }
    adopt(std::move(prepared));
}

void LiveRun::cancelStart()
{
    if (!isStarting()) {
        return;
    }
    if (const auto it = m_jobs.find(m_activeJob); it != m_jobs.end()) {
        *it->second.cancel = true;
    }
    m_activeJob = 0;
    Q_EMIT stopped();
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

std::vector<std::string> LiveRun::mockServices() const
{
    std::vector<std::string> names;
    if (!m_session) {
        return names;
    }
    std::set<std::string> seen;
    for (const auto &[gateway, table] : m_session->status().controller.routeTables) {
        for (int port : table->ports()) {
            const auto view = table->listener(port); // a value: keep it alive while iterating
            for (const auto &host : view->hosts) {
                for (const RouteTable::HttpRoute *route : host.routes) {
                    for (const RouteTable::Backend &b : route->backends) {
                        const std::string name = b.ns + '/' + b.service;
                        if (seen.insert(name).second && m_session->mockService(name)) {
                            names.push_back(name);
                        }
                    }
                }
            }
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

QString LiveRun::applyBackend(const Workspace::BackendSettings &settings)
{
    if (!m_session) {
        return {};
    }
    Backends::MockService *service = m_session->mockService(settings.service);
    if (!service) {
        return {};
    }
    return service->setBehaviour(behaviourOf(settings));
}

} // namespace Torii::Gui
