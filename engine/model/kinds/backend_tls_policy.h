#pragma once

#include "engine/model/kinds/api_groups.h"
#include "engine/model/kinds/condition.h"
#include "engine/model/kinds/object_meta.h"
#include "engine/model/kinds/references.h"
#include "engine/model/kinds/string_map.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Model {

struct SubjectAltName
{
    std::string type; // Hostname, URI
    std::optional<std::string> hostname;
    std::optional<std::string> uri;
    Node unknown;

    friend bool operator==(const SubjectAltName &, const SubjectAltName &) = default;
};

struct BackendTLSPolicyValidation
{
    std::optional<std::vector<LocalObjectReference>> caCertificateRefs;
    std::optional<std::string> wellKnownCACertificates; // System
    std::string hostname;
    std::optional<std::vector<SubjectAltName>> subjectAltNames;
    Node unknown;

    friend bool operator==(const BackendTLSPolicyValidation &,
                           const BackendTLSPolicyValidation &) = default;
};

struct BackendTLSPolicySpec
{
    std::vector<LocalPolicyTargetReferenceWithSectionName> targetRefs;
    BackendTLSPolicyValidation validation;
    std::optional<StringMap> options;
    Node unknown;

    friend bool operator==(const BackendTLSPolicySpec &, const BackendTLSPolicySpec &) = default;
};

struct PolicyAncestorStatus
{
    ParentReference ancestorRef;
    std::string controllerName;
    std::vector<Condition> conditions;
    Node unknown;

    friend bool operator==(const PolicyAncestorStatus &, const PolicyAncestorStatus &) = default;
};

struct PolicyStatus
{
    std::vector<PolicyAncestorStatus> ancestors;
    Node unknown;

    friend bool operator==(const PolicyStatus &, const PolicyStatus &) = default;
};

struct BackendTLSPolicy
{
    static constexpr std::string_view kGroup = kGatewayApiGroup;
    static constexpr std::string_view kKind = "BackendTLSPolicy";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "gateway.networking.k8s.io/v1";
    std::string kind = "BackendTLSPolicy";
    ObjectMeta metadata;
    BackendTLSPolicySpec spec;
    std::optional<PolicyStatus> status;
    Node unknown;

    friend bool operator==(const BackendTLSPolicy &, const BackendTLSPolicy &) = default;
};

TORII_MODEL_DECLARE_CODEC(SubjectAltName);
TORII_MODEL_DECLARE_CODEC(BackendTLSPolicyValidation);
TORII_MODEL_DECLARE_CODEC(BackendTLSPolicySpec);
TORII_MODEL_DECLARE_CODEC(PolicyAncestorStatus);
TORII_MODEL_DECLARE_CODEC(PolicyStatus);
TORII_MODEL_DECLARE_CODEC(BackendTLSPolicy);

} // namespace Torii::Model
