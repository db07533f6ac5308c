#include "migration.h"

#include "engine/model/resource.h"
#include "engine/yaml/yaml_emitter.h"
#include "engine/yaml/yaml_loader.h"

#include <QtCore/QtGlobal>

#include <algorithm>

namespace Torii::Gui {

namespace {

void record(std::vector<PreviewLineTarget> &lines, Model::Mark mark, const std::string &resource,
            const std::string &path)
{
    if (!mark.isValid() || mark.line > lines.size()) {
        return;
    }
    // Pre-order walk: a deeper field on the same line ("- name: web") overrides its parent.
    lines[mark.line - 1] = {resource, path};
}

void walk(const Model::Node &node, const std::string &path, const std::string &resource,
          std::vector<PreviewLineTarget> &lines)
{
    if (node.isMap()) {
        for (const Model::Node::Entry &entry : node.entries()) {
            const std::string child = path.empty() ? entry.key : path + '.' + entry.key;
            record(lines, entry.keyMark, resource, child);
            walk(entry.value, child, resource, lines);
        }
    } else if (node.isList()) {
        for (std::size_t i = 0; i < node.items().size(); ++i) {
            const std::string child = path + '[' + std::to_string(i) + ']';
            record(lines, node.items()[i].mark(), resource, child);
            walk(node.items()[i], child, resource, lines);
        }
    }
}

// `prefix` names `path` or one of its ancestors ("spec.rules" of "spec.rules[0].matches").
bool isAncestorOrSelf(const std::string &prefix, const std::string &path)
{
    if (prefix.empty()) {
        return true;
    }
    if (path.size() < prefix.size() || path.compare(0, prefix.size(), prefix) != 0) {
        return false;
    }
    return path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[';
}

} // namespace

std::vector<PreviewLineTarget> mapPreviewLines(const std::string &yaml,
                                               const std::vector<Model::Node> &objects)
{
    const std::size_t lineCount =
        static_cast<std::size_t>(std::count(yaml.begin(), yaml.end(), '\n')) + 1;
    std::vector<PreviewLineTarget> lines(lineCount);
    const Yaml::LoadResult read = Yaml::loadText(yaml, "preview.yaml");
    // emitDocuments prints one document per object, in order.
    for (std::size_t i = 0; i < read.documents.size() && i < objects.size(); ++i) {
        const std::string resource = Model::makeResource(objects[i], {}).displayName();
        walk(read.documents[i].root, std::string(), resource, lines);
    }
    return lines;
}

const Convert::Provenance *Migration::provenanceAtLine(int line) const
{
    if (line < 1 || static_cast<std::size_t>(line) > lineTargets.size()) {
        return nullptr;
    }
    const PreviewLineTarget &target = lineTargets[static_cast<std::size_t>(line - 1)];
    if (target.resource.empty()) {
        return nullptr;
    }
    const Convert::Provenance *ancestor = nullptr;
    const Convert::Provenance *descendant = nullptr;
    for (const Convert::Provenance &p : conversion.provenance) {
        if (p.targetResource != target.resource) {
            continue;
        }
        if (p.targetPath == target.path) {
            return &p;
        }
        if (isAncestorOrSelf(p.targetPath, target.path)) {
            if (!ancestor || p.targetPath.size() > ancestor->targetPath.size()) {
                ancestor = &p;
            }
        } else if (!descendant && isAncestorOrSelf(target.path, p.targetPath)) {
            descendant = &p;
        }
    }
    return ancestor ? ancestor : descendant;
}

Migration migrate(const std::string &text, const std::string &sourceName,
                  const std::string &converterName, const Runtime::ConvertSettings &settings)
{
    Migration m;
    m.sourceName = sourceName;
    Runtime::ReadInputs read = Runtime::readInputText(text, sourceName);
    m.notes = read.notes;
    if (read.unreadable || read.inputs.empty()) {
        return m; // the reader's notes say why
    }
    const Runtime::ConverterEntry *entry = nullptr;
    if (converterName.empty()) {
        entry = Runtime::detectConverter(read.inputs);
        m.detected = true;
    } else {
        entry = Runtime::findConverter(converterName);
    }
    if (!entry || !Runtime::claimsAny(*entry, read.inputs)) {
        Core::Diagnostic d =
            entry ? Core::makeDiagnostic(
                        Core::Severity::Error, "convert.unclaimed",
                        Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                     "the %1 converter finds nothing to read in "
                                                     "this input"),
                                   {entry->name}),
                        Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                     "Choose the converter automatically, or give "
                                                     "this one its own input")))
                  : Core::makeDiagnostic(
                        Core::Severity::Error, "convert.unclaimed",
                        Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                     "no converter reads this input")),
                        Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                     "Give an ECS task definition, ALB listener "
                                                     "rules, an Ingress, Istio objects or an "
                                                     "OpenAPI 3 document")));
        d.file = sourceName;
        d.line = 1;
        d.column = 1;
        m.notes.push_back(std::move(d));
        return m;
    }
    m.converterName = entry->name;
    m.conversion = entry->convert(read.inputs, settings);
    m.notes.insert(m.notes.end(), m.conversion.notes.begin(), m.conversion.notes.end());
    if (!m.conversion.objects.empty()) {
        m.yaml = Yaml::emitDocuments(m.conversion.objects);
        m.lineTargets = mapPreviewLines(m.yaml, m.conversion.objects);
    }
    return m;
}

} // namespace Torii::Gui
