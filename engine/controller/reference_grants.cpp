#include "reference_grants.h"

namespace Torii::Controller::Internal {

bool referenceAllowed(const ResourceIndex &index, const Referrer &from, const ReferenceTarget &to)
{
    if (from.ns == to.ns) {
        return true;
    }
    // "ReferenceGrant ... must be created in the namespace of the referent" (GEP-709): only grants
    // in the target namespace count.
    for (std::size_t i : index.ofKind("ReferenceGrant")) {
        const auto *grant = std::get_if<Model::ReferenceGrant>(&index.typed(i));
        if (!grant || index.namespaceOf(i) != to.ns) {
            continue;
        }
        bool fromMatches = false;
        for (const Model::ReferenceGrantFrom &f : grant->spec.from) {
            if (f.group == from.group && f.kind == from.kind && f.namespace_ == from.ns) {
                fromMatches = true;
                break;
            }
        }
        if (!fromMatches) {
            continue;
        }
        for (const Model::ReferenceGrantTo &t : grant->spec.to) {
            if (t.group == to.group && t.kind == to.kind && (!t.name || *t.name == to.name)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace Torii::Controller::Internal
