#pragma once

#include "engine/model/node.h"

#include <string>
#include <vector>

namespace Torii::Yaml {

struct EmitOptions
{
    bool keepStatus = false;    // `status` is the controller's; kubectl apply ignores it
    bool canonicalOrder = true; // false: keep the user's key order (workspace saves)
};

// The object as `kubectl apply` wants it: apiVersion, kind, metadata (name, namespace, labels,
// annotations first; server-managed fields such as uid, resourceVersion and managedFields
// dropped), then the other keys sorted as `kubectl get -o yaml` prints them; no status unless
// asked.
Model::Node canonicalObject(const Model::Node &object, const EmitOptions &options = {});

// YAML text for one or more documents, separated by `---`. Strings that would read back as
// another type (`"true"`, `"8080"`, `"null"`) are quoted; multi-line strings use block style.
std::string emitDocuments(const std::vector<Model::Node> &documents,
                          const EmitOptions &options = {});
std::string emitDocument(const Model::Node &document, const EmitOptions &options = {});

} // namespace Torii::Yaml
