#pragma once

// The stand-in for the API server a route test runs against: the objects a case has applied, in
// apply order, and the `status` the controller computed for each. It does what the API server
// would do to an object on its way in (default namespace, metadata.generation 1, a generation
// bump when a patch changes anything outside metadata and status) and nothing more.
//
// Thread: a plain value, used by one thread at a time.

#include "engine/model/node.h"
#include "engine/model/resource.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Torii::Scenarios {

// Kinds without a namespace (GatewayClass, Namespace and the core cluster-scoped kinds).
bool isClusterScoped(std::string_view kind);

// "Kind namespace/name" (or "Kind name" for a cluster-scoped kind), for messages and map keys.
std::string objectLabel(std::string_view kind, std::string_view ns, std::string_view name);

// metadata.generation, or 1 when the object has none (what the API server assigns on create).
std::int64_t generationOf(const Model::Node &object);

class ClusterState
{
public:
    ClusterState() = default;

    // As `kubectl apply` would: a namespaced object without a namespace lands in "default"; an
    // object with the identity of an existing one replaces it (its generation moves on when
    // anything outside metadata and status differs); a new object starts at generation 1.
    // The object's computed status is cleared until setStatuses().
    void apply(Model::Resource resource);
    // Removes the object; false when there was none.
    bool remove(std::string_view kind, std::string_view ns, std::string_view name);

    // Sets `value` at the dotted `fieldPath` (map keys, [index], ["key.with.dots"]) of the
    // object, merge-patch style: missing maps are created, a null value removes the key. Bumps
    // metadata.generation when the object changed outside metadata and status. Returns an error
    // text (English) or an empty string.
    std::string patch(std::string_view kind, std::string_view ns, std::string_view name,
                      std::string_view fieldPath, const Model::Node &value);

    const std::vector<Model::Resource> &resources() const { return m_resources; }
    // Parallel to resources(), as Controller::reconcile returns them.
    void setStatuses(std::vector<std::optional<Model::Node>> statuses);

    // An empty `ns` for a namespaced kind means "default".
    const Model::Resource *find(std::string_view kind, std::string_view ns,
                                std::string_view name) const;
    // The computed status of that object; nullptr when the object is absent or has none.
    const Model::Node *statusOf(std::string_view kind, std::string_view ns,
                                std::string_view name) const;
    std::vector<const Model::Resource *> ofKindInNamespace(std::string_view kind,
                                                           std::string_view ns) const;

private:
    std::optional<std::size_t> indexOf(std::string_view kind, std::string_view ns,
                                       std::string_view name) const;

    std::vector<Model::Resource> m_resources;
    std::vector<std::optional<Model::Node>> m_statuses;
};

} // namespace Torii::Scenarios
