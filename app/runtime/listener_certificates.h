#pragma once

// The certificates each HTTPS port of a Gateway is served with, from what the controller resolved
// (ControllerResult::tlsListeners), turned into the one SSL_CTX per port the proxy terminates TLS
// with (engine/tls picks the listener by SNI). A listener whose certificateRefs did not resolve
// gets a leaf of the development CA when one is given (serve --dev-ca) and is marked so; without
// it the listener is left out and the note says why. A port whose listeners validate client
// certificates (Gateway spec.tls.frontend) asks for and checks them. A port none of whose listeners has a
// certificate is not served.
//
// Thread: pure apart from the CA's key generation; any thread.

#include "engine/controller/controller.h"
#include "engine/tls/development_ca.h"
#include "engine/tls/server_context.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Runtime {

// How one HTTPS listener is served, for serve's output.
struct HttpsListenerNote
{
    enum class Source { Secret, DevelopmentCertificate, NotServed };
    std::string gateway;  // "namespace/name"
    std::string listener; // "listener NAME of Gateway ns/name" (or of its ListenerSet)
    int port = 0;
    std::string hostname; // "" = any host
    Source source = Source::Secret;
    std::string problem; // English: why the certificateRefs are not used ("" when they are)
};

struct HttpsPort
{
    std::shared_ptr<SSL_CTX> context; // null: the port is not served
    std::vector<HttpsListenerNote> notes;
};

// Where the development CA of a design read from `paths` is kept: the workspace root (the folder
// given, or the first file's folder, as engine/workspace opens them) + "/.torii/dev-ca".
std::string developmentCaFolderFor(const std::vector<std::string> &paths);

// (Gateway "namespace/name", listener port) → how that HTTPS port is served, for every Gateway
// of `computed`. `developmentCa` null: no development certificates.
std::map<std::pair<std::string, int>, HttpsPort>
planHttpsPorts(const Controller::ControllerResult &computed,
               const Tls::DevelopmentCa *developmentCa,
               const Tls::ServerContextOptions &options = {});

} // namespace Torii::Runtime
