#include "design_watcher.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>

namespace Torii::Runtime {

namespace {

bool isDesignFile(const QString &path)
{
    return path.endsWith(QLatin1String(".yaml")) || path.endsWith(QLatin1String(".yml")) ||
           path.endsWith(QLatin1String(".json"));
}

} // namespace

DesignWatcher::DesignWatcher(QStringList paths, std::function<void()> onChange,
                             std::chrono::milliseconds debounce)
    : m_paths(std::move(paths))
    , m_onChange(std::move(onChange))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounce);
    QObject::connect(&m_debounce, &QTimer::timeout, [this] {
        rewatch();
        // A folder event about an unrelated file (an editor's swap file) changes no content.
        const QByteArray now = fingerprint();
        if (now != m_fingerprint) {
            m_fingerprint = now;
            m_onChange();
        }
    });
    QObject::connect(&m_watcher, &QFileSystemWatcher::fileChanged,
                     [this](const QString &path) { touched(path); });
    QObject::connect(&m_watcher, &QFileSystemWatcher::directoryChanged,
                     [this](const QString &path) { touched(path); });
    rewatch();
    m_fingerprint = fingerprint();
}

QByteArray DesignWatcher::fingerprint() const
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const QString &file : designFiles()) {
        QFile f(file);
        hash.addData(file.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
        if (f.open(QIODevice::ReadOnly)) {
            hash.addData(&f);
        }
        hash.addData(QByteArrayView("\0", 1));
    }
    return hash.result();
}

QStringList DesignWatcher::designFiles() const
{
    QStringList files;
    for (const QString &path : m_paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QDirIterator it(info.absoluteFilePath(), QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString found = it.next();
                if (isDesignFile(found)) {
                    files << found;
                }
            }
        } else {
            files << info.absoluteFilePath();
        }
    }
    files.sort();
    return files;
}

QStringList DesignWatcher::watched() const
{
    return m_watcher.files() + m_watcher.directories();
}

void DesignWatcher::touched(const QString &path)
{
    Q_UNUSED(path);
    // Re-add at once what a rename dropped (the new file is complete once renamed), and again
    // when the quiet period ends.
    rewatch();
    m_debounce.start();
}

void DesignWatcher::rewatch()
{
    QStringList wanted;
    for (const QString &path : m_paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            wanted << info.absoluteFilePath();
            QDirIterator it(info.absoluteFilePath(),
                            QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString found = it.next();
                if (it.fileInfo().isDir() || isDesignFile(found)) {
                    wanted << found;
                }
            }
        } else {
            // The parent folder notices the file coming back after a delete-and-recreate save.
            wanted << info.absolutePath();
            if (info.exists()) {
                wanted << info.absoluteFilePath();
            }
        }
    }
    const QStringList current = watched();
    QStringList missing;
    for (const QString &path : wanted) {
        if (!current.contains(path) && !missing.contains(path)) {
            missing << path;
        }
    }
    if (!missing.isEmpty()) {
        m_watcher.addPaths(missing);
    }
}

} // namespace Torii::Runtime
