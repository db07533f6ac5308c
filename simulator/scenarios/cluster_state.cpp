#include "cluster_state.h"

#include "field_path.h"

#include <array>

namespace Torii::Scenarios {

using Model::Node;

namespace {

// Everything the API server counts as the object's spec: all but metadata and status.
Node specPart(const Node &object)
{
    Node copy = object;
    copy.remove("metadata");
    copy.remove("status");
    return copy;
}

void setGeneration(Node &object, std::int64_t generation)
{
    Node *metadata = object.find("metadata");
    if (metadata == nullptr || !metadata->isMap()) {
        metadata = &object.set("metadata", Node::map());
    }
    metadata->set("generation", Node::integer(generation));
}

std::string_view effectiveNamespace(std::string_view kind, std::string_view ns)
{
    if (isClusterScoped(kind)) {
        return {};
    }
    return ns.empty() ? std::string_view("default") : ns;
}

} // namespace

bool isClusterScoped(std::string_view kind)
{
    static constexpr std::array<std::string_view, 12> kClusterScoped = {
        "GatewayClass",     "Namespace",    "Node",
        "PersistentVolume", "ClusterRole",  "ClusterRoleBinding",
        "StorageClass",     "IngressClass", "CustomResourceDefinition",
        "PriorityClass",    "RuntimeClass", "APIService",
    };
    for (std::string_view k : kClusterScoped) {
        if (k == kind) {
            return true;
        }
    }
    return false;
}

std::string objectLabel(std::string_view kind, std::string_view ns, std::string_view name)
{
    std::string out(kind);
    out += ' ';
    if (!ns.empty()) {
        out += std::string(ns) + '/';
    }
    out += name;
    return out;
}

std::int64_t generationOf(const Node &object)
{
    const Node &generation = object["metadata"]["generation"];
    return generation.isInt() ? generation.asInt() : 1;
}

void ClusterState::apply(Model::Resource resource)
{
    const std::string_view ns = effectiveNamespace(resource.kind, resource.ns);
    if (resource.ns != ns) {
        resource.ns = std::string(ns);
        if (!ns.empty()) {
            Node *metadata = resource.object.find("metadata");
            if (metadata == nullptr || !metadata->isMap()) {
                metadata = &resource.object.set("metadata", Node::map());
            }
            metadata->set("namespace", Node::string(resource.ns));
        }
    }
    if (const auto index = indexOf(resource.kind, resource.ns, resource.name)) {
        Model::Resource &old = m_resources[*index];
        const std::int64_t generation = generationOf(old.object);
        const bool changed = !specPart(old.object).equals(specPart(resource.object));
        setGeneration(resource.object, changed ? generation + 1 : generation);
        old = std::move(resource);
        m_statuses[*index].reset();
        return;
    }
    if (!resource.object["metadata"]["generation"].isInt()) {
        setGeneration(resource.object, 1);
    }
    m_resources.push_back(std::move(resource));
    m_statuses.emplace_back();
}

bool ClusterState::remove(std::string_view kind, std::string_view ns, std::string_view name)
{
    const auto index = indexOf(kind, ns, name);
    if (!index) {
        return false;
    }
    m_resources.erase(m_resources.begin() + static_cast<std::ptrdiff_t>(*index));
    m_statuses.erase(m_statuses.begin() + static_cast<std::ptrdiff_t>(*index));
    return true;
}

std::string ClusterState::patch(std::string_view kind, std::string_view ns, std::string_view name,
                                std::string_view fieldPath, const Node &value)
{
    const auto index = indexOf(kind, ns, name);
    if (!index) {
        return objectLabel(kind, effectiveNamespace(kind, ns), name) + " does not exist";
    }
    Model::Resource &resource = m_resources[*index];
    Node patched = resource.object;
    if (std::string error = Internal::setAtPath(patched, fieldPath, value); !error.empty()) {
        return error;
    }
    if (!specPart(patched).equals(specPart(resource.object))) {
        setGeneration(patched, generationOf(resource.object) + 1);
    }
    Model::SourceRef source = resource.source;
    resource = Model::makeResource(std::move(patched), std::move(source));
    m_statuses[*index].reset();
    return {};
}

void ClusterState::setStatuses(std::vector<std::optional<Node>> statuses)
{
    statuses.resize(m_resources.size());
    m_statuses = std::move(statuses);
}

std::optional<std::size_t> ClusterState::indexOf(std::string_view kind, std::string_view ns,
                                                 std::string_view name) const
{
    const std::string_view wanted = effectiveNamespace(kind, ns);
    for (std::size_t i = 0; i < m_resources.size(); ++i) {
        const Model::Resource &r = m_resources[i];
        if (r.kind == kind && r.name == name && effectiveNamespace(r.kind, r.ns) == wanted) {
            return i;
        }
    }
    return std::nullopt;
}

const Model::Resource *ClusterState::find(std::string_view kind, std::string_view ns,
                                          std::string_view name) const
{
    const auto index = indexOf(kind, ns, name);
    return index ? &m_resources[*index] : nullptr;
}

const Node *ClusterState::statusOf(std::string_view kind, std::string_view ns,
                                   std::string_view name) const
{
    const auto index = indexOf(kind, ns, name);
    if (!index || !m_statuses[*index]) {
        return nullptr;
    }
    return &*m_statuses[*index];
}

std::vector<const Model::Resource *> ClusterState::ofKindInNamespace(std::string_view kind,
                                                                     std::string_view ns) const
{
    std::vector<const Model::Resource *> out;
    const std::string_view wanted = effectiveNamespace(kind, ns);
    for (const Model::Resource &r : m_resources) {
        if (r.kind == kind && effectiveNamespace(r.kind, r.ns) == wanted) {
            out.push_back(&r);
        }
    }
    return out;
}

} // namespace Torii::Scenarios
