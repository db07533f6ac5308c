#pragma once

#include "engine/model/kinds/label_selector.h"
#include "engine/model/kinds/node_codec.h"
#include "engine/model/kinds/object_meta.h"
#include "engine/model/kinds/string_map.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// The Kubernetes kinds a gateway studio looks into (backends, certificates, namespaces, what an
// Ingress converts from). Only the fields the studio uses are typed; everything else at every
// level stays in `rest`, so a round trip loses nothing. Plain fields follow Go's omitempty: an
// empty value means "not written" (an explicit empty value in the input stays in `rest`).
namespace Torii::Model {

// intstr.IntOrString (Service targetPort).
struct IntOrString
{
    std::variant<std::int32_t, std::string> value;

    bool isInt() const { return value.index() == 0; }
    std::int32_t intValue() const { return isInt() ? std::get<0>(value) : 0; }
    std::string stringValue() const { return isInt() ? std::string() : std::get<1>(value); }

    friend bool operator==(const IntOrString &, const IntOrString &) = default;
};

bool fromNode(const Node &node, IntOrString &out); // Int (int32 range) or String
Node toNode(const IntOrString &value);

// ---- v1 Namespace (cluster-scoped)
struct Namespace
{
    static constexpr std::string_view kGroup = "";
    static constexpr std::string_view kKind = "Namespace";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "v1";
    std::string kind = "Namespace";
    ObjectMeta metadata; // labels select namespaces for allowedRoutes
    Node rest;           // spec, status

    friend bool operator==(const Namespace &, const Namespace &) = default;
};

// ---- v1 Service
struct ServicePort
{
    std::optional<std::string> name;
    std::optional<std::string> protocol; // TCP (default), UDP, SCTP
    std::optional<std::string> appProtocol;
    std::int32_t port = 0;
    std::optional<IntOrString> targetPort;
    Node rest; // nodePort …

    friend bool operator==(const ServicePort &, const ServicePort &) = default;
};

struct ServiceSpec
{
    std::optional<std::vector<ServicePort>> ports;
    std::optional<StringMap> selector;
    std::optional<std::string> type; // ClusterIP (default), NodePort, LoadBalancer, ExternalName
    Node rest;                       // clusterIP, externalName, sessionAffinity …

    friend bool operator==(const ServiceSpec &, const ServiceSpec &) = default;
};

struct Service
{
    static constexpr std::string_view kGroup = "";
    static constexpr std::string_view kKind = "Service";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "v1";
    std::string kind = "Service";
    ObjectMeta metadata;
    ServiceSpec spec;
    Node rest; // status

    friend bool operator==(const Service &, const Service &) = default;
};

// ---- v1 Secret
struct Secret
{
    static constexpr std::string_view kGroup = "";
    static constexpr std::string_view kKind = "Secret";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "v1";
    std::string kind = "Secret";
    ObjectMeta metadata;
    std::optional<StringMap> data; // base64 values, as written
    std::optional<StringMap> stringData;
    std::optional<std::string> type; // Opaque (default), kubernetes.io/tls …
    Node rest;                       // immutable …

    friend bool operator==(const Secret &, const Secret &) = default;
};

// ---- v1 ConfigMap
struct ConfigMap
{
    static constexpr std::string_view kGroup = "";
    static constexpr std::string_view kKind = "ConfigMap";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "v1";
    std::string kind = "ConfigMap";
    ObjectMeta metadata;
    std::optional<StringMap> data; // e.g. ca.crt for frontend TLS validation
    Node rest;                     // immutable, binaryData …

    friend bool operator==(const ConfigMap &, const ConfigMap &) = default;
};

// ---- apps/v1 Deployment
struct ContainerPort
{
    std::optional<std::string> name;
    std::int32_t containerPort = 0;
    std::optional<std::string> protocol;
    Node rest; // hostPort, hostIP

    friend bool operator==(const ContainerPort &, const ContainerPort &) = default;
};

struct Container
{
    std::string name;
    std::optional<std::string> image;
    std::optional<std::vector<ContainerPort>> ports;
    Node rest; // command, args, env, resources …

    friend bool operator==(const Container &, const Container &) = default;
};

struct PodSpec
{
    std::vector<Container> containers;
    Node rest; // volumes, initContainers …

    friend bool operator==(const PodSpec &, const PodSpec &) = default;
};

struct PodTemplateSpec
{
    ObjectMeta metadata; // labels are what Service selectors match
    PodSpec spec;
    Node rest;

    friend bool operator==(const PodTemplateSpec &, const PodTemplateSpec &) = default;
};

// `template` is a C++ keyword, hence `template_`.
struct DeploymentSpec
{
    std::optional<std::int32_t> replicas;
    std::optional<LabelSelector> selector;
    PodTemplateSpec template_;
    Node rest; // strategy, minReadySeconds …

    friend bool operator==(const DeploymentSpec &, const DeploymentSpec &) = default;
};

struct Deployment
{
    static constexpr std::string_view kGroup = "apps";
    static constexpr std::string_view kKind = "Deployment";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "apps/v1";
    std::string kind = "Deployment";
    ObjectMeta metadata;
    DeploymentSpec spec;
    Node rest; // status

    friend bool operator==(const Deployment &, const Deployment &) = default;
};

// ---- networking.k8s.io/v1 Ingress
struct ServiceBackendPort
{
    std::optional<std::string> name;
    std::optional<std::int32_t> number;
    Node rest;

    friend bool operator==(const ServiceBackendPort &, const ServiceBackendPort &) = default;
};

struct IngressServiceBackend
{
    std::string name;
    std::optional<ServiceBackendPort> port;
    Node rest;

    friend bool operator==(const IngressServiceBackend &, const IngressServiceBackend &) = default;
};

// core/v1 TypedLocalObjectReference (Ingress resource backends).
struct TypedLocalObjectReference
{
    std::optional<std::string> apiGroup;
    std::string kind;
    std::string name;
    Node rest;

    friend bool operator==(const TypedLocalObjectReference &,
                           const TypedLocalObjectReference &) = default;
};

struct IngressBackend
{
    std::optional<IngressServiceBackend> service;
    std::optional<TypedLocalObjectReference> resource;
    Node rest;

    friend bool operator==(const IngressBackend &, const IngressBackend &) = default;
};

struct HTTPIngressPath
{
    std::optional<std::string> path;
    std::string pathType; // Exact, Prefix, ImplementationSpecific
    IngressBackend backend;
    Node rest;

    friend bool operator==(const HTTPIngressPath &, const HTTPIngressPath &) = default;
};

struct HTTPIngressRuleValue
{
    std::vector<HTTPIngressPath> paths;
    Node rest;

    friend bool operator==(const HTTPIngressRuleValue &, const HTTPIngressRuleValue &) = default;
};

struct IngressRule
{
    std::optional<std::string> host;
    std::optional<HTTPIngressRuleValue> http;
    Node rest;

    friend bool operator==(const IngressRule &, const IngressRule &) = default;
};

struct IngressTLS
{
    std::optional<std::vector<std::string>> hosts;
    std::optional<std::string> secretName;
    Node rest;

    friend bool operator==(const IngressTLS &, const IngressTLS &) = default;
};

struct IngressSpec
{
    std::optional<std::string> ingressClassName;
    std::optional<IngressBackend> defaultBackend;
    std::optional<std::vector<IngressTLS>> tls;
    std::optional<std::vector<IngressRule>> rules;
    Node rest;

    friend bool operator==(const IngressSpec &, const IngressSpec &) = default;
};

struct Ingress
{
    static constexpr std::string_view kGroup = "networking.k8s.io";
    static constexpr std::string_view kKind = "Ingress";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "networking.k8s.io/v1";
    std::string kind = "Ingress";
    ObjectMeta metadata;
    IngressSpec spec;
    Node rest; // status

    friend bool operator==(const Ingress &, const Ingress &) = default;
};

TORII_MODEL_DECLARE_CODEC(Namespace);
TORII_MODEL_DECLARE_CODEC(ServicePort);
TORII_MODEL_DECLARE_CODEC(ServiceSpec);
TORII_MODEL_DECLARE_CODEC(Service);
TORII_MODEL_DECLARE_CODEC(Secret);
TORII_MODEL_DECLARE_CODEC(ConfigMap);
TORII_MODEL_DECLARE_CODEC(ContainerPort);
TORII_MODEL_DECLARE_CODEC(Container);
TORII_MODEL_DECLARE_CODEC(PodSpec);
TORII_MODEL_DECLARE_CODEC(PodTemplateSpec);
TORII_MODEL_DECLARE_CODEC(DeploymentSpec);
TORII_MODEL_DECLARE_CODEC(Deployment);
TORII_MODEL_DECLARE_CODEC(ServiceBackendPort);
TORII_MODEL_DECLARE_CODEC(IngressServiceBackend);
TORII_MODEL_DECLARE_CODEC(TypedLocalObjectReference);
TORII_MODEL_DECLARE_CODEC(IngressBackend);
TORII_MODEL_DECLARE_CODEC(HTTPIngressPath);
TORII_MODEL_DECLARE_CODEC(HTTPIngressRuleValue);
TORII_MODEL_DECLARE_CODEC(IngressRule);
TORII_MODEL_DECLARE_CODEC(IngressTLS);
TORII_MODEL_DECLARE_CODEC(IngressSpec);
TORII_MODEL_DECLARE_CODEC(Ingress);

} // namespace Torii::Model
