#pragma once

// What a lesson shows, computed off the GUI thread (no widgets): the lesson's blocks read from
// the guide folder; the diagnostics of validation (schema and CEL of v1.6.1, lints) and of the
// controller; every status condition that is not healthy, from the real controller run on the
// lesson's blocks with their context blocks (every GatewayClass accepted, so that the guide's
// objects get a status); each object written with an old apiVersion, found by the same rewrite
// `toriictl upgrade` makes; the objects no Gateway API controller reads; what the guide never
// defines (Services, namespaces); the conversion of blocks another tool's converter reads; and,
// for shell blocks, each command with what it checks.
//
// "Complete the example" is the same analysis with the missing Namespaces and Services added
// (the Services as the live gateway makes them up: Runtime::addImplicitServices), so the routes
// resolve and the lesson can run; the added objects are kept as YAML for the scratch workspace.
//
// Findings keep codes and the controller's words, not translated sentences: the findings model
// explains them in the user's language when shown. Thread: analyzeLesson is reentrant.

#include "app/runtime/status_run.h"
#include "engine/core/diagnostic.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <string>
#include <vector>

namespace Torii::Gui {

struct LessonFinding
{
    enum class Kind {
        Diagnostic, // validation or controller diagnostic (`diagnostic`)
        Condition, // a status condition that is not healthy (`type`, `status`, `reason`, `message`)
        ApiVersion,       // an old apiVersion `toriictl upgrade` rewrites (`message`: from → to)
        Unowned,          // an object of another product's API: no Gateway API controller reads it
        MissingNamespace, // a namespace the guide never defines (`message`: the namespace)
        Shell,            // a shell command (`message`: the command, `reason`: its comment)
        Conversion,       // a note of the converter that read a block (`diagnostic`)
    };
    Kind kind = Kind::Diagnostic;
    Core::Severity severity = Core::Severity::Warning;
    std::string object; // "HTTPRoute webapp/webapp-routes", or the block's file name
    std::string where;  // "parent gateway-system/production-gateway", "listener https", or empty
    std::string type;   // condition type
    std::string status; // "True" / "False" / "Unknown"
    std::string reason;
    std::string message;
    Core::Diagnostic diagnostic;
    std::string file; // the block's file name ("08.yaml"); empty when none
    int line = 0;
};

struct LessonBlock
{
    QString file; // "08.yaml"
    QString path; // absolute; empty when the folder lacks it
    QString text; // as read
    bool context = false;
    bool shell = false;
};

struct LessonAnalysis
{
    int lesson = -1;
    QString folder;
    bool completed = false;
    std::vector<LessonBlock> blocks; // own blocks, then context blocks
    QStringList missingFiles;        // blocks the folder lacks
    std::vector<LessonFinding> findings;
    // What "Complete the example" adds (or added): "Namespace webapp", "Service webapp/x".
    std::vector<std::string> completion;
    std::string completionYaml; // those objects, as YAML documents
    std::string convertedYaml;  // objects a converter made of the lesson's `converts` blocks
    std::string converterName;
    Runtime::StatusRun status; // the lesson's objects (own, context and completion) reconciled

    // The status conditions of the object `displayName` ("HTTPRoute webapp/webapp-routes"),
    // e.g. {"Accepted", "True"} pairs of every parent; used by tests and the summary line.
    std::vector<std::pair<std::string, std::string>>
    conditionsOf(const std::string &displayName, std::string *reasons = nullptr) const;
    int count(Core::Severity severity) const;
};

// `lesson`: an index into LessonCatalog::lessons(). `folder`: the guide folder (may be empty:
// only the lesson's own text can then be shown, and the analysis says which files are missing).
LessonAnalysis analyzeLesson(int lesson, const QString &folder, bool completed);

} // namespace Torii::Gui
