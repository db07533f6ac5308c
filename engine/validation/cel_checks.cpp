#include "cel_checks.h"

#include "cel/cel.h"
#include "hints.h"

#include <algorithm>

namespace Torii::Validation {

using Core::Diagnostic;
using Model::Node;

namespace {

const char *celTypeName(const Node &n)
{
    switch (n.type()) {
    case Node::Type::Map:
        return "object";
    case Node::Type::List:
        return "array";
    case Node::Type::String:
        return "string";
    case Node::Type::Int:
        return "integer";
    case Node::Type::Float:
        return "number";
    case Node::Type::Bool:
        return "boolean";
    case Node::Type::Null:
        return "null";
    }
    return "object";
}

class RuleRunner
{
public:
    RuleRunner(const std::string &file, Channel channel, Core::Diagnostics &out)
        : m_file(file)
        , m_channel(channel)
        , m_out(out)
    {}

    void walk(const Node &node, const Node *old, const SchemaNode &schema, const std::string &path)
    {
        const bool rewritten = std::any_of(schema.rules.begin(), schema.rules.end(),
                                           [](const CelRule &r) { return r.standardOnly; });
        for (const CelRule &rule : schema.rules) {
            if (m_channel == Channel::Experimental ? rule.standardOnly
                                                   : (rule.experimental && rewritten)) {
                continue;
            }
            evaluate(rule, node, old, path);
        }
        if (node.isMap()) {
            for (const Node::Entry &e : node.entries()) {
                const SchemaNode *child = schema.property(e.key);
                if (!child && schema.additionalProperties) {
                    child = schema.additionalProperties.get();
                }
                if (child && (!path.empty() || e.key != "metadata")) {
                    const Node *oldChild = old && old->isMap() ? old->find(e.key) : nullptr;
                    walk(e.value, oldChild, *child, path.empty() ? e.key : path + '.' + e.key);
                }
            }
        } else if (node.isList() && schema.items) {
            int index = 0;
            for (const Node &item : node.items()) {
                // Transition rules on list items need the matching old item; the CRDs have none.
                walk(item, nullptr, *schema.items, path + '[' + std::to_string(index++) + ']');
            }
        }
    }

private:
    void evaluate(const CelRule &rule, const Node &self, const Node *old, const std::string &path)
    {
        const bool transition = rule.rule.find("oldSelf") != std::string::npos;
        if (transition && !old) {
            return; // a create: the API server skips transition rules
        }
        if (!rule.program) {
            return; // reported once by the bundle self-test, never silently passed in CI
        }
        const Cel::Outcome outcome = Cel::evaluate(*rule.program, self, transition ? old : nullptr);
        if (outcome.kind == Cel::Outcome::Kind::True) {
            return;
        }
        Diagnostic d;
        d.severity = Core::Severity::Error;
        d.code = "cel";
        d.message = "Invalid value: \"" + std::string(celTypeName(self)) + "\": " + rule.message;
        if (outcome.kind == Cel::Outcome::Kind::Error && !outcome.error.empty()) {
            d.message += " (rule could not be evaluated: " + outcome.error + ')';
        }
        d.fieldPath = path;
        d.file = m_file;
        d.line = static_cast<int>(self.mark().line);
        d.column = static_cast<int>(self.mark().column);
        d.rule = rule.rule;
        d.hintText = hintForCelMessage(rule.message);
        d.hint = d.hintText.english();
        m_out.push_back(std::move(d));
    }

    const std::string &m_file;
    Channel m_channel;
    Core::Diagnostics &m_out;
};

} // namespace

Core::Diagnostics runCelRules(const Node &object, const SchemaNode &root, const std::string &file,
                              Channel channel, const Node *oldObject)
{
    Core::Diagnostics out;
    RuleRunner runner(file, channel, out);
    runner.walk(object, oldObject, root, "");
    return out;
}

} // namespace Torii::Validation
