#pragma once

#include "engine/model/kinds/api_groups.h"
#include "engine/model/kinds/node_codec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The reference types of the Gateway API (object_reference_types.go, shared_types.go,
// policy_types.go, the *ParametersReference types), one C++ type each, shared by every kind.
// Optional group/kind fields keep "absent" (the CRD default applies) distinct from written; the
// *OrDefault() helpers give the value the API server would store.
// `namespace` is a C++ keyword, hence `namespace_`.
namespace Torii::Model {

// Same-namespace reference with every part required (filters' extensionRef, BackendTLSPolicy
// caCertificateRefs).
struct LocalObjectReference
{
    std::string group;
    std::string kind;
    std::string name;
    Node unknown;

    friend bool operator==(const LocalObjectReference &, const LocalObjectReference &) = default;
};

// Listener certificateRefs, Gateway backend clientCertificateRef.
struct SecretObjectReference
{
    std::optional<std::string> group; // default ""
    std::optional<std::string> kind;  // default Secret
    std::string name;
    std::optional<std::string> namespace_;
    Node unknown;

    std::string_view groupOrDefault() const { return group ? std::string_view(*group) : ""; }
    std::string_view kindOrDefault() const { return kind ? std::string_view(*kind) : "Secret"; }

    friend bool operator==(const SecretObjectReference &, const SecretObjectReference &) = default;
};

// requestMirror / externalAuth backendRef; base of BackendRef.
struct BackendObjectReference
{
    std::optional<std::string> group; // default "" (core)
    std::optional<std::string> kind;  // default Service
    std::string name;
    std::optional<std::string> namespace_;
    std::optional<std::int32_t> port;
    Node unknown;

    std::string_view groupOrDefault() const { return group ? std::string_view(*group) : ""; }
    std::string_view kindOrDefault() const { return kind ? std::string_view(*kind) : "Service"; }

    friend bool operator==(const BackendObjectReference &,
                           const BackendObjectReference &) = default;
};

// Route backendRefs (TCP/UDP/TLS directly; HTTP/GRPC extend it with filters).
struct BackendRef : BackendObjectReference
{
    std::optional<std::int32_t> weight; // default 1

    friend bool operator==(const BackendRef &, const BackendRef &) = default;
};

// Frontend TLS caCertificateRefs.
struct ObjectReference
{
    std::string group;
    std::string kind;
    std::string name;
    std::optional<std::string> namespace_;
    Node unknown;

    friend bool operator==(const ObjectReference &, const ObjectReference &) = default;
};

// Route parentRefs, route status parentRef, policy ancestorRef.
struct ParentReference
{
    std::optional<std::string> group; // default gateway.networking.k8s.io
    std::optional<std::string> kind;  // default Gateway
    std::optional<std::string> namespace_;
    std::string name;
    std::optional<std::string> sectionName;
    std::optional<std::int32_t> port;
    Node unknown;

    std::string_view groupOrDefault() const
    {
        return group ? std::string_view(*group) : kGatewayApiGroup;
    }
    std::string_view kindOrDefault() const { return kind ? std::string_view(*kind) : "Gateway"; }

    friend bool operator==(const ParentReference &, const ParentReference &) = default;
};

// GatewayClass parametersRef.
struct ParametersReference
{
    std::string group;
    std::string kind;
    std::string name;
    std::optional<std::string> namespace_;
    Node unknown;

    friend bool operator==(const ParametersReference &, const ParametersReference &) = default;
};

// Gateway infrastructure parametersRef.
struct LocalParametersReference
{
    std::string group;
    std::string kind;
    std::string name;
    Node unknown;

    friend bool operator==(const LocalParametersReference &,
                           const LocalParametersReference &) = default;
};

// ListenerSet parentRef.
struct ParentGatewayReference
{
    std::optional<std::string> group; // default gateway.networking.k8s.io
    std::optional<std::string> kind;  // default Gateway
    std::string name;
    std::optional<std::string> namespace_;
    Node unknown;

    std::string_view groupOrDefault() const
    {
        return group ? std::string_view(*group) : kGatewayApiGroup;
    }
    std::string_view kindOrDefault() const { return kind ? std::string_view(*kind) : "Gateway"; }

    friend bool operator==(const ParentGatewayReference &,
                           const ParentGatewayReference &) = default;
};

struct LocalPolicyTargetReference
{
    std::string group;
    std::string kind;
    std::string name;
    Node unknown;

    friend bool operator==(const LocalPolicyTargetReference &,
                           const LocalPolicyTargetReference &) = default;
};

// BackendTLSPolicy targetRefs.
struct LocalPolicyTargetReferenceWithSectionName : LocalPolicyTargetReference
{
    std::optional<std::string> sectionName;

    friend bool operator==(const LocalPolicyTargetReferenceWithSectionName &,
                           const LocalPolicyTargetReferenceWithSectionName &) = default;
};

TORII_MODEL_DECLARE_CODEC(LocalObjectReference);
TORII_MODEL_DECLARE_CODEC(SecretObjectReference);
TORII_MODEL_DECLARE_CODEC(BackendObjectReference);
TORII_MODEL_DECLARE_CODEC(BackendRef);
TORII_MODEL_DECLARE_CODEC(ObjectReference);
TORII_MODEL_DECLARE_CODEC(ParentReference);
TORII_MODEL_DECLARE_CODEC(ParametersReference);
TORII_MODEL_DECLARE_CODEC(LocalParametersReference);
TORII_MODEL_DECLARE_CODEC(ParentGatewayReference);
TORII_MODEL_DECLARE_CODEC(LocalPolicyTargetReference);
TORII_MODEL_DECLARE_CODEC(LocalPolicyTargetReferenceWithSectionName);

namespace Internal {

// Fields of the embedded Go structs, for the types that extend them (HTTPBackendRef …).
inline constexpr auto backendObjectReferenceFields = [](auto &v, auto &s) {
    v.field("group", s.group);
    v.field("kind", s.kind);
    v.field("name", s.name);
    v.field("namespace", s.namespace_);
    v.field("port", s.port);
};

inline constexpr auto backendRefFields = [](auto &v, auto &s) {
    backendObjectReferenceFields(v, s);
    v.field("weight", s.weight);
};

} // namespace Internal

} // namespace Torii::Model
