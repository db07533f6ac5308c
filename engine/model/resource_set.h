#pragma once

#include "resource.h"

#include <string_view>
#include <vector>

namespace Torii::Model {

// The objects of a workspace, in load order (files in the order given, documents in file order).
class ResourceSet
{
public:
    void add(Resource resource) { m_resources.push_back(std::move(resource)); }
    const std::vector<Resource> &resources() const { return m_resources; }
    std::vector<Resource> &resources() { return m_resources; }
    std::size_t size() const { return m_resources.size(); }
    bool empty() const { return m_resources.empty(); }

    // First object with that kind, namespace and name (ns ignored when empty).
    const Resource *find(std::string_view kind, std::string_view ns, std::string_view name) const;
    std::vector<const Resource *> ofKind(std::string_view kind) const;

private:
    std::vector<Resource> m_resources;
};

} // namespace Torii::Model
