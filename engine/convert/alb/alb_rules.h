#pragma once

// ALB listener rules as read from their source (the `aws elbv2 describe-rules` JSON, the AWS SDK
// examples bundle, or CloudFormation AWS::ElasticLoadBalancingV2::ListenerRule / Listener /
// TargetGroup resources), independent of the input's shape: what the converter maps and the
// precedence check compares. ALB semantics: values in one condition are ORed, conditions are
// ANDed, rules are evaluated by ascending priority, the listener's default action last.

#include "engine/core/diagnostic.h"
#include "engine/model/node.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace Torii::Convert::Alb {

// A condition value: an ALB wildcard pattern (`*` any characters, `?` one) or, from the
// RegexValues fields, a regular expression.
struct AlbPattern
{
    bool regex = false;
    std::string value;
};

struct AlbHeaderCondition
{
    std::string name;
    std::vector<AlbPattern> values; // ORed
};

struct AlbQueryPair
{
    std::string key; // "" = any key (a value-only pair)
    AlbPattern value;
};

struct AlbTargetGroup
{
    std::string key;  // logical id or ARN
    std::string name; // Kubernetes Service name made of it
    std::optional<std::int64_t> port;
};

struct AlbWeightedTarget
{
    std::string targetGroup; // key into AlbRuleSet::targetGroups
    std::int64_t weight = 1;
};

struct AlbAction
{
    std::string type; // forward, redirect, fixed-response, authenticate-oidc, …
    std::vector<AlbWeightedTarget> targets; // forward
    const Model::Node *config = nullptr;    // RedirectConfig / FixedResponseConfig
    std::string pointer;                    // of the action
    const Model::Node *node = nullptr;
};

struct AlbRule
{
    std::string id;       // "priority 10", the logical id or the rule ARN's last part
    std::string listener; // listener key
    std::optional<std::int64_t> priority;
    bool isDefault = false;
    int fileOrder = 0;
    std::vector<AlbPattern> hosts;                  // ORed; empty = any host
    std::string hostsPointer;                       // the host-header condition
    std::vector<AlbPattern> paths;                  // ORed; empty = any path
    std::vector<std::string> methods;               // ORed; empty = any method
    std::vector<AlbHeaderCondition> headers;        // ANDed
    std::vector<std::vector<AlbQueryPair>> queries; // ANDed sets of ORed pairs
    std::vector<std::string> sourceIps;             // ORed CIDRs; empty = any client
    std::vector<AlbAction> actions;
    std::string pointer; // JSON pointer (JSON input) of the rule
    const Model::Node *node = nullptr;
};

struct AlbListener
{
    std::string key;
    std::string name; // Kubernetes listener name
    std::optional<std::int64_t> port;
    std::string protocol; // HTTP or HTTPS ("" when unknown)
    const Model::Node *node = nullptr;
};

struct AlbRuleSet
{
    std::vector<AlbListener> listeners; // in first-seen order
    std::vector<AlbRule> rules;         // in file order
    std::vector<AlbTargetGroup> targetGroups;
};

// ALB's order: ascending priority, rules without a known priority after them in file order, the
// default rule last. Returns indices into set.rules for one listener.
std::vector<std::size_t> albOrder(const AlbRuleSet &set, const std::string &listener);

// Reads the rules of `root`; "not ALB rules" gives an empty set without notes. Notes for what
// cannot be read (unknown condition fields, priorities that are CloudFormation expressions).
AlbRuleSet readAlbRules(const Model::Node &root, const std::string &file, Core::Diagnostics &notes);

} // namespace Torii::Convert::Alb
