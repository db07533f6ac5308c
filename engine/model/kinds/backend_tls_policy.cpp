#include "backend_tls_policy.h"

namespace Torii::Model {

namespace {

constexpr auto subjectAltNameFields = [](auto &v, auto &s) {
    v.field("type", s.type);
    v.field("hostname", s.hostname);
    v.field("uri", s.uri);
};

constexpr auto validationFields = [](auto &v, auto &s) {
    v.field("caCertificateRefs", s.caCertificateRefs);
    v.field("wellKnownCACertificates", s.wellKnownCACertificates);
    v.field("hostname", s.hostname);
    v.field("subjectAltNames", s.subjectAltNames);
};

constexpr auto specFields = [](auto &v, auto &s) {
    v.field("targetRefs", s.targetRefs);
    v.field("validation", s.validation);
    v.field("options", s.options);
};

constexpr auto ancestorStatusFields = [](auto &v, auto &s) {
    v.field("ancestorRef", s.ancestorRef);
    v.field("controllerName", s.controllerName);
    v.field("conditions", s.conditions);
};

constexpr auto policyStatusFields = [](auto &v, auto &s) { v.field("ancestors", s.ancestors); };

} // namespace

TORII_MODEL_DEFINE_CODEC(SubjectAltName, subjectAltNameFields)
TORII_MODEL_DEFINE_CODEC(BackendTLSPolicyValidation, validationFields)
TORII_MODEL_DEFINE_CODEC(BackendTLSPolicySpec, specFields)
TORII_MODEL_DEFINE_CODEC(PolicyAncestorStatus, ancestorStatusFields)
TORII_MODEL_DEFINE_CODEC(PolicyStatus, policyStatusFields)
TORII_MODEL_DEFINE_CODEC(BackendTLSPolicy, Internal::gatewayObjectFields)

} // namespace Torii::Model
