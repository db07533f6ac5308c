#pragma once

#include "engine/core/diagnostic.h"
#include "engine/model/resource.h"

#include <optional>
#include <string>
#include <string_view>

namespace Torii::Yaml {

// The apiVersion the Gateway API v1.6.1 standard channel stores and serves for `kind`
// (e.g. "gateway.networking.k8s.io/v1"), or nullopt for a kind Torii does not upgrade.
std::optional<std::string> currentApiVersion(std::string_view group, std::string_view kind);

// Rewrites an object written with an older Gateway API version (v1beta1, v1alpha2, v1alpha3) to
// the current one. In v1.6.1 the old and new schemas have the same fields, so the upgrade is the
// apiVersion alone. Returns the diagnostic that says so (a warning), or nullopt when nothing
// changed.
std::optional<Core::Diagnostic> upgradeApiVersion(Model::Resource &resource);

} // namespace Torii::Yaml
