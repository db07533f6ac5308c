#pragma once

#include "engine/model/node.h"

#include <string>

namespace Torii::Yaml {

// Resolves an untagged plain scalar the way kubectl's YAML → JSON step does (sigs.k8s.io/yaml,
// a go-yaml v2 fork: YAML 1.1 booleans, `~`/null, ints in base 10/16/8/2 with `_` separators,
// floats with .inf/.nan). Quoted scalars are never resolved: they stay strings.
Model::Node resolvePlainScalar(const std::string &text, Model::Mark mark);

// True when `text`, written plain, would not read back as the same string (so the emitter
// must quote it).
bool plainScalarIsNotString(const std::string &text);

} // namespace Torii::Yaml
