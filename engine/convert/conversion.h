#pragma once

#include "engine/core/diagnostic.h"
#include "engine/model/node.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Convert {

// Where one generated value came from: the target field (resource + field path) and the source
// (file, and a JSON pointer for JSON input or a YAML path for YAML input, with its position).
// The studio's Migrate view highlights `sourcePointer` when the user selects `targetPath`.
struct Provenance
{
    std::string targetResource; // "HTTPRoute default/app" — Model::Resource::displayName()
    std::string targetPath;     // "spec.rules[0].matches[0].path.value"
    std::string sourceFile;
    std::string sourcePointer;  // "/containerDefinitions/0/portMappings/1" or "spec.rules[0].host"
    Model::Mark sourceMark;     // line/column in sourceFile when known
    // Why this mapping, in the reader's language (Core::text(QT_TRANSLATE_NOOP("Diagnostics", …))).
    Core::Text explanation;
};

// What a converter made of its input. `objects` are whole Kubernetes objects (apiVersion, kind,
// metadata, spec) ready for Yaml::emitDocuments; `notes` say what has no equivalent, what was
// guessed and what behaves differently (severity Warning/Info; Error when the input is unusable),
// each with file:line:col of the source.
struct Conversion
{
    std::vector<Model::Node> objects;
    Core::Diagnostics notes;
    std::vector<Provenance> provenance;

    bool usable() const { return !Core::hasErrors(notes); }
};

// Each converter first says whether an input is its own: "mine / not mine / error".
enum class Claim { Mine, NotMine, Error };

// RFC 6901: `base` + "/" + `token` with "~" and "/" escaped ("/a" + "b/c" → "/a/b~1c").
std::string appendPointer(const std::string &base, std::string_view token);
std::string appendPointer(const std::string &base, std::size_t index);

// The text of a scalar (a number's as written), "" for null, lists and maps.
std::string textOf(const Model::Node &n);
// An integer written as a number (a float is truncated) or as a string ("1024"); nullopt else.
std::optional<std::int64_t> integerOf(const Model::Node &n);
// A DNS-1123 label made of `raw` ("Hello_World" → "hello-world"), at most `maxLength` characters;
// "" when nothing usable is left.
std::string kubernetesName(std::string_view raw, std::size_t maxLength = 63);

} // namespace Torii::Convert
