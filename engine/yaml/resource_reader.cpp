#include "resource_reader.h"

#include "version_upgrade.h"

#include <algorithm>
#include <filesystem>

namespace Torii::Yaml {

using Core::Severity;
using Core::text;
using Model::Node;

namespace {

Core::Diagnostic at(Core::Diagnostic d, const std::string &file, Model::Mark mark)
{
    d.file = file;
    d.line = static_cast<int>(mark.line);
    d.column = static_cast<int>(mark.column);
    return d;
}

bool isListKind(const Node &object)
{
    const Node &kind = object["kind"];
    return kind.isString() && kind.str().size() >= 4 &&
           kind.str().compare(kind.str().size() - 4, 4, "List") == 0 && object["items"].isList();
}

void addObject(ReadResult &out, Node object, Model::SourceRef source)
{
    const Model::Mark mark = object.mark();
    if (!object.isMap()) {
        out.diagnostics.push_back(at(
            Core::makeDiagnostic(
                Severity::Error, "object.not-a-map",
                text(QT_TRANSLATE_NOOP("Diagnostics",
                                       "this document is not a Kubernetes object (a map "
                                       "with apiVersion, kind and metadata)")),
                text(QT_TRANSLATE_NOOP("Diagnostics", "start the document with `apiVersion:` and "
                                                      "`kind:`"))),
            source.file, mark));
        return;
    }
    Model::Resource resource = Model::makeResource(std::move(object), std::move(source));
    if (auto upgraded = upgradeApiVersion(resource)) {
        out.diagnostics.push_back(std::move(*upgraded));
    }
    out.resources.push_back(std::move(resource));
}

// Loaded documents → objects: empty documents skipped, `kind: List` expanded.
ReadResult fromLoaded(LoadResult loaded, const std::string &fileName)
{
    ReadResult out;
    out.diagnostics = std::move(loaded.diagnostics);
    out.fatal = loaded.fatal;
    for (LoadedDocument &doc : loaded.documents) {
        if (doc.root.isNull()) {
            continue; // an empty document (`---` twice, or a file of comments)
        }
        if (doc.root.isMap() && isListKind(doc.root)) {
            Node items = std::move(*doc.root.find("items"));
            int index = 0;
            for (Node &item : items.items()) {
                addObject(out, std::move(item),
                          Model::SourceRef{fileName, doc.index, index++, Model::Mark{}});
            }
            continue;
        }
        addObject(out, std::move(doc.root), Model::SourceRef{fileName, doc.index, -1, doc.start});
    }
    return out;
}

} // namespace

ReadResult readText(std::string_view input, const std::string &fileName, const LoadOptions &options)
{
    return fromLoaded(loadText(input, fileName, options), fileName);
}

ReadResult readFile(const std::string &path, const LoadOptions &options)
{
    return fromLoaded(loadFile(path, options), path);
}

ReadResult readPaths(const std::vector<std::string> &paths, const LoadOptions &options)
{
    namespace fs = std::filesystem;
    ReadResult out;
    for (const std::string &path : paths) {
        std::error_code ec;
        std::vector<std::string> files;
        if (fs::is_directory(path, ec)) {
            for (auto it = fs::recursive_directory_iterator(path, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (!it->is_regular_file(ec)) {
                    continue;
                }
                const std::string ext = it->path().extension().string();
                // The studio's settings (torii.yaml at the folder's top, see
                // engine/workspace/studio_settings.h) are not Kubernetes objects.
                if (it.depth() == 0 && it->path().filename() == "torii.yaml") {
                    continue;
                }
                if (ext == ".yaml" || ext == ".yml" || ext == ".json") {
                    files.push_back(it->path().string());
                }
            }
            std::sort(files.begin(), files.end());
        } else {
            files.push_back(path);
        }
        for (const std::string &file : files) {
            ReadResult one = readFile(file, options);
            out.fatal = out.fatal || one.fatal;
            for (auto &r : one.resources) {
                out.resources.push_back(std::move(r));
            }
            for (auto &d : one.diagnostics) {
                out.diagnostics.push_back(std::move(d));
            }
        }
    }
    return out;
}

} // namespace Torii::Yaml
