#include "prose_steps.h"

#include "cluster_state.h"
#include "field_path.h"

#include "engine/yaml/yaml_loader.h"

#include <cctype>
#include <set>
#include <tuple>

namespace Torii::Scenarios {

using Core::text;
using Model::Node;

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool startsWithNoCase(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && lower(s.substr(0, prefix.size())) == lower(prefix);
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && s.front() == ' ') {
        s.remove_prefix(1);
    }
    while (!s.empty() && s.back() == ' ') {
        s.remove_suffix(1);
    }
    return s;
}

// Drops `prefix` (any case) and the spaces after it; false when `s` does not start with it.
bool consume(std::string_view &s, std::string_view prefix)
{
    if (!startsWithNoCase(s, prefix)) {
        return false;
    }
    s = trim(s.substr(prefix.size()));
    return true;
}

// Every run of white space (the notes are folded YAML) becomes one space.
std::string collapsed(std::string_view notes)
{
    std::string out;
    bool space = false;
    for (char c : notes) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

// Calls `f(i, depth)` for each character with the bracket depth outside it (quotes count as
// depth: nothing inside a quoted or bracketed value splits a sentence or a list).
template<typename F>
void scanTopLevel(std::string_view s, F f)
{
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
                --depth;
            }
            continue;
        }
        if (c == '"') {
            quote = c;
            ++depth;
            continue;
        }
        if (c == '[' || c == '{' || c == '(') {
            ++depth;
        } else if ((c == ']' || c == '}' || c == ')') && depth > 0) {
            --depth;
        } else if (!f(i, depth)) {
            return;
        }
    }
}

// Sentences end at a '.' followed by a space (or the end) outside brackets and quotes, so
// "foo.example.com" and flow values stay whole.
std::vector<std::string> sentences(const std::string &notes)
{
    std::vector<std::string> out;
    std::size_t begin = 0;
    scanTopLevel(notes, [&](std::size_t i, int depth) {
        if (depth == 0 && notes[i] == '.' && (i + 1 == notes.size() || notes[i + 1] == ' ')) {
            const std::string_view one = trim(std::string_view(notes).substr(begin, i - begin));
            if (!one.empty()) {
                out.emplace_back(one);
            }
            begin = i + 1;
        }
        return true;
    });
    std::string_view last = trim(std::string_view(notes).substr(begin));
    if (!last.empty() && last.back() == '.') {
        last.remove_suffix(1); // a last sentence whose brackets never closed
    }
    if (!last.empty()) {
        out.emplace_back(last);
    }
    return out;
}

// Splits at the top-level occurrences of ','.
std::vector<std::string_view> splitTopLevel(std::string_view s)
{
    std::vector<std::string_view> out;
    std::size_t begin = 0;
    scanTopLevel(s, [&](std::size_t i, int depth) {
        if (depth == 0 && s[i] == ',') {
            out.push_back(trim(s.substr(begin, i - begin)));
            begin = i + 1;
        }
        return true;
    });
    out.push_back(trim(s.substr(begin)));
    return out;
}

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '/';
}

// "KIND NS/NAME" (or "KIND NAME" for a cluster-scoped kind, or just "KIND" when the name may be
// left out) at the start of `s`, which is advanced past it.
std::optional<ObjectRef> readObject(std::string_view &s, bool nameRequired)
{
    std::size_t i = 0;
    if (s.empty() || !std::isupper(static_cast<unsigned char>(s[0]))) {
        return std::nullopt;
    }
    while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) {
        ++i;
    }
    ObjectRef ref;
    ref.kind = std::string(s.substr(0, i));
    std::string_view rest = s.substr(i);
    if (!rest.empty() && rest[0] == ' ') {
        std::size_t end = 1;
        while (end < rest.size() && isNameChar(rest[end])) {
            ++end;
        }
        std::string_view token = rest.substr(1, end - 1);
        while (!token.empty() && token.back() == '.') {
            token.remove_suffix(1);
        }
        const auto slash = token.find('/');
        const bool looksLikeName =
            !token.empty() && (slash != std::string_view::npos || isClusterScoped(ref.kind));
        if (looksLikeName && (slash == std::string_view::npos ||
                              token.find('/', slash + 1) == std::string_view::npos)) {
            if (slash != std::string_view::npos) {
                ref.ns = std::string(token.substr(0, slash));
                ref.name = std::string(token.substr(slash + 1));
            } else {
                ref.name = std::string(token);
            }
            rest = rest.substr(1 + token.size());
        }
    }
    if (ref.name.empty() && nameRequired) {
        return std::nullopt;
    }
    if (!ref.ns.empty() && ref.name.empty()) {
        return std::nullopt;
    }
    s = trim(rest);
    return ref;
}

// A YAML flow value, as the notes write values; nullopt when it is not one value.
std::optional<Node> readValue(std::string_view value)
{
    if (trim(value).empty()) {
        return std::nullopt;
    }
    Yaml::LoadResult loaded = Yaml::loadText(value, "notes");
    if (loaded.fatal || Core::hasErrors(loaded.diagnostics) || loaded.documents.size() != 1) {
        return std::nullopt;
    }
    return std::move(loaded.documents.front().root);
}

struct Reading
{
    std::optional<ProseStep> step;
    Core::Text problem; // when !step
};

Reading unreadable(const char *why, std::vector<std::string> args = {})
{
    return Reading{std::nullopt, text(why, std::move(args))};
}

// "PATH VALUE, PATH VALUE" (or "PATH is VALUE, …"; a trailing "(it was OLD)" is dropped) into
// `action.set`; an empty Text when everything was read.
Core::Text readAssignments(std::string_view s, Action &action)
{
    for (std::string_view piece : splitTopLevel(s)) {
        if (!piece.empty() && piece.back() == ')') {
            // "(it was abc.example.com)": the value before the step, which only explains it.
            std::size_t open = std::string_view::npos;
            int depth = 0;
            for (std::size_t i = piece.size(); i-- > 0;) {
                depth += piece[i] == ')' ? 1 : piece[i] == '(' ? -1 : 0;
                if (depth == 0) {
                    open = i;
                    break;
                }
            }
            if (open != std::string_view::npos && open > 0 && piece[open - 1] == ' ') {
                piece = trim(piece.substr(0, open));
            }
        }
        const auto space = piece.find(' ');
        if (space == std::string_view::npos) {
            return text(QT_TRANSLATE_NOOP("Diagnostics", "\"%1\" is not a field path and a value"),
                        {std::string(piece)});
        }
        const std::string path(piece.substr(0, space));
        std::string_view value = trim(piece.substr(space + 1));
        consume(value, "is ");
        std::vector<Internal::PathSegment> segments;
        std::string error;
        if (!Internal::parseFieldPath(path, segments, error)) {
            return text(QT_TRANSLATE_NOOP("Diagnostics", "\"%1\" is not a field path"), {path});
        }
        std::optional<Node> parsed = readValue(value);
        if (!parsed) {
            return text(QT_TRANSLATE_NOOP("Diagnostics", "the value of %1 (\"%2\") is not YAML"),
                        {path, std::string(value)});
        }
        action.set.emplace_back(path, std::move(*parsed));
    }
    return {};
}

Reading readCreate(std::string_view body)
{
    while (consume(body, ",")) {
    }
    if (consume(body, "from code")) {
        consume(body, ",");
    }
    ProseStep step;
    step.action.type = Action::Type::Create;
    const std::optional<ObjectRef> ref = readObject(body, true);
    if (!ref) {
        return unreadable(
            QT_TRANSLATE_NOOP("Diagnostics", "it creates no object named as KIND namespace/name"));
    }
    step.action.target = *ref;
    if (consume(body, ":")) {
        const Core::Text problem = readAssignments(body, step.action);
        if (!problem.isEmpty()) {
            return Reading{std::nullopt, problem};
        }
    } else if (!body.empty()) {
        return unreadable(
            QT_TRANSLATE_NOOP("Diagnostics", "the fields of the new object do not follow a ':'"));
    }
    return Reading{step, {}};
}

Reading readDelete(std::string_view body)
{
    if (!consume(body, "the ")) {
        consume(body, "that ");
    }
    ProseStep step;
    step.action.type = Action::Type::Delete;
    const std::optional<ObjectRef> ref = readObject(body, false);
    if (!ref) {
        return unreadable(QT_TRANSLATE_NOOP("Diagnostics", "it deletes no object named by its "
                                                           "kind"));
    }
    if (!body.empty() && body[0] != ';' && body[0] != ',' && body[0] != '(' &&
        !startsWithNoCase(body, "and ")) {
        return unreadable(
            QT_TRANSLATE_NOOP("Diagnostics", "\"%1\" after the deleted object is not understood"),
            {std::string(body)});
    }
    step.action.target = *ref;
    return Reading{step, {}};
}

Reading readPatch(std::string_view body)
{
    consume(body, "the ");
    ProseStep step;
    step.action.type = Action::Type::Patch;
    if (std::optional<ObjectRef> ref = readObject(body, false)) {
        step.action.target = *ref;
        const bool so = consume(body, "so ");
        if (!so && !consume(body, ":")) {
            return unreadable(QT_TRANSLATE_NOOP("Diagnostics",
                                                "a patch of a named object says its fields after "
                                                "\"so\" or ':'"));
        }
        const Core::Text problem = readAssignments(body, step.action);
        if (!problem.isEmpty()) {
            return Reading{std::nullopt, problem};
        }
        return Reading{step, {}};
    }
    // "Patch:" forms that name no object.
    if (consume(body, "append to ")) {
        const auto space = body.find(' ');
        if (space == std::string_view::npos) {
            return unreadable(QT_TRANSLATE_NOOP("Diagnostics", "it appends no value"));
        }
        const std::string path(body.substr(0, space));
        std::vector<Internal::PathSegment> segments;
        std::string error;
        const std::optional<Node> value = readValue(body.substr(space + 1));
        if (!Internal::parseFieldPath(path, segments, error) || !value) {
            return unreadable(
                QT_TRANSLATE_NOOP("Diagnostics", "\"%1\" is not a field path and a value"),
                {std::string(body)});
        }
        step.action.set.emplace_back(path + "[-]", *value);
        return Reading{step, {}};
    }
    // "PATH from OLD to NEW": NEW is what the step sets.
    const auto from = body.find(" from ");
    if (from != std::string_view::npos) {
        std::string_view values = body.substr(from + 6);
        std::size_t to = std::string_view::npos;
        scanTopLevel(values, [&](std::size_t i, int depth) {
            if (depth == 0 && values.substr(i, 4) == " to ") {
                to = i;
                return false;
            }
            return true;
        });
        if (to == std::string_view::npos) {
            return unreadable(QT_TRANSLATE_NOOP(
                "Diagnostics", "\"from\" without \"to\": the new value is missing"));
        }
        return readPatch(std::string(body.substr(0, from)) + " " +
                         std::string(values.substr(to + 4)));
    }
    const Core::Text problem = readAssignments(body, step.action);
    if (!problem.isEmpty()) {
        return Reading{std::nullopt, problem};
    }
    return Reading{step, {}};
}

// The objects the notes name as "KIND namespace/name" anywhere, in order, each once.
std::vector<ObjectRef> namedObjects(const std::string &notes)
{
    std::vector<ObjectRef> out;
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const bool wordStart = i == 0 || !std::isalnum(static_cast<unsigned char>(notes[i - 1]));
        if (!wordStart || !std::isupper(static_cast<unsigned char>(notes[i]))) {
            continue;
        }
        std::string_view rest = std::string_view(notes).substr(i);
        const std::optional<ObjectRef> ref = readObject(rest, true);
        if (ref && !ref->ns.empty() && seen.emplace(ref->kind, ref->ns, ref->name).second) {
            out.push_back(*ref);
        }
    }
    return out;
}

enum class Verb { None, Create, Delete, Patch };

Verb verbOf(std::string_view word)
{
    const std::string w = lower(word);
    if (w == "creates" || w == "create") {
        return Verb::Create;
    }
    if (w == "deletes" || w == "delete") {
        return Verb::Delete;
    }
    if (w == "patches" || w == "patch") {
        return Verb::Patch;
    }
    return Verb::None;
}

Reading readBody(Verb verb, std::string_view body)
{
    switch (verb) {
    case Verb::Create:
        return readCreate(body);
    case Verb::Delete:
        return readDelete(body);
    case Verb::Patch:
        return readPatch(body);
    case Verb::None:
        break;
    }
    return unreadable(QT_TRANSLATE_NOOP("Diagnostics", "no step verb"));
}

// The first of the test's verbs after "the test" (the subject may wait and do something else
// first: "the test waits one second and creates …"): the verb and the text after it.
std::optional<std::pair<Verb, std::string_view>> verbAfter(std::string_view clause)
{
    std::size_t i = 0;
    while (i < clause.size()) {
        const auto end = clause.find_first_of(" ,;", i);
        const std::string_view word =
            clause.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
        const std::string w = lower(word);
        if (w == "creates" || w == "deletes" || w == "patches") {
            return std::make_pair(verbOf(w), trim(clause.substr(i + word.size())));
        }
        if (end == std::string_view::npos) {
            break;
        }
        i = end + 1;
    }
    return std::nullopt;
}

} // namespace

ProseReading readProseSteps(std::string_view notes)
{
    ProseReading out;
    const std::string all = collapsed(notes);
    const std::vector<ObjectRef> named = namedObjects(all);
    for (const std::string &sentence : sentences(all)) {
        std::string_view s = sentence;
        Reading reading;
        StepPlacement placement = StepPlacement::BeforeReferringItem;
        if (consume(s, "Patch:")) {
            reading = readPatch(s);
        } else if (consume(s, "Step:")) {
            const auto space = s.find(' ');
            const Verb verb = verbOf(s.substr(0, space));
            if (verb == Verb::None) {
                reading = unreadable(
                    QT_TRANSLATE_NOOP("Diagnostics", "a step is create, delete or patch"));
            } else {
                reading = readBody(verb, space == std::string_view::npos ? std::string_view()
                                                                         : s.substr(space + 1));
            }
        } else {
            const auto subject = lower(s).find("the test ");
            if (subject == std::string::npos) {
                continue;
            }
            const auto found = verbAfter(s.substr(subject + 9));
            if (!found) {
                continue; // the test does something that changes no object
            }
            const std::string before = lower(s.substr(0, subject));
            if (before.find("after the traffic") != std::string::npos ||
                before.find("after the request") != std::string::npos) {
                placement = StepPlacement::AfterRequests;
            } else if (before.find("between") != std::string::npos &&
                       before.find("request") != std::string::npos) {
                placement = StepPlacement::BetweenRequests;
            }
            reading = readBody(found->first, found->second);
        }
        if (!reading.step) {
            out.unread.push_back(UnreadStep{sentence, reading.problem});
            continue;
        }
        ProseStep step = std::move(*reading.step);
        step.placement = placement;
        step.action.notes = sentence;
        ObjectRef &target = step.action.target;
        if (!target.kind.empty() && target.name.empty()) {
            // "that ReferenceGrant": the one the notes name.
            std::vector<const ObjectRef *> candidates;
            for (const ObjectRef &ref : named) {
                if (ref.kind == target.kind) {
                    candidates.push_back(&ref);
                }
            }
            if (candidates.size() > 1) {
                out.unread.push_back(UnreadStep{
                    sentence,
                    text(QT_TRANSLATE_NOOP("Diagnostics", "the notes name several %1 objects"),
                         {target.kind})});
                continue;
            }
            if (candidates.size() == 1) {
                target = *candidates.front();
            }
        }
        out.steps.push_back(std::move(step));
    }
    return out;
}

std::optional<StepReference> readStepReference(std::string_view itemNotes)
{
    const std::string notes = lower(collapsed(itemNotes));
    std::string_view rest = notes;
    if (!consume(rest, "after the ")) {
        return std::nullopt;
    }
    const auto stop = rest.find_first_of(";:,(");
    rest = trim(rest.substr(0, stop));
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i <= rest.size()) {
        const auto end = rest.find(' ', i);
        const std::string_view word =
            rest.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
        if (!word.empty()) {
            words.emplace_back(word);
        }
        if (end == std::string_view::npos) {
            break;
        }
        i = end + 1;
    }
    if (words.empty()) {
        return std::nullopt;
    }
    StepReference reference;
    reference.phrase = "the " + std::string(rest);
    if (words.back() == "patch" || words.back() == "update") {
        reference.type = Action::Type::Patch;
        words.pop_back();
    } else if (words.size() >= 2 &&
               (words[words.size() - 2] == "is" || words[words.size() - 2] == "are")) {
        const std::string &participle = words.back();
        if (participle == "created") {
            reference.type = Action::Type::Create;
        } else if (participle == "deleted" || participle == "removed") {
            reference.type = Action::Type::Delete;
        } else if (participle == "patched" || participle == "updated") {
            reference.type = Action::Type::Patch;
        } else {
            return std::nullopt;
        }
        words.resize(words.size() - 2);
    } else {
        return std::nullopt;
    }
    reference.words = std::move(words);
    return reference;
}

bool refersTo(const StepReference &reference, const Action &step)
{
    if (reference.type != step.type) {
        return false;
    }
    const std::string kind = lower(step.target.kind);
    const std::string name = lower(step.target.name);
    for (const std::string &word : reference.words) {
        if (kind.find(word) == std::string::npos && name.find(word) == std::string::npos) {
            return false;
        }
    }
    return true;
}

bool sameStep(const Action &step, const Action &told)
{
    if (step.type != told.type) {
        return false;
    }
    if (step.target.kind.empty()) {
        // A "Patch:" that names no object: the same fields patched.
        if (step.set.size() != told.set.size()) {
            return false;
        }
        for (std::size_t i = 0; i < step.set.size(); ++i) {
            if (step.set[i].first != told.set[i].first) {
                return false;
            }
        }
        return true;
    }
    if (step.target.kind != told.target.kind) {
        return false;
    }
    return step.target.name.empty() ||
           (step.target.ns == told.target.ns && step.target.name == told.target.name);
}

} // namespace Torii::Scenarios
