#include "upgrade_command.h"

#include "command.h"
#include "command_line.h"
#include "diagnostic_printer.h"

#include "engine/convert/version_upgrade_rewrite.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>

#include <cstdio>

namespace Torii::Cli {

namespace {

// The YAML and JSON files named, folders searched recursively (sorted, hidden folders skipped).
QStringList manifestFiles(const std::vector<std::string> &paths)
{
    QStringList files;
    for (const std::string &p : paths) {
        const QString path = QString::fromStdString(p);
        if (!QFileInfo(path).isDir()) {
            files << path;
            continue;
        }
        QStringList found;
        QDirIterator it(
            path, {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
            QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            if (!f.mid(path.size()).contains(QLatin1String("/."))) {
                found << f;
            }
        }
        found.sort();
        files << found;
    }
    return files;
}

bool writeAtomically(const QString &path, const std::string &text, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), static_cast<qint64>(text.size())) !=
            static_cast<qint64>(text.size()) ||
        !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

int runUpgrade(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "toriictl",
        "Rewrite Gateway API objects written as v1beta1, v1alpha2 or v1alpha3 to v1 in place, "
        "keeping comments and formatting; the original is kept as FILE.bak."));
    parser.addHelpOption();
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        QCoreApplication::translate("toriictl",
                                    "Write nothing; print the changes as a unified diff."));
    parser.addOption(dryRun);
    parser.addPositionalArgument(
        QStringLiteral("paths"),
        QCoreApplication::translate("toriictl", "YAML or JSON files, or folders."),
        QStringLiteral("FILE|DIR..."));
    if (const auto exit = parseCommandLine(parser, arguments, "upgrade")) {
        return *exit;
    }
    const auto paths =
        existingPaths(parser.positionalArguments(),
                      QCoreApplication::translate(
                          "toriictl", "toriictl upgrade: name at least one file or folder"));
    if (!paths) {
        return ExitUnusable;
    }

    int exitCode = ExitOk;
    int changedFiles = 0;
    int changedObjects = 0;
    for (const QString &path : manifestFiles(*paths)) {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate(
                                        "toriictl", "toriictl upgrade: cannot read %1: %2")
                                        .arg(path, in.errorString())));
            return ExitUnusable;
        }
        const QByteArray original = in.readAll();
        in.close();
        const Convert::VersionUpgradeRewrite rewrite = Convert::rewriteApiVersions(
            std::string_view(original.constData(), static_cast<std::size_t>(original.size())),
            path.toStdString());
        if (!rewrite.problems.empty()) {
            std::fputs(diagnosticsAsText(rewrite.problems, true).constData(), stderr);
            exitCode = ExitFindings;
        }
        if (!rewrite.changed()) {
            continue;
        }
        if (parser.isSet(dryRun)) {
            const std::string diff = Convert::unifiedDiff(
                std::string_view(original.constData(), static_cast<std::size_t>(original.size())),
                rewrite.text, path.toStdString(), path.toStdString());
            std::fputs(diff.c_str(), stdout);
        } else {
            const QString backup = path + QStringLiteral(".bak");
            QString error;
            if (!writeAtomically(backup, original.toStdString(), &error)) {
                std::fprintf(
                    stderr, "%s\n",
                    qPrintable(QCoreApplication::translate(
                                   "toriictl",
                                   "toriictl upgrade: cannot write the backup %1: %2; %3 is "
                                   "left unchanged")
                                   .arg(backup, error, path)));
                return ExitUnusable;
            }
            if (!writeAtomically(path, rewrite.text, &error)) {
                std::fprintf(stderr, "%s\n",
                             qPrintable(QCoreApplication::translate(
                                            "toriictl", "toriictl upgrade: cannot write %1: %2")
                                            .arg(path, error)));
                return ExitUnusable;
            }
            for (const Convert::ApiVersionEdit &e : rewrite.edits) {
                std::printf(
                    "%s\n",
                    qPrintable(
                        QCoreApplication::translate("toriictl", "%1:%2: %3 %4: apiVersion %5 → %6")
                            .arg(path)
                            .arg(e.line)
                            .arg(QString::fromStdString(e.kind), QString::fromStdString(e.name),
                                 QString::fromStdString(e.from), QString::fromStdString(e.to))));
            }
        }
        ++changedFiles;
        changedObjects += static_cast<int>(rewrite.edits.size());
    }
    const QString summary =
        changedFiles == 0
            ? QCoreApplication::translate(
                  "toriictl", "nothing to upgrade: every Gateway API object is already v1")
        : parser.isSet(dryRun)
            ? QCoreApplication::translate(
                  "toriictl",
                  "%1 object(s) in %2 file(s) would be upgraded (dry run: nothing written)")
                  .arg(changedObjects)
                  .arg(changedFiles)
            : QCoreApplication::translate(
                  "toriictl",
                  "%1 object(s) in %2 file(s) upgraded; the originals are kept as .bak files")
                  .arg(changedObjects)
                  .arg(changedFiles);
    std::fprintf(parser.isSet(dryRun) ? stderr : stdout, "%s\n", qPrintable(summary));
    return exitCode;
}

} // namespace Torii::Cli
