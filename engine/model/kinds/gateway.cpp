#include "gateway.h"

namespace Torii::Model {

namespace {

// GatewaySpecAddress, GatewayStatusAddress.
constexpr auto addressFields = [](auto &v, auto &s) {
    v.field("type", s.type);
    v.field("value", s.value);
};

constexpr auto infrastructureFields = [](auto &v, auto &s) {
    v.field("labels", s.labels);
    v.field("annotations", s.annotations);
    v.field("parametersRef", s.parametersRef);
};

constexpr auto listenerNamespacesFields = [](auto &v, auto &s) {
    v.field("from", s.from);
    v.field("selector", s.selector);
};

constexpr auto allowedListenersFields = [](auto &v, auto &s) {
    v.field("namespaces", s.namespaces);
};

constexpr auto backendTlsFields = [](auto &v, auto &s) {
    v.field("clientCertificateRef", s.clientCertificateRef);
};

constexpr auto frontendValidationFields = [](auto &v, auto &s) {
    v.field("caCertificateRefs", s.caCertificateRefs);
    v.field("mode", s.mode);
};

constexpr auto tlsConfigFields = [](auto &v, auto &s) { v.field("validation", s.validation); };

constexpr auto tlsPortConfigFields = [](auto &v, auto &s) {
    v.field("port", s.port);
    v.field("tls", s.tls);
};

constexpr auto frontendTlsFields = [](auto &v, auto &s) {
    v.field("default", s.default_);
    v.field("perPort", s.perPort);
};

constexpr auto gatewayTlsFields = [](auto &v, auto &s) {
    v.field("backend", s.backend);
    v.field("frontend", s.frontend);
};

constexpr auto specFields = [](auto &v, auto &s) {
    v.field("gatewayClassName", s.gatewayClassName);
    v.field("listeners", s.listeners);
    v.field("addresses", s.addresses);
    v.field("infrastructure", s.infrastructure);
    v.field("allowedListeners", s.allowedListeners);
    v.field("tls", s.tls);
    v.field("defaultScope", s.defaultScope);
};

constexpr auto statusFields = [](auto &v, auto &s) {
    v.field("addresses", s.addresses);
    v.field("conditions", s.conditions);
    v.field("listeners", s.listeners);
    v.field("attachedListenerSets", s.attachedListenerSets);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(GatewaySpecAddress, addressFields)
TORII_MODEL_DEFINE_CODEC(GatewayStatusAddress, addressFields)
TORII_MODEL_DEFINE_CODEC(GatewayInfrastructure, infrastructureFields)
TORII_MODEL_DEFINE_CODEC(ListenerNamespaces, listenerNamespacesFields)
TORII_MODEL_DEFINE_CODEC(AllowedListeners, allowedListenersFields)
TORII_MODEL_DEFINE_CODEC(GatewayBackendTLS, backendTlsFields)
TORII_MODEL_DEFINE_CODEC(FrontendTLSValidation, frontendValidationFields)
TORII_MODEL_DEFINE_CODEC(TLSConfig, tlsConfigFields)
TORII_MODEL_DEFINE_CODEC(TLSPortConfig, tlsPortConfigFields)
TORII_MODEL_DEFINE_CODEC(FrontendTLSConfig, frontendTlsFields)
TORII_MODEL_DEFINE_CODEC(GatewayTLSConfig, gatewayTlsFields)
TORII_MODEL_DEFINE_CODEC(GatewaySpec, specFields)
TORII_MODEL_DEFINE_CODEC(GatewayStatus, statusFields)
TORII_MODEL_DEFINE_CODEC(Gateway, Internal::gatewayObjectFields)

} // namespace Torii::Model
