#pragma once

#include <array>
#include <span>
#include <string_view>

namespace Torii::Model {

// Group and versions of the Gateway API v1.6.1 kinds, from the CRDs' `served` / `storage` flags.
inline constexpr std::string_view kGatewayApiGroup = "gateway.networking.k8s.io";
inline constexpr std::string_view kGatewayApiVersion = "v1"; // served for all ten kinds
inline constexpr std::string_view kGatewayApiBundleVersion = "v1.6.1";

struct GatewayApiKindInfo
{
    std::string_view kind;
    std::string_view storageVersion;
    // Served versions per CRD channel, preferred (v1) first; unused slots are empty.
    std::array<std::string_view, 3> standardVersions;
    std::array<std::string_view, 3> experimentalVersions;
    bool namespaced = true;

    bool serves(std::string_view version, bool experimental) const;
};

// The ten kinds the typed model knows, in the order of TypedObject.
std::span<const GatewayApiKindInfo> gatewayApiKinds();
// nullptr for a kind that is not one of the ten.
const GatewayApiKindInfo *findGatewayApiKind(std::string_view kind);

// "gateway.networking.k8s.io/v1" → group "gateway.networking.k8s.io", version "v1";
// "v1" → group "" (core), version "v1".
struct GroupVersion
{
    std::string_view group;
    std::string_view version;
};
GroupVersion splitApiVersion(std::string_view apiVersion);

} // namespace Torii::Model
