#include "validate_command.h"

#include "command.h"
#include "diagnostic_printer.h"

#include "app/runtime/validation_run.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QFileInfo>

#include <cstdio>

namespace Torii::Cli {

int runValidate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "toriictl", "Check Kubernetes Gateway API manifests exactly as an API server with the "
                    "v1.6.1 CRDs would, plus warnings for what would not work as meant."));
    parser.addHelpOption();
    const QCommandLineOption output(
        {QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("toriictl", "Output format: text or json."),
        QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption noLint(
        QStringLiteral("no-lint"),
        QCoreApplication::translate("toriictl",
                                    "Only what the API server checks; no extra warnings."));
    const QCommandLineOption noHints(
        QStringLiteral("no-hints"), QCoreApplication::translate("toriictl", "Do not print hints."));
    parser.addOptions({output, noLint, noHints});
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QCoreApplication::translate("toriictl", "YAML files or folders."),
                                 QStringLiteral("FILE|DIR..."));
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "toriictl validate: %s\n", qPrintable(parser.errorText()));
        return ExitUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    const QString format = parser.value(output);
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(QCoreApplication::translate(
                           "toriictl",
                           "toriictl validate: unknown output format \"%1\" (use text or json)")
                           .arg(format)));
        return ExitUnusable;
    }
    if (parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate(
                         "toriictl", "toriictl validate: name at least one file or folder")));
        return ExitUnusable;
    }
    std::vector<std::string> paths;
    for (const QString &p : parser.positionalArguments()) {
        if (!QFileInfo::exists(p)) {
            std::fprintf(
                stderr, "%s\n",
                qPrintable(
                    QCoreApplication::translate("toriictl", "%1: no such file or folder").arg(p)));
            return ExitUnusable;
        }
        paths.push_back(p.toStdString());
    }
    Validation::ValidationOptions options;
    options.lints = !parser.isSet(noLint);
    const Runtime::ValidationRun run = Runtime::validatePaths(paths, options);

    const int errors = Core::countOf(run.diagnostics, Core::Severity::Error);
    const int warnings = Core::countOf(run.diagnostics, Core::Severity::Warning);
    const int objects = static_cast<int>(run.resources.size());
    if (format == QLatin1String("json")) {
        const QByteArray json = diagnosticsAsJson(run.diagnostics, objects, run.fileCount);
        std::fwrite(json.constData(), 1, static_cast<std::size_t>(json.size()), stdout);
    } else {
        const QByteArray text = diagnosticsAsText(run.diagnostics, !parser.isSet(noHints));
        std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stdout);
        //: Summary after the diagnostics; one sentence so that every language can order it.
        const QString summary = QCoreApplication::translate(
                                    "toriictl", "objects: %1, files: %2, errors: %3, warnings: %4")
                                    .arg(objects)
                                    .arg(run.fileCount)
                                    .arg(errors)
                                    .arg(warnings);
        std::fprintf(stdout, "%s\n", summary.toUtf8().constData());
    }
    if (run.unreadable) {
        return ExitUnusable;
    }
    return errors > 0 ? ExitFindings : ExitOk;
}

} // namespace Torii::Cli
