#pragma once

#include "engine/model/kinds/api_groups.h"
#include "engine/model/kinds/object_meta.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Model {

struct ReferenceGrantFrom
{
    std::string group;
    std::string kind;
    std::string namespace_;
    Node unknown;

    friend bool operator==(const ReferenceGrantFrom &, const ReferenceGrantFrom &) = default;
};

struct ReferenceGrantTo
{
    std::string group;
    std::string kind;
    std::optional<std::string> name; // absent: every object of the kind
    Node unknown;

    friend bool operator==(const ReferenceGrantTo &, const ReferenceGrantTo &) = default;
};

struct ReferenceGrantSpec
{
    std::vector<ReferenceGrantFrom> from;
    std::vector<ReferenceGrantTo> to;
    Node unknown;

    friend bool operator==(const ReferenceGrantSpec &, const ReferenceGrantSpec &) = default;
};

// No status. Served as v1 and v1beta1; v1beta1 is the storage version in v1.6.1.
struct ReferenceGrant
{
    static constexpr std::string_view kGroup = kGatewayApiGroup;
    static constexpr std::string_view kKind = "ReferenceGrant";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "gateway.networking.k8s.io/v1";
    std::string kind = "ReferenceGrant";
    ObjectMeta metadata;
    ReferenceGrantSpec spec;
    Node unknown;

    friend bool operator==(const ReferenceGrant &, const ReferenceGrant &) = default;
};

TORII_MODEL_DECLARE_CODEC(ReferenceGrantFrom);
TORII_MODEL_DECLARE_CODEC(ReferenceGrantTo);
TORII_MODEL_DECLARE_CODEC(ReferenceGrantSpec);
TORII_MODEL_DECLARE_CODEC(ReferenceGrant);

} // namespace Torii::Model
