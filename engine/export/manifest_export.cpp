#include "manifest_export.h"

#include "engine/export/hierarchy_graph.h"
#include "engine/yaml/yaml_emitter.h"

#include <QtCore/QByteArray>

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace Torii::Export {

namespace {

using Model::Node;

constexpr std::string_view kPrivateKeyMarker = "PRIVATE KEY-----";

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string twoDigits(int n)
{
    return (n < 10 ? "0" : "") + std::to_string(n);
}

// The exported object a diagnostic is about: same file, the last object starting at or before
// the diagnostic's line.
std::optional<std::size_t> ownerOf(const std::vector<Model::Resource> &resources,
                                   const Core::Diagnostic &d)
{
    std::optional<std::size_t> best;
    long bestLine = 0;
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const Model::SourceRef &s = resources[i].source;
        const long line = static_cast<long>(s.mark.line);
        if (s.file != d.file || line > d.line || line < bestLine) {
            continue;
        }
        best = i;
        bestLine = line;
    }
    return best;
}

Core::Diagnostic warningFor(const Model::Resource &r, Core::Severity severity, std::string code,
                            Core::Text message, Core::Text hint = {})
{
    Core::Diagnostic d = Core::makeDiagnostic(severity, std::move(code), std::move(message),
                                              std::move(hint));
    d.file = r.source.file;
    d.line = static_cast<int>(r.source.mark.line);
    d.column = static_cast<int>(r.source.mark.column);
    return d;
}

} // namespace

int applyRank(std::string_view kind)
{
    static const std::vector<std::string_view> order = {
        "Namespace",      "GatewayClass", "Secret",    "ConfigMap", "Gateway",
        "ListenerSet",    "ReferenceGrant", "HTTPRoute", "GRPCRoute", "TLSRoute",
        "TCPRoute",       "UDPRoute",     "BackendTLSPolicy", "Service", "Deployment"};
    const auto it = std::find(order.begin(), order.end(), kind);
    return it == order.end() ? static_cast<int>(order.size())
                             : static_cast<int>(it - order.begin());
}

bool holdsPrivateKey(const Model::Resource &resource)
{
    if (resource.kind != "Secret") {
        return false;
    }
    const Node &object = resource.object;
    if (object["type"].asString() == "kubernetes.io/tls") {
        return true;
    }
    for (const char *field : {"data", "stringData"}) {
        for (const auto &entry : object[field].entries()) {
            if (entry.key == "tls.key") {
                return true;
            }
            std::string value = entry.value.asString();
            if (std::string_view(field) == "data") {
                value = QByteArray::fromBase64(QByteArray::fromStdString(value)).toStdString();
            }
            if (value.find(kPrivateKeyMarker) != std::string::npos) {
                return true;
            }
        }
    }
    return false;
}

ExportResult exportManifests(const std::vector<Model::Resource> &resources,
                             const Core::Diagnostics &validation, const ExportOptions &options)
{
    ExportResult result;

    // A later object with the same identity is what the API server would hold.
    std::map<std::tuple<std::string, std::string, std::string, std::string>, std::size_t> last;
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const Model::Resource &r = resources[i];
        last[{r.group(), r.kind, r.ns, r.name}] = i;
    }

    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const Model::Resource &r = resources[i];
        if (last[{r.group(), r.kind, r.ns, r.name}] != i) {
            result.excluded.push_back(i);
            continue;
        }
        if (isStudioMadeUp(r)) {
            result.excluded.push_back(i);
            result.warnings.push_back(warningFor(
                r, Core::Severity::Info, "export.made-up",
                Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "%1 was made up by the studio and is not exported"),
                           {r.displayName()})));
            continue;
        }
        if (!options.includeSecrets && holdsPrivateKey(r)) {
            result.excluded.push_back(i);
            result.warnings.push_back(warningFor(
                r, Core::Severity::Warning, "export.secret-excluded",
                Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "%1 holds a private key and is not exported"),
                           {r.displayName()}),
                Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "create it in the cluster separately (or let "
                                             "cert-manager issue it), or export with secrets "
                                             "included"))));
            continue;
        }
        kept.push_back(i);
    }

    // What the cluster will reject or ignore, once per diagnostic, on the object it is about.
    for (const Core::Diagnostic &d : validation) {
        const auto owner = ownerOf(resources, d);
        if (!owner || std::find(kept.begin(), kept.end(), *owner) == kept.end()) {
            continue;
        }
        const Model::Resource &r = resources[*owner];
        const bool experimentalKind = d.code == "lint.experimental-kind";
        const bool experimentalField = d.code == "lint.experimental-field";
        Core::Diagnostic w = d;
        w.severity = Core::Severity::Warning;
        if (d.isError()) {
            w.code = "export.rejected";
            w.messageText = Core::text(
                QT_TRANSLATE_NOOP("Diagnostics", "the cluster will reject %1: %2"),
                {r.displayName(), d.localizedMessage()});
        } else if (experimentalKind && options.channel == Channel::Standard) {
            w.code = "export.rejected";
            w.messageText = Core::text(
                QT_TRANSLATE_NOOP("Diagnostics",
                                  "a standard-channel cluster will reject %1: %2"),
                {r.displayName(), d.localizedMessage()});
        } else if (experimentalField && options.channel == Channel::Standard) {
            w.code = "export.ignored";
            w.messageText = Core::text(
                QT_TRANSLATE_NOOP("Diagnostics",
                                  "a standard-channel cluster will ignore a field of %1: %2"),
                {r.displayName(), d.localizedMessage()});
        } else {
            continue;
        }
        w.message = w.messageText.english();
        result.warnings.push_back(std::move(w));
    }

    std::stable_sort(kept.begin(), kept.end(), [&](std::size_t a, std::size_t b) {
        const Model::Resource &x = resources[a];
        const Model::Resource &y = resources[b];
        const int rx = applyRank(x.kind);
        const int ry = applyRank(y.kind);
        return std::tie(rx, x.kind, x.ns, x.name) < std::tie(ry, y.kind, y.ns, y.name);
    });
    result.exported = kept;

    // Group into files, keeping the apply order inside each.
    std::map<std::string, ExportFile> files;
    for (std::size_t i : kept) {
        const Model::Resource &r = resources[i];
        std::string name;
        switch (options.split) {
        case SplitMode::None:
            name = "manifests.yaml";
            break;
        case SplitMode::Role: {
            // Namespaces are the cluster operator's; kinds without a role get their own file.
            const Role role = r.kind == "Namespace" ? Role::ClusterOperator : roleOfKind(r.kind);
            const int number = role == Role::None ? 9 : static_cast<int>(role) + 1;
            name = twoDigits(number) + "-" + roleId(role) + ".yaml";
            break;
        }
        case SplitMode::Kind:
            name = twoDigits(applyRank(r.kind)) + "-" + lower(r.kind) + ".yaml";
            break;
        }
        ExportFile &file = files[name];
        file.name = name;
        file.objects.push_back(i);
    }
    Yaml::EmitOptions emitOptions;
    emitOptions.keepStatus = false;
    for (auto &[name, file] : files) {
        std::vector<Node> documents;
        for (std::size_t i : file.objects) {
            documents.push_back(resources[i].object);
        }
        file.text = Yaml::emitDocuments(documents, emitOptions);
        result.files.push_back(std::move(file));
    }
    return result;
}

} // namespace Torii::Export
