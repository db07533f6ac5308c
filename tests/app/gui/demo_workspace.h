#pragma once

// Shared by the studio's GUI tests: a private copy of the demo workspace (nothing is written
// into resources/) and a main window opened on it, ready to run its gateway on OS-chosen ports.

#include "app/gui/mainwindow/main_window.h"
#include "app/gui/run/live_run.h"

#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>

#include <memory>

namespace Torii::TestSupport {

// Copies resources/demo into `dir`; false when the demo is missing or a copy fails.
inline bool copyDemo(const QTemporaryDir &dir)
{
    const QString demo = Gui::MainWindow::demoWorkspacePath();
    if (demo.isEmpty()) {
        return false;
    }
    QDirIterator it(demo, QDir::Files);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!QFile::copy(path, dir.filePath(QFileInfo(path).fileName()))) {
            return false;
        }
    }
    return true;
}

inline std::unique_ptr<Gui::MainWindow> openWindow(const QString &folder)
{
    auto window = std::make_unique<Gui::MainWindow>();
    window->setRecoveryPrompt([](const QStringList &) { return false; });
    window->liveRun()->setAnyPort(true);
    window->resize(1200, 800);
    window->show();
    QString error;
    if (!window->openWorkspace({folder}, &error)) {
        qWarning("open failed: %s", qPrintable(error));
        return nullptr;
    }
    return window;
}

} // namespace Torii::TestSupport
