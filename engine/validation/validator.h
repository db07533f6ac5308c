#pragma once

#include "engine/core/diagnostic.h"
#include "engine/model/resource.h"
#include "engine/validation/schema.h"

#include <vector>

namespace Torii::Validation {

struct ValidationOptions
{
    bool lints = true; // warnings beyond the API server (see lints.h)
    // The CRD channel the cluster runs. Standard: experimental fields are accepted and flagged.
    Channel channel = Channel::Standard;
};

// What `kubectl apply` against an API server with the Gateway API v1.6.1 CRDs would say about
// one object, in the API server's order: metadata, structural schema (with defaults applied,
// unknown fields reported), then the CRD's CEL rules unless a blocking schema error stopped them.
// Objects of other groups get the metadata checks only. Thread-safe (reads the immutable
// SchemaBundle).
Core::Diagnostics validateResource(const Model::Resource &resource,
                                   const ValidationOptions &options = {});

// An update of `oldResource` to `resource`: also runs the CRDs' transition rules (oldSelf).
Core::Diagnostics validateUpdate(const Model::Resource &oldResource,
                                 const Model::Resource &resource,
                                 const ValidationOptions &options = {});

// Every object, plus the checks that need the whole set (cross-namespace references). Large sets
// are checked on several threads; the result is the same as one thread's, in object order.
Core::Diagnostics validateAll(const std::vector<Model::Resource> &resources,
                              const ValidationOptions &options = {});

} // namespace Torii::Validation
