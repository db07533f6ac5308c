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

#include <set>

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

void addConditions(const Model::Node &conditions, const Model::Resource &resource,
                   const std::string &where, const std::string &file,
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
        f.where = where;
        f.type = type;
        f.status = status;
        f.reason = c["reason"].asString();
        f.message = c["message"].asString();
        f.file = file;
        f.line = int(resource.source.mark.line);
        out.push_back(std::move(f));
    }
}

void addStatusFindings(const Model::Node &status, const Model::Resource &resource,
                       const std::string &file, std::vector<LessonFinding> &out)
{
    if (const Model::Node *conditions = status.find("conditions")) {
        addConditions(*conditions, resource, {}, file, out);
    }
    if (const Model::Node *listeners = status.find("listeners")) {
        for (const Model::Node &l : listeners->items()) {
            if (const Model::Node *conditions = l.find("conditions")) {
                addConditions(*conditions, resource, "listener " + l["name"].asString(), file, out);
            }
        }
    }
    for (const char *key : {"parents", "ancestors"}) {
        const Model::Node *parents = status.find(key);
        if (!parents) {
            continue;
        }
        for (const Model::Node &p : parents->items()) {
            const Model::Node *ref = p.find("parentRef");
            if (!ref) {
                ref = p.find("ancestorRef");
            }
            const std::string where =
                std::string(key == std::string_view("parents") ? "parent " : "ancestor ") +
                (ref ? refText(*ref) : std::string());
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
        if (!file.empty() && version && d.message.find("no longer served") != std::string::npos) {
            unservedVersions.insert({file, int(d.line)});
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

    // What the guide never defines: namespaces, and the Services its routes name.
    Yaml::ReadResult read = Yaml::readPaths(yamlPaths);
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
    const std::vector<std::string> services = Runtime::addImplicitServices(withServices);
    if (completed) {
        std::vector<Model::Node> documents;
        for (const std::string &ns : missingNamespaces) {
            Model::Node object = Model::Node::map();
            object.set("apiVersion", Model::Node::string("v1"));
            object.set("kind", Model::Node::string("Namespace"));
            Model::Node metadata = Model::Node::map();
            metadata.set("name", Model::Node::string(ns));
            object.set("metadata", std::move(metadata));
            documents.push_back(std::move(object));
            a.completion.push_back("Namespace " + ns);
        }
        for (std::size_t i = read.resources.size(); i < withServices.size(); ++i) {
            documents.push_back(withServices[i].object);
            a.completion.push_back(withServices[i].displayName());
        }
        if (!documents.empty()) {
            a.completionYaml = Yaml::emitDocuments(documents);
        }
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
    }

    // The controller on the lesson's objects (and the completion's).
    Controller::ControllerOptions options;
    options.acceptAllClasses = true; // the guide's classes belong to other controllers
    const std::string completionYaml = a.completionYaml;
    a.status = Runtime::computeStatus(
        yamlPaths, options, [&completionYaml](std::vector<Model::Resource> &resources) {
            if (completionYaml.empty()) {
                return;
            }
            Yaml::ReadResult added = Yaml::readText(completionYaml, "completion.yaml");
            for (Model::Resource &r : added.resources) {
                resources.push_back(std::move(r));
            }
        });
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
    for (std::size_t i = 0; i < a.status.resources.size(); ++i) {
        const Model::Resource &r = a.status.resources[i];
        const std::string file = ownFile(r.source.file);
        if (file.empty()) {
            continue;
        }
        const bool hasStatus =
            i < a.status.controller.statuses.size() && a.status.controller.statuses[i];
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

    // Old apiVersions, as `toriictl upgrade` would rewrite them.
    for (const LessonBlock &block : a.blocks) {
        if (block.context || block.path.isEmpty() || !ownPaths.count(block.path.toStdString())) {
            continue;
        }
        const Convert::VersionUpgradeRewrite rewrite =
            Convert::rewriteApiVersions(block.text.toStdString(), block.file.toStdString());
        for (const Convert::ApiVersionEdit &edit : rewrite.edits) {
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
            a.findings.push_back(std::move(f));
        }
    }

    // Errors first, then warnings, then information; within, block and line order.
    std::stable_sort(a.findings.begin(), a.findings.end(),
                     [](const LessonFinding &l, const LessonFinding &r) {
                         if (l.severity != r.severity) {
                             return int(l.severity) < int(r.severity);
                         }
                         if (l.file != r.file) {
                             return l.file < r.file;
                         }
                         return l.line < r.line;
                     });
    return a;
}

} // namespace Torii::Gui
