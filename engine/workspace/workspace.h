#pragma once

// A workspace: the YAML files the studio edits, each with its text, the objects parsed from it
// (with positions) and the diagnostics found in it; atomic saves, a journal of unsaved edits for
// crash recovery, and detection of changes made on disk by someone else.
//
// Thread: a Workspace lives on one thread (the GUI's) and needs its event loop (timers, the
// file watcher, the results of analysis done on a worker). analyzeText() is a pure function any
// thread may call; the Workspace runs it on QThreadPool and applies the result on its own thread
// (stale results, of a text that changed since, are dropped).
//
// Layering: the workspace reads YAML (engine/yaml) but does not know the validator; the caller
// injects a Checker (app/ gives Validation::validateAll) so this library stays below validation.

#include "engine/core/diagnostic.h"
#include "engine/workspace/studio_settings.h"
#include "engine/model/resource.h"

#include <QtCore/QDateTime>
#include <QtCore/QFileSystemWatcher>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QTimer>

#include <atomic>
#include <functional>
#include <vector>

namespace Torii::Workspace {

// Checks the objects of one file (must be thread-safe: it runs on worker threads).
using Checker = std::function<Core::Diagnostics(const std::vector<Model::Resource> &)>;

// What one text holds: its objects and everything wrong with it, sorted by line and column.
struct Analysis
{
    std::vector<Model::Resource> resources;
    Core::Diagnostics diagnostics;
    bool unreadable = false; // the text could not be parsed at all
};

// Parses `text` (named `fileName` in the diagnostics and sources) and runs `checker` on the
// objects. Any thread.
Analysis analyzeText(const QString &text, const QString &fileName, const Checker &checker = {});

struct WorkspaceFile
{
    QString path;      // absolute
    QString text;      // what the editor holds
    QString diskText;  // what is on disk (as last read or saved)
    Analysis analysis; // of `text` once the latest analysis finished
    quint64 revision = 0;        // increments on every edit
    quint64 analyzedRevision = 0;
    quint64 journaledRevision = 0;
    bool changedOnDisk = false; // changed on disk while it had unsaved edits (reload or keep)

    bool isModified() const { return text != diskText; }
};

// A journal of unsaved edits found when opening: newer than the file on disk.
struct Recovery
{
    int fileIndex = -1;
    QString journalPath;
    QDateTime journaledAt;
    QString text;
};

// What opening reads: the files (sorted) with their texts and analyses, and the studio settings.
// Made by Workspace::load on any thread, taken by Workspace::adopt on the workspace's thread.
struct LoadedWorkspace
{
    QString root;
    std::vector<WorkspaceFile> files;
    StudioSettings settings;
    Core::Diagnostics settingsDiagnostics; // of torii.yaml
};

// How far a load is, for a progress display: files read and analysed of all, objects so far.
struct LoadProgress
{
    int filesDone = 0;
    int fileCount = 0;
    int objects = 0;
};

class Workspace : public QObject
{
    Q_OBJECT
public:
    explicit Workspace(QObject *parent = nullptr);
    // Does not remove journals: an instance that goes away without close() is an unclean end,
    // and the next open offers its edits back.
    ~Workspace() override;

    void setChecker(Checker checker) { m_checker = std::move(checker); }
    // Delays, in milliseconds (tests shorten them): analysis after an edit, journal after an
    // edit, and the periodic journal of every file with unjournaled edits.
    void setDelays(int analysisMs, int journalMs, int periodicJournalMs);

    // Opens a folder (every *.yaml, *.yml, *.json below it, sorted, .torii/ excluded) or a list
    // of files (the root is the first file's folder). Replaces what was open. Files are read and
    // analyzed synchronously; journals newer than their file become pendingRecoveries().
    bool open(const QStringList &paths, QString *error);
    // What open() does in two halves, so that the slow one runs off the GUI thread:
    // load() finds, reads and analyses the files (any thread; it touches no Workspace). It stops
    // between files once `cancel` is true (false, `error` left empty) and calls `progress` after
    // each file, on its own thread. False with `error` when the paths cannot be opened.
    static bool load(const QStringList &paths, const Checker &checker, LoadedWorkspace *loaded,
                     QString *error, const std::atomic<bool> *cancel = nullptr,
                     const std::function<void(const LoadProgress &)> &progress = {});
    // adopt() replaces what was open with a load's result, as open() does after reading:
    // analysisChanged() for every file, then opened().
    void adopt(LoadedWorkspace loaded);
    const Checker &checker() const { return m_checker; }
    // A clean end: journals are removed (the user chose to save or discard), watching stops.
    void close();

    bool isOpen() const { return !m_root.isEmpty(); }
    QString root() const { return m_root; }
    QString recoveryDir() const;
    int fileCount() const { return static_cast<int>(m_files.size()); }
    const WorkspaceFile &file(int index) const { return m_files.at(static_cast<std::size_t>(index)); }
    int indexOf(const QString &path) const;
    QString relativePath(int index) const;
    bool hasUnsavedChanges() const;

    // The objects and diagnostics of every file, in file order (then document order); the
    // diagnostics end with those of the studio settings (torii.yaml).
    std::vector<Model::Resource> allResources() const;
    Core::Diagnostics allDiagnostics() const;

    // The studio settings (torii.yaml beside the files), read at open; empty when there is none.
    const StudioSettings &studioSettings() const { return m_settings; }
    // Writes torii.yaml atomically and makes these the settings. False with `error`.
    bool setStudioSettings(const StudioSettings &settings, QString *error);

    // An edit: the text replaces the file's; analysis and journaling follow after their delays.
    void setText(int index, const QString &text);
    // Analyzes now, on this thread (tests, the first open).
    void analyzeNow(int index);
    // Writes the journal of every file with unjournaled edits now.
    void flushJournal();

    // Atomic save (QSaveFile: a temporary beside the file, renamed over it). Removes the journal.
    bool save(int index, QString *error);
    bool saveAll(QString *error);

    QList<Recovery> pendingRecoveries() const { return m_recoveries; }
    void applyRecovery(const Recovery &recovery); // the journal's text becomes the file's (unsaved)
    void discardRecovery(const Recovery &recovery);

    // A change made on disk while the file had unsaved edits (see fileChangedOnDisk):
    void reloadFromDisk(int index); // take the disk's text, drop the edits
    void keepEdits(int index);      // keep the edits (saving overwrites the disk's text)

Q_SIGNALS:
    void opened();
    void textChanged(int index);      // setText, reload or recovery
    void analysisChanged(int index);  // a file's objects and diagnostics are new
    void modifiedChanged(int index, bool modified);
    void fileSaved(int index);
    // Someone else changed the file while it had unsaved edits: reloadFromDisk() or keepEdits().
    // (Without unsaved edits the file is reloaded and textChanged() is emitted.)
    void fileChangedOnDisk(int index);
    void studioSettingsChanged(); // setStudioSettings wrote new settings

private:
    void scheduleAnalysis(int index);
    void startAnalysis(int index);
    void applyAnalysis(int index, quint64 revision, Analysis analysis);
    QString journalPathFor(int index) const;
    bool writeJournal(int index);
    void removeJournal(int index);
    void findRecoveries();
    void onDiskChange(const QString &path);
    void setFileText(int index, const QString &text);

    QString m_root;
    std::vector<WorkspaceFile> m_files;
    QList<Recovery> m_recoveries;
    Checker m_checker;
    QFileSystemWatcher m_watcher;
    QTimer m_analysisTimer;
    QTimer m_journalTimer;
    QTimer m_periodicJournal;
    std::vector<int> m_pendingAnalysis;
    StudioSettings m_settings;
    Core::Diagnostics m_settingsDiagnostics; // of torii.yaml as read at open
};

} // namespace Torii::Workspace
