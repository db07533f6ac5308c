#include "validation_run.h"

#include "engine/yaml/resource_reader.h"

#include <algorithm>
#include <set>

namespace Torii::Runtime {

ValidationRun validatePaths(const std::vector<std::string> &paths,
                            const Validation::ValidationOptions &options)
{
    ValidationRun run;
    Yaml::ReadResult read = Yaml::readPaths(paths);
    run.unreadable = read.fatal;
    run.diagnostics = std::move(read.diagnostics);
    Core::Diagnostics checks = Validation::validateAll(read.resources, options);
    for (Core::Diagnostic &d : checks) {
        run.diagnostics.push_back(std::move(d));
    }
    if (!options.lints) {
        // Only what the API server says: the reader's notes (version upgrades) are lints too.
        std::erase_if(run.diagnostics,
                      [](const Core::Diagnostic &d) { return d.code.rfind("lint.", 0) == 0; });
    }
    std::stable_sort(run.diagnostics.begin(), run.diagnostics.end(),
                     [](const Core::Diagnostic &a, const Core::Diagnostic &b) {
                         return std::tie(a.file, a.line, a.column) <
                                std::tie(b.file, b.line, b.column);
                     });
    std::set<std::string> files;
    for (const Model::Resource &r : read.resources) {
        files.insert(r.source.file);
    }
    for (const Core::Diagnostic &d : run.diagnostics) {
        if (!d.file.empty()) {
            files.insert(d.file);
        }
    }
    run.fileCount = static_cast<int>(files.size());
    run.resources = std::move(read.resources);
    return run;
}

} // namespace Torii::Runtime
