#pragma once

#include "engine/model/kinds/api_groups.h"
#include "engine/model/kinds/condition.h"
#include "engine/model/kinds/object_meta.h"
#include "engine/model/kinds/references.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Model {

struct GatewayClassSpec
{
    std::string controllerName; // immutable once created
    std::optional<ParametersReference> parametersRef;
    std::optional<std::string> description;
    Node unknown;

    friend bool operator==(const GatewayClassSpec &, const GatewayClassSpec &) = default;
};

struct SupportedFeature
{
    std::string name;
    Node unknown;

    friend bool operator==(const SupportedFeature &, const SupportedFeature &) = default;
};

struct GatewayClassStatus
{
    std::optional<std::vector<Condition>> conditions;
    std::optional<std::vector<SupportedFeature>> supportedFeatures;
    Node unknown;

    friend bool operator==(const GatewayClassStatus &, const GatewayClassStatus &) = default;
};

// Cluster-scoped.
struct GatewayClass
{
    static constexpr std::string_view kGroup = kGatewayApiGroup;
    static constexpr std::string_view kKind = "GatewayClass";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "gateway.networking.k8s.io/v1";
    std::string kind = "GatewayClass";
    ObjectMeta metadata;
    GatewayClassSpec spec;
    std::optional<GatewayClassStatus> status;
    Node unknown;

    friend bool operator==(const GatewayClass &, const GatewayClass &) = default;
};

TORII_MODEL_DECLARE_CODEC(GatewayClassSpec);
TORII_MODEL_DECLARE_CODEC(SupportedFeature);
TORII_MODEL_DECLARE_CODEC(GatewayClassStatus);
TORII_MODEL_DECLARE_CODEC(GatewayClass);

} // namespace Torii::Model
