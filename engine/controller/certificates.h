#pragma once

// Checks that what a Secret or ConfigMap holds is usable TLS material, with OpenSSL's PEM
// parsers: the controller must report a malformed certificate as InvalidCertificateRef (listener),
// InvalidClientCertificateRef (Gateway backend TLS) or InvalidCACertificateRef (CA bundles) before
// any connection is made.

#include "engine/model/kinds/core_kinds.h"

#include <optional>
#include <string>
#include <string_view>

namespace Torii::Controller::Internal {

// The value of `key` in a Secret: stringData wins over data (as the API server merges them on
// write); data values are base64. nullopt when absent or not valid base64.
std::optional<std::string> secretValue(const Model::Secret &secret, std::string_view key);

// Why a Secret cannot serve as a TLS key pair, or "" when it can: `tls.crt` must hold at least
// one PEM certificate, `tls.key` a PEM private key, and the key must belong to the first
// certificate.
std::string tlsKeyPairProblem(const Model::Secret &secret);

// Why `pem` is not a CA bundle (at least one PEM certificate, nothing else unreadable), or "".
std::string caBundleProblem(std::string_view pem);

// Standard base64 (with or without padding, whitespace ignored); nullopt when malformed.
std::optional<std::string> decodeBase64(std::string_view text);

} // namespace Torii::Controller::Internal
