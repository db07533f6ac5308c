#pragma once

// Notices edits to the files and folders a design was loaded from (serve --watch): the named
// files, every YAML/JSON file below the named folders and the folders themselves (a file added
// or removed), debounced so that one save — often several events: truncate, write, rename —
// gives one notification.
//
// Editors that save by writing a new file and renaming it over the old one (vim, many IDEs)
// replace the inode QFileSystemWatcher watched, which then drops the path; every notification
// re-adds the paths that exist again, and the parent folder of each named file is watched so a
// file that was briefly absent is noticed when it comes back.
//
// Only a change of a design file's name or content is reported (an editor's swap file is not).
//
// Thread: create and use on a thread with a running Qt event loop; `onChange` runs on it.

#include <QtCore/QFileSystemWatcher>
#include <QtCore/QStringList>
#include <QtCore/QTimer>

#include <chrono>
#include <functional>

namespace Torii::Runtime {

class DesignWatcher
{
public:
    DesignWatcher(QStringList paths, std::function<void()> onChange,
                  std::chrono::milliseconds debounce = std::chrono::milliseconds(200));
    DesignWatcher(const DesignWatcher &) = delete;
    DesignWatcher &operator=(const DesignWatcher &) = delete;

    // What is watched now (files and folders), for diagnostics and tests.
    QStringList watched() const;

private:
    void rewatch();
    void touched(const QString &path);
    QStringList designFiles() const;
    // The names and contents of every design file: a notification that changed none is dropped.
    QByteArray fingerprint() const;

    QStringList m_paths;
    std::function<void()> m_onChange;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QByteArray m_fingerprint;
};

} // namespace Torii::Runtime
