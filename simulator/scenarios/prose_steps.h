#pragma once

// Steps a case tells only in its notes (../shared/conformance/README.md, "Actions": "Some case
// files describe such steps only in notes"; "notes are part of the expectation and should be
// read"), read into the same `Action` the structured `patch` and `delete` items are, so the
// runner performs both through one mechanism (case_runner.h). Nothing here knows a test's name:
// only the sentences are read.
//
// A step sentence is a sentence of a test's notes whose subject is "the test" and whose verb is
// "creates", "deletes" or "patches", or a sentence labelled "Patch:" or "Step:". The forms read
// (VALUE is YAML flow, as the corpus writes it; PATH is a field path, field_path.h):
//
//   … the test [waits one second and] creates[, from code,] KIND NS/NAME: PATH VALUE, PATH VALUE
//   … the test deletes [the|that] KIND [NS/NAME]
//   … the test patches [the] KIND NS/NAME: PATH VALUE, …   (or "… so PATH is VALUE")
//   Step: create|delete|patch …        (the same forms, imperative)
//   Step: patch KIND NS/NAME so PATH is VALUE [(it was OLD)]
//   Patch: PATH from OLD to NEW        (names no object)
//   Patch: append to PATH VALUE        (a new last item of the list at PATH)
//
// "the KIND" or "that KIND" without a name is the one object of that kind the notes name
// elsewhere ("ReferenceGrant ns/name"); when they name none, the step keeps only the kind and
// the runner takes the one object of that kind the case loaded. A patch that names no object
// applies to the object of the status item that refers to it.
//
// Where a step runs (`placement`): a sentence that begins "After the traffic check" (or "after
// the requests") places it after the request half; "Between the (two) requests" somewhere among
// the requests, which only a structured action there can say exactly; otherwise it runs just
// before the first status item whose notes refer to it (readStepReference): "after the newer
// route is created", "after the ReferenceGrant is deleted", "after the patch".
//
// A sentence that looks like a step (subject and verb, or a label) but does not fit these forms
// is kept in `unread` with the reason, so the runner can say why it skips what follows it.
//
// Thread: pure functions.

#include "route_test_case.h"

#include "engine/core/catalog.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Scenarios {

enum class StepPlacement {
    BeforeReferringItem, // just before the first status item whose notes refer to the step
    AfterRequests,       // after the request half
    BetweenRequests,     // among the requests (only a structured action can say where)
};

struct ProseStep
{
    // Create, Patch or Delete. target.name is empty when the sentence names only the kind;
    // target.kind is empty too for a "Patch:" that names no object. `notes` holds the sentence.
    Action action;
    StepPlacement placement = StepPlacement::BeforeReferringItem;
};

struct UnreadStep
{
    std::string sentence;
    Core::Text reason;
};

struct ProseReading
{
    std::vector<ProseStep> steps; // in the order the notes tell them
    std::vector<UnreadStep> unread;
};

// Reads every step sentence of `notes` (a test's notes).
ProseReading readProseSteps(std::string_view notes);

// An item's notes that say which step it follows: "after the <words> is|are created|deleted|
// patched|updated" or "after the [<words>] patch", up to the first ';', ':', ',' or '('.
struct StepReference
{
    Action::Type type = Action::Type::Patch;
    std::vector<std::string> words; // lower case; each must occur in the step's kind or name
    std::string phrase;             // "the newer route is created", for messages
};
std::optional<StepReference> readStepReference(std::string_view itemNotes);

// True when `step` is the step `reference` speaks of: the same verb, and each word found in the
// lower-cased kind or name of its target ("route" in "tcproute", "newer" in "…-attach-newer").
bool refersTo(const StepReference &reference, const Action &step);

// True when the structured action `told` is the same step as `step` read from prose: same verb
// and kind, and the same namespace and name when the prose names them. A step a case tells both
// ways is performed once, where the structured item stands.
bool sameStep(const Action &step, const Action &told);

} // namespace Torii::Scenarios
