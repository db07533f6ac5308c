#pragma once

// Client-certificate validation of a Gateway (spec.tls.frontend): the CA references of the
// default and per-port configurations, judged on the HTTPS listeners they apply to.

#include "engine/controller/listener_status.h"
#include "engine/controller/resource_index.h"

#include <string>
#include <vector>

namespace Torii::Controller::Internal {

// Applies spec.tls.frontend of `gateway` to the HTTPS listeners among `listeners`: broken CA
// references become ResolvedRefs problems (InvalidCACertificateRef, InvalidCACertificateKind,
// RefNotPermitted) and, when none is usable, Accepted=False NoValidCACertificate. Returns whether
// some configuration uses AllowInsecureFallback (the Gateway's InsecureFrontendValidationMode
// condition).
bool applyFrontendValidation(const ResourceIndex &index, const Model::Gateway &gateway,
                             const std::string &gatewayNs,
                             const std::vector<ListenerState *> &listeners);

} // namespace Torii::Controller::Internal
