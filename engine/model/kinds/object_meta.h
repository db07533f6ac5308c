#pragma once

#include "engine/model/kinds/node_codec.h"
#include "engine/model/kinds/string_map.h"

#include <cstdint>
#include <optional>
#include <string>

namespace Torii::Model {

// metav1.ObjectMeta: the fields the studio reads; every other metadata field (uid,
// resourceVersion, generateName, ownerReferences, finalizers, managedFields …) stays in `rest`.
// All fields are omitempty as in Go: an empty string / empty map means "not written".
// `namespace` is a C++ keyword, hence `namespace_`.
struct ObjectMeta
{
    std::string name;
    std::string namespace_;
    // The controller copies it into status observedGeneration.
    std::optional<std::int64_t> generation;
    std::string creationTimestamp; // RFC 3339; `creationTimestamp: null` stays in rest
    StringMap labels;
    StringMap annotations;
    Node rest;

    friend bool operator==(const ObjectMeta &, const ObjectMeta &) = default;
};

TORII_MODEL_DECLARE_CODEC(ObjectMeta);

namespace Internal {

// apiVersion, kind and metadata: the head every top-level object shares. The struct's apiVersion
// and kind member defaults describe a new object; decoding replaces them with what was written
// (empty when absent, so that a round trip does not add them).
inline constexpr auto objectHeadFields = [](auto &v, auto &s) {
    v.omitEmpty("apiVersion", s.apiVersion);
    v.omitEmpty("kind", s.kind);
    v.omitEmpty("metadata", s.metadata);
};

// A Gateway API object: head, required spec, optional status (not every kind has one).
inline constexpr auto gatewayObjectFields = [](auto &v, auto &s) {
    objectHeadFields(v, s);
    v.field("spec", s.spec);
    if constexpr (requires { s.status; }) {
        v.field("status", s.status);
    }
};

} // namespace Internal

} // namespace Torii::Model
