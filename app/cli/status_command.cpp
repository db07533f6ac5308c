#include "status_command.h"

#include "command.h"
#include "command_line.h"
#include "diagnostic_printer.h"

#include "app/runtime/status_run.h"
#include "engine/yaml/yaml_emitter.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>

#include <cstdio>

namespace Torii::Cli {

namespace {

using Model::Node;

// Conditions whose True is bad news.
bool isNegativeType(const std::string &type)
{
    return type == "Conflicted" || type == "Detached";
}

bool conditionIsHealthy(const Node &condition)
{
    const bool isTrue = condition["status"].asString() == "True";
    return isNegativeType(condition["type"].asString()) ? !isTrue : isTrue;
}

void printConditions(QByteArray &out, const Node &conditions, const char *indent, bool &healthy)
{
    for (const Node &c : conditions.items()) {
        const bool ok = conditionIsHealthy(c);
        healthy = healthy && ok;
        QString line = QString::fromLatin1(indent) + (ok ? QStringLiteral("✓ ") : QStringLiteral("✕ "))
                       + QString::fromStdString(c["type"].asString()) + QStringLiteral(": ")
                       + QString::fromStdString(c["status"].asString()) + QStringLiteral(" (")
                       + QString::fromStdString(c["reason"].asString()) + QLatin1Char(')');
        const std::string message = c["message"].asString();
        if (c["message"].isString() && !message.empty()) {
            line += QStringLiteral(" — ") + QString::fromStdString(message);
        }
        out += line.toUtf8() + '\n';
    }
}

QString refText(const Node &ref)
{
    QString text = QString::fromStdString(ref["kind"].isString() ? ref["kind"].str() : "Gateway")
                   + QLatin1Char(' ');
    if (ref["namespace"].isString()) {
        text += QString::fromStdString(ref["namespace"].str()) + QLatin1Char('/');
    }
    text += QString::fromStdString(ref["name"].asString());
    if (ref["sectionName"].isString()) {
        text += QStringLiteral(" section ") + QString::fromStdString(ref["sectionName"].str());
    }
    if (ref["port"].isNumber()) {
        text += QStringLiteral(" port ") + QString::number(ref["port"].asInt());
    }
    return text;
}

// A `kubectl describe`-like block per object; returns whether everything is healthy.
bool describe(QByteArray &out, const Model::Resource &r, const Node *status)
{
    out += QString::fromStdString(r.displayName()).toUtf8() + '\n';
    if (!status) {
        out += "  " + QCoreApplication::translate("toriictl", "no status: no controller owns this object").toUtf8() + '\n';
        return true;
    }
    bool healthy = true;
    printConditions(out, (*status)["conditions"], "  ", healthy);
    for (const Node &listener : (*status)["listeners"].items()) {
        QStringList kinds;
        for (const Node &k : listener["supportedKinds"].items()) {
            kinds << QString::fromStdString(k["kind"].asString());
        }
        out += ("  " + QCoreApplication::translate("toriictl", "listener %1: %2 attached route(s), kinds: %3")
                           .arg(QString::fromStdString(listener["name"].asString()))
                           .arg(listener["attachedRoutes"].asInt())
                           .arg(kinds.isEmpty() ? QCoreApplication::translate("toriictl", "none") : kinds.join(QStringLiteral(", "))))
                   .toUtf8()
               + '\n';
        printConditions(out, listener["conditions"], "    ", healthy);
    }
    for (const Node &parent : (*status)["parents"].items()) {
        out += ("  " + QCoreApplication::translate("toriictl", "parent %1").arg(refText(parent["parentRef"]))).toUtf8() + '\n';
        printConditions(out, parent["conditions"], "    ", healthy);
    }
    for (const Node &ancestor : (*status)["ancestors"].items()) {
        out += ("  " + QCoreApplication::translate("toriictl", "ancestor %1").arg(refText(ancestor["ancestorRef"]))).toUtf8() + '\n';
        printConditions(out, ancestor["conditions"], "    ", healthy);
    }
    return healthy;
}

} // namespace

int runStatus(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("toriictl", "Show the status a Gateway API controller would report for each object."));
    parser.addHelpOption();
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QCoreApplication::translate("toriictl", "Output format: text, yaml or json."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption acceptAll(QStringLiteral("accept-all-classes"),
                                       QCoreApplication::translate("toriictl", "Accept every GatewayClass, whatever its controllerName, "
                                          "and serve Gateways whose class is not loaded."));
    parser.addOptions({output, acceptAll});
    parser.addPositionalArgument(QStringLiteral("paths"), QCoreApplication::translate("toriictl", "YAML files or folders."),
                                 QStringLiteral("FILE|DIR..."));
    if (const std::optional<int> stop = parseCommandLine(parser, arguments, "status")) {
        return *stop;
    }
    const QString format = parser.value(output);
    if (format != QLatin1String("text") && format != QLatin1String("yaml")
        && format != QLatin1String("json")) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("toriictl", "toriictl status: unknown output format \"%1\" (use text, yaml "
                                   "or json)")
                                    .arg(format)));
        return ExitUnusable;
    }
    const std::optional<std::vector<std::string>> paths = existingPaths(
        parser.positionalArguments(), QCoreApplication::translate("toriictl", "toriictl status: name at least one file or folder"));
    if (!paths) {
        return ExitUnusable;
    }
    Controller::ControllerOptions options;
    options.acceptAllClasses = parser.isSet(acceptAll);
    options.transitionTime =
        QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    const Runtime::StatusRun run = Runtime::computeStatus(*paths, options);

    QByteArray out;
    bool healthy = true;
    if (format == QLatin1String("text")) {
        out += diagnosticsAsText(run.diagnostics, true);
        for (std::size_t i = 0; i < run.resources.size(); ++i) {
            const auto &status = run.controller.statuses.at(i);
            healthy = describe(out, run.resources[i], status ? &*status : nullptr) && healthy;
        }
    } else {
        std::vector<Node> objects;
        for (std::size_t i = 0; i < run.resources.size(); ++i) {
            objects.push_back(Runtime::objectWithStatus(run, i));
            const auto &status = run.controller.statuses.at(i);
            if (status) {
                QByteArray scratch;
                healthy = describe(scratch, run.resources[i], &*status) && healthy;
            }
        }
        Yaml::EmitOptions emitOptions;
        emitOptions.keepStatus = true;
        if (format == QLatin1String("yaml")) {
            out += QByteArray::fromStdString(Yaml::emitDocuments(objects, emitOptions));
        } else {
            Node list = Node::map();
            list.set("apiVersion", Node::string("v1"));
            list.set("kind", Node::string("List"));
            Node items = Node::list();
            for (const Node &o : objects) {
                items.append(Yaml::canonicalObject(o, emitOptions));
            }
            list.set("items", std::move(items));
            out += QByteArray::fromStdString(list.toJson()) + '\n';
        }
        const QByteArray warnings = diagnosticsAsText(run.diagnostics, true);
        std::fwrite(warnings.constData(), 1, static_cast<std::size_t>(warnings.size()), stderr);
    }
    std::fwrite(out.constData(), 1, static_cast<std::size_t>(out.size()), stdout);
    if (run.unreadable) {
        return ExitUnusable;
    }
    return healthy ? ExitOk : ExitFindings;
}

} // namespace Torii::Cli
