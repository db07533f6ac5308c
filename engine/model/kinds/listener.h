#pragma once

#include "engine/model/kinds/condition.h"
#include "engine/model/kinds/label_selector.h"
#include "engine/model/kinds/references.h"
#include "engine/model/kinds/string_map.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// Listener and its status: shared by Gateway (spec.listeners) and ListenerSet, whose
// ListenerEntry / ListenerEntryStatus have the same fields in v1.6.1.
namespace Torii::Model {

struct RouteGroupKind
{
    std::optional<std::string> group; // default gateway.networking.k8s.io
    std::string kind;
    Node unknown;

    std::string_view groupOrDefault() const
    {
        return group ? std::string_view(*group) : kGatewayApiGroup;
    }

    friend bool operator==(const RouteGroupKind &, const RouteGroupKind &) = default;
};

struct RouteNamespaces
{
    std::optional<std::string> from; // All, Selector, Same (default)
    std::optional<LabelSelector> selector;
    Node unknown;

    friend bool operator==(const RouteNamespaces &, const RouteNamespaces &) = default;
};

struct AllowedRoutes
{
    std::optional<RouteNamespaces> namespaces; // default {from: Same}
    std::optional<std::vector<RouteGroupKind>> kinds;
    Node unknown;

    friend bool operator==(const AllowedRoutes &, const AllowedRoutes &) = default;
};

struct ListenerTLSConfig
{
    std::optional<std::string> mode; // Terminate (default), Passthrough
    std::optional<std::vector<SecretObjectReference>> certificateRefs;
    std::optional<StringMap> options;
    Node unknown;

    friend bool operator==(const ListenerTLSConfig &, const ListenerTLSConfig &) = default;
};

struct Listener
{
    std::string name;
    std::optional<std::string> hostname;
    std::int32_t port = 0;
    std::string protocol; // HTTP, HTTPS, TLS, TCP, UDP or a domain-prefixed custom protocol
    std::optional<ListenerTLSConfig> tls;
    std::optional<AllowedRoutes> allowedRoutes;
    Node unknown;

    friend bool operator==(const Listener &, const Listener &) = default;
};

struct ListenerStatus
{
    std::string name;
    std::optional<std::vector<RouteGroupKind>> supportedKinds;
    std::int32_t attachedRoutes = 0;
    std::vector<Condition> conditions;
    Node unknown;

    friend bool operator==(const ListenerStatus &, const ListenerStatus &) = default;
};

// ListenerSet's names for the same shapes.
using ListenerEntry = Listener;
using ListenerEntryStatus = ListenerStatus;

TORII_MODEL_DECLARE_CODEC(RouteGroupKind);
TORII_MODEL_DECLARE_CODEC(RouteNamespaces);
TORII_MODEL_DECLARE_CODEC(AllowedRoutes);
TORII_MODEL_DECLARE_CODEC(ListenerTLSConfig);
TORII_MODEL_DECLARE_CODEC(Listener);
TORII_MODEL_DECLARE_CODEC(ListenerStatus);

} // namespace Torii::Model
