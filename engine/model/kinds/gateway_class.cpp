#include "gateway_class.h"

namespace Torii::Model {

namespace {

constexpr auto specFields = [](auto &v, auto &s) {
    v.field("controllerName", s.controllerName);
    v.field("parametersRef", s.parametersRef);
    v.field("description", s.description);
};

constexpr auto supportedFeatureFields = [](auto &v, auto &s) { v.field("name", s.name); };

constexpr auto statusFields = [](auto &v, auto &s) {
    v.field("conditions", s.conditions);
    v.field("supportedFeatures", s.supportedFeatures);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(GatewayClassSpec, specFields)
TORII_MODEL_DEFINE_CODEC(SupportedFeature, supportedFeatureFields)
TORII_MODEL_DEFINE_CODEC(GatewayClassStatus, statusFields)
TORII_MODEL_DEFINE_CODEC(GatewayClass, Internal::gatewayObjectFields)

} // namespace Torii::Model
