#pragma once

#include "engine/core/diagnostic.h"
#include "engine/model/resource.h"
#include "engine/validation/validator.h"

#include <string>
#include <vector>

namespace Torii::Runtime {

// Loading and validating a set of files, as `toriictl validate` and the GUI's Problems panel do.
struct ValidationRun
{
    std::vector<Model::Resource> resources;
    Core::Diagnostics diagnostics; // sorted by file, line, column
    bool unreadable = false;       // some input could not be read or parsed at all
    int fileCount = 0;
};

ValidationRun validatePaths(const std::vector<std::string> &paths,
                            const Validation::ValidationOptions &options = {});

} // namespace Torii::Runtime
