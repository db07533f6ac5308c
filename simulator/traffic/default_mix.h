#pragma once

// The mix `toriictl load` sends without --mix: one template per route hostname and rule match
// of every HTTP and HTTPS listener (protocol https for the latter, so SNI = the host),
// equally weighted, so every row of the design gets traffic. A GRPCRoute row on an HTTP listener
// gets a grpc template (a unary call of the method it matches, or of the echo's Echo when it
// matches any service or method); on an HTTPS listener it is skipped, as regex rows are.
// Pure; any thread.

#include "request_mix.h"

#include "engine/routetable/route_table.h"

#include <map>
#include <memory>
#include <string>

namespace Torii::Traffic {

struct DefaultMix
{
    RequestMix mix;
    // Rows no request can be made up for (a regular-expression path, header or gRPC method
    // match; a GRPCRoute on an HTTPS listener), as "HTTPRoute ns/name rule R": reported, not
    // sent.
    std::vector<std::string> skipped;
};

// `tables`: Gateway "namespace/name" → its compiled table (ControllerResult::routeTables).
// A wildcard host "*.example.com" becomes "www.example.com"; the catch-all "*" becomes
// "any.torii.invalid" (a reserved name no exact or wildcard entry can hold).
DefaultMix
defaultMix(const std::map<std::string, std::shared_ptr<const RouteTable::RouteTable>> &tables);

// "HTTPRoute ns/name rule 2" (the key the load report groups rules by).
std::string ruleKey(const RouteTable::RouteSource &source);

} // namespace Torii::Traffic
