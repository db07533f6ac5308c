#include "backend_resolution.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace Torii::Controller::Internal {

bool isSupportedAppProtocol(std::string_view appProtocol)
{
    // Empty means plain HTTP/1.1; the kubernetes.io/* names are KEP-3726's standard values; IANA
    // service names ("http", "HTTPS") are case-insensitive.
    static constexpr std::array<std::string_view, 7> supported = {
        "", "http", "https", "kubernetes.io/h2c", "kubernetes.io/ws", "kubernetes.io/wss", "h2c"};
    std::string name(appProtocol);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(supported.begin(), supported.end(), name) != supported.end();
}

ResolvedBackend resolveBackend(const ResourceIndex &index, const Model::BackendObjectReference &ref,
                               const Referrer &route, bool httpLike)
{
    ResolvedBackend out;
    out.ns = ref.namespace_.value_or(route.ns);
    out.name = ref.name;
    out.port = ref.port.value_or(0);
    const std::string target = out.ns + "/" + out.name;

    const std::string group(ref.groupOrDefault());
    const std::string kind(ref.kindOrDefault());
    if (!group.empty() || kind != "Service") {
        out.verdict = Verdict::no(
            Reason::InvalidKind,
            "backendRef " + target + " has kind " + (group.empty() ? kind : kind + "." + group) +
                "; Torii routes only to core Services (group \"\", kind Service).");
        return out;
    }
    // "References to objects with invalid Group and Kind are not valid, and must be rejected by
    // the implementation" first; then the cross-namespace rule: "a ReferenceGrant object is
    // required in the referent namespace".
    if (!referenceAllowed(index, route, ReferenceTarget{"", "Service", out.ns, out.name})) {
        out.verdict = Verdict::no(
            Reason::RefNotPermitted,
            "backendRef Service " + target + " is in another namespace and no ReferenceGrant in " +
                out.ns + " allows references from " + route.kind + "s in " + route.ns + ".");
        return out;
    }
    out.serviceIndex = index.find("", "Service", out.ns, out.name);
    const auto *service =
        out.serviceIndex ? std::get_if<Model::Service>(&index.typed(*out.serviceIndex)) : nullptr;
    if (!service) {
        out.verdict =
            Verdict::no(Reason::BackendNotFound, "Service " + target + " does not exist.");
        return out;
    }
    if (!ref.port) {
        out.verdict = Verdict::no(Reason::BackendNotFound,
                                  "backendRef Service " + target + " does not name a port.");
        return out;
    }
    const std::vector<Model::ServicePort> &ports = itemsOf(service->spec.ports);
    const auto port = std::find_if(ports.begin(), ports.end(),
                                   [&](const auto &p) { return p.port == *ref.port; });
    const bool externalName = service->spec.type && *service->spec.type == "ExternalName";
    if (port == ports.end()) {
        if (!(externalName && ports.empty())) {
            out.verdict =
                Verdict::no(Reason::BackendNotFound, "Service " + target + " has no port " +
                                                         std::to_string(*ref.port) + ".");
            return out;
        }
    } else {
        out.appProtocol = port->appProtocol.value_or("");
        out.portName = port->name.value_or("");
    }
    if (httpLike && !isSupportedAppProtocol(out.appProtocol)) {
        out.verdict =
            Verdict::no(Reason::UnsupportedProtocol,
                        "port " + std::to_string(*ref.port) + " of Service " + target +
                            " has appProtocol " + out.appProtocol + ", which Torii cannot speak.");
        return out;
    }
    out.verdict = Verdict::yes(Reason::ResolvedRefs, "");
    return out;
}

} // namespace Torii::Controller::Internal
