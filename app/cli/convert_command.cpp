#include "convert_command.h"

#include "command.h"
#include "command_line.h"
#include "diagnostic_printer.h"

#include "app/runtime/converter_registry.h"

#include "engine/yaml/yaml_emitter.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>

#include <cstdio>
#include <map>

namespace Torii::Cli {

using Runtime::ConverterEntry;
using Runtime::ConvertInput;
using Runtime::ConvertSettings;
using Runtime::converters;

namespace {

void fputsUtf8(const QString &text, FILE *to)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), to);
}

// The files named (folders: their *.yaml, *.yml and *.json, sorted), in order.
std::vector<std::string> expandPaths(const std::vector<std::string> &paths)
{
    std::vector<std::string> files;
    for (const std::string &path : paths) {
        const QFileInfo info(QString::fromStdString(path));
        if (!info.isDir()) {
            files.push_back(path);
            continue;
        }
        QStringList found;
        QDirIterator it(
            info.filePath(),
            {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
            QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            found << it.next();
        }
        found.sort();
        for (const QString &f : found) {
            files.push_back(f.toStdString());
        }
    }
    return files;
}

// "# HTTPRoute default/app spec.rules[0].matches[0].path ← in.yaml:14:15 spec.rules[0]…"
QString explanation(const std::vector<Convert::Provenance> &provenance, const QString &prefix)
{
    QString out;
    std::string lastResource;
    for (const Convert::Provenance &p : provenance) {
        if (p.targetResource != lastResource) {
            out += prefix + QString::fromStdString(p.targetResource) + QLatin1Char('\n');
            lastResource = p.targetResource;
        }
        QString source = QString::fromStdString(p.sourceFile);
        if (p.sourceMark.isValid()) {
            source += QStringLiteral(":%1:%2").arg(p.sourceMark.line).arg(p.sourceMark.column);
        }
        if (!p.sourcePointer.empty()) {
            source += QLatin1Char(' ') + QString::fromStdString(p.sourcePointer);
        }
        //: --explain: target field ← source file:line:col and path. Keep the arrow.
        out += prefix +
               QCoreApplication::translate("toriictl", "  %1 ← %2")
                   .arg(QString::fromStdString(p.targetPath), source) +
               QLatin1Char('\n');
        if (!p.explanation.isEmpty()) {
            out += prefix + QStringLiteral("      ") +
                   QString::fromStdString(p.explanation.localized()) + QLatin1Char('\n');
        }
    }
    return out;
}

} // namespace

int runConvert(const QStringList &arguments)
{
    QCommandLineParser parser;
    QString sources;
    for (const ConverterEntry &entry : converters()) {
        sources += QStringLiteral("\n  %1  %2")
                       .arg(QString::fromLatin1(entry.name),
                            QString::fromStdString(Runtime::converterSummary(entry)));
    }
    parser.setApplicationDescription(
        QCoreApplication::translate(
            "toriictl",
            "Convert another tool's configuration into Kubernetes Gateway API objects: the objects "
            "on stdout, what has no equivalent or was guessed on stderr.\n\nSources:") +
        sources);
    parser.addHelpOption();
    const QCommandLineOption output(
        {QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("toriictl", "Output format: yaml or json."),
        QStringLiteral("format"), QStringLiteral("yaml"));
    const QCommandLineOption explain(
        QStringLiteral("explain"),
        QCoreApplication::translate(
            "toriictl", "Also print, for every generated field, where it came from and why."));
    const QCommandLineOption ns(
        QStringLiteral("namespace"),
        QCoreApplication::translate("toriictl",
                                    "Namespace for input objects that name none (default: "
                                    "default)."),
        QStringLiteral("namespace"));
    const QCommandLineOption gatewayClass(
        QStringLiteral("gateway-class"),
        QCoreApplication::translate(
            "toriictl", "gatewayClassName of the generated Gateways (default: from the input)."),
        QStringLiteral("name"));
    const QCommandLineOption noHints(
        QStringLiteral("no-hints"), QCoreApplication::translate("toriictl", "Do not print hints."));
    const QCommandLineOption tlsSecret(
        QStringLiteral("tls-secret"),
        QCoreApplication::translate(
            "toriictl", "openapi3: the Secret of the HTTPS listeners, [NAMESPACE/]NAME."),
        QStringLiteral("secret"));
    const QCommandLineOption backend(
        QStringLiteral("backend"),
        QCoreApplication::translate(
            "toriictl", "openapi3: the Service every route forwards to, [NAMESPACE/]NAME[:PORT]."),
        QStringLiteral("service"));
    parser.addOptions({output, explain, ns, gatewayClass, tlsSecret, backend, noHints});
    parser.addPositionalArgument(QStringLiteral("source"),
                                 QCoreApplication::translate("toriictl", "What to convert from."),
                                 QStringLiteral("SOURCE"));
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QCoreApplication::translate("toriictl", "Input files or folders."),
                                 QStringLiteral("FILE|DIR..."));
    if (const std::optional<int> done = parseCommandLine(parser, arguments, "convert")) {
        return *done;
    }
    const QString format = parser.value(output);
    if (format != QLatin1String("yaml") && format != QLatin1String("json")) {
        fputsUtf8(
            QCoreApplication::translate(
                "toriictl", "toriictl convert: unknown output format \"%1\" (use yaml or json)")
                    .arg(format) +
                QLatin1Char('\n'),
            stderr);
        return ExitUnusable;
    }
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        fputsUtf8(QCoreApplication::translate("toriictl",
                                              "toriictl convert: name what to convert from (%1)")
                          .arg(QString::fromStdString([] {
                              std::string names;
                              for (const ConverterEntry &e : converters()) {
                                  names += (names.empty() ? "" : ", ") + std::string(e.name);
                              }
                              return names;
                          }())) +
                      QLatin1Char('\n'),
                  stderr);
        return ExitUnusable;
    }
    const QString sourceName = positional.takeFirst();
    const ConverterEntry *entry = Runtime::findConverter(sourceName.toStdString());
    if (!entry) {
        fputsUtf8(QCoreApplication::translate("toriictl", "toriictl convert: unknown source \"%1\"")
                          .arg(sourceName) +
                      QLatin1Char('\n') + parser.helpText(),
                  stderr);
        return ExitUnusable;
    }
    const std::optional<std::vector<std::string>> paths = existingPaths(
        positional, QCoreApplication::translate(
                        "toriictl", "toriictl convert: name at least one file or folder"));
    if (!paths) {
        return ExitUnusable;
    }

    // Read every document with positions; a file that does not parse makes the input unusable.
    Runtime::ReadInputs read = Runtime::readInputFiles(expandPaths(*paths));
    const Core::Diagnostics &readNotes = read.notes;
    const std::vector<ConvertInput> &inputs = read.inputs;
    const bool unreadable = read.unreadable;
    const bool withHints = !parser.isSet(noHints);
    if (unreadable) {
        const QByteArray text = diagnosticsAsText(readNotes, withHints);
        std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stderr);
        return ExitUnusable;
    }
    if (!Runtime::claimsAny(*entry, inputs)) {
        const QByteArray text = diagnosticsAsText(readNotes, withHints);
        std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stderr);
        fputsUtf8(QCoreApplication::translate(
                      "toriictl", "toriictl convert: the input has nothing the %1 converter reads")
                          .arg(sourceName) +
                      QLatin1Char('\n'),
                  stderr);
        return ExitUnusable;
    }

    ConvertSettings settings;
    settings.defaultNamespace = parser.value(ns).toStdString();
    settings.gatewayClass = parser.value(gatewayClass).toStdString();
    settings.tlsSecret = parser.value(tlsSecret).toStdString();
    settings.backend = parser.value(backend).toStdString();
    const Convert::Conversion conversion = entry->convert(inputs, settings);

    if (format == QLatin1String("json")) {
        Model::Node list = Model::Node::map();
        list.set("apiVersion", Model::Node::string("v1"));
        list.set("kind", Model::Node::string("List"));
        Model::Node items = Model::Node::list();
        for (const Model::Node &object : conversion.objects) {
            items.append(Yaml::canonicalObject(object));
        }
        list.set("items", items);
        const QByteArray json =
            QJsonDocument::fromJson(QByteArray::fromStdString(list.toJson())).toJson();
        std::fwrite(json.constData(), 1, static_cast<std::size_t>(json.size()), stdout);
        if (parser.isSet(explain)) {
            fputsUtf8(explanation(conversion.provenance, QString()), stderr);
        }
    } else {
        const std::string yaml = Yaml::emitDocuments(conversion.objects);
        std::fwrite(yaml.data(), 1, yaml.size(), stdout);
        if (parser.isSet(explain)) {
            fputsUtf8(explanation(conversion.provenance, QStringLiteral("# ")), stdout);
        }
    }
    Core::Diagnostics notes = readNotes;
    notes.insert(notes.end(), conversion.notes.begin(), conversion.notes.end());
    const QByteArray text = diagnosticsAsText(notes, withHints);
    std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stderr);
    //: Summary after the notes of toriictl convert.
    fputsUtf8(QCoreApplication::translate("toriictl", "objects: %1, errors: %2, warnings: %3")
                      .arg(conversion.objects.size())
                      .arg(Core::countOf(notes, Core::Severity::Error))
                      .arg(Core::countOf(notes, Core::Severity::Warning)) +
                  QLatin1Char('\n'),
              stderr);
    return conversion.usable() ? ExitOk : ExitFindings;
}

} // namespace Torii::Cli
