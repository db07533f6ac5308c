#include "workspace.h"

#include "engine/yaml/resource_reader.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QSaveFile>
#include <QtCore/QThreadPool>

#include <algorithm>

namespace Torii::Workspace {

namespace {

const QLatin1String kStateDir(".torii");

bool readWholeFile(const QString &path, QString *text)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    *text = QString::fromUtf8(file.readAll());
    return true;
}

bool isYamlFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("yaml") || suffix == QLatin1String("yml")
           || suffix == QLatin1String("json");
}

} // namespace

Analysis analyzeText(const QString &text, const QString &fileName, const Checker &checker)
{
    Analysis analysis;
    const QByteArray utf8 = text.toUtf8();
    Yaml::ReadResult read = Yaml::readText(std::string_view(utf8.constData(), utf8.size()),
                                           fileName.toStdString());
    analysis.unreadable = read.fatal;
    analysis.diagnostics = std::move(read.diagnostics);
    if (checker) {
        for (Core::Diagnostic &d : checker(read.resources)) {
            analysis.diagnostics.push_back(std::move(d));
        }
    }
    std::stable_sort(analysis.diagnostics.begin(), analysis.diagnostics.end(),
                     [](const Core::Diagnostic &a, const Core::Diagnostic &b) {
                         return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    analysis.resources = std::move(read.resources);
    return analysis;
}

Workspace::Workspace(QObject *parent) : QObject(parent)
{
    m_analysisTimer.setSingleShot(true);
    m_analysisTimer.setInterval(300);
    connect(&m_analysisTimer, &QTimer::timeout, this, [this] {
        const std::vector<int> pending = std::exchange(m_pendingAnalysis, {});
        for (int index : pending) {
            startAnalysis(index);
        }
    });
    m_journalTimer.setSingleShot(true);
    m_journalTimer.setInterval(1000);
    connect(&m_journalTimer, &QTimer::timeout, this, &Workspace::flushJournal);
    m_periodicJournal.setInterval(5000);
    connect(&m_periodicJournal, &QTimer::timeout, this, &Workspace::flushJournal);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &Workspace::onDiskChange);
}

Workspace::~Workspace() = default;

void Workspace::setDelays(int analysisMs, int journalMs, int periodicJournalMs)
{
    m_analysisTimer.setInterval(analysisMs);
    m_journalTimer.setInterval(journalMs);
    m_periodicJournal.setInterval(periodicJournalMs);
}

bool Workspace::open(const QStringList &paths, QString *error)
{
    LoadedWorkspace loaded;
    if (!load(paths, m_checker, &loaded, error)) {
        return false;
    }
    adopt(std::move(loaded));
    return true;
}

bool Workspace::load(const QStringList &paths, const Checker &checker, LoadedWorkspace *loaded,
                     QString *error, const std::atomic<bool> *cancel,
                     const std::function<void(const LoadProgress &)> &progress)
{
    if (paths.isEmpty()) {
        *error = tr("Nothing to open: name a folder or YAML files.");
        return false;
    }
    QStringList files;
    QString root;
    for (const QString &p : paths) {
        const QFileInfo info(p);
        if (!info.exists()) {
            *error = tr("%1: no such file or folder").arg(p);
            return false;
        }
        if (info.isDir()) {
            if (paths.size() > 1) {
                *error = tr("Open one folder, or a list of files, not both.");
                return false;
            }
            root = info.canonicalFilePath();
            QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QString rel = QDir(root).relativeFilePath(path);
                if (!rel.startsWith(kStateDir + QLatin1Char('/')) && isYamlFile(path)
                    && rel != QLatin1String(kStudioSettingsFileName)) { // settings, not objects
                    files << QFileInfo(path).canonicalFilePath();
                }
            }
            files.sort();
        } else {
            if (root.isEmpty()) {
                root = info.canonicalPath();
            }
            files << info.canonicalFilePath();
        }
    }
    files.removeDuplicates();
    auto cancelled = [cancel] { return cancel && cancel->load(); };
    LoadProgress done;
    done.fileCount = static_cast<int>(files.size());
    loaded->root = root;
    loaded->files.clear();
    loaded->files.reserve(files.size());
    for (const QString &path : files) {
        if (cancelled()) {
            return false;
        }
        WorkspaceFile f;
        f.path = path;
        readWholeFile(path, &f.diskText);
        f.text = f.diskText;
        f.analysis = analyzeText(f.text, f.path, checker);
        done.objects += static_cast<int>(f.analysis.resources.size());
        ++done.filesDone;
        loaded->files.push_back(std::move(f));
        if (progress) {
            progress(done);
        }
    }
    if (cancelled()) {
        return false;
    }
    StudioSettingsRead settings = readStudioSettings(studioSettingsPath(root));
    loaded->settings = std::move(settings.settings);
    loaded->settingsDiagnostics = std::move(settings.diagnostics);
    return true;
}

void Workspace::adopt(LoadedWorkspace loaded)
{
    close();
    m_root = std::move(loaded.root);
    m_files = std::move(loaded.files);
    QStringList watched;
    for (const WorkspaceFile &f : m_files) {
        watched << f.path;
    }
    if (!watched.isEmpty()) {
        m_watcher.addPaths(watched);
    }
    m_settings = std::move(loaded.settings);
    m_settingsDiagnostics = std::move(loaded.settingsDiagnostics);
    findRecoveries();
    m_periodicJournal.start();
    for (int i = 0; i < fileCount(); ++i) {
        Q_EMIT analysisChanged(i);
    }
    Q_EMIT opened();
}

void Workspace::close()
{
    for (int i = 0; i < fileCount(); ++i) {
        removeJournal(i);
    }
    if (!m_watcher.files().isEmpty()) {
        m_watcher.removePaths(m_watcher.files());
    }
    m_files.clear();
    m_recoveries.clear();
    m_pendingAnalysis.clear();
    m_analysisTimer.stop();
    m_journalTimer.stop();
    m_periodicJournal.stop();
    m_root.clear();
    m_settings = {};
    m_settingsDiagnostics.clear();
}

QString Workspace::recoveryDir() const
{
    return m_root + QLatin1Char('/') + kStateDir + QLatin1String("/recovery");
}

int Workspace::indexOf(const QString &path) const
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    for (int i = 0; i < fileCount(); ++i) {
        if (m_files[static_cast<std::size_t>(i)].path == canonical
            || m_files[static_cast<std::size_t>(i)].path == path) {
            return i;
        }
    }
    return -1;
}

QString Workspace::relativePath(int index) const
{
    return QDir(m_root).relativeFilePath(file(index).path);
}

bool Workspace::hasUnsavedChanges() const
{
    return std::any_of(m_files.begin(), m_files.end(),
                       [](const WorkspaceFile &f) { return f.isModified(); });
}

std::vector<Model::Resource> Workspace::allResources() const
{
    std::vector<Model::Resource> all;
    for (const WorkspaceFile &f : m_files) {
        all.insert(all.end(), f.analysis.resources.begin(), f.analysis.resources.end());
    }
    return all;
}

Core::Diagnostics Workspace::allDiagnostics() const
{
    Core::Diagnostics all;
    for (const WorkspaceFile &f : m_files) {
        all.insert(all.end(), f.analysis.diagnostics.begin(), f.analysis.diagnostics.end());
    }
    all.insert(all.end(), m_settingsDiagnostics.begin(), m_settingsDiagnostics.end());
    return all;
}

bool Workspace::setStudioSettings(const StudioSettings &settings, QString *error)
{
    if (!isOpen()) {
        *error = tr("No workspace is open.");
        return false;
    }
    if (!writeStudioSettings(studioSettingsPath(m_root), settings, error)) {
        return false;
    }
    m_settings = settings;
    m_settingsDiagnostics.clear(); // the file is now ours, written whole
    Q_EMIT studioSettingsChanged();
    return true;
}

void Workspace::setText(int index, const QString &text)
{
    WorkspaceFile &f = m_files.at(static_cast<std::size_t>(index));
    if (f.text == text) {
        return;
    }
    const bool wasModified = f.isModified();
    f.text = text;
    ++f.revision;
    if (wasModified != f.isModified()) {
        Q_EMIT modifiedChanged(index, f.isModified());
    }
    scheduleAnalysis(index);
    m_journalTimer.start();
}

void Workspace::setFileText(int index, const QString &text)
{
    WorkspaceFile &f = m_files.at(static_cast<std::size_t>(index));
    const bool wasModified = f.isModified();
    f.text = text;
    ++f.revision;
    analyzeNow(index);
    Q_EMIT textChanged(index);
    if (wasModified != f.isModified()) {
        Q_EMIT modifiedChanged(index, f.isModified());
    }
}

void Workspace::scheduleAnalysis(int index)
{
    if (std::find(m_pendingAnalysis.begin(), m_pendingAnalysis.end(), index)
        == m_pendingAnalysis.end()) {
        m_pendingAnalysis.push_back(index);
    }
    m_analysisTimer.start();
}

void Workspace::startAnalysis(int index)
{
    if (index >= fileCount()) {
        return;
    }
    const WorkspaceFile &f = file(index);
    const quint64 revision = f.revision;
    const QString text = f.text;
    const QString path = f.path;
    const Checker checker = m_checker;
    QPointer<Workspace> self(this);
    QThreadPool::globalInstance()->start([self, index, revision, text, path, checker] {
        Analysis analysis = analyzeText(text, path, checker);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, index, revision, analysis = std::move(analysis)]() mutable {
                if (self) {
                    self->applyAnalysis(index, revision, std::move(analysis));
                }
            },
            Qt::QueuedConnection);
    });
}

void Workspace::analyzeNow(int index)
{
    WorkspaceFile &f = m_files.at(static_cast<std::size_t>(index));
    applyAnalysis(index, f.revision, analyzeText(f.text, f.path, m_checker));
}

void Workspace::applyAnalysis(int index, quint64 revision, Analysis analysis)
{
    if (index >= fileCount()) {
        return;
    }
    WorkspaceFile &f = m_files[static_cast<std::size_t>(index)];
    if (revision != f.revision) {
        return; // a newer edit is being analyzed
    }
    f.analysis = std::move(analysis);
    f.analyzedRevision = revision;
    Q_EMIT analysisChanged(index);
}

QString Workspace::journalPathFor(int index) const
{
    const QByteArray key =
        QCryptographicHash::hash(relativePath(index).toUtf8(), QCryptographicHash::Sha1).toHex();
    return recoveryDir() + QLatin1Char('/') + QString::fromLatin1(key.left(20))
           + QLatin1String(".json");
}

bool Workspace::writeJournal(int index)
{
    WorkspaceFile &f = m_files.at(static_cast<std::size_t>(index));
    if (!QDir().mkpath(recoveryDir())) {
        return false;
    }
    QJsonObject entry;
    entry.insert(QStringLiteral("path"), relativePath(index));
    entry.insert(QStringLiteral("journaledAt"), QDateTime::currentMSecsSinceEpoch());
    entry.insert(QStringLiteral("text"), f.text);
    QSaveFile out(journalPathFor(index));
    if (!out.open(QIODevice::WriteOnly)) {
        return false;
    }
    out.write(QJsonDocument(entry).toJson(QJsonDocument::Compact));
    if (!out.commit()) {
        return false;
    }
    f.journaledRevision = f.revision;
    return true;
}

void Workspace::removeJournal(int index)
{
    QFile::remove(journalPathFor(index));
    m_files.at(static_cast<std::size_t>(index)).journaledRevision = file(index).revision;
}

void Workspace::flushJournal()
{
    for (int i = 0; i < fileCount(); ++i) {
        const WorkspaceFile &f = file(i);
        if (f.journaledRevision == f.revision) {
            continue;
        }
        if (f.isModified()) {
            writeJournal(i);
        } else {
            removeJournal(i);
        }
    }
}

void Workspace::findRecoveries()
{
    m_recoveries.clear();
    for (int i = 0; i < fileCount(); ++i) {
        const QString journal = journalPathFor(i);
        QFile in(journal);
        if (!in.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QJsonObject entry = QJsonDocument::fromJson(in.readAll()).object();
        in.close();
        Recovery r;
        r.fileIndex = i;
        r.journalPath = journal;
        r.journaledAt = QDateTime::fromMSecsSinceEpoch(
            entry.value(QStringLiteral("journaledAt")).toInteger());
        r.text = entry.value(QStringLiteral("text")).toString();
        const QDateTime fileTime = QFileInfo(file(i).path).lastModified();
        const bool sameFile = entry.value(QStringLiteral("path")).toString() == relativePath(i);
        if (sameFile && r.journaledAt >= fileTime && r.text != file(i).diskText) {
            m_recoveries << r;
        } else {
            QFile::remove(journal); // saved since, or edited on disk after: nothing to recover
        }
    }
}

void Workspace::applyRecovery(const Recovery &recovery)
{
    if (recovery.fileIndex < 0 || recovery.fileIndex >= fileCount()) {
        return;
    }
    m_recoveries.removeIf([&](const Recovery &r) { return r.journalPath == recovery.journalPath; });
    setFileText(recovery.fileIndex, recovery.text);
    writeJournal(recovery.fileIndex);
}

void Workspace::discardRecovery(const Recovery &recovery)
{
    m_recoveries.removeIf([&](const Recovery &r) { return r.journalPath == recovery.journalPath; });
    QFile::remove(recovery.journalPath);
}

bool Workspace::save(int index, QString *error)
{
    WorkspaceFile &f = m_files.at(static_cast<std::size_t>(index));
    QSaveFile out(f.path);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = tr("%1: cannot write: %2").arg(f.path, out.errorString());
        return false;
    }
    out.write(f.text.toUtf8());
    if (!out.commit()) {
        *error = tr("%1: cannot write: %2").arg(f.path, out.errorString());
        return false;
    }
    const bool wasModified = f.isModified();
    f.diskText = f.text;
    f.changedOnDisk = false;
    removeJournal(index);
    // The rename replaced the watched inode: watch the new file.
    if (!m_watcher.files().contains(f.path)) {
        m_watcher.addPath(f.path);
    }
    if (wasModified) {
        Q_EMIT modifiedChanged(index, false);
    }
    Q_EMIT fileSaved(index);
    return true;
}

bool Workspace::saveAll(QString *error)
{
    for (int i = 0; i < fileCount(); ++i) {
        if (file(i).isModified() && !save(i, error)) {
            return false;
        }
    }
    return true;
}

void Workspace::onDiskChange(const QString &path)
{
    const int index = indexOf(path);
    if (index < 0) {
        return;
    }
    WorkspaceFile &f = m_files[static_cast<std::size_t>(index)];
    if (!m_watcher.files().contains(f.path) && QFileInfo::exists(f.path)) {
        m_watcher.addPath(f.path); // replaced by a rename (editors, git): keep watching
    }
    QString onDisk;
    if (!readWholeFile(f.path, &onDisk) || onDisk == f.diskText) {
        return; // removed (kept in the editor), or our own save
    }
    if (!f.isModified()) {
        f.diskText = onDisk;
        setFileText(index, onDisk);
        return;
    }
    f.changedOnDisk = true;
    Q_EMIT fileChangedOnDisk(index);
}

void Workspace::reloadFromDisk(int index)
{
    WorkspaceFile &f = m_files.at(static_cast<std::size_t>(index));
    QString onDisk;
    if (!readWholeFile(f.path, &onDisk)) {
        return;
    }
    f.diskText = onDisk;
    f.changedOnDisk = false;
    removeJournal(index);
    setFileText(index, onDisk);
    Q_EMIT modifiedChanged(index, false);
}

void Workspace::keepEdits(int index)
{
    WorkspaceFile &f = m_files.at(static_cast<std::size_t>(index));
    QString onDisk;
    if (readWholeFile(f.path, &onDisk)) {
        f.diskText = onDisk; // the edits stay unsaved against the new disk text
    }
    f.changedOnDisk = false;
}

} // namespace Torii::Workspace
