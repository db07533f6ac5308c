#include "roles.h"

#include <QtCore/QtGlobal>

namespace Torii::Export {

Role roleOfKind(std::string_view kind)
{
    if (kind == "GatewayClass") {
        return Role::InfrastructureProvider;
    }
    if (kind == "Gateway" || kind == "Listener" || kind == "BackendTLSPolicy" ||
        kind == "Namespace" || kind == "Secret" || kind == "ConfigMap") {
        return Role::ClusterOperator;
    }
    if (kind == "HTTPRoute" || kind == "GRPCRoute" || kind == "TLSRoute" || kind == "TCPRoute" ||
        kind == "UDPRoute" || kind == "Service" || kind == "Deployment" ||
        kind == "ReferenceGrant" || kind == "ListenerSet") {
        return Role::ApplicationDeveloper;
    }
    return Role::None;
}

const char *roleId(Role role)
{
    switch (role) {
    case Role::InfrastructureProvider:
        return "infrastructure-provider";
    case Role::ClusterOperator:
        return "cluster-operator";
    case Role::ApplicationDeveloper:
        return "application-developer";
    case Role::None:
        break;
    }
    return "none";
}

std::optional<Role> roleFromId(std::string_view id)
{
    for (Role r : {Role::InfrastructureProvider, Role::ClusterOperator, Role::ApplicationDeveloper,
                   Role::None}) {
        if (id == roleId(r)) {
            return r;
        }
    }
    return std::nullopt;
}

Core::Text roleTitle(Role role)
{
    switch (role) {
    case Role::InfrastructureProvider:
        return Core::text(QT_TRANSLATE_NOOP("Diagnostics", "Infrastructure provider"));
    case Role::ClusterOperator:
        return Core::text(QT_TRANSLATE_NOOP("Diagnostics", "Cluster operator"));
    case Role::ApplicationDeveloper:
        return Core::text(QT_TRANSLATE_NOOP("Diagnostics", "Application developer"));
    case Role::None:
        break;
    }
    return Core::text(QT_TRANSLATE_NOOP("Diagnostics", "No role"));
}

} // namespace Torii::Export
