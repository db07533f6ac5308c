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
// It also fixes what keeps the lesson's own routes off their listeners (Kind::Completion
// findings, each with the route's Accepted condition before and after): a namespace the
// completion creates gets the labels a listener's selector asks for; a listener that admits only
// its own namespace gets a copy that also admits the route's; a sectionName that names no
// listener gets one (port and protocol from the route). Those Gateways are replaced by their
// completed copies, never edited in the guide's files.
//
// Context blocks are loaded for their parents (Gateways, classes): their routes are left out, so
// an older route of another section cannot shadow the lesson's own on a TCP or UDP listener. The
// findings of the parents the lesson's routes use (their listeners, their class) are listed
// with the block they come from (`borrowedFrom`).
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
        // What "Complete the example" changes (or would change) so that a route attaches:
        // `fix` and `fixArgs` (below), `type` "Accepted", `status`/`reason` as the guide wrote
        // it, `afterStatus`/`afterReason` with the change.
        Completion,
    };
    // Where on the object a condition is: the object itself, a listener (`whereName`), a parent
    // or ancestor reference ("namespace/name" in `whereName`, its sectionName in `whereSection`).
    enum class Where { Object, Listener, Parent, Ancestor };
    // Kind::Completion: what was changed.
    enum class Fix {
        NamespaceLabels,    // fixArgs: namespace, "key=value, …" added to its labels
        ListenerNamespaces, // fixArgs: gateway, listener, the namespaces it now admits
        ListenerAdded,      // fixArgs: gateway, listener, protocol, port, admitted namespace
    };
    Kind kind = Kind::Diagnostic;
    Core::Severity severity = Core::Severity::Warning;
    std::string object; // "HTTPRoute webapp/webapp-routes", or the block's file name
    // A stable key of where ("parent gateway-system/production-gateway section https",
    // "listener https", or empty), not shown: LessonFindingsModel::whereOf translates the parts.
    std::string where;
    Where whereKind = Where::Object;
    std::string whereName;
    std::string whereSection;
    std::string type;   // condition type
    std::string status; // "True" / "False" / "Unknown"
    std::string reason;
    std::string message;
    Core::Diagnostic diagnostic;
    std::string file; // the block's file name ("08.yaml"); empty when none
    int line = 0;
    // A context block's finding shown in the lesson that borrows the block: its file ("07.yaml").
    std::string borrowedFrom;
    Fix fix = Fix::NamespaceLabels;
    std::vector<std::string> fixArgs;
    std::string afterStatus;
    std::string afterReason;
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
    std::string completionYaml; // those objects (and completed copies of context Gateways)
    // Guide objects "Complete the example" replaced by completed copies ("Gateway ns/name").
    std::vector<std::string> replaced;
    // Every object the lesson serves (own blocks, context parents, completion), as YAML
    // documents: what "Run traffic" writes into its scratch workspace.
    std::string servedYaml;
    std::string convertedYaml; // objects a converter made of the lesson's `converts` blocks
    std::string converterName;
    Runtime::StatusRun status; // the lesson's objects (own, context and completion) reconciled

    // The YAML of an own block as the workspace should get it: its text, or when the completion
    // replaced one of its objects, its objects with the completed copies (empty when unreadable).
    std::string blockYaml(const LessonBlock &block) const;

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
