#pragma once

// What every part of the ECS conversion shares while one task definition is converted: the
// source file, the Conversion being filled, and the two ways a mapping is recorded: a note at the
// source field's file:line:col (what has no equivalent, what was guessed) and a provenance entry
// (which JSON pointer a generated field came from, and why). Module-private.

#include "engine/convert/conversion.h"

#include <cstdint>
#include <functional>
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

    // How the task's JSON pointers read in the source (a CloudFormation template's own
    // pointers); none: as they are.
    void setSourcePointers(std::function<std::string(const std::string &)> map)
    {
        m_sourcePointer = std::move(map);
    }

    // A note about the source value `at` (its position is the note's line:col; a key's mark is
    // used when the value has none), `pointer` is the JSON pointer shown as the field path.
    void note(Core::Severity severity, const char *code, const Model::Node &at,
              const std::string &pointer, Core::Text message, Core::Text hint = {});

    // `targetResource` is "Kind name"; `targetPath` the field in it.
    void trace(const std::string &targetResource, const std::string &targetPath,
               const Model::Node &source, const std::string &pointer, Core::Text explanation);

private:
    std::string sourcePointer(const std::string &pointer) const
    {
        return m_sourcePointer ? m_sourcePointer(pointer) : pointer;
    }

    Conversion &m_out;
    std::string m_file;
    std::function<std::string(const std::string &)> m_sourcePointer;
};

// "Kind name" as Provenance::targetResource reads (objects have no namespace here).
std::string resourceLabel(std::string_view kind, std::string_view name);

} // namespace Torii::Convert::Ecs::Internal
