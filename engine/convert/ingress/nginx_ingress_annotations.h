#pragma once

// The community ingress-nginx controller's annotations (`nginx.ingress.kubernetes.io/*`): which
// ones the converter turns into Gateway API, read into IngressSettings; every other key is
// reported with why it is not converted and what to use instead.

#include "ingress_settings.h"

#include <string>

namespace Torii::Convert::Ingress {

inline constexpr std::string_view kNginxIngressPrefix = "nginx.ingress.kubernetes.io/";

// `key` without the prefix ("canary-weight"). Records the setting, or a note saying why the key
// is not converted (or why its value is not usable).
void readNginxIngressAnnotation(const std::string &key, const std::string &value,
                                const SourcePlace &at, IngressSettings &settings,
                                const AnnotationReader &reader);

} // namespace Torii::Convert::Ingress
