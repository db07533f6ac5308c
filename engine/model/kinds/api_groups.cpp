#include "api_groups.h"

namespace Torii::Model {

namespace {

// Checked against crds/standard and crds/experimental of v1.6.1 (spec.versions[].served/storage).
constexpr std::array<GatewayApiKindInfo, 10> kKinds{{
    {"GatewayClass", "v1", {"v1", "v1beta1"}, {"v1", "v1beta1"}, false},
    {"Gateway", "v1", {"v1", "v1beta1"}, {"v1", "v1beta1"}, true},
    {"ListenerSet", "v1", {"v1"}, {"v1"}, true},
    {"HTTPRoute", "v1", {"v1", "v1beta1"}, {"v1", "v1beta1"}, true},
    {"GRPCRoute", "v1", {"v1"}, {"v1"}, true},
    {"TCPRoute", "v1", {"v1"}, {"v1", "v1alpha2"}, true},
    {"UDPRoute", "v1", {"v1"}, {"v1", "v1alpha2"}, true},
    {"TLSRoute", "v1", {"v1"}, {"v1", "v1alpha2", "v1alpha3"}, true},
    {"ReferenceGrant", "v1beta1", {"v1", "v1beta1"}, {"v1", "v1beta1"}, true},
    {"BackendTLSPolicy", "v1", {"v1"}, {"v1", "v1alpha3"}, true},
}};

} // namespace

bool GatewayApiKindInfo::serves(std::string_view version, bool experimental) const
{
    const auto &versions = experimental ? experimentalVersions : standardVersions;
    for (std::string_view served : versions) {
        if (!served.empty() && served == version) {
            return true;
        }
    }
    return false;
}

std::span<const GatewayApiKindInfo> gatewayApiKinds()
{
    return kKinds;
}

const GatewayApiKindInfo *findGatewayApiKind(std::string_view kind)
{
    for (const GatewayApiKindInfo &info : kKinds) {
        if (info.kind == kind) {
            return &info;
        }
    }
    return nullptr;
}

GroupVersion splitApiVersion(std::string_view apiVersion)
{
    const auto slash = apiVersion.rfind('/');
    if (slash == std::string_view::npos) {
        return {{}, apiVersion};
    }
    return {apiVersion.substr(0, slash), apiVersion.substr(slash + 1)};
}

} // namespace Torii::Model
