#include "backend_tls_policy_status.h"

#include "certificates.h"
#include "conditions.h"

#include <openssl/evp.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace Torii::Controller::Internal {

namespace {

using TargetKey = std::tuple<std::string, std::string, std::string>; // ns, Service, sectionName

bool targetsService(const Model::LocalPolicyTargetReferenceWithSectionName &ref)
{
    return ref.group.empty() && ref.kind == "Service";
}

// "When more than one BackendTLSPolicy selects the same target and sectionName, implementations
// MUST determine precedence using the following criteria, continuing on ties: The older policy by
// creation timestamp takes precedence. ... The policy appearing first in alphabetical order by
// {name}."
std::map<TargetKey, std::size_t> winners(const ResourceIndex &index,
                                         const std::vector<std::size_t> &policies)
{
    std::map<TargetKey, std::size_t> out;
    for (std::size_t i : policies) {
        const auto &policy = std::get<Model::BackendTLSPolicy>(index.typed(i));
        for (const auto &ref : policy.spec.targetRefs) {
            if (!targetsService(ref)) {
                continue;
            }
            const TargetKey key{index.namespaceOf(i), ref.name, ref.sectionName.value_or("")};
            const auto it = out.find(key);
            if (it == out.end() || index.olderThan(i, it->second)) {
                out[key] = i;
            }
        }
    }
    return out;
}

struct PolicyVerdicts
{
    Verdict accepted;
    Verdict resolvedRefs;
    std::string trustedPem; // the ca.crt of every usable caCertificateRef
};

PolicyVerdicts judgePolicy(const ResourceIndex &index, std::size_t i,
                           const Model::BackendTLSPolicy &policy, bool conflicted)
{
    const std::string ns = index.namespaceOf(i);
    std::vector<Verdict> problems;
    std::string trusted;
    const auto refs = itemsOf(policy.spec.validation.caCertificateRefs);
    for (const Model::LocalObjectReference &ref : refs) {
        if (!ref.group.empty() || ref.kind != "ConfigMap") {
            problems.push_back(Verdict::no(
                Reason::InvalidKind,
                "caCertificateRef " + ref.name + " has kind " +
                    (ref.group.empty() ? ref.kind : ref.kind + "." + ref.group) +
                    "; Torii reads CA certificates only from ConfigMaps (key ca.crt)."));
            continue;
        }
        const auto *configMap = index.findTyped<Model::ConfigMap>(ns, ref.name);
        const std::string *bundle =
            configMap && configMap->data ? configMap->data->find("ca.crt") : nullptr;
        const std::string problem = !configMap ? "it does not exist"
                                    : !bundle  ? "it has no ca.crt"
                                               : caBundleProblem(*bundle);
        if (!problem.empty()) {
            problems.push_back(Verdict::no(Reason::InvalidCACertificateRef,
                                           "caCertificateRef ConfigMap " + ns + "/" + ref.name +
                                               " is not usable: " + problem + "."));
        } else {
            trusted += *bundle;
            trusted += '\n';
        }
    }
    PolicyVerdicts out;
    out.trustedPem = std::move(trusted);
    out.resolvedRefs = problems.empty()
                           ? Verdict::yes(Reason::ResolvedRefs, "All references are resolved.")
                           : problems.front();
    const auto &wellKnown = policy.spec.validation.wellKnownCACertificates;
    if (conflicted) {
        out.accepted = Verdict::no(Reason::Conflicted,
                                   "An older BackendTLSPolicy targets the same Service and "
                                   "sectionName.");
    } else if (!refs.empty() && problems.size() == refs.size()) {
        // "If ALL CACertificateRefs are invalid, the implementation MUST also ensure the
        // `Accepted` Condition on the BackendTLSPolicy is set to `status: False`, with a Reason
        // `NoValidCACertificate`."
        out.accepted = Verdict::no(Reason::NoValidCACertificate,
                                   "None of the policy's CA certificates can be used.");
    } else if (refs.empty() && wellKnown && *wellKnown != "System") {
        out.accepted = Verdict::no(Reason::Invalid, "wellKnownCACertificates " + *wellKnown +
                                                        " is not supported; use System.");
    } else {
        out.accepted = Verdict::yes(Reason::Accepted, "Torii applies the policy.");
    }
    return out;
}

std::string hexSha256(const std::string &bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 15];
    }
    return out;
}

// The origination settings of an accepted policy. The key is a digest of everything that
// decides verification, so equal policies share a worker's SSL_CTX and pooled connections.
std::shared_ptr<const RouteTable::BackendTls>
originationOf(const std::string &policyName, const Model::BackendTLSPolicy &policy,
              std::string trustedPem)
{
    auto tls = std::make_shared<RouteTable::BackendTls>();
    const Model::BackendTLSPolicyValidation &validation = policy.spec.validation;
    tls->policy = policyName;
    tls->hostname = validation.hostname;
    tls->trustedPem = std::move(trustedPem);
    tls->systemTrust = itemsOf(validation.caCertificateRefs).empty() &&
                       validation.wellKnownCACertificates.value_or("") == "System";
    for (const Model::SubjectAltName &san : itemsOf(validation.subjectAltNames)) {
        if (san.type == "Hostname" && san.hostname) {
            tls->dnsNames.push_back(*san.hostname);
        } else if (san.type == "URI" && san.uri) {
            tls->uris.push_back(*san.uri);
        }
    }
    std::string identity = tls->hostname + '\n' + (tls->systemTrust ? "system\n" : "\n");
    for (const std::string &name : tls->dnsNames) {
        identity += "dns:" + name + '\n';
    }
    for (const std::string &uri : tls->uris) {
        identity += "uri:" + uri + '\n';
    }
    identity += tls->trustedPem;
    tls->key = hexSha256(identity);
    return tls;
}

} // namespace

std::string BackendTlsTargets::find(const std::string &ns, const std::string &service,
                                     const std::string &portName) const
{
    auto it = byTarget.find({ns, service, portName});
    if (it == byTarget.end() && !portName.empty()) {
        it = byTarget.find({ns, service, ""});
    }
    return it == byTarget.end() ? std::string() : it->second;
}

std::shared_ptr<const RouteTable::BackendTls>
BackendTlsTargets::originationFor(const std::string &ns, const std::string &service,
                                  const std::string &portName) const
{
    auto it = origination.find({ns, service, portName});
    if (it == origination.end() && !portName.empty()) {
        it = origination.find({ns, service, ""});
    }
    return it == origination.end() ? nullptr : it->second;
}

BackendTlsTargets evaluateBackendTlsPolicies(const ResourceIndex &index,
                                              const std::vector<RouteState> &routes,
                                              ControllerResult &result)
{
    BackendTlsTargets targets;
    const std::vector<std::size_t> policies = index.ofKind("BackendTLSPolicy");
    std::vector<std::size_t> typed;
    for (std::size_t i : policies) {
        if (std::holds_alternative<Model::BackendTLSPolicy>(index.typed(i))) {
            typed.push_back(i);
        }
    }
    if (typed.empty()) {
        return targets;
    }
    // Which Gateways reach which Service (and port name), in route order.
    std::vector<std::tuple<std::string, std::string, std::string, const GatewayState *>> uses;
    for (const RouteState &route : routes) {
        std::vector<const GatewayState *> gateways;
        for (const ParentState &parent : route.parents) {
            if (parent.accepted.ok &&
                std::find(gateways.begin(), gateways.end(), parent.gateway) == gateways.end()) {
                gateways.push_back(parent.gateway);
            }
        }
        if (gateways.empty()) {
            continue;
        }
        for (const ResolvedBackend &backend : resolvedBackends(index, route)) {
            if (!backend.verdict.ok) {
                continue;
            }
            for (const GatewayState *gateway : gateways) {
                uses.emplace_back(backend.ns, backend.name, backend.portName, gateway);
            }
        }
    }

    const std::map<TargetKey, std::size_t> winner = winners(index, typed);
    for (std::size_t i : typed) {
        const auto &policy = std::get<Model::BackendTLSPolicy>(index.typed(i));
        const std::string ns = index.namespaceOf(i);
        bool conflicted = false;
        std::vector<const GatewayState *> ancestors;
        for (const auto &ref : policy.spec.targetRefs) {
            if (!targetsService(ref)) {
                continue;
            }
            const TargetKey key{ns, ref.name, ref.sectionName.value_or("")};
            const auto it = winner.find(key);
            conflicted = conflicted || (it != winner.end() && it->second != i);
            for (const auto &[useNs, service, portName, gateway] : uses) {
                const bool match = useNs == ns && service == ref.name &&
                                   (!ref.sectionName || *ref.sectionName == portName);
                if (match &&
                    std::find(ancestors.begin(), ancestors.end(), gateway) == ancestors.end()) {
                    ancestors.push_back(gateway);
                }
            }
        }
        const PolicyVerdicts verdicts = judgePolicy(index, i, policy, conflicted);
        if (!conflicted && !verdicts.accepted.ok) {
            for (const auto &ref : policy.spec.targetRefs) {
                if (targetsService(ref)) {
                    targets.byTarget[{ns, ref.name, ref.sectionName.value_or("")}] =
                        "BackendTLSPolicy " + ns + "/" + index.resource(i).name +
                        " cannot be applied: " + verdicts.accepted.message;
                }
            }
        }
        if (verdicts.accepted.ok) {
            const auto settings =
                originationOf(ns + "/" + index.resource(i).name, policy, verdicts.trustedPem);
            for (const auto &ref : policy.spec.targetRefs) {
                const TargetKey key{ns, ref.name, ref.sectionName.value_or("")};
                if (const auto it = winner.find(key);
                    targetsService(ref) && it != winner.end() && it->second == i) {
                    targets.origination[key] = settings;
                }
            }
        }
        if (ancestors.empty()) {
            continue; // nothing of Torii's sends traffic through this policy
        }
        const ConditionContext context{index.generation(i), index.options().transitionTime};
        Model::PolicyStatus status;
        for (const GatewayState *gateway : ancestors) {
            Model::PolicyAncestorStatus ancestor;
            ancestor.ancestorRef.group = std::string(Model::kGatewayApiGroup);
            ancestor.ancestorRef.kind = "Gateway";
            ancestor.ancestorRef.namespace_ = gateway->ns;
            ancestor.ancestorRef.name = gateway->name;
            ancestor.controllerName = index.options().controllerName;
            ancestor.conditions = {
                makeCondition(ConditionType::Accepted, verdicts.accepted, context),
                makeCondition(ConditionType::ResolvedRefs, verdicts.resolvedRefs, context)};
            status.ancestors.push_back(std::move(ancestor));
        }
        result.statuses[i] = Model::toNode(status);
    }
    return targets;
}

} // namespace Torii::Controller::Internal
