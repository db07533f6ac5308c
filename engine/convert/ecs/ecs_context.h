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

// A DNS-1123 label made of `raw` ("hello_world" → "hello-world"), at most `maxLength` characters;
// "" when nothing usable is left.
std::string kubernetesName(std::string_view raw, std::size_t maxLength = 63);

// An ECS integer that may be written as a number or as a string ("1024").
std::optional<std::int64_t> integerOf(const Model::Node &n);

// A scalar's text; "" for null, lists and maps (Node::asString gives "null" for null).
std::string textOf(const Model::Node &n);

// "Kind name" as Provenance::targetResource reads (objects have no namespace here).
std::string resourceLabel(std::string_view kind, std::string_view name);

} // namespace Torii::Convert::Ecs::Internal
