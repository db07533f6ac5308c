#pragma once

#include "engine/convert/conversion.h"

#include <string>

namespace Torii::Convert {

// OpenAPI 3.x documents (YAML or JSON) → one Gateway and HTTPRoutes, following the
// ingress2gateway openapi3 provider (fixtures in ../shared/fixtures/ingress2gateway/openapi3):
// `servers` (enum variables expanded, per path item and per operation when given) become listeners
// (http → port 80, https → 443 with the TLS secret, or the URL's port) and route hostnames, their
// paths become base paths; every operation becomes an Exact path match with its method; matches
// that serve the same listeners share routes, 8 matches per rule and 16 rules per route; a TLS
// secret or backend in another namespace gets a ReferenceGrant.
//
// Where upstream's output would be refused by the v1.6.1 CRDs or misread the spec we differ (each
// with a note; the list with reasons is in tst_openapi3_conversion.cpp):
//  - a required header or query parameter becomes a RegularExpression `.*` match (presence), since
//    the CRD requires a value (upstream writes Exact without value);
//  - operation parameters override path-item parameters of the same name and location only (the
//    OpenAPI rule; upstream drops every path-item parameter when an operation has its own);
//  - a listener for any host has no hostname (the CRD refuses "*").
class OpenApi3Converter
{
public:
    struct Options
    {
        std::string gatewayClassName; // required
        std::string tlsSecret;        // "[namespace/]name", for https servers
        std::string backend;       // "[namespace/]name[:port]", the Service every rule forwards to
        std::string namespaceName; // of the generated Gateway and routes; empty: none written
    };

    // Mine for an `openapi: 3.x` document, Error for `swagger: 2.0` or another `openapi:` version,
    // NotMine otherwise.
    static Claim claim(const Model::Node &document);

    Conversion convert(const Model::Node &document, const std::string &file,
                       const Options &options) const;
    // Reads one file (YAML or JSON); anything other than an OpenAPI 3.x document is the error
    // "not an OpenAPI 3.x document" at file:1:1.
    Conversion convertFile(const std::string &path, const Options &options) const;
};

} // namespace Torii::Convert
