#pragma once

#include "engine/core/diagnostic.h"
#include "engine/model/resource.h"

namespace Torii::Validation {

// The checks every Kubernetes object gets before its schema: apiVersion and kind set,
// metadata.name present and an RFC 1123 subdomain, namespace an RFC 1123 label, label keys and
// values well formed, annotations within the size limit. `namespaced` is false for
// cluster-scoped kinds (GatewayClass, Namespace).
Core::Diagnostics checkObjectMeta(const Model::Resource &resource, bool namespaced);

} // namespace Torii::Validation
