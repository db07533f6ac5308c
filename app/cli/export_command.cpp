#include "export_command.h"

#include "command.h"
#include "diagnostic_printer.h"

#include "app/runtime/validation_run.h"
#include "engine/export/manifest_export.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>

#include <algorithm>
#include <cstdio>

namespace Torii::Cli {

namespace {

void fail(const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
}

bool writeFile(const QString &path, const std::string &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) ||
        !file.commit()) {
        fail(QCoreApplication::translate("toriictl", "toriictl export: cannot write %1: %2")
                 .arg(path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "toriictl", "Write kubectl-ready YAML of a workspace, in apply order, without status, "
                    "made-up objects or private keys."));
    parser.addHelpOption();
    const QCommandLineOption split(QStringLiteral("split"),
                                   QCoreApplication::translate("toriictl", "One file (none), one file per role (role) or per kind (kind)."),
                                   QStringLiteral("mode"), QStringLiteral("none"));
    const QCommandLineOption output(QStringLiteral("output"),
                                    QCoreApplication::translate("toriictl", "The file (--split none) or folder to write; default: the "
                                       "standard output."),
                                    QStringLiteral("path"));
    const QCommandLineOption includeSecrets(QStringLiteral("include-secrets"),
                                            QCoreApplication::translate("toriictl", "Also export Secrets that hold private keys."));
    const QCommandLineOption channel(QStringLiteral("channel"),
                                     QCoreApplication::translate("toriictl", "The Gateway API channel installed in the cluster: "
                                        "standard or experimental."),
                                     QStringLiteral("channel"), QStringLiteral("standard"));
    parser.addOptions({split, output, includeSecrets, channel});
    parser.addPositionalArgument(QStringLiteral("paths"), QCoreApplication::translate("toriictl", "YAML files or folders."),
                                 QStringLiteral("FILE|DIR..."));
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "toriictl export: %s\n", qPrintable(parser.errorText()));
        return ExitUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    Export::ExportOptions options;
    const QString mode = parser.value(split);
    if (mode == QLatin1String("none")) {
        options.split = Export::SplitMode::None;
    } else if (mode == QLatin1String("role")) {
        options.split = Export::SplitMode::Role;
    } else if (mode == QLatin1String("kind")) {
        options.split = Export::SplitMode::Kind;
    } else {
        fail(QCoreApplication::translate("toriictl", "toriictl export: unknown split \"%1\" (use none, role or kind)").arg(mode));
        return ExitUnusable;
    }
    const QString channelName = parser.value(channel);
    if (channelName == QLatin1String("standard")) {
        options.channel = Export::Channel::Standard;
    } else if (channelName == QLatin1String("experimental")) {
        options.channel = Export::Channel::Experimental;
    } else {
        fail(QCoreApplication::translate("toriictl", "toriictl export: unknown channel \"%1\" (use standard or experimental)")
                 .arg(channelName));
        return ExitUnusable;
    }
    options.includeSecrets = parser.isSet(includeSecrets);
    if (options.split != Export::SplitMode::None && !parser.isSet(output)) {
        fail(QCoreApplication::translate("toriictl", "toriictl export: --split %1 writes several files: name a folder with --output")
                 .arg(mode));
        return ExitUnusable;
    }
    std::vector<std::string> paths;
    for (const QString &p : parser.positionalArguments()) {
        if (!QFileInfo::exists(p)) {
            fail(QCoreApplication::translate("toriictl", "%1: no such file or folder").arg(p));
            return ExitUnusable;
        }
        paths.push_back(p.toStdString());
    }
    if (paths.empty()) {
        fail(QCoreApplication::translate("toriictl", "toriictl export: name at least one file or folder"));
        return ExitUnusable;
    }

    const Runtime::ValidationRun run = Runtime::validatePaths(paths);
    if (run.unreadable) {
        const QByteArray problems = diagnosticsAsText(run.diagnostics, true);
        std::fwrite(problems.constData(), 1, static_cast<std::size_t>(problems.size()), stderr);
        fail(QCoreApplication::translate("toriictl", "toriictl export: some input cannot be read; nothing was written"));
        return ExitUnusable;
    }
    const Export::ExportResult result = Export::exportManifests(run.resources, run.diagnostics, options);
    const QByteArray warnings = diagnosticsAsText(result.warnings, true);
    std::fwrite(warnings.constData(), 1, static_cast<std::size_t>(warnings.size()), stderr);

    if (!parser.isSet(output)) {
        for (const Export::ExportFile &f : result.files) {
            std::fwrite(f.text.data(), 1, f.text.size(), stdout);
        }
    } else {
        QString target = parser.value(output);
        const bool intoFolder = options.split != Export::SplitMode::None || QFileInfo(target).isDir();
        if (intoFolder) {
            if (!QDir().mkpath(target)) {
                fail(QCoreApplication::translate("toriictl", "toriictl export: cannot create the folder %1").arg(target));
                return ExitUnusable;
            }
            for (const Export::ExportFile &f : result.files) {
                if (!writeFile(QDir(target).filePath(QString::fromStdString(f.name)), f.text)) {
                    return ExitUnusable;
                }
            }
        } else {
            std::string text;
            for (const Export::ExportFile &f : result.files) {
                text += f.text;
            }
            if (!writeFile(target, text)) {
                return ExitUnusable;
            }
        }
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("toriictl", "exported %1 object(s) in %2 file(s) to %3; %4 left out")
                                    .arg(result.exported.size())
                                    .arg(result.files.size())
                                    .arg(target)
                                    .arg(result.excluded.size())));
    }
    const bool rejected = std::any_of(result.warnings.begin(), result.warnings.end(),
                                      [](const Core::Diagnostic &d) { return d.code == "export.rejected"; });
    return rejected ? ExitFindings : ExitOk;
}

} // namespace Torii::Cli
