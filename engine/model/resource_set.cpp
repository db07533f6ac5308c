#include "resource_set.h"

namespace Torii::Model {

const Resource *ResourceSet::find(std::string_view kind, std::string_view ns,
                                  std::string_view name) const
{
    for (const Resource &r : m_resources) {
        if (r.kind == kind && r.name == name && (ns.empty() || r.ns == ns)) {
            return &r;
        }
    }
    return nullptr;
}

std::vector<const Resource *> ResourceSet::ofKind(std::string_view kind) const
{
    std::vector<const Resource *> out;
    for (const Resource &r : m_resources) {
        if (r.kind == kind) {
            out.push_back(&r);
        }
    }
    return out;
}

} // namespace Torii::Model
