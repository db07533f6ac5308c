#pragma once

// The converters every front end offers (toriictl convert, the studio's Migrate view): one entry
// per converter with its name, a translatable summary, claim(document) and convert(inputs,
// settings). The adapters here turn the front end's inputs into each converter's own API
// (engine/convert/*), so the CLI and the studio convert the same input the same way.
//
// Inputs are documents read with positions, each with the name notes and provenance use for it:
// a file path, or a display name for pasted text ("pasted.yaml"). Thread: reentrant (no state).

#include "engine/convert/conversion.h"
#include "engine/core/diagnostic.h"
#include "engine/model/node.h"

#include <string>
#include <string_view>
#include <vector>

namespace Torii::Runtime {

// One document of an input (JSON and YAML alike), with positions.
struct ConvertInput
{
    std::string file; // path, or the display name of in-memory text
    Model::Node document;
};

// The options every converter may use (empty: not given).
struct ConvertSettings
{
    std::string defaultNamespace; // for objects that name none
    std::string gatewayClass;     // gatewayClassName of generated Gateways
    std::string tlsSecret;        // [NS/]NAME: certificate of HTTPS listeners (openapi3)
    std::string backend;          // [NS/]NAME[:PORT]: the Service routes forward to (openapi3)
};

struct ConverterEntry
{
    const char *name;    // the CLI's SOURCE word: "ingress"
    const char *summary; // QT_TRANSLATE_NOOP("toriictl", "…"): see converterSummary()
    // Whether a document is this converter's input (Mine), someone else's (NotMine, skipped or
    // read as context), or this converter's but unusable (Error; the converter reports why).
    Convert::Claim (*claim)(const Model::Node &document);
    Convert::Conversion (*convert)(const std::vector<ConvertInput> &inputs,
                                   const ConvertSettings &settings);
    // The claim that picks this converter when none is named (nullptr: `claim`). openapi3's
    // `claim` calls everything not OpenAPI 3 an error (it was named for it); unnamed, only a
    // document that says `openapi:` or `swagger:` is its business.
    Convert::Claim (*detect)(const Model::Node &document) = nullptr;
};

// Every converter, in help order.
const std::vector<ConverterEntry> &converters();
// The converter called `name`, or nullptr.
const ConverterEntry *findConverter(std::string_view name);
// The entry's summary in the user's language.
std::string converterSummary(const ConverterEntry &entry);

// The converter an input is for, when none is named: the first (in help order) whose `detect`
// claims one of the documents as Mine, else the first that claims one as Error (it says what is
// wrong with it: a Swagger 2 document, an Istio DestinationRule alone); nullptr when none does.
const ConverterEntry *detectConverter(const std::vector<ConvertInput> &inputs);
// Whether `entry` claims any document (Mine or Error): a converter claiming none has nothing to
// read in the input.
bool claimsAny(const ConverterEntry &entry, const std::vector<ConvertInput> &inputs);

// Documents read from text or files, with what the reader found (syntax errors …).
struct ReadInputs
{
    std::vector<ConvertInput> inputs;
    Core::Diagnostics notes;
    bool unreadable = false; // a file (or the text) did not parse
};

// Reads every document of `text` (YAML or JSON) under the name `displayName`; `kind: …List`
// documents (kubectl get -o yaml of several objects) give their items. A CloudFormation template's
// short-form tags are read as long forms (`!Ref X` is {"Ref": "X"}); elsewhere tags are dropped,
// as kubectl does.
ReadInputs readInputText(std::string_view text, const std::string &displayName);
// The same for files, in order.
ReadInputs readInputFiles(const std::vector<std::string> &files);

} // namespace Torii::Runtime
