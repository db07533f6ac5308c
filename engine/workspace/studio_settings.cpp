#include "studio_settings.h"

#include "engine/core/catalog.h"
#include "engine/model/node_reader.h"
#include "engine/yaml/yaml_loader.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSaveFile>
#include <QtCore/QtGlobal>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace Torii::Workspace {

using Model::Node;

const BackendSettings *StudioSettings::backend(const std::string &service) const
{
    const auto it = std::find_if(backends.begin(), backends.end(),
                                 [&](const BackendSettings &b) { return b.service == service; });
    return it == backends.end() ? nullptr : &*it;
}

void StudioSettings::setBackend(const BackendSettings &settings)
{
    const auto it = std::find_if(backends.begin(), backends.end(),
                                 [&](const BackendSettings &b) { return b.service == settings.service; });
    if (settings.isDefault()) {
        if (it != backends.end()) {
            backends.erase(it);
        }
    } else if (it != backends.end()) {
        *it = settings;
    } else {
        backends.push_back(settings);
    }
}

namespace {

class SettingsReader : private Model::NodeReader
{
public:
    SettingsReader(std::string fileName, Core::Diagnostics &diagnostics)
        : NodeReader(std::move(fileName), diagnostics,
                     {"settings.type", "settings.unknown-field",
                      QT_TRANSLATE_NOOP("Diagnostics", "unknown field \"%1\" in the studio settings is ignored")})
    {}

    void parseRoot(const Node &root, StudioSettings &out)
    {
        if (root.isNull()) {
            return; // only comments
        }
        if (!root.isMap()) {
            error(root.mark(), "settings.shape",
                  Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                               "torii.yaml is a map with ports, backends, mixes and scenarios")));
            return;
        }
        warnUnknownKeys(root, {"ports", "backends", "mixes", "scenarios"});
        if (const Node *ports = list(root, "ports")) {
            for (const Node &item : ports->items()) {
                PortOverride p;
                if (parsePort(item, p)) {
                    out.ports.push_back(std::move(p));
                }
            }
        }
        if (const Node *backends = list(root, "backends")) {
            for (const Node &item : backends->items()) {
                BackendSettings b;
                if (parseBackend(item, b)) {
                    out.backends.push_back(std::move(b));
                }
            }
        }
        paths(root, "mixes", out.mixes);
        paths(root, "scenarios", out.scenarios);
    }

private:
    const Node *list(const Node &root, const char *field)
    {
        const Node *n = root.find(field);
        if (!n || n->isNull()) {
            return nullptr;
        }
        if (!n->isList()) {
            error(n->mark(), "settings.type",
                  Core::text(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be a list"), {field}));
            return nullptr;
        }
        return n;
    }

    void paths(const Node &root, const char *field, std::vector<std::string> &out)
    {
        if (const Node *n = list(root, field)) {
            for (const Node &item : n->items()) {
                const std::string path = scalar(item, field);
                if (!path.empty()) {
                    out.push_back(path);
                }
            }
        }
    }

    bool isMap(const Node &item, const char *what)
    {
        if (!item.isMap()) {
            error(item.mark(), "settings.type",
                  Core::text(QT_TRANSLATE_NOOP("Diagnostics", "each entry of %1 is a map"), {what}));
            return false;
        }
        return true;
    }

    // "namespace/name" in `field` of `item`; required.
    std::string qualifiedName(const Node &item, const char *field)
    {
        const Node *n = item.find(field);
        if (!n) {
            error(item.mark(), "settings.required",
                  Core::text(QT_TRANSLATE_NOOP("Diagnostics", "%1 is required"), {field}));
            return {};
        }
        const std::string value = scalar(*n, field);
        const auto slash = value.find('/');
        if (!value.empty() && (slash == std::string::npos || slash == 0 || slash + 1 == value.size()
                               || value.find('/', slash + 1) != std::string::npos)) {
            error(n->mark(), "settings.name",
                  Core::text(QT_TRANSLATE_NOOP("Diagnostics", "%1 is written namespace/name, not \"%2\""),
                             {field, value}));
            return {};
        }
        return value;
    }

    std::optional<std::int64_t> integer(const Node &item, const char *field, std::int64_t min, std::int64_t max,
                                        bool required)
    {
        const Node *n = item.find(field);
        if (!n) {
            if (required) {
                error(item.mark(), "settings.required",
                      Core::text(QT_TRANSLATE_NOOP("Diagnostics", "%1 is required"), {field}));
            }
            return std::nullopt;
        }
        if (!n->isInt() || n->asInt() < min || n->asInt() > max) {
            error(n->mark(), "settings.range",
                  Core::text(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be a whole number from %2 to %3, not \"%4\""),
                             {field, std::to_string(min), std::to_string(max), n->asString()}));
            return std::nullopt;
        }
        return n->asInt();
    }

    std::optional<double> number(const Node &item, const char *field, double min, double max)
    {
        const Node *n = item.find(field);
        if (!n) {
            return std::nullopt;
        }
        if (!n->isNumber() || !std::isfinite(n->asDouble()) || n->asDouble() < min || n->asDouble() > max) {
            error(n->mark(), "settings.range",
                  Core::text(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be a number from %2 to %3, not \"%4\""),
                             {field, trimmed(min), trimmed(max), n->asString()}));
            return std::nullopt;
        }
        return n->asDouble();
    }

    static std::string trimmed(double value)
    {
        std::ostringstream out;
        out << value;
        return out.str();
    }

    bool parsePort(const Node &item, PortOverride &p)
    {
        if (!isMap(item, "ports")) {
            return false;
        }
        const int before = errorCount();
        warnUnknownKeys(item, {"gateway", "port", "localPort"});
        p.gateway = qualifiedName(item, "gateway");
        p.port = int(integer(item, "port", 1, 65535, true).value_or(0));
        p.localPort = int(integer(item, "localPort", 1, 65535, true).value_or(0));
        return errorCount() == before;
    }

    bool parseBackend(const Node &item, BackendSettings &b)
    {
        if (!isMap(item, "backends")) {
            return false;
        }
        const int before = errorCount();
        warnUnknownKeys(item, {"service", "latencyMs", "errorRate", "errorStatus", "down"});
        b.service = qualifiedName(item, "service");
        b.latencyMs = number(item, "latencyMs", 0.0, 600000.0).value_or(0.0);
        b.errorRate = number(item, "errorRate", 0.0, 1.0).value_or(0.0);
        b.errorStatus = int(integer(item, "errorStatus", 100, 599, false).value_or(503));
        if (const Node *d = item.find("down")) {
            if (!d->isBool()) {
                error(d->mark(), "settings.type",
                      Core::text(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be true or false"), {"down"}));
            } else {
                b.down = d->asBool();
            }
        }
        return errorCount() == before;
    }
};

// A YAML double-quoted scalar.
std::string quoted(const std::string &text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + '"';
}

std::string number(double value)
{
    std::ostringstream out;
    out.precision(15);
    out << value;
    return out.str();
}

} // namespace

StudioSettingsRead parseStudioSettings(std::string_view text, const std::string &fileName)
{
    StudioSettingsRead result;
    Yaml::LoadResult loaded = Yaml::loadText(text, fileName);
    result.diagnostics = std::move(loaded.diagnostics);
    if (loaded.fatal || Core::hasErrors(result.diagnostics) || loaded.documents.empty()) {
        return result;
    }
    if (loaded.documents.size() != 1) {
        Core::Diagnostic d = Core::makeDiagnostic(
            Core::Severity::Error, "settings.shape",
            Core::text(QT_TRANSLATE_NOOP("Diagnostics", "torii.yaml holds one YAML document")));
        d.file = fileName;
        d.line = int(loaded.documents[1].start.line);
        d.column = int(loaded.documents[1].start.column);
        result.diagnostics.push_back(std::move(d));
        return result;
    }
    SettingsReader(fileName, result.diagnostics).parseRoot(loaded.documents[0].root, result.settings);
    return result;
}

StudioSettingsRead readStudioSettings(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        StudioSettingsRead result;
        Core::Diagnostic d = Core::makeDiagnostic(
            Core::Severity::Error, "settings.read",
            Core::text(QT_TRANSLATE_NOOP("Diagnostics", "cannot read the studio settings: %1"),
                       {file.errorString().toStdString()}));
        d.file = path.toStdString();
        result.diagnostics.push_back(std::move(d));
        return result;
    }
    const QByteArray bytes = file.readAll();
    return parseStudioSettings(std::string_view(bytes.constData(), std::size_t(bytes.size())), path.toStdString());
}

QString studioSettingsPath(const QString &root)
{
    return QDir(root).filePath(QLatin1String(kStudioSettingsFileName));
}

std::string studioSettingsText(const StudioSettings &settings)
{
    std::string out = "# Torii studio settings of this workspace (written by the studio; see\n"
                      "# engine/workspace/studio_settings.h). Not a Kubernetes object.\n";
    if (settings.isEmpty()) {
        return out + "{}\n";
    }
    if (!settings.ports.empty()) {
        out += "ports:\n";
        for (const PortOverride &p : settings.ports) {
            out += "- gateway: " + quoted(p.gateway) + "\n  port: " + std::to_string(p.port)
                   + "\n  localPort: " + std::to_string(p.localPort) + '\n';
        }
    }
    if (!settings.backends.empty()) {
        out += "backends:\n";
        for (const BackendSettings &b : settings.backends) {
            out += "- service: " + quoted(b.service) + "\n  latencyMs: " + number(b.latencyMs)
                   + "\n  errorRate: " + number(b.errorRate) + "\n  errorStatus: " + std::to_string(b.errorStatus)
                   + "\n  down: " + (b.down ? "true" : "false") + '\n';
        }
    }
    for (const auto &[name, list] : {std::pair{"mixes", &settings.mixes}, std::pair{"scenarios", &settings.scenarios}}) {
        if (!list->empty()) {
            out += std::string(name) + ":\n";
            for (const std::string &path : *list) {
                out += "- " + quoted(path) + '\n';
            }
        }
    }
    return out;
}

bool writeStudioSettings(const QString &path, const StudioSettings &settings, QString *error)
{
    QSaveFile file(path);
    const std::string text = studioSettingsText(settings);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("Diagnostics", "cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Torii::Workspace
