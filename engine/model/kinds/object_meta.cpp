#include "object_meta.h"

namespace Torii::Model {

namespace {

// Go ObjectMeta order (name, generateName, namespace, …, generation, creationTimestamp, …,
// labels, annotations); fields not modelled follow from `rest`.
constexpr auto objectMetaFields = [](auto &v, auto &s) {
    v.omitEmpty("name", s.name);
    v.omitEmpty("namespace", s.namespace_);
    v.field("generation", s.generation);
    v.omitEmpty("creationTimestamp", s.creationTimestamp);
    v.omitEmpty("labels", s.labels);
    v.omitEmpty("annotations", s.annotations);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(ObjectMeta, objectMetaFields)

} // namespace Torii::Model
