#include "core_kinds.h"

namespace Torii::Model {

bool fromNode(const Node &node, IntOrString &out)
{
    if (node.isString()) {
        out.value = node.str();
        return true;
    }
    std::int32_t number = 0;
    if (node.isNumber() && Internal::fromNode(node, number)) {
        out.value = number;
        return true;
    }
    return false;
}

Node toNode(const IntOrString &value)
{
    return value.isInt() ? Node::integer(value.intValue()) : Node::string(value.stringValue());
}

namespace {

// Field lists in Go struct order; plain fields use omitEmpty (see the header).

constexpr auto namespaceFields = [](auto &v, auto &s) { Internal::objectHeadFields(v, s); };

constexpr auto servicePortFields = [](auto &v, auto &s) {
    v.field("name", s.name);
    v.field("protocol", s.protocol);
    v.field("appProtocol", s.appProtocol);
    v.omitEmpty("port", s.port);
    v.field("targetPort", s.targetPort);
};

constexpr auto serviceSpecFields = [](auto &v, auto &s) {
    v.field("ports", s.ports);
    v.field("selector", s.selector);
    v.field("type", s.type);
};

// Service, Deployment, Ingress: head + spec; status stays in rest.
constexpr auto specObjectFields = [](auto &v, auto &s) {
    Internal::objectHeadFields(v, s);
    v.omitEmpty("spec", s.spec);
};

constexpr auto secretFields = [](auto &v, auto &s) {
    Internal::objectHeadFields(v, s);
    v.field("data", s.data);
    v.field("stringData", s.stringData);
    v.field("type", s.type);
};

constexpr auto configMapFields = [](auto &v, auto &s) {
    Internal::objectHeadFields(v, s);
    v.field("data", s.data);
};

constexpr auto containerPortFields = [](auto &v, auto &s) {
    v.field("name", s.name);
    v.omitEmpty("containerPort", s.containerPort);
    v.field("protocol", s.protocol);
};

constexpr auto containerFields = [](auto &v, auto &s) {
    v.omitEmpty("name", s.name);
    v.field("image", s.image);
    v.field("ports", s.ports);
};

constexpr auto podSpecFields = [](auto &v, auto &s) { v.omitEmpty("containers", s.containers); };

constexpr auto podTemplateFields = [](auto &v, auto &s) {
    v.omitEmpty("metadata", s.metadata);
    v.omitEmpty("spec", s.spec);
};

constexpr auto deploymentSpecFields = [](auto &v, auto &s) {
    v.field("replicas", s.replicas);
    v.field("selector", s.selector);
    v.omitEmpty("template", s.template_);
};

constexpr auto serviceBackendPortFields = [](auto &v, auto &s) {
    v.field("name", s.name);
    v.field("number", s.number);
};

constexpr auto ingressServiceBackendFields = [](auto &v, auto &s) {
    v.omitEmpty("name", s.name);
    v.field("port", s.port);
};

constexpr auto typedLocalReferenceFields = [](auto &v, auto &s) {
    v.field("apiGroup", s.apiGroup);
    v.omitEmpty("kind", s.kind);
    v.omitEmpty("name", s.name);
};

constexpr auto ingressBackendFields = [](auto &v, auto &s) {
    v.field("service", s.service);
    v.field("resource", s.resource);
};

constexpr auto ingressPathFields = [](auto &v, auto &s) {
    v.field("path", s.path);
    v.omitEmpty("pathType", s.pathType);
    v.omitEmpty("backend", s.backend);
};

constexpr auto ingressRuleValueFields = [](auto &v, auto &s) { v.omitEmpty("paths", s.paths); };

constexpr auto ingressRuleFields = [](auto &v, auto &s) {
    v.field("host", s.host);
    v.field("http", s.http);
};

constexpr auto ingressTlsFields = [](auto &v, auto &s) {
    v.field("hosts", s.hosts);
    v.field("secretName", s.secretName);
};

constexpr auto ingressSpecFields = [](auto &v, auto &s) {
    v.field("ingressClassName", s.ingressClassName);
    v.field("defaultBackend", s.defaultBackend);
    v.field("tls", s.tls);
    v.field("rules", s.rules);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(Namespace, namespaceFields)
TORII_MODEL_DEFINE_CODEC(ServicePort, servicePortFields)
TORII_MODEL_DEFINE_CODEC(ServiceSpec, serviceSpecFields)
TORII_MODEL_DEFINE_CODEC(Service, specObjectFields)
TORII_MODEL_DEFINE_CODEC(Secret, secretFields)
TORII_MODEL_DEFINE_CODEC(ConfigMap, configMapFields)
TORII_MODEL_DEFINE_CODEC(ContainerPort, containerPortFields)
TORII_MODEL_DEFINE_CODEC(Container, containerFields)
TORII_MODEL_DEFINE_CODEC(PodSpec, podSpecFields)
TORII_MODEL_DEFINE_CODEC(PodTemplateSpec, podTemplateFields)
TORII_MODEL_DEFINE_CODEC(DeploymentSpec, deploymentSpecFields)
TORII_MODEL_DEFINE_CODEC(Deployment, specObjectFields)
TORII_MODEL_DEFINE_CODEC(ServiceBackendPort, serviceBackendPortFields)
TORII_MODEL_DEFINE_CODEC(IngressServiceBackend, ingressServiceBackendFields)
TORII_MODEL_DEFINE_CODEC(TypedLocalObjectReference, typedLocalReferenceFields)
TORII_MODEL_DEFINE_CODEC(IngressBackend, ingressBackendFields)
TORII_MODEL_DEFINE_CODEC(HTTPIngressPath, ingressPathFields)
TORII_MODEL_DEFINE_CODEC(HTTPIngressRuleValue, ingressRuleValueFields)
TORII_MODEL_DEFINE_CODEC(IngressRule, ingressRuleFields)
TORII_MODEL_DEFINE_CODEC(IngressTLS, ingressTlsFields)
TORII_MODEL_DEFINE_CODEC(IngressSpec, ingressSpecFields)
TORII_MODEL_DEFINE_CODEC(Ingress, specObjectFields)

} // namespace Torii::Model
