#include "references.h"

namespace Torii::Model {

namespace {

constexpr auto localObjectReferenceFields = [](auto &v, auto &s) {
    v.field("group", s.group);
    v.field("kind", s.kind);
    v.field("name", s.name);
};

constexpr auto secretObjectReferenceFields = [](auto &v, auto &s) {
    v.field("group", s.group);
    v.field("kind", s.kind);
    v.field("name", s.name);
    v.field("namespace", s.namespace_);
};

constexpr auto objectReferenceFields = [](auto &v, auto &s) {
    v.field("group", s.group);
    v.field("kind", s.kind);
    v.field("name", s.name);
    v.field("namespace", s.namespace_);
};

constexpr auto parentReferenceFields = [](auto &v, auto &s) {
    v.field("group", s.group);
    v.field("kind", s.kind);
    v.field("namespace", s.namespace_);
    v.field("name", s.name);
    v.field("sectionName", s.sectionName);
    v.field("port", s.port);
};

constexpr auto parentGatewayReferenceFields = [](auto &v, auto &s) {
    v.field("group", s.group);
    v.field("kind", s.kind);
    v.field("name", s.name);
    v.field("namespace", s.namespace_);
};

constexpr auto sectionTargetFields = [](auto &v, auto &s) {
    localObjectReferenceFields(v, s);
    v.field("sectionName", s.sectionName);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(LocalObjectReference, localObjectReferenceFields)
TORII_MODEL_DEFINE_CODEC(SecretObjectReference, secretObjectReferenceFields)
TORII_MODEL_DEFINE_CODEC(BackendObjectReference, Internal::backendObjectReferenceFields)
TORII_MODEL_DEFINE_CODEC(BackendRef, Internal::backendRefFields)
TORII_MODEL_DEFINE_CODEC(ObjectReference, objectReferenceFields)
TORII_MODEL_DEFINE_CODEC(ParentReference, parentReferenceFields)
TORII_MODEL_DEFINE_CODEC(ParametersReference, objectReferenceFields)
TORII_MODEL_DEFINE_CODEC(LocalParametersReference, localObjectReferenceFields)
TORII_MODEL_DEFINE_CODEC(ParentGatewayReference, parentGatewayReferenceFields)
TORII_MODEL_DEFINE_CODEC(LocalPolicyTargetReference, localObjectReferenceFields)
TORII_MODEL_DEFINE_CODEC(LocalPolicyTargetReferenceWithSectionName, sectionTargetFields)

} // namespace Torii::Model
