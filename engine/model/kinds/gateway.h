#pragma once

#include "engine/model/kinds/api_groups.h"
#include "engine/model/kinds/listener.h"
#include "engine/model/kinds/object_meta.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Model {

struct GatewaySpecAddress
{
    std::optional<std::string> type; // IPAddress (default), Hostname, NamedAddress, domain/custom
    std::optional<std::string> value;
    Node unknown;

    friend bool operator==(const GatewaySpecAddress &, const GatewaySpecAddress &) = default;
};

struct GatewayStatusAddress
{
    std::optional<std::string> type; // default IPAddress
    std::string value;
    Node unknown;

    friend bool operator==(const GatewayStatusAddress &, const GatewayStatusAddress &) = default;
};

struct GatewayInfrastructure
{
    std::optional<StringMap> labels;
    std::optional<StringMap> annotations;
    std::optional<LocalParametersReference> parametersRef;
    Node unknown;

    friend bool operator==(const GatewayInfrastructure &, const GatewayInfrastructure &) = default;
};

// Which namespaces' ListenerSets may attach (allowedListeners.namespaces).
struct ListenerNamespaces
{
    std::optional<std::string> from; // All, Selector, Same, None (default)
    std::optional<LabelSelector> selector;
    Node unknown;

    friend bool operator==(const ListenerNamespaces &, const ListenerNamespaces &) = default;
};

struct AllowedListeners
{
    std::optional<ListenerNamespaces> namespaces; // default {from: None}
    Node unknown;

    friend bool operator==(const AllowedListeners &, const AllowedListeners &) = default;
};

struct GatewayBackendTLS
{
    std::optional<SecretObjectReference> clientCertificateRef;
    Node unknown;

    friend bool operator==(const GatewayBackendTLS &, const GatewayBackendTLS &) = default;
};

struct FrontendTLSValidation
{
    std::vector<ObjectReference> caCertificateRefs;
    std::optional<std::string> mode; // AllowValidOnly (default), AllowInsecureFallback
    Node unknown;

    friend bool operator==(const FrontendTLSValidation &, const FrontendTLSValidation &) = default;
};

struct TLSConfig
{
    std::optional<FrontendTLSValidation> validation;
    Node unknown;

    friend bool operator==(const TLSConfig &, const TLSConfig &) = default;
};

struct TLSPortConfig
{
    std::int32_t port = 0;
    TLSConfig tls;
    Node unknown;

    friend bool operator==(const TLSPortConfig &, const TLSPortConfig &) = default;
};

// `default` is a C++ keyword, hence `default_`.
struct FrontendTLSConfig
{
    TLSConfig default_;
    std::optional<std::vector<TLSPortConfig>> perPort;
    Node unknown;

    friend bool operator==(const FrontendTLSConfig &, const FrontendTLSConfig &) = default;
};

struct GatewayTLSConfig
{
    std::optional<GatewayBackendTLS> backend;
    std::optional<FrontendTLSConfig> frontend;
    Node unknown;

    friend bool operator==(const GatewayTLSConfig &, const GatewayTLSConfig &) = default;
};

struct GatewaySpec
{
    std::string gatewayClassName;
    std::vector<Listener> listeners;
    std::optional<std::vector<GatewaySpecAddress>> addresses;
    std::optional<GatewayInfrastructure> infrastructure;
    std::optional<AllowedListeners> allowedListeners;
    std::optional<GatewayTLSConfig> tls;
    std::optional<std::string> defaultScope; // experimental: All, None
    Node unknown;

    friend bool operator==(const GatewaySpec &, const GatewaySpec &) = default;
};

struct GatewayStatus
{
    std::optional<std::vector<GatewayStatusAddress>> addresses;
    std::optional<std::vector<Condition>> conditions;
    std::optional<std::vector<ListenerStatus>> listeners;
    std::optional<std::int32_t> attachedListenerSets;
    Node unknown;

    friend bool operator==(const GatewayStatus &, const GatewayStatus &) = default;
};

struct Gateway
{
    static constexpr std::string_view kGroup = kGatewayApiGroup;
    static constexpr std::string_view kKind = "Gateway";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "gateway.networking.k8s.io/v1";
    std::string kind = "Gateway";
    ObjectMeta metadata;
    GatewaySpec spec;
    std::optional<GatewayStatus> status;
    Node unknown;

    friend bool operator==(const Gateway &, const Gateway &) = default;
};

TORII_MODEL_DECLARE_CODEC(GatewaySpecAddress);
TORII_MODEL_DECLARE_CODEC(GatewayStatusAddress);
TORII_MODEL_DECLARE_CODEC(GatewayInfrastructure);
TORII_MODEL_DECLARE_CODEC(ListenerNamespaces);
TORII_MODEL_DECLARE_CODEC(AllowedListeners);
TORII_MODEL_DECLARE_CODEC(GatewayBackendTLS);
TORII_MODEL_DECLARE_CODEC(FrontendTLSValidation);
TORII_MODEL_DECLARE_CODEC(TLSConfig);
TORII_MODEL_DECLARE_CODEC(TLSPortConfig);
TORII_MODEL_DECLARE_CODEC(FrontendTLSConfig);
TORII_MODEL_DECLARE_CODEC(GatewayTLSConfig);
TORII_MODEL_DECLARE_CODEC(GatewaySpec);
TORII_MODEL_DECLARE_CODEC(GatewayStatus);
TORII_MODEL_DECLARE_CODEC(Gateway);

} // namespace Torii::Model
