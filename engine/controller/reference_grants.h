#pragma once

// ReferenceGrant (GEP-709): a reference that crosses namespaces is valid only when a grant in the
// target namespace lists the referrer's group, kind and namespace in `from` and the target's group,
// kind (and, when given, name) in `to`.

#include "engine/controller/resource_index.h"

#include <string>
#include <string_view>

namespace Torii::Controller::Internal {

// Who refers: the referring object's group, kind and namespace.
struct Referrer
{
    std::string group;
    std::string kind;
    std::string ns;
};

// What is referred to.
struct ReferenceTarget
{
    std::string group; // "" for the core group
    std::string kind;
    std::string ns;
    std::string name;
};

// True when `target` is in the referrer's namespace, or a ReferenceGrant in the target's namespace
// allows the reference.
bool referenceAllowed(const ResourceIndex &index, const Referrer &from, const ReferenceTarget &to);

} // namespace Torii::Controller::Internal
