#pragma once

#include "schema.h"

#include "engine/core/diagnostic.h"
#include "engine/model/node.h"

namespace Torii::Validation {

// Evaluates every `x-kubernetes-validations` rule of `root` on the (defaulted) object, as the API
// server does after the structural schema passed. `oldObject` enables transition rules (those
// that read `oldSelf`); without it they are skipped, as on a create.
//
// Channel: where the experimental CRDs rewrote a rule, each channel runs its own wording. In the
// standard channel, rules only the experimental CRDs have still run where they guard fields
// the standard CRDs lack (those fields are accepted with a warning, so their rules must hold).
Core::Diagnostics runCelRules(const Model::Node &object, const SchemaNode &root,
                              const std::string &file, Channel channel,
                              const Model::Node *oldObject = nullptr);

} // namespace Torii::Validation
