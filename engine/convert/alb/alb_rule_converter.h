#pragma once

// ALB listener rules → Gateway API: a Gateway with a listener per ALB listener, and per listener
// one HTTPRoute per host entry (each hostname a rule names, plus one without hostnames), whose
// rules are the ALB rules that apply to that host, in ALB priority order. Conditions: host-header
// → hostnames; path-pattern → Exact / PathPrefix ("/api/*") / RegularExpression; http-header,
// query-string, http-request-method → header, query param and method matches (ORed values become
// several matches); forward (weighted) → backendRefs with weights; redirect → RequestRedirect.
// fixed-response, authenticate-* and source-ip have no equivalent and are noted. Then the
// priority-vs-precedence check (alb_precedence_check.h) runs on the result and every request the
// two would route differently is a warning with the example request.
//
// Inputs: `aws elbv2 describe-rules` output ({"Rules": […]}), the AWS SDK examples bundle
// (DescribeRules outputs, DescribeTargetGroups for ports), CloudFormation templates (JSON or
// YAML; ListenerRule, Listener default actions, TargetGroup ports). Thread: reentrant.

#include "alb_precedence_check.h"
#include "alb_rules.h"

#include "engine/convert/conversion.h"

#include <string>
#include <string_view>

namespace Torii::Convert::Alb {

struct AlbOptions
{
    std::string gatewayName = "alb";
    std::string gatewayClassName = "torii";
    std::string namespaceName; // metadata.namespace of every object ("" = none)
};

Claim claimAlbRules(const Model::Node &root);

// The conversion with what it was made from; `rules` points into `root`, which must outlive it.
struct AlbConversion
{
    Conversion conversion;
    AlbRuleSet rules;
    std::vector<GatewayRoute> routes;
    std::vector<OrderFinding> findings;
};

AlbConversion convertAlbRulesDetailed(const Model::Node &root, const std::string &file,
                                      const AlbOptions &options = {});
Conversion convertAlbRules(const Model::Node &root, const std::string &file,
                           const AlbOptions &options = {});
Conversion convertAlbText(std::string_view text, const std::string &file,
                          const AlbOptions &options = {});
Conversion convertAlbFile(const std::string &path, const AlbOptions &options = {});

} // namespace Torii::Convert::Alb
