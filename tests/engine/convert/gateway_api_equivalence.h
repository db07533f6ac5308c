#pragma once

// Compares two sets of Gateway API objects as Gateway API semantics, not as text: the same
// Gateways and listeners (port, protocol, hostname, tls), the same routes (hostnames, parentRefs,
// rules: matches, filters, backends and weights), the same BackendTLSPolicies and
// ReferenceGrants — up to object names, rule names and order.
//
// Used by the converter tests (ingress, istio, openapi3 …) to check our output against the
// expected output of another tool (ingress2gateway's fixtures).
//
// How it normalises, so that a difference means a different behaviour:
//  * Only the standard kinds are compared (Gateway, HTTPRoute, GRPCRoute, TLSRoute, TCPRoute,
//    UDPRoute, BackendTLSPolicy, ReferenceGrant); any other kind is ignored, as are metadata
//    (names, labels, annotations) and status.
//  * A Gateway is identified by namespace + gatewayClassName (not its name); its listeners are a
//    set of "port/protocol/hostname/tls" (listener names ignored; certificateRefs with the
//    defaults group "" and kind Secret filled in, namespace filled with the Gateway's).
//  * Routes are flattened to one entry per rule: kind, namespace, sorted hostnames, sorted
//    parentRefs (resolved to the Gateway identity and, with sectionName/port, to the listener's
//    "port/protocol/hostname"), then the rule with defaults filled in (no matches → PathPrefix /;
//    header/query match type Exact; backendRef group/kind/namespace/weight defaults) and its
//    lists of matches and backendRefs sorted. A rule that one tool splits over two HTTPRoutes
//    with the same hostnames and parents is therefore the same set of entries.
//  * Rule `name`s are ignored; filters keep their order (it is meaningful) but each filter's own
//    header lists are sorted.
//
// Each object becomes a canonical one-line string; the result lists what is only in `expected`
// ("missing: …") and what is only in `actual` ("extra: …"), as multisets.

#include "engine/model/node.h"

#include <QtCore/QString>

#include <string>
#include <vector>

namespace Torii::Test {

struct EquivalenceResult
{
    std::vector<std::string> missing; // canonical entries in expected but not in actual
    std::vector<std::string> extra;   // canonical entries in actual but not in expected

    bool equivalent() const { return missing.empty() && extra.empty(); }
    // "missing: <entry>" / "extra: <entry>", one per line, for test output.
    std::vector<std::string> differences() const;
};

// The canonical entries of a set of objects (exposed for tests and for debugging output).
std::vector<std::string> canonicalGatewayApiEntries(const std::vector<Model::Node> &objects);

EquivalenceResult compareGatewayApi(const std::vector<Model::Node> &expected,
                                    const std::vector<Model::Node> &actual);

// Reads every document of a YAML (or JSON, or concatenated-JSON) file into Nodes. Text before the
// first line that starts with "apiVersion:" or "{" is skipped (ingress2gateway prints a
// notification box before the YAML). Empty documents are skipped. `error` is set when the file
// cannot be read or parsed.
std::vector<Model::Node> readExpectedObjects(const QString &path, QString *error);

} // namespace Torii::Test
