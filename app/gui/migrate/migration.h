#pragma once

// One conversion as the Migrate view shows it, computed off the GUI thread (no widgets): the
// source text read with positions, the converter chosen by claim (or the one the user named),
// the generated objects as YAML, and for every line of that YAML the target field it prints, so
// that a selected preview line finds its provenance and, through it, the source position.

#include "app/runtime/converter_registry.h"
#include "engine/convert/conversion.h"

#include <string>
#include <vector>

namespace Torii::Gui {

// The target field one preview line prints: "HTTPRoute default/app", "spec.rules[0].matches".
struct PreviewLineTarget
{
    std::string resource;
    std::string path;
};

struct Migration
{
    std::string sourceName;    // the display name notes and provenance use for the source
    std::string converterName; // empty: no converter reads the input
    bool detected = false;     // chosen by claim rather than named by the user
    Convert::Conversion conversion;
    Core::Diagnostics notes; // the reader's, then the converter's
    std::string yaml;        // the objects, as Yaml::emitDocuments prints them
    std::vector<PreviewLineTarget> lineTargets; // [line - 1] of `yaml`; empty path: none

    // The provenance of the field printed on 1-based `line` of `yaml`: the field itself, else its
    // nearest ancestor with one, else its first descendant with one; nullptr when none.
    const Convert::Provenance *provenanceAtLine(int line) const;
};

// Reads `text` (named `sourceName`), converts it with `converterName` (empty: the converter
// that claims it) and `settings`. Reentrant: runs on a worker thread.
Migration migrate(const std::string &text, const std::string &sourceName,
                  const std::string &converterName, const Runtime::ConvertSettings &settings);

// For each line of `yaml` (the documents of `objects`, as emitDocuments printed them), the field
// it prints. Reads the YAML back with positions.
std::vector<PreviewLineTarget> mapPreviewLines(const std::string &yaml,
                                               const std::vector<Model::Node> &objects);

} // namespace Torii::Gui
