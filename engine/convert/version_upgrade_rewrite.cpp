#include "version_upgrade_rewrite.h"

#include "engine/model/resource.h"
#include "engine/yaml/version_upgrade.h"
#include "engine/yaml/yaml_loader.h"

#include <algorithm>

namespace Torii::Convert {

namespace {

std::vector<std::string_view> splitLines(std::string_view text)
{
    // Each line keeps its "\n" so joining the pieces gives the text back exactly.
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
        lines.push_back(text.substr(start, end - start));
        start = end;
    }
    return lines;
}

// Byte offset of 1-based character `column` in a UTF-8 line.
std::size_t byteOffset(std::string_view line, int column)
{
    std::size_t i = 0;
    for (int c = 1; c < column && i < line.size(); ++c) {
        ++i;
        while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) {
            ++i;
        }
    }
    return i;
}

void collect(const Model::Node &object, std::vector<ApiVersionEdit> &edits)
{
    if (!object.isMap()) {
        return;
    }
    const std::string kind = object["kind"].str();
    if (kind.size() >= 4 && kind.compare(kind.size() - 4, 4, "List") == 0 &&
        object["items"].isList()) {
        for (const Model::Node &item : object["items"].items()) {
            collect(item, edits);
        }
        return;
    }
    Model::Resource resource = Model::makeResource(object, {});
    const Model::Node::Entry *entry = object.findEntry("apiVersion");
    if (!entry || !Yaml::upgradeApiVersion(resource)) {
        return;
    }
    ApiVersionEdit e;
    e.line = static_cast<int>(entry->value.mark().line);
    e.column = static_cast<int>(entry->value.mark().column);
    e.kind = kind;
    e.name = resource.name;
    e.from = entry->value.str();
    e.to = resource.apiVersion;
    edits.push_back(std::move(e));
}

} // namespace

VersionUpgradeRewrite rewriteApiVersions(std::string_view text, const std::string &fileName)
{
    VersionUpgradeRewrite out;
    out.text = std::string(text);
    Yaml::LoadResult loaded = Yaml::loadText(text, fileName);
    if (loaded.fatal || Core::hasErrors(loaded.diagnostics)) {
        // Rewriting a file the reader cannot fully read could touch the wrong text.
        for (Core::Diagnostic &d : loaded.diagnostics) {
            if (d.isError()) {
                out.problems.push_back(std::move(d));
            }
        }
        return out;
    }
    std::vector<ApiVersionEdit> candidates;
    for (const Yaml::LoadedDocument &doc : loaded.documents) {
        collect(doc.root, candidates);
    }
    if (candidates.empty()) {
        return out;
    }

    const std::vector<std::string_view> lines = splitLines(text);
    std::vector<std::string> newLines(lines.begin(), lines.end());
    // Right to left within a line, so earlier columns stay valid (flow style: two objects on one
    // line).
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const ApiVersionEdit &a, const ApiVersionEdit &b) {
                         return a.line != b.line ? a.line < b.line : a.column > b.column;
                     });
    for (ApiVersionEdit &e : candidates) {
        bool done = false;
        if (e.line >= 1 && static_cast<std::size_t>(e.line) <= newLines.size()) {
            std::string &line = newLines[static_cast<std::size_t>(e.line - 1)];
            std::size_t at = byteOffset(line, e.column);
            if (at < line.size() && (line[at] == '"' || line[at] == '\'')) {
                ++at; // the value starts after its opening quote
            }
            if (line.compare(at, e.from.size(), e.from) == 0) {
                line.replace(at, e.from.size(), e.to);
                done = true;
            }
        }
        if (done) {
            out.edits.push_back(std::move(e));
        } else {
            Core::Diagnostic d = Core::makeDiagnostic(
                Core::Severity::Error, "upgrade.not-located",
                Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "the apiVersion %1 of %2 %3 is not written as "
                                             "plain text at this position (an escape or an "
                                             "alias?); it is left as is"),
                           {e.from, e.kind, e.name}),
                Core::text(QT_TRANSLATE_NOOP("Diagnostics", "write apiVersion: %1 by hand"),
                           {e.to}));
            d.file = fileName;
            d.line = e.line;
            d.column = e.column;
            d.fieldPath = "apiVersion";
            out.problems.push_back(std::move(d));
        }
    }
    std::sort(out.edits.begin(), out.edits.end(),
              [](const ApiVersionEdit &a, const ApiVersionEdit &b) {
                  return a.line != b.line ? a.line < b.line : a.column < b.column;
              });
    out.text.clear();
    for (const std::string &l : newLines) {
        out.text += l;
    }
    return out;
}

std::string unifiedDiff(std::string_view before, std::string_view after,
                        const std::string &fromName, const std::string &toName)
{
    const std::vector<std::string_view> a = splitLines(before);
    const std::vector<std::string_view> b = splitLines(after);
    // The rewrite changes lines in place and never adds or removes one; other inputs get a
    // whole-file hunk, which is still a correct diff.
    std::vector<std::size_t> changed;
    if (a.size() == b.size()) {
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (a[i] != b[i]) {
                changed.push_back(i);
            }
        }
    } else if (before != after) {
        changed.push_back(0);
    }
    if (changed.empty()) {
        return {};
    }
    auto line = [](std::string_view l) {
        std::string s(l);
        if (s.empty() || s.back() != '\n') {
            s += "\n\\ No newline at end of file\n";
        }
        return s;
    };
    std::string out = "--- " + fromName + "\n+++ " + toName + "\n";
    if (a.size() != b.size()) {
        out += "@@ -1," + std::to_string(a.size()) + " +1," + std::to_string(b.size()) + " @@\n";
        for (std::string_view l : a) {
            out += "-" + line(l);
        }
        for (std::string_view l : b) {
            out += "+" + line(l);
        }
        return out;
    }
    constexpr std::size_t kContext = 3;
    std::size_t i = 0;
    while (i < changed.size()) {
        const std::size_t first = changed[i] >= kContext ? changed[i] - kContext : 0;
        std::size_t j = i;
        while (j + 1 < changed.size() && changed[j + 1] <= changed[j] + 2 * kContext) {
            ++j;
        }
        const std::size_t last = std::min(a.size() - 1, changed[j] + kContext);
        const std::size_t count = last - first + 1;
        out += "@@ -" + std::to_string(first + 1) + "," + std::to_string(count) + " +" +
               std::to_string(first + 1) + "," + std::to_string(count) + " @@\n";
        for (std::size_t k = first; k <= last; ++k) {
            if (a[k] == b[k]) {
                out += " " + line(a[k]);
            } else {
                out += "-" + line(a[k]);
                out += "+" + line(b[k]);
            }
        }
        i = j + 1;
    }
    return out;
}

} // namespace Torii::Convert
