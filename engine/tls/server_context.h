#pragma once

// The server side of HTTPS termination: one SSL_CTX for one local port, carrying the
// certificates of every HTTPS listener of a Gateway that shares that port. The SNI the client
// sends picks the listener, as the Gateway API's listener hostnames do:
//   exact hostname > the longest matching "*.suffix" wildcard > the listener without hostname.
// No SNI (a client connecting by IP): the listener without hostname, or else the first entry.
// An SNI no listener matches, with no listener without hostname: the handshake fails with the
// unrecognized_name alert (a cluster gateway has no filter chain for that name either; the
// conformance suite only expects such a name to be served when a catch-all listener exists).
//
// TLS 1.2 and 1.3 only, OpenSSL's default ciphers minus the weak ones, no renegotiation, no
// compression. ALPN offers `alpn` (default h2 then http/1.1: the gateway serves both; a server
// that speaks only HTTP/1.1 passes {"http/1.1"}); a client that offers none of them continues
// without ALPN.
//
// Client certificates (Gateway spec.tls.frontend, one configuration per port): with
// `clientValidation` set the server asks every client for a certificate and checks it against
// the given CA bundles. AllowValidOnly: no certificate, or one those CAs did not sign, fails the
// handshake (TLS 1.3: the client may only learn it on its first read). AllowInsecureFallback:
// the certificate is asked for, but the connection goes on without one or with an invalid one
// (the spec leaves what happens then to the implementation; Torii only serves).
//
// After the handshake the proxy asks selectedListener() which entry served the connection; a
// request whose Host the chosen listener does not cover is then answered 421 by the proxy.
//
// Thread: the SSL_CTX is immutable once built and may be used by any number of SSL objects on
// any threads (OpenSSL locks internally); the SNI callback only reads the entries.

#include "engine/core/catalog.h"

#include <openssl/types.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace Torii::Tls {

// One listener's certificate.
struct ListenerCertificate
{
    std::string hostname;         // exact, "*.suffix", or "" (any host)
    std::string certificateChain; // PEM: the leaf first, then intermediates
    std::string privateKey;       // PEM (PKCS#1, PKCS#8 or EC)
};

// How a port checks client certificates.
struct ClientValidation
{
    enum class Mode { AllowValidOnly, AllowInsecureFallback };
    std::vector<std::string> caBundles; // PEM, each may hold several CA certificates
    Mode mode = Mode::AllowValidOnly;
};

struct ServerContextOptions
{
    std::vector<std::string> alpn{"h2", "http/1.1"}; // protocols offered, in preference order
    std::optional<ClientValidation> clientValidation{}; // nullopt: no client certificate asked
};

// Null with `error` (translatable, names the entry's hostname) when an entry's certificate or key
// does not parse or they do not belong together, or `entries` is empty; also when
// `options.clientValidation` holds no CA certificate or a bundle that does not parse.
std::shared_ptr<SSL_CTX> buildServerContext(const std::vector<ListenerCertificate> &entries,
                                            const ServerContextOptions &options = {},
                                            Core::Text *error = nullptr);

struct SelectedListener
{
    std::size_t index = 0;  // into the entries given to buildServerContext
    std::string hostname;   // that entry's hostname ("" = any host)
    std::string serverName; // the SNI the client sent, lower case ("" when none)
};

// Which entry the SNI callback chose for `ssl` (an SSL made from a context built here, after or
// during the handshake); nullopt for an SSL of another context or before the ClientHello.
std::optional<SelectedListener> selectedListener(const SSL *ssl);

} // namespace Torii::Tls
