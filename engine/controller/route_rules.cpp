#include "route_rules.h"

namespace Torii::Controller::Internal {

namespace {

bool knownHttpFilter(std::string_view type)
{
    return type == "RequestHeaderModifier" || type == "ResponseHeaderModifier" ||
           type == "RequestRedirect" || type == "URLRewrite" || type == "RequestMirror" ||
           type == "CORS" || type == "ExtensionRef";
}

bool knownGrpcFilter(std::string_view type)
{
    return type == "RequestHeaderModifier" || type == "ResponseHeaderModifier" ||
           type == "RequestMirror" || type == "ExtensionRef";
}

template<class Filter>
void collectFilters(const std::optional<std::vector<Filter>> &filters, bool grpc, RuleRefs &out)
{
    if (!filters) {
        return;
    }
    for (const Filter &filter : *filters) {
        if (!(grpc ? knownGrpcFilter(filter.type) : knownHttpFilter(filter.type))) {
            out.unsupportedFilters.push_back(filter.type);
            continue;
        }
        if (filter.type == "RequestMirror" && filter.requestMirror) {
            out.references.push_back(&filter.requestMirror->backendRef);
        }
        if (filter.type == "ExtensionRef" && filter.extensionRef) {
            out.extensions.push_back(&*filter.extensionRef);
        }
    }
}

template<class Rule>
RuleRefs httpLikeRuleRefs(const Rule &rule, bool grpc)
{
    RuleRefs out;
    collectFilters(rule.filters, grpc, out);
    if (rule.backendRefs) {
        for (const auto &backend : *rule.backendRefs) {
            out.references.push_back(&backend);
            collectFilters(backend.filters, grpc, out);
        }
    }
    return out;
}

template<class Rule>
RuleRefs streamRuleRefs(const Rule &rule)
{
    RuleRefs out;
    for (const Model::BackendRef &backend : rule.backendRefs) {
        out.references.push_back(&backend);
    }
    return out;
}

} // namespace

std::vector<RuleRefs> rulesOf(const Model::TypedObject &object)
{
    std::vector<RuleRefs> out;
    if (const auto *route = std::get_if<Model::HTTPRoute>(&object)) {
        for (const auto &rule : itemsOf(route->spec.rules)) {
            out.push_back(httpLikeRuleRefs(rule, false));
        }
    } else if (const auto *route = std::get_if<Model::GRPCRoute>(&object)) {
        for (const auto &rule : itemsOf(route->spec.rules)) {
            out.push_back(httpLikeRuleRefs(rule, true));
        }
    } else if (const auto *route = std::get_if<Model::TLSRoute>(&object)) {
        for (const auto &rule : route->spec.rules) {
            out.push_back(streamRuleRefs(rule));
        }
    } else if (const auto *route = std::get_if<Model::TCPRoute>(&object)) {
        for (const auto &rule : route->spec.rules) {
            out.push_back(streamRuleRefs(rule));
        }
    } else if (const auto *route = std::get_if<Model::UDPRoute>(&object)) {
        for (const auto &rule : route->spec.rules) {
            out.push_back(streamRuleRefs(rule));
        }
    }
    return out;
}

} // namespace Torii::Controller::Internal
