#pragma once

// What the rules of a route refer to, whatever its kind: backendRefs (and RequestMirror
// backendRefs), ExtensionRef filters, and filter types Torii does not implement.

#include "engine/controller/resource_index.h"
#include "engine/model/kinds/typed_object.h"

#include <string>
#include <vector>

namespace Torii::Controller::Internal {

struct RuleRefs
{
    // Backends and mirrors; pointers into the typed object, valid while it lives.
    std::vector<const Model::BackendObjectReference *> references;
    std::vector<const Model::LocalObjectReference *> extensions;
    // Filter types the rule uses that Torii does not implement (ExternalAuth, unknown values):
    // such a rule cannot be served.
    std::vector<std::string> unsupportedFilters;
};

// One entry per spec.rules item (empty for an absent list and for objects that are not routes).
// HTTPRoute filters: RequestHeaderModifier, ResponseHeaderModifier, RequestRedirect, URLRewrite,
// RequestMirror, CORS, ExtensionRef; GRPCRoute: the header modifiers, RequestMirror, ExtensionRef.
std::vector<RuleRefs> rulesOf(const Model::TypedObject &object);

} // namespace Torii::Controller::Internal
