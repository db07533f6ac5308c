#pragma once

#include "engine/core/ip_address.h"

#include <string_view>

namespace Torii::Validation::Cel::Internal {

// The IP functions live in engine/core (ip_address.h); CEL code names them from here.
using Core::formatIp;
using Core::IpAddress;
using Core::ipIsGlobalUnicast;
using Core::ipIsLinkLocalMulticast;
using Core::ipIsLinkLocalUnicast;
using Core::ipIsLoopback;
using Core::ipIsUnspecified;
using Core::maskAddress;
using Core::parseCidr;
using Core::parseIp;

// The Kubernetes isURL(): whether Go's url.ParseRequestURI accepts the text. This follows the
// Go parser's checks (control bytes, scheme, authority, host characters, port, escapes) rather
// than linking a URL library.
bool isRequestUri(std::string_view text);

} // namespace Torii::Validation::Cel::Internal
