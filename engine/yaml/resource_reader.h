#pragma once

#include "yaml_loader.h"

#include "engine/core/diagnostic.h"
#include "engine/model/resource_set.h"

#include <string>
#include <vector>

namespace Torii::Yaml {

struct ReadResult
{
    std::vector<Model::Resource> resources;
    Core::Diagnostics diagnostics;
    bool fatal = false; // some input could not be read or parsed at all
};

// YAML text → Kubernetes objects: one per document, `kind: List` (and *List) expanded into its
// items, empty documents skipped, documents that are not objects reported. Older Gateway API
// versions are upgraded (see version_upgrade.h) with a warning.
ReadResult readText(std::string_view text, const std::string &fileName,
                    const LoadOptions &options = {});
ReadResult readFile(const std::string &path, const LoadOptions &options = {});

// Files and folders (recursively: *.yaml, *.yml, *.json, but not a folder's own torii.yaml, the
// studio's settings), in a stable order (sorted by path).
ReadResult readPaths(const std::vector<std::string> &paths, const LoadOptions &options = {});

} // namespace Torii::Yaml
