#pragma once

#include "engine/core/diagnostic.h"
#include "engine/model/resource.h"

#include <vector>

namespace Torii::Validation {

// Warnings beyond what the API server checks, for things that pass `kubectl apply` but do not do
// what their author meant:
// - annotations under gateway.networking.k8s.io/ (or ingress-nginx's on Gateway API objects)
//   that no implementation reads, with the real field to use where one exists;
// - `${...}` placeholders that would be sent literally;
// - references to another namespace that no ReferenceGrant in the loaded set allows.
Core::Diagnostics lintResource(const Model::Resource &resource);
Core::Diagnostics lintCrossNamespace(const std::vector<Model::Resource> &resources);

} // namespace Torii::Validation
