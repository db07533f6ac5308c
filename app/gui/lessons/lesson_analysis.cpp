#include "lesson_analysis.h"

#include "lesson_catalog.h"

#include "app/gui/migrate/migration.h"
#include "app/runtime/serve_session.h"
#include "app/runtime/validation_run.h"
#include "engine/convert/version_upgrade_rewrite.h"
#include "engine/yaml/resource_reader.h"
#include "engine/yaml/yaml_emitter.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace Torii::Gui {

namespace {

constexpr std::string_view kGatewayGroup = "gateway.networking.k8s.io";

bool isHealthy(const std::string &type, const std::string &status)
{
    if (type == "Conflicted" || type == "PartiallyInvalid") {
        return status != "True";
    }
    if (type == "Accepted" || type == "Programmed" || type == "ResolvedRefs" ||
        type == "SupportedVersion") {
        return status == "True";
    }
    return true; // other types (InsecureFrontendValidationMode …) are information
}

// "gateway-system/production-gateway section https" from a parentRef / ancestorRef node.
std::string refText(const Model::Node &ref)
{
    std::string out;
    if (const std::string ns = ref["namespace"].asString();
        !ns.empty() && !ref["namespace"].isNull()) {
        out = ns + '/';
    }
    out += ref["name"].asString();
    if (const Model::Node *section = ref.find("sectionName"); section && !section->isNull()) {
        out += " section " + section->asString();
    }
    return out;
}

// Where a condition list sits on an object (LessonFinding::whereKind and its parts).
struct ConditionPlace
{
    LessonFinding::Where kind = LessonFinding::Where::Object;
    std::string name;
    std::string section;
    std::string key; // LessonFinding::where
};

void addConditions(const Model::Node &conditions, const Model::Resource &resource,
                   const ConditionPlace &where, const std::string &file,
                   std::vector<LessonFinding> &out)
{
    for (const Model::Node &c : conditions.items()) {
        const std::string type = c["type"].asString();
        const std::string status = c["status"].asString();
        if (isHealthy(type, status)) {
            continue;
        }
        LessonFinding f;
        f.kind = LessonFinding::Kind::Condition;
        f.severity = type == "Accepted" ? Core::Severity::Error : Core::Severity::Warning;
        f.object = resource.displayName();
        f.where = where.key;
        f.whereKind = where.kind;
        f.whereName = where.name;
        f.whereSection = where.section;
        f.type = type;
        f.status = status;
        f.reason = c["reason"].asString();
        f.message = c["message"].asString();
        f.file = file;
        f.line = int(resource.source.mark.line);
        out.push_back(std::move(f));
    }
}

// "gateway-system/production-gateway" of a parentRef / ancestorRef node (its sectionName apart).
std::string refName(const Model::Node &ref)
{
    std::string out;
    if (const std::string ns = ref["namespace"].asString();
        !ns.empty() && !ref["namespace"].isNull()) {
        out = ns + '/';
    }
    return out + ref["name"].asString();
}

std::string refSection(const Model::Node &ref)
{
    const Model::Node *section = ref.find("sectionName");
    return section && !section->isNull() ? section->asString() : std::string();
}

// `listeners`: when set, the listener conditions of only these listeners (a borrowed Gateway:
// the listeners the lesson's routes name).
void addStatusFindings(const Model::Node &status, const Model::Resource &resource,
                       const std::string &file, std::vector<LessonFinding> &out,
                       const std::set<std::string> *listeners = nullptr)
{
    if (const Model::Node *conditions = status.find("conditions")) {
        addConditions(*conditions, resource, {}, file, out);
    }
    if (const Model::Node *list = status.find("listeners")) {
        for (const Model::Node &l : list->items()) {
            const std::string name = l["name"].asString();
            if (listeners && !listeners->count(name)) {
                continue;
            }
            if (const Model::Node *conditions = l.find("conditions")) {
                addConditions(*conditions, resource,
                              {LessonFinding::Where::Listener, name, {}, "listener " + name}, file,
                              out);
            }
        }
    }
    for (const char *key : {"parents", "ancestors"}) {
        const Model::Node *parents = status.find(key);
        if (!parents) {
            continue;
        }
        const bool parent = key == std::string_view("parents");
        for (const Model::Node &p : parents->items()) {
            const Model::Node *ref = p.find("parentRef");
            if (!ref) {
                ref = p.find("ancestorRef");
            }
            ConditionPlace where;
            where.kind = parent ? LessonFinding::Where::Parent : LessonFinding::Where::Ancestor;
            if (ref) {
                where.name = refName(*ref);
                where.section = refSection(*ref);
            }
            where.key = std::string(parent ? "parent " : "ancestor ") + (ref ? refText(*ref) : "");
            if (const Model::Node *conditions = p.find("conditions")) {
                addConditions(*conditions, resource, where, file, out);
            }
        }
    }
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

// The shell block's commands, each with the comment above it.
void addShellFindings(const LessonBlock &block, std::vector<LessonFinding> &out)
{
    QString comment;
    const QStringList lines = block.text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty()) {
            continue;
        }
        if (line.startsWith(QLatin1Char('#'))) {
            comment = line.mid(1).trimmed();
            continue;
        }
        LessonFinding f;
        f.kind = LessonFinding::Kind::Shell;
        f.severity = Core::Severity::Info;
        f.object = block.file.toStdString();
        f.message = line.toStdString();
        f.reason = comment.toStdString();
        f.file = block.file.toStdString();
        f.line = i + 1;
        out.push_back(std::move(f));
    }
}

bool isRouteKind(const Model::Resource &r)
{
    return r.group() == kGatewayGroup &&
           (r.kind == "HTTPRoute" || r.kind == "GRPCRoute" || r.kind == "TCPRoute" ||
            r.kind == "UDPRoute" || r.kind == "TLSRoute");
}

Model::Node stringList(const std::set<std::string> &values)
{
    Model::Node list = Model::Node::list();
    for (const std::string &v : values) {
        list.items().push_back(Model::Node::string(v));
    }
    return list;
}

// allowedRoutes.namespaces admitting exactly `namespaces`, by the label every namespace carries.
Model::Node namespacesAdmitting(const std::set<std::string> &namespaces)
{
    Model::Node requirement = Model::Node::map();
    requirement.set("key", Model::Node::string("kubernetes.io/metadata.name"));
    requirement.set("operator", Model::Node::string("In"));
    requirement.set("values", stringList(namespaces));
    Model::Node expressions = Model::Node::list();
    expressions.items().push_back(std::move(requirement));
    Model::Node selector = Model::Node::map();
    selector.set("matchExpressions", std::move(expressions));
    Model::Node out = Model::Node::map();
    out.set("from", Model::Node::string("Selector"));
    out.set("selector", std::move(selector));
    return out;
}

Model::Node *listenerNamed(Model::Node &gateway, const std::string &name)
{
    Model::Node *spec = gateway.find("spec");
    Model::Node *listeners = spec ? spec->find("listeners") : nullptr;
    if (!listeners || !listeners->isList()) {
        return nullptr;
    }
    for (Model::Node &l : listeners->items()) {
        if (l["name"].asString() == name) {
            return &l;
        }
    }
    return nullptr;
}

// The Accepted condition of `route`'s parent `where` (LessonFinding::where) in `run`.
std::pair<std::string, std::string> acceptedOf(const Runtime::StatusRun &run,
                                               const std::string &route, const std::string &where)
{
    for (std::size_t i = 0; i < run.resources.size(); ++i) {
        if (run.resources[i].displayName() != route || i >= run.controller.statuses.size() ||
            !run.controller.statuses[i]) {
            continue;
        }
        const Model::Node *parents = run.controller.statuses[i]->find("parents");
        for (const Model::Node &p : parents ? parents->items() : Model::Node::List{}) {
            const Model::Node *ref = p.find("parentRef");
            if (!ref || "parent " + refText(*ref) != where) {
                continue;
            }
            for (const Model::Node &c : p["conditions"].items()) {
                if (c["type"].asString() == "Accepted") {
                    return {c["status"].asString(), c["reason"].asString()};
                }
            }
        }
    }
    return {};
}

// What "Complete the example" adds and replaces, beyond the Services.
struct ExampleFixes
{
    std::map<std::string, Model::Node> namespaces;   // name → the Namespace to add
    std::map<std::string, Model::Node> replacements; // "Gateway ns/name" → its completed copy
    std::vector<LessonFinding> findings;             // Kind::Completion, before/after not set
};

// The fixes for the lesson's own routes that `run` (the guide's objects with the missing
// namespaces and Services added) leaves off their listeners: see the header.
void findFixes(const Runtime::StatusRun &run, const std::set<std::string> &ownPaths,
               const std::map<std::string, std::string> &fileOfPath, ExampleFixes &fixes)
{
    // (gateway display name, listener) → the namespaces the completed listener admits.
    std::map<std::pair<std::string, std::string>, std::set<std::string>> admitted;
    const auto gatewayCopy = [&](const std::string &ns, const std::string &name) -> Model::Node * {
        const std::string key = "Gateway " + ns + '/' + name;
        if (auto it = fixes.replacements.find(key); it != fixes.replacements.end()) {
            return &it->second;
        }
        for (const Model::Resource &r : run.resources) {
            if (r.kind == "Gateway" && r.group() == kGatewayGroup && r.ns == ns && r.name == name) {
                return &fixes.replacements.emplace(key, r.object).first->second;
            }
        }
        return nullptr;
    };
    std::set<std::string> changed; // replacements that were really changed
    for (std::size_t i = 0; i < run.resources.size(); ++i) {
        const Model::Resource &route = run.resources[i];
        if (!isRouteKind(route) || !ownPaths.count(route.source.file) ||
            i >= run.controller.statuses.size() || !run.controller.statuses[i]) {
            continue;
        }
        const Model::Node *parents = run.controller.statuses[i]->find("parents");
        for (const Model::Node &p : parents ? parents->items() : Model::Node::List{}) {
            const Model::Node *ref = p.find("parentRef");
            if (!ref || (ref->find("kind") && (*ref)["kind"].asString() != "Gateway")) {
                continue;
            }
            std::string reason;
            for (const Model::Node &c : p["conditions"].items()) {
                if (c["type"].asString() == "Accepted" && c["status"].asString() == "False") {
                    reason = c["reason"].asString();
                }
            }
            if (reason != "NotAllowedByListeners" && reason != "NoMatchingParent") {
                continue;
            }
            const std::string gwNs =
                (*ref)["namespace"].asString().empty() ? route.ns : (*ref)["namespace"].asString();
            const std::string gwName = (*ref)["name"].asString();
            const std::string section = refSection(*ref);
            Model::Node *gateway = gatewayCopy(gwNs, gwName);
            if (!gateway) {
                continue; // the Gateway is not among the lesson's objects: nothing to complete
            }
            const std::string gatewayKey = "Gateway " + gwNs + '/' + gwName;
            LessonFinding f;
            f.kind = LessonFinding::Kind::Completion;
            f.severity = Core::Severity::Info;
            f.object = route.displayName();
            f.where = "parent " + refText(*ref);
            f.whereKind = LessonFinding::Where::Parent;
            f.whereName = refName(*ref);
            f.whereSection = section;
            f.type = "Accepted";
            f.file = fileOfPath.count(route.source.file) ? fileOfPath.at(route.source.file) : "";
            f.line = int(route.source.mark.line);

            Model::Node *listener = section.empty() ? nullptr : listenerNamed(*gateway, section);
            if (reason == "NoMatchingParent") {
                if (section.empty() || listener) {
                    continue;
                }
                // A listener of that name, for this route's kind, on the route's backend port.
                static const std::map<std::string, std::string> protocolOf = {{"HTTPRoute", "HTTP"},
                                                                              {"GRPCRoute", "HTTP"},
                                                                              {"TCPRoute", "TCP"},
                                                                              {"UDPRoute", "UDP"},
                                                                              {"TLSRoute", "TLS"}};
                const std::string protocol = protocolOf.at(route.kind);
                std::int64_t port = 8080;
                if (const Model::Node *rules = route.object.at("spec.rules");
                    rules && rules->size() > 0) {
                    const Model::Node &refs = rules->items().front()["backendRefs"];
                    if (refs.size() > 0 && refs.items().front()["port"].isInt()) {
                        port = refs.items().front()["port"].asInt();
                    }
                }
                std::set<std::int64_t> used;
                for (const Model::Node &l : gateway->at("spec.listeners")->items()) {
                    used.insert(l["port"].asInt());
                }
                while (used.count(port)) {
                    ++port;
                }
                Model::Node added = Model::Node::map();
                added.set("name", Model::Node::string(section));
                added.set("port", Model::Node::integer(port));
                added.set("protocol", Model::Node::string(protocol));
                if (protocol == "TLS") {
                    Model::Node tls = Model::Node::map();
                    tls.set("mode", Model::Node::string("Passthrough"));
                    added.set("tls", std::move(tls));
                }
                Model::Node kinds = Model::Node::list();
                Model::Node kind = Model::Node::map();
                kind.set("kind", Model::Node::string(route.kind));
                kinds.items().push_back(std::move(kind));
                Model::Node allowed = Model::Node::map();
                allowed.set("kinds", std::move(kinds));
                added.set("allowedRoutes", std::move(allowed));
                gateway->find("spec")->find("listeners")->items().push_back(std::move(added));
                admitted[{gatewayKey, section}].insert(route.ns);
                changed.insert(gatewayKey);
                f.fix = LessonFinding::Fix::ListenerAdded;
                f.fixArgs = {gwNs + '/' + gwName, section, protocol, std::to_string(port),
                             route.ns};
                fixes.findings.push_back(std::move(f));
                continue;
            }
            // NotAllowedByListeners: the named listener (or, without sectionName, the first
            // whose kinds admit the route) does not admit the route's namespace.
            if (!listener) {
                for (Model::Node &l : gateway->find("spec")->find("listeners")->items()) {
                    if (!listener) {
                        listener = &l;
                    }
                }
            }
            if (!listener) {
                continue;
            }
            const std::string listenerName = (*listener)["name"].asString();
            const Model::Node *namespaces = listener->at("allowedRoutes.namespaces");
            const std::string from = namespaces && (*namespaces)["from"].isString()
                                         ? (*namespaces)["from"].asString()
                                         : std::string("Same");
            const Model::Node *selector = namespaces ? namespaces->find("selector") : nullptr;
            const Model::Node *labels = selector ? selector->find("matchLabels") : nullptr;
            auto ns = fixes.namespaces.find(route.ns);
            if (from == "Selector" && labels && labels->isMap() &&
                !selector->find("matchExpressions") && ns != fixes.namespaces.end()) {
                // The namespace is one the completion creates: it gets the labels.
                Model::Node &metadata = *ns->second.find("metadata");
                Model::Node nsLabels =
                    metadata["labels"].isMap() ? metadata["labels"] : Model::Node::map();
                std::string added;
                for (const auto &entry : labels->entries()) {
                    nsLabels.set(entry.key, Model::Node::string(entry.value.asString()));
                    added += (added.empty() ? "" : ", ") + entry.key + '=' + entry.value.asString();
                }
                metadata.set("labels", std::move(nsLabels));
                f.fix = LessonFinding::Fix::NamespaceLabels;
                f.fixArgs = {route.ns, added};
                fixes.findings.push_back(std::move(f));
                continue;
            }
            if (from != "Same") {
                continue; // a selector on labels the guide gives its own namespace: explained only
            }
            auto &set = admitted[{gatewayKey, listenerName}];
            if (set.empty()) {
                set.insert(gwNs); // what `from: Same` admitted
            }
            set.insert(route.ns);
            changed.insert(gatewayKey);
            f.fix = LessonFinding::Fix::ListenerNamespaces;
            f.fixArgs = {gwNs + '/' + gwName, listenerName, {}};
            fixes.findings.push_back(std::move(f));
        }
    }
    for (auto &[key, namespaces] : admitted) {
        Model::Node *gateway = &fixes.replacements.at(key.first);
        Model::Node *listener = listenerNamed(*gateway, key.second);
        Model::Node allowed = (*listener)["allowedRoutes"].isMap() ? (*listener)["allowedRoutes"]
                                                                   : Model::Node::map();
        const std::string gwNs = (*gateway)["metadata"]["namespace"].asString();
        if (namespaces.size() == 1 && *namespaces.begin() == gwNs) {
            Model::Node same = Model::Node::map();
            same.set("from", Model::Node::string("Same"));
            allowed.set("namespaces", std::move(same));
        } else {
            allowed.set("namespaces", namespacesAdmitting(namespaces));
        }
        listener->set("allowedRoutes", std::move(allowed));
        std::string list;
        for (const std::string &n : namespaces) {
            list += (list.empty() ? "" : ", ") + n;
        }
        for (LessonFinding &f : fixes.findings) {
            if (f.fix == LessonFinding::Fix::ListenerNamespaces && f.fixArgs.size() == 3 &&
                "Gateway " + f.fixArgs[0] == key.first && f.fixArgs[1] == key.second) {
                f.fixArgs[2] = list;
            }
        }
    }
    for (auto it = fixes.replacements.begin(); it != fixes.replacements.end();) {
        it = changed.count(it->first) ? std::next(it) : fixes.replacements.erase(it);
    }
}

} // namespace

std::vector<std::pair<std::string, std::string>>
LessonAnalysis::conditionsOf(const std::string &displayName, std::string *reasons) const
{
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < status.resources.size(); ++i) {
        if (status.resources[i].displayName() != displayName ||
            i >= status.controller.statuses.size() || !status.controller.statuses[i]) {
            continue;
        }
        const Model::Node &node = *status.controller.statuses[i];
        std::vector<const Model::Node *> lists;
        if (const Model::Node *c = node.find("conditions")) {
            lists.push_back(c);
        }
        if (const Model::Node *parents = node.find("parents")) {
            for (const Model::Node &p : parents->items()) {
                if (const Model::Node *c = p.find("conditions")) {
                    lists.push_back(c);
                }
            }
        }
        for (const Model::Node *list : lists) {
            for (const Model::Node &c : list->items()) {
                out.emplace_back(c["type"].asString(), c["status"].asString());
                if (reasons) {
                    *reasons += c["reason"].asString() + ' ';
                }
            }
        }
    }
    return out;
}

std::string LessonAnalysis::blockYaml(const LessonBlock &block) const
{
    if (block.path.isEmpty()) {
        return {};
    }
    const std::string path = block.path.toStdString();
    std::vector<Model::Node> documents;
    bool replacedHere = false;
    for (const Model::Resource &r : status.resources) {
        if (r.source.file == path) {
            documents.push_back(r.object);
            replacedHere = replacedHere || std::find(replaced.begin(), replaced.end(),
                                                     r.displayName()) != replaced.end();
        }
    }
    return replacedHere ? Yaml::emitDocuments(documents) : block.text.toStdString();
}

int LessonAnalysis::count(Core::Severity severity) const
{
    int n = 0;
    for (const LessonFinding &f : findings) {
        n += f.severity == severity ? 1 : 0;
    }
    return n;
}

LessonAnalysis analyzeLesson(int lessonIndex, const QString &folder, bool completed)
{
    LessonAnalysis a;
    a.lesson = lessonIndex;
    a.folder = folder;
    a.completed = completed;
    const auto &all = LessonCatalog::lessons();
    if (lessonIndex < 0 || std::size_t(lessonIndex) >= all.size()) {
        return a;
    }
    const Lesson &lesson = all[std::size_t(lessonIndex)];
    const QDir dir(folder);

    // The blocks, own first; which are read as Kubernetes objects.
    std::vector<std::string> yamlPaths;
    std::set<std::string> ownPaths;
    std::map<std::string, std::string> fileOfPath; // path → "08.yaml"
    const auto addBlock = [&](const QString &file, bool context) {
        LessonBlock block;
        block.file = file;
        block.context = context;
        block.shell = file.endsWith(QLatin1String(".sh"));
        const QString path = folder.isEmpty() ? QString() : dir.absoluteFilePath(file);
        if (path.isEmpty() || !QFileInfo(path).isFile()) {
            a.missingFiles << file;
        } else {
            block.path = path;
            block.text = readText(path);
            // Another tool's document (the ECS task definition) is converted, not applied.
            const bool foreign =
                lesson.converts.contains(file) && file.endsWith(QLatin1String(".json"));
            if (!block.shell && !foreign) {
                yamlPaths.push_back(path.toStdString());
                fileOfPath[path.toStdString()] = file.toStdString();
                if (!context) {
                    ownPaths.insert(path.toStdString());
                }
            }
        }
        a.blocks.push_back(std::move(block));
    };
    for (const QString &file : lesson.blocks) {
        addBlock(file, false);
    }
    for (const QString &file : lesson.context) {
        addBlock(file, true);
    }

    for (const LessonBlock &block : a.blocks) {
        if (block.shell && !block.path.isEmpty()) {
            addShellFindings(block, a.findings);
        }
    }

    // Blocks another tool's converter reads, as the Migrate view converts them.
    for (const LessonBlock &block : a.blocks) {
        if (block.path.isEmpty() || !lesson.converts.contains(block.file)) {
            continue;
        }
        const Migration m = migrate(block.text.toStdString(), block.file.toStdString(), {}, {});
        if (!m.converterName.empty()) {
            a.converterName = m.converterName;
        }
        if (!m.yaml.empty()) {
            a.convertedYaml += (a.convertedYaml.empty() ? "" : "---\n") + m.yaml;
        }
        for (const Core::Diagnostic &note : m.notes) {
            LessonFinding f;
            f.kind = LessonFinding::Kind::Conversion;
            f.severity = note.severity;
            f.object = block.file.toStdString();
            f.diagnostic = note;
            f.file = block.file.toStdString();
            f.line = int(note.line);
            a.findings.push_back(std::move(f));
        }
    }
    if (yamlPaths.empty()) {
        return a;
    }

    // Validation, as `toriictl validate` (the old-apiVersion lint is replaced by the rewrite
    // `toriictl upgrade` makes, below).
    const Runtime::ValidationRun validation = Runtime::validatePaths(yamlPaths);
    const auto ownFile = [&](const std::string &path) -> std::string {
        if (!ownPaths.count(path)) {
            return {};
        }
        return fileOfPath[path];
    };
    std::set<std::pair<std::string, int>> unservedVersions; // (file, line) of such apiVersions
    for (const Core::Diagnostic &d : validation.diagnostics) {
        const std::string file = ownFile(d.file);
        const bool version = d.code == "lint.api-version" || d.code == "api-version.unserved";
        if (fileOfPath.count(d.file) && version &&
            d.message.find("no longer served") != std::string::npos) {
            unservedVersions.insert({fileOfPath[d.file], int(d.line)}); // borrowed blocks' too
        }
        if (file.empty() || version) {
            continue; // said once per object by the rewrite's findings below
        }
        LessonFinding f;
        f.kind = LessonFinding::Kind::Diagnostic;
        f.severity = d.severity;
        f.object = file;
        f.diagnostic = d;
        f.file = file;
        f.line = int(d.line);
        a.findings.push_back(std::move(f));
    }

    // What the guide never defines: namespaces, and the Services its routes name. Context blocks
    // are loaded for their parents: their routes are left out (the header says why).
    std::set<std::string> contextPaths;
    for (const LessonBlock &block : a.blocks) {
        if (block.context && !block.path.isEmpty()) {
            contextPaths.insert(block.path.toStdString());
        }
    }
    const auto withoutContextRoutes = [&contextPaths](std::vector<Model::Resource> &resources) {
        resources.erase(std::remove_if(resources.begin(), resources.end(),
                                       [&](const Model::Resource &r) {
                                           return isRouteKind(r) &&
                                                  contextPaths.count(r.source.file);
                                       }),
                        resources.end());
    };
    Yaml::ReadResult read = Yaml::readPaths(yamlPaths);
    withoutContextRoutes(read.resources);
    std::set<std::string> definedNamespaces{"default"};
    for (const Model::Resource &r : read.resources) {
        if (r.kind == "Namespace" && r.group().empty()) {
            definedNamespaces.insert(r.name);
        }
    }
    std::set<std::string> missingNamespaces;
    for (const Model::Resource &r : read.resources) {
        if (!r.ns.empty() && !definedNamespaces.count(r.ns)) {
            missingNamespaces.insert(r.ns);
        }
    }
    std::vector<Model::Resource> withServices = read.resources;
    Runtime::addImplicitServices(withServices);
    ExampleFixes fixes;
    for (const std::string &ns : missingNamespaces) {
        Model::Node object = Model::Node::map();
        object.set("apiVersion", Model::Node::string("v1"));
        object.set("kind", Model::Node::string("Namespace"));
        Model::Node metadata = Model::Node::map();
        metadata.set("name", Model::Node::string(ns));
        object.set("metadata", std::move(metadata));
        fixes.namespaces.emplace(ns, std::move(object));
    }
    std::vector<Model::Node> services;
    for (std::size_t i = read.resources.size(); i < withServices.size(); ++i) {
        services.push_back(withServices[i].object);
    }
    // The objects "Complete the example" adds: the namespaces (as `fixes` has them now), the
    // Services, and the completed copies of context Gateways (an own block's are replaced in
    // place: its objects are handed over with them).
    const auto addedObjects = [&](bool copies) {
        std::vector<Model::Node> documents;
        for (const auto &[name, object] : fixes.namespaces) {
            documents.push_back(object);
        }
        documents.insert(documents.end(), services.begin(), services.end());
        for (const Model::Resource &r : read.resources) {
            auto it = fixes.replacements.find(r.displayName());
            if (copies && it != fixes.replacements.end() && contextPaths.count(r.source.file)) {
                documents.push_back(it->second);
            }
        }
        return documents;
    };

    // The controller on the lesson's objects: as written; with the missing objects added (to
    // find what still keeps the own routes off their listeners); and completed.
    Controller::ControllerOptions options;
    options.acceptAllClasses = true; // the guide's classes belong to other controllers
    const auto run = [&](const std::vector<Model::Node> &added,
                         const std::map<std::string, Model::Node> &replacements) {
        const std::string addedYaml = added.empty() ? std::string() : Yaml::emitDocuments(added);
        return Runtime::computeStatus(
            yamlPaths, options, [&](std::vector<Model::Resource> &resources) {
                withoutContextRoutes(resources);
                // A completed copy replaces its original where it is (own or context block),
                // so findings keep pointing into the guide's file.
                for (Model::Resource &r : resources) {
                    if (auto it = replacements.find(r.displayName()); it != replacements.end()) {
                        r.object = it->second;
                    }
                }
                if (!addedYaml.empty()) {
                    Yaml::ReadResult more = Yaml::readText(addedYaml, "completion.yaml");
                    for (Model::Resource &r : more.resources) {
                        // A context Gateway's copy replaced its original above.
                        if (!replacements.count(r.displayName())) {
                            resources.push_back(std::move(r));
                        }
                    }
                }
            });
    };
    const Runtime::StatusRun asWritten = run({}, {});
    const Runtime::StatusRun plain = run(addedObjects(false), {});
    findFixes(plain, ownPaths, fileOfPath, fixes);
    Runtime::StatusRun fixed =
        fixes.findings.empty() ? plain : run(addedObjects(false), fixes.replacements);
    for (LessonFinding &f : fixes.findings) {
        std::tie(f.status, f.reason) = acceptedOf(asWritten, f.object, f.where);
        std::tie(f.afterStatus, f.afterReason) = acceptedOf(fixed, f.object, f.where);
        a.findings.push_back(std::move(f));
    }
    if (completed) {
        const std::vector<Model::Node> documents = addedObjects(true);
        for (const auto &[name, object] : fixes.namespaces) {
            a.completion.push_back("Namespace " + name);
        }
        for (const Model::Node &s : services) {
            a.completion.push_back("Service " + s["metadata"]["namespace"].asString() + '/' +
                                   s["metadata"]["name"].asString());
        }
        for (const auto &[name, object] : fixes.replacements) {
            a.replaced.push_back(name);
        }
        if (!documents.empty()) {
            a.completionYaml = Yaml::emitDocuments(documents);
        }
        a.status = std::move(fixed);
    } else {
        for (const std::string &ns : missingNamespaces) {
            bool usedByOwn = false;
            for (const Model::Resource &r : read.resources) {
                usedByOwn = usedByOwn || (r.ns == ns && ownPaths.count(r.source.file));
            }
            if (!usedByOwn) {
                continue;
            }
            LessonFinding f;
            f.kind = LessonFinding::Kind::MissingNamespace;
            f.severity = Core::Severity::Warning;
            f.object = "Namespace " + ns;
            f.message = ns;
            a.findings.push_back(std::move(f));
        }
        a.status = asWritten;
    }
    {
        std::vector<Model::Node> served;
        for (const Model::Resource &r : a.status.resources) {
            served.push_back(r.object);
        }
        if (!served.empty()) {
            a.servedYaml = Yaml::emitDocuments(served);
        }
    }

    // The parents the lesson's own objects use, for the findings of borrowed blocks: Gateways
    // (with the listeners the routes name; none named: all) and their classes.
    std::map<std::string, std::set<std::string>> parentListeners; // "Gateway ns/name" → names
    std::set<std::string> allListeners;                           // Gateways named without one
    std::set<std::string> classes;
    for (const Model::Resource &r : a.status.resources) {
        if (!ownPaths.count(r.source.file)) {
            continue;
        }
        if (isRouteKind(r)) {
            if (const Model::Node *refs = r.object.at("spec.parentRefs")) {
                for (const Model::Node &ref : refs->items()) {
                    const std::string kind =
                        ref.find("kind") ? ref["kind"].asString() : std::string("Gateway");
                    const std::string ns =
                        ref["namespace"].asString().empty() ? r.ns : ref["namespace"].asString();
                    const std::string key = kind + ' ' + ns + '/' + ref["name"].asString();
                    const std::string section = refSection(ref);
                    parentListeners[key];
                    if (section.empty()) {
                        allListeners.insert(key);
                    } else {
                        parentListeners[key].insert(section);
                    }
                }
            }
        }
    }
    for (const Model::Resource &r : a.status.resources) {
        const bool parent = r.kind == "Gateway" && parentListeners.count(r.displayName());
        if ((parent || (r.kind == "Gateway" && ownPaths.count(r.source.file))) &&
            r.object.at("spec.gatewayClassName")) {
            classes.insert("GatewayClass " + r.object.at("spec.gatewayClassName")->asString());
        }
    }
    const auto borrowedParent = [&](const std::string &displayName) {
        return parentListeners.count(displayName) || classes.count(displayName);
    };

    for (const Core::Diagnostic &d : a.status.controller.diagnostics) {
        const std::string file = ownFile(d.file);
        if (file.empty()) {
            continue;
        }
        LessonFinding f;
        f.kind = LessonFinding::Kind::Diagnostic;
        f.severity = d.severity;
        f.object = file;
        f.diagnostic = d;
        f.file = file;
        f.line = int(d.line);
        a.findings.push_back(std::move(f));
    }
    std::set<std::string> borrowedObjects; // "Gateway tcp-gateway" (kind and name), for versions
    for (std::size_t i = 0; i < a.status.resources.size(); ++i) {
        const Model::Resource &r = a.status.resources[i];
        std::string file = ownFile(r.source.file);
        const bool hasStatus =
            i < a.status.controller.statuses.size() && a.status.controller.statuses[i];
        if (file.empty()) {
            // A borrowed block's parent of the lesson's routes: its findings, marked.
            if (!hasStatus || !contextPaths.count(r.source.file) ||
                !borrowedParent(r.displayName())) {
                continue;
            }
            file = fileOfPath[r.source.file];
            borrowedObjects.insert(r.kind + ' ' + r.name);
            std::vector<LessonFinding> borrowed;
            const auto sections = parentListeners.find(r.displayName());
            const bool some =
                sections != parentListeners.end() && !allListeners.count(r.displayName());
            addStatusFindings(*a.status.controller.statuses[i], r, file, borrowed,
                              some ? &sections->second : nullptr);
            for (LessonFinding &f : borrowed) {
                f.borrowedFrom = file;
                a.findings.push_back(std::move(f));
            }
            continue;
        }
        if (hasStatus) {
            addStatusFindings(*a.status.controller.statuses[i], r, file, a.findings);
        } else if (!r.group().empty() && r.group() != kGatewayGroup &&
                   r.group().find('.') != std::string::npos && r.group() != "apps" &&
                   r.group().rfind(".k8s.io") == std::string::npos) {
            LessonFinding f;
            f.kind = LessonFinding::Kind::Unowned;
            f.severity = Core::Severity::Info;
            f.object = r.displayName();
            f.message = r.apiVersion;
            f.file = file;
            f.line = int(r.source.mark.line);
            a.findings.push_back(std::move(f));
        }
    }

    // Old apiVersions, as `toriictl upgrade` would rewrite them (a borrowed block's: of the
    // parents only).
    for (const LessonBlock &block : a.blocks) {
        if (block.path.isEmpty() || (!block.context && !ownPaths.count(block.path.toStdString())) ||
            (block.context && !contextPaths.count(block.path.toStdString()))) {
            continue;
        }
        const Convert::VersionUpgradeRewrite rewrite =
            Convert::rewriteApiVersions(block.text.toStdString(), block.file.toStdString());
        for (const Convert::ApiVersionEdit &edit : rewrite.edits) {
            if (block.context && !borrowedObjects.count(edit.kind + ' ' + edit.name)) {
                continue;
            }
            LessonFinding f;
            f.kind = LessonFinding::Kind::ApiVersion;
            // Still served (v1beta1 …): a note; no longer served by the CRDs (the validator's
            // lint says which): kubectl apply fails, a warning.
            f.severity = unservedVersions.count({block.file.toStdString(), edit.line})
                             ? Core::Severity::Warning
                             : Core::Severity::Info;
            f.object = edit.kind + ' ' + edit.name;
            f.message = edit.from + " → " + edit.to;
            f.file = block.file.toStdString();
            f.line = edit.line;
            if (block.context) {
                f.borrowedFrom = f.file;
            }
            a.findings.push_back(std::move(f));
        }
    }

    // Errors first, then warnings, then information; within, block and line order.
    std::stable_sort(a.findings.begin(), a.findings.end(),
                     [](const LessonFinding &l, const LessonFinding &r) {
                         if (l.severity != r.severity) {
                             return int(l.severity) < int(r.severity);
                         }
                         if (l.borrowedFrom.empty() != r.borrowedFrom.empty()) {
                             return l.borrowedFrom.empty(); // the lesson's own first
                         }
                         if (l.file != r.file) {
                             return l.file < r.file;
                         }
                         return l.line < r.line;
                     });
    return a;
}

} // namespace Torii::Gui
