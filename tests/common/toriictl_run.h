#pragma once

// Runs the toriictl under test (TORIICTL_PATH, defined by each test's CMake target) as a user
// would, with English messages in a UTF-8 C locale (TORII_LANG unset), and keeps what it printed.

#include <QtCore/QByteArray>
#include <QtCore/QProcess>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace TestSupport {

struct ToriictlRun
{
    int exitCode = -1; // -1: it crashed or did not finish in time
    QByteArray out;
    QByteArray err;
};

inline ToriictlRun runToriictl(const QStringList &arguments, const QString &workingDirectory = {},
                               int timeoutMs = 120000)
{
    QProcess process;
    if (!workingDirectory.isEmpty()) {
        process.setWorkingDirectory(workingDirectory);
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("TORII_LANG"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TORIICTL_PATH), arguments);
    const bool finished = process.waitForFinished(timeoutMs);
    ToriictlRun run;
    run.exitCode = finished && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace TestSupport
