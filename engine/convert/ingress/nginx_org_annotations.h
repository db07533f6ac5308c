#pragma once

// F5 NGINX Ingress Controller's annotations (`nginx.org/*`, and the legacy
// `ingress.kubernetes.io/ssl-redirect` it also reads): the ones with a Gateway API equivalent are
// read into IngressSettings; every other key is reported.

#include "ingress_settings.h"

#include <string>

namespace Torii::Convert::Ingress {

inline constexpr std::string_view kNginxOrgPrefix = "nginx.org/";

// `key` without the prefix ("hsts-max-age").
void readNginxOrgAnnotation(const std::string &key, const std::string &value, const SourcePlace &at,
                            IngressSettings &settings, const AnnotationReader &reader);

} // namespace Torii::Convert::Ingress
