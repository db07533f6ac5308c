#include "version_upgrade.h"

#include <array>

namespace Torii::Yaml {

namespace {

constexpr std::string_view kGatewayGroup = "gateway.networking.k8s.io";

struct KindVersions
{
    std::string_view kind;
    // Versions listed by the v1.6.1 CRDs besides v1, and whether the standard channel still
    // serves them.
    std::array<std::string_view, 2> older;
    bool olderServed;
};

constexpr std::array<KindVersions, 10> kKinds{{
    {"GatewayClass", {"v1beta1", ""}, true},
    {"Gateway", {"v1beta1", ""}, true},
    {"HTTPRoute", {"v1beta1", ""}, true},
    {"ReferenceGrant", {"v1beta1", ""}, true},
    {"GRPCRoute", {"", ""}, false},
    {"ListenerSet", {"", ""}, false},
    {"BackendTLSPolicy", {"v1alpha3", ""}, false},
    {"TCPRoute", {"v1alpha2", ""}, false},
    {"UDPRoute", {"v1alpha2", ""}, false},
    {"TLSRoute", {"v1alpha2", "v1alpha3"}, false},
}};

const KindVersions *lookup(std::string_view kind)
{
    for (const KindVersions &k : kKinds) {
        if (k.kind == kind) {
            return &k;
        }
    }
    return nullptr;
}

} // namespace

std::optional<std::string> currentApiVersion(std::string_view group, std::string_view kind)
{
    if (group != kGatewayGroup || !lookup(kind)) {
        return std::nullopt;
    }
    return std::string(kGatewayGroup) + "/v1";
}

std::optional<Core::Diagnostic> upgradeApiVersion(Model::Resource &resource)
{
    const KindVersions *k = lookup(resource.kind);
    if (!k || resource.group() != kGatewayGroup) {
        return std::nullopt;
    }
    const std::string written = resource.version();
    if (written == "v1") {
        return std::nullopt;
    }
    bool known = false;
    for (std::string_view v : k->older) {
        known = known || (!v.empty() && v == written);
    }
    if (!known) {
        return std::nullopt; // an unknown version: validation reports it
    }
    const std::string current = std::string(kGatewayGroup) + "/v1";
    // A version the standard channel no longer serves is what the API server would refuse, so it
    // is not a mere lint (toriictl validate --no-lint keeps it).
    Core::Diagnostic d = Core::makeDiagnostic(
        Core::Severity::Warning, k->olderServed ? "lint.api-version" : "api-version.unserved",
        k->olderServed
            ? Core::text(
                  QT_TRANSLATE_NOOP("Diagnostics",
                                    "%1 %2 is still served but %3 is the current version; Torii "
                                    "reads it as %3"),
                  {resource.kind, resource.apiVersion, current})
            : Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                           "%1 %2 is no longer served by the v1.6.1 standard CRDs "
                                           "(kubectl apply would fail); Torii reads it as %3"),
                         {resource.kind, resource.apiVersion, current}),
        Core::text(
            QT_TRANSLATE_NOOP("Diagnostics", "write apiVersion: %1 (the fields are the same)"),
            {current}));
    d.fieldPath = "apiVersion";
    d.file = resource.source.file;
    if (const Model::Node::Entry *e = resource.object.findEntry("apiVersion")) {
        d.line = static_cast<int>(e->value.mark().line);
        d.column = static_cast<int>(e->value.mark().column);
    }
    resource.upgradedFrom = resource.apiVersion;
    resource.apiVersion = current;
    resource.object.set("apiVersion",
                        Model::Node::string(current, resource.object["apiVersion"].mark()));
    return d;
}

} // namespace Torii::Yaml
