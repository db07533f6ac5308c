#pragma once

// What every part of the ECS conversion shares while one task definition is converted: the
// source file, the Conversion being filled, and the two ways a mapping is recorded: a note at the
// source field's file:line:col (what has no equivalent, what was guessed) and a provenance entry
// (which JSON pointer a generated field came from, and why). Module-private.

#include "engine/convert/conversion.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace Torii::Convert::Ecs::Internal {

// Shared by every converter (engine/convert/conversion.h).
using Convert::integerOf;
using Convert::kubernetesName;
using Convert::textOf;

class EcsContext
{
public:
    EcsContext(Conversion &out, std::string file)
        : m_out(out)
        , m_file(std::move(file))
    {}

    const std::string &file() const { return m_file; }
    Conversion &out() { return m_out; }

    // A note about the source value `at` (its position is the note's line:col; a key's mark is
    // used when the value has none), `pointer` is the JSON pointer shown as the field path.
    void note(Core::Severity severity, const char *code, const Model::Node &at,
              const std::string &pointer, Core::Text message, Core::Text hint = {});

    // `targetResource` is "Kind name"; `targetPath` the field in it.
    void trace(const std::string &targetResource, const std::string &targetPath,
               const Model::Node &source, const std::string &pointer, Core::Text explanation);

private:
    Conversion &m_out;
    std::string m_file;
};

// "Kind name" as Provenance::targetResource reads (objects have no namespace here).
std::string resourceLabel(std::string_view kind, std::string_view name);

} // namespace Torii::Convert::Ecs::Internal
