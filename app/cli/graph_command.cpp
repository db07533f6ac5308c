#include "graph_command.h"

#include "command.h"
#include "command_line.h"
#include "diagnostic_printer.h"

#include "app/runtime/status_run.h"
#include "engine/export/graph_layout.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QSaveFile>

#include <cstdio>

namespace Torii::Cli {

int runGraph(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "toriictl", "Draw the resource hierarchy: classes, Gateways, listeners, routes and "
                    "Services, with what the controller accepted and why not."));
    parser.addHelpOption();
    const QCommandLineOption format({QStringLiteral("o"), QStringLiteral("format")},
                                    QCoreApplication::translate("toriictl", "Output format: dot, svg or png."),
                                    QStringLiteral("format"), QStringLiteral("dot"));
    const QCommandLineOption output(QStringLiteral("output"),
                                    QCoreApplication::translate("toriictl", "Write to this file instead of the standard output."),
                                    QStringLiteral("file"));
    const QCommandLineOption roles(QStringLiteral("roles"),
                                   QCoreApplication::translate("toriictl", "Group the objects in one lane per role (infrastructure "
                                      "provider, cluster operator, application developer)."));
    const QCommandLineOption acceptAll(QStringLiteral("accept-all-classes"),
                                       QCoreApplication::translate("toriictl", "Accept every GatewayClass, whatever its controllerName, "
                                          "and serve Gateways whose class is not loaded."));
    parser.addOptions({format, output, roles, acceptAll});
    parser.addPositionalArgument(QStringLiteral("paths"), QCoreApplication::translate("toriictl", "YAML files or folders."),
                                 QStringLiteral("FILE|DIR..."));
    if (const std::optional<int> stop = parseCommandLine(parser, arguments, "graph")) {
        return *stop;
    }
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("dot") && fmt != QLatin1String("svg") && fmt != QLatin1String("png")) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate(
                                    "toriictl", "toriictl graph: unknown output format \"%1\" (use dot, svg or png)")
                                    .arg(fmt)));
        return ExitUnusable;
    }
    const std::optional<std::vector<std::string>> paths = existingPaths(
        parser.positionalArguments(), QCoreApplication::translate("toriictl", "toriictl graph: name at least one file or folder"));
    if (!paths) {
        return ExitUnusable;
    }

    Controller::ControllerOptions controllerOptions;
    controllerOptions.acceptAllClasses = parser.isSet(acceptAll);
    const Runtime::StatusRun run = Runtime::computeStatus(*paths, controllerOptions);
    const QByteArray problems = diagnosticsAsText(run.diagnostics, false);
    std::fwrite(problems.constData(), 1, static_cast<std::size_t>(problems.size()), stderr);
    if (run.unreadable) {
        return ExitUnusable;
    }

    const Export::HierarchyGraph graph = Export::buildHierarchyGraph(run.resources, run.controller);
    Export::LayoutOptions layoutOptions;
    layoutOptions.roleLanes = parser.isSet(roles);
    std::string data;
    if (fmt == QLatin1String("dot")) {
        data = Export::toDot(graph, layoutOptions);
    } else {
        std::string error;
        const auto rendered = Export::renderHierarchy(graph, fmt.toStdString(), layoutOptions, &error);
        if (!rendered) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("toriictl", "toriictl graph: Graphviz could not draw the graph as %1 (%2)")
                                        .arg(fmt, QString::fromStdString(error))));
            return ExitUnusable;
        }
        data = *rendered;
    }

    if (!parser.isSet(output)) {
        std::fwrite(data.data(), 1, data.size(), stdout);
        return ExitOk;
    }
    QSaveFile file(parser.value(output));
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(data.data(), static_cast<qint64>(data.size())) != static_cast<qint64>(data.size()) ||
        !file.commit()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("toriictl", "toriictl graph: cannot write %1: %2")
                                    .arg(parser.value(output), file.errorString())));
        return ExitUnusable;
    }
    return ExitOk;
}

} // namespace Torii::Cli
