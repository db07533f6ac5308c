#include "portability_command.h"

#include "command.h"
#include "command_line.h"
#include "diagnostic_printer.h"

#include "engine/export/portability.h"
#include "engine/yaml/resource_reader.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <cstdio>

namespace Torii::Cli {

namespace {

QString implementationName(const Export::ImplementationSupport &s)
{
    QString name = QString::fromStdString(s.implementation + " " + s.version);
    if (s.reportSet != "v1.6") {
        name += QStringLiteral(" (%1)").arg(QString::fromStdString(s.reportSet));
    }
    return name;
}

QString names(const std::vector<const Export::ImplementationSupport *> &list)
{
    QStringList out;
    for (const Export::ImplementationSupport *s : list) {
        out << implementationName(*s);
    }
    return out.isEmpty() ? QCoreApplication::translate("toriictl", "none")
                         : out.join(QStringLiteral(", "));
}

QJsonArray implementationsJson(const std::vector<const Export::ImplementationSupport *> &list)
{
    QJsonArray out;
    for (const Export::ImplementationSupport *s : list) {
        out.append(
            QJsonObject{{QStringLiteral("name"), QString::fromStdString(s->implementation)},
                        {QStringLiteral("version"), QString::fromStdString(s->version)},
                        {QStringLiteral("reportSet"), QString::fromStdString(s->reportSet)}});
    }
    return out;
}

} // namespace

int runPortability(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "toriictl",
        "List the Gateway API features a design uses and the implementations whose "
        "conformance reports pass each (v1.6 reports; v1.5 where an implementation has no "
        "v1.6 report)."));
    parser.addHelpOption();
    const QCommandLineOption format(
        {QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("toriictl", "Output format: table or json."),
        QStringLiteral("format"), QStringLiteral("table"));
    parser.addOption(format);
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QCoreApplication::translate("toriictl", "YAML files or folders."),
                                 QStringLiteral("FILE|DIR..."));
    if (const auto exit = parseCommandLine(parser, arguments, "portability")) {
        return *exit;
    }
    const QString formatName = parser.value(format);
    if (formatName != QLatin1String("table") && formatName != QLatin1String("json")) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate(
                                    "toriictl",
                                    "toriictl portability: unknown output format \"%1\" (use table "
                                    "or json)")
                                    .arg(formatName)));
        return ExitUnusable;
    }
    const auto paths =
        existingPaths(parser.positionalArguments(),
                      QCoreApplication::translate(
                          "toriictl", "toriictl portability: name at least one file or folder"));
    if (!paths) {
        return ExitUnusable;
    }
    const Yaml::ReadResult read = Yaml::readPaths(*paths);
    // Documents that cannot be read are reported and left out; the rest is still a design whose
    // features are worth knowing (the guide's examples include a deliberately broken file).
    Core::Diagnostics errors;
    for (const Core::Diagnostic &d : read.diagnostics) {
        if (d.isError()) {
            errors.push_back(d);
        }
    }
    std::fputs(diagnosticsAsText(errors, false).constData(), stderr);
    if (read.resources.empty() && !errors.empty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate(
                         "toriictl", "toriictl portability: no input could be read")));
        return ExitUnusable;
    }
    const Export::FeatureSupportTable &table = Export::shippedFeatureSupport();
    if (!table.error.empty()) {
        std::fprintf(stderr, "toriictl portability: %s\n", table.error.c_str());
        return ExitUnusable;
    }
    const Export::PortabilityReport report = Export::portability(read.resources, table);

    if (formatName == QLatin1String("json")) {
        QJsonArray features;
        for (const Export::FeaturePortability &f : report.features) {
            QJsonArray used;
            for (const Export::FeatureUse &u : f.usedBy) {
                used.append(
                    QJsonObject{{QStringLiteral("resource"), QString::fromStdString(u.resource)},
                                {QStringLiteral("file"), QString::fromStdString(u.file)},
                                {QStringLiteral("line"), u.line}});
            }
            features.append(
                QJsonObject{{QStringLiteral("feature"), QString::fromStdString(f.feature)},
                            {QStringLiteral("usedBy"), used},
                            {QStringLiteral("implementations"), implementationsJson(f.passing)}});
        }
        const QJsonObject root{
            {QStringLiteral("features"), features},
            {QStringLiteral("passingAll"), implementationsJson(report.passingAll)}};
        std::fputs(QJsonDocument(root).toJson(QJsonDocument::Indented).constData(), stdout);
        return ExitOk;
    }

    if (report.features.empty()) {
        std::printf("%s\n", qPrintable(QCoreApplication::translate(
                                "toriictl", "The files hold no Gateway API objects.")));
        return ExitOk;
    }
    for (const Export::FeaturePortability &f : report.features) {
        const Export::FeatureUse &first = f.usedBy.front();
        QString where = QString::fromStdString(first.resource);
        if (!first.file.empty()) {
            where +=
                QStringLiteral(" (%1:%2)").arg(QString::fromStdString(first.file)).arg(first.line);
        }
        if (f.usedBy.size() > 1) {
            where +=
                QCoreApplication::translate("toriictl", " and %1 more").arg(f.usedBy.size() - 1);
        }
        std::printf("%s\n", qPrintable(QString::fromStdString(f.feature)));
        std::printf("  %s\n",
                    qPrintable(QCoreApplication::translate("toriictl", "used by: %1").arg(where)));
        std::printf("  %s\n",
                    qPrintable(QCoreApplication::translate("toriictl", "passes (%1 of %2): %3")
                                   .arg(f.passing.size())
                                   .arg(table.implementations.size())
                                   .arg(names(f.passing))));
    }
    std::printf("\n%s\n",
                qPrintable(QCoreApplication::translate("toriictl", "Passes every feature used: %1")
                               .arg(names(report.passingAll))));
    std::printf("%s\n", qPrintable(QCoreApplication::translate(
                            "toriictl", "From the implementations' Gateway API v1.6 conformance "
                                        "reports; \"(v1.5)\" marks an implementation whose newest "
                                        "report is for v1.5.")));
    return ExitOk;
}

} // namespace Torii::Cli
