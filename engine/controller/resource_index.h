#pragma once

// The input of one reconcile, decoded once and indexed: the typed view of every object, lookup by
// identity, namespace labels as the API server would show them, creation order, and the
// ReferenceGrants. Built at the start of reconcile(); read-only afterwards.

#include "engine/controller/controller.h"
#include "engine/core/diagnostic.h"
#include "engine/model/kinds/typed_object.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace Torii::Controller::Internal {

// The Kubernetes label the API server puts on every Namespace.
inline constexpr std::string_view kNamespaceNameLabel = "kubernetes.io/metadata.name";

class ResourceIndex
{
public:
    // `resources` must outlive the index.
    ResourceIndex(const std::vector<Model::Resource> &resources, const ControllerOptions &options);

    std::size_t size() const { return m_resources.size(); }
    const Model::Resource &resource(std::size_t i) const { return m_resources[i]; }
    const Model::TypedObject &typed(std::size_t i) const { return m_typed[i]; }
    const ControllerOptions &options() const { return m_options; }

    // The object's namespace: metadata.namespace, "default" when a namespaced object has none
    // (where `kubectl apply` would put it), "" for cluster-scoped kinds.
    const std::string &namespaceOf(std::size_t i) const { return m_namespaces[i]; }
    // metadata.generation, 1 when absent.
    std::int64_t generation(std::size_t i) const;

    // An earlier object with the same group, kind, namespace and name as a later one: the later
    // one is what the API server would hold (apply order), so the earlier one is ignored.
    bool isSuperseded(std::size_t i) const { return m_superseded[i]; }

    // The (last) object with this identity. `ns` is ignored for cluster-scoped kinds.
    std::optional<std::size_t> find(std::string_view group, std::string_view kind,
                                    std::string_view ns, std::string_view name) const;

    template<class T>
    const T *findTyped(std::string_view ns, std::string_view name) const
    {
        const auto i = find(T::kGroup, T::kKind, ns, name);
        return i ? std::get_if<T>(&m_typed[*i]) : nullptr;
    }

    // Indices of the non-superseded objects of a kind (any group), in load order.
    const std::vector<std::size_t> &ofKind(std::string_view kind) const;

    // Precedence by age: objects with a creationTimestamp by that time (equal times share a
    // rank, so namespace/name decides between them), then objects without one in load order
    // (as if created one after another when loaded). Smaller is older.
    std::int64_t creationRank(std::size_t i) const { return m_creationRanks[i]; }
    // creationRank, then "namespace/name": the spec's tie-break for routes and ListenerSets.
    bool olderThan(std::size_t a, std::size_t b) const;

    // Labels of a namespace as the API server shows them: the Namespace object's labels (if the
    // set has one) plus kubernetes.io/metadata.name=<name>.
    Model::StringMap namespaceLabels(std::string_view ns) const;
    // metav1.LabelSelector semantics (matchLabels and matchExpressions In, NotIn, Exists,
    // DoesNotExist, all ANDed; an empty selector selects everything).
    bool namespaceMatches(const Model::LabelSelector &selector, std::string_view ns) const;

private:
    const std::vector<Model::Resource> &m_resources;
    const ControllerOptions &m_options;
    std::vector<Model::TypedObject> m_typed;
    std::vector<std::string> m_namespaces;
    std::vector<bool> m_superseded;
    std::vector<std::int64_t> m_creationRanks;
    std::map<std::tuple<std::string, std::string, std::string, std::string>, std::size_t> m_byKey;
    std::map<std::string, std::vector<std::size_t>, std::less<>> m_byKind;
};

bool isClusterScoped(std::string_view group, std::string_view kind);

// The items of an optional list, without copying (an absent list reads as empty). Unlike
// value_or, safe to keep pointers into.
template<class T>
const std::vector<T> &itemsOf(const std::optional<std::vector<T>> &list)
{
    static const std::vector<T> empty;
    return list ? *list : empty;
}

// RFC 3339 → microseconds since the epoch; nullopt when it does not parse.
std::optional<std::int64_t> parseRfc3339(std::string_view text);

bool labelsMatch(const Model::LabelSelector &selector, const Model::StringMap &labels);

// A warning about resource `i`, placed at its source position.
Core::Diagnostic warningAt(const ResourceIndex &index, std::size_t i, std::string code,
                           Core::Text message);

} // namespace Torii::Controller::Internal
