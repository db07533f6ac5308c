#include "structural_validator.h"

#include "hints.h"

#include "engine/core/ip_address.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace Torii::Validation {

using Core::Diagnostic;
using Core::Severity;
using Model::Mark;
using Model::Node;

namespace {

const char *jsonTypeName(const Node &n)
{
    switch (n.type()) {
    case Node::Type::Null:
        return "null";
    case Node::Type::Bool:
        return "boolean";
    case Node::Type::Int:
        return "integer";
    case Node::Type::Float:
        return "number";
    case Node::Type::String:
        return "string";
    case Node::Type::List:
        return "array";
    case Node::Type::Map:
        return "object";
    }
    return "null";
}

const char *schemaTypeName(SchemaNode::Type t)
{
    switch (t) {
    case SchemaNode::Type::Object:
        return "object";
    case SchemaNode::Type::Array:
        return "array";
    case SchemaNode::Type::String:
        return "string";
    case SchemaNode::Type::Integer:
        return "integer";
    case SchemaNode::Type::Number:
        return "number";
    case SchemaNode::Type::Boolean:
        return "boolean";
    case SchemaNode::Type::Any:
        return "any";
    }
    return "any";
}

// How the API server quotes a value inside "Invalid value: …".
std::string quoteValue(const Node &n)
{
    if (n.isString()) {
        return '"' + n.str() + '"';
    }
    if (n.isMap()) {
        return "\"object\"";
    }
    if (n.isList()) {
        return "\"array\"";
    }
    return n.asString();
}

std::string formatNumber(double d)
{
    if (d == std::floor(d) && std::fabs(d) < 1e15) {
        return std::to_string(static_cast<long long>(d));
    }
    return std::to_string(d);
}

bool matchesType(const Node &n, SchemaNode::Type t)
{
    switch (t) {
    case SchemaNode::Type::Any:
        return true;
    case SchemaNode::Type::Object:
        return n.isMap();
    case SchemaNode::Type::Array:
        return n.isList();
    case SchemaNode::Type::String:
        return n.isString();
    case SchemaNode::Type::Integer:
        // JSON has one number type: 2.0 is an integer to the API server.
        return n.isInt() || (n.isFloat() && n.asDouble() == std::floor(n.asDouble()) &&
                             std::isfinite(n.asDouble()));
    case SchemaNode::Type::Number:
        return n.isNumber();
    case SchemaNode::Type::Boolean:
        return n.isBool();
    }
    return true;
}

// kube-openapi's ipv4/ipv6 formats: an address Go's parser accepts, of that family.
bool isIpOfFamily(const std::string &s, int family)
{
    Core::IpAddress address;
    return Core::parseIp(s, &address, nullptr) && address.family == family;
}

bool isDateTime(std::string_view s)
{
    static const re2::RE2 re(
        R"(^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$)");
    return re2::RE2::FullMatch(re2::StringPiece(s.data(), s.size()), re);
}

// Returns true when the format is known and the value breaks it.
bool breaksFormat(const std::string &format, const std::string &value)
{
    if (format == "ipv4") {
        return !isIpOfFamily(value, 4);
    }
    if (format == "ipv6") {
        return !isIpOfFamily(value, 6);
    }
    if (format == "date-time") {
        return !isDateTime(value);
    }
    return false; // int32, int64 … constrain numbers, checked by min/max where the CRD says
}

class Walker
{
public:
    Walker(const std::string &file, Core::Diagnostics &out, bool &blocks, bool flagExperimental)
        : m_file(file)
        , m_out(out)
        , m_blocks(blocks)
        , m_flagExperimental(flagExperimental)
    {}

    // Drops nulls of non-nullable fields, prunes unknown fields (reporting them), applies
    // defaults. Works in place on the copy the API server would store.
    void normalize(Node &node, const SchemaNode &schema, const std::string &path, bool topLevel)
    {
        if (node.isMap() &&
            (schema.type == SchemaNode::Type::Object || !schema.properties.empty())) {
            auto &entries = node.entries();
            for (auto it = entries.begin(); it != entries.end();) {
                if (it->value.isNull()) {
                    it = entries.erase(it);
                    continue;
                }
                if (topLevel &&
                    (it->key == "apiVersion" || it->key == "kind" || it->key == "metadata")) {
                    ++it;
                    continue;
                }
                const SchemaNode *child = schema.property(it->key);
                if (!child && schema.additionalProperties) {
                    child = schema.additionalProperties.get();
                }
                if (!child && schema.properties.empty() && !schema.additionalProperties) {
                    ++it; // a free-form object: nothing to check
                    continue;
                }
                if (!child) {
                    reportUnknown(schema, *it, join(path, it->key));
                    it = entries.erase(it);
                    continue;
                }
                normalize(it->value, *child, join(path, it->key), false);
                ++it;
            }
            for (const auto &[name, child] : schema.properties) {
                if (child->defaultValue && !node.has(name)) {
                    Node value = *child->defaultValue;
                    stampMark(value, node.mark());
                    node.set(name, std::move(value), node.mark());
                }
            }
        } else if (node.isList() && schema.items) {
            int index = 0;
            for (Node &item : node.items()) {
                normalize(item, *schema.items, path + '[' + std::to_string(index++) + ']', false);
            }
        }
    }

    void check(const Node &node, const SchemaNode &schema, const std::string &path,
               const Node *parentForMark = nullptr)
    {
        if (schema.experimental && m_flagExperimental) {
            warnExperimental(node, path);
        }
        if (!matchesType(node, schema.type)) {
            add(node.mark(), path, "schema.type",
                "Invalid value: \"" + std::string(jsonTypeName(node)) + "\": " + path +
                    " in body must be of type " + schemaTypeName(schema.type) + ": \"" +
                    jsonTypeName(node) + '"',
                "type", true);
            return;
        }
        if (!schema.enumValues.empty()) {
            checkEnum(node, schema, path);
        }
        if (node.isString()) {
            checkString(node, schema, path);
        } else if (node.isNumber()) {
            checkNumber(node, schema, path);
        } else if (node.isList()) {
            checkList(node, schema, path);
        } else if (node.isMap()) {
            checkMap(node, schema, path);
        }
        if (!schema.oneOf.empty() || !schema.anyOf.empty() || schema.notSchema) {
            checkCombinators(node, schema, path);
        }
    }

    static std::string join(const std::string &path, const std::string &key)
    {
        return path.empty() ? key : path + '.' + key;
    }

private:
    static void stampMark(Node &node, Mark mark)
    {
        node.setMark(mark);
        for (Node &item : node.items()) {
            stampMark(item, mark);
        }
        for (Node::Entry &e : node.entries()) {
            e.keyMark = mark;
            stampMark(e.value, mark);
        }
    }

    void add(Mark mark, const std::string &path, const char *code, std::string message,
             const char *keyword, bool blocking, Severity severity = Severity::Error)
    {
        Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.message = std::move(message);
        d.fieldPath = path;
        d.file = m_file;
        d.line = static_cast<int>(mark.line);
        d.column = static_cast<int>(mark.column);
        d.rule = keyword;
        d.hintText = hintForSchemaKeyword(keyword);
        d.hint = d.hintText.english();
        m_out.push_back(std::move(d));
        if (blocking && severity == Severity::Error) {
            m_blocks = true;
        }
    }

    void reportUnknown(const SchemaNode &schema, const Node::Entry &entry, const std::string &path)
    {
        std::string best;
        int bestDistance = 3;
        for (const auto &[name, child] : schema.properties) {
            const int d = editDistance(entry.key, name);
            if (d < bestDistance) {
                bestDistance = d;
                best = name;
            }
        }
        Diagnostic d;
        d.severity = Severity::Error;
        d.code = "schema.unknown-field";
        d.message = "unknown field \"" + path + '"';
        d.fieldPath = path;
        d.file = m_file;
        d.line = static_cast<int>(entry.keyMark.line);
        d.column = static_cast<int>(entry.keyMark.column);
        d.rule = "unknown field";
        if (!best.empty()) {
            d.hintText =
                Core::text(QT_TRANSLATE_NOOP("Diagnostics", "did you mean \"%1\"?"), {best});
        } else {
            std::string names;
            for (const auto &[name, child] : schema.properties) {
                names += (names.empty() ? "" : ", ") + name;
            }
            d.hintText = Core::text(
                QT_TRANSLATE_NOOP("Diagnostics", "the fields allowed here are: %1"), {names});
        }
        d.hint = d.hintText.english();
        m_out.push_back(std::move(d));
    }

    void warnExperimental(const Node &node, const std::string &path)
    {
        Diagnostic d = Core::makeDiagnostic(
            Severity::Warning, "lint.experimental-field",
            Core::text(
                QT_TRANSLATE_NOOP("Diagnostics",
                                  "%1 is an experimental-channel field; the standard v1.6.1 CRDs "
                                  "do not have it"),
                {path}),
            Core::text(QT_TRANSLATE_NOOP(
                "Diagnostics", "install the experimental CRDs in the cluster, or leave this "
                               "field out")));
        d.fieldPath = path;
        d.file = m_file;
        d.line = static_cast<int>(node.mark().line);
        d.column = static_cast<int>(node.mark().column);
        m_out.push_back(std::move(d));
    }

    void checkEnum(const Node &node, const SchemaNode &schema, const std::string &path)
    {
        for (const Node &allowed : schema.enumValues) {
            if (allowed.equals(node)) {
                if (node.isString() && m_flagExperimental &&
                    std::find(schema.experimentalEnumValues.begin(),
                              schema.experimentalEnumValues.end(),
                              node.str()) != schema.experimentalEnumValues.end()) {
                    warnExperimental(node, path + " = " + node.str());
                }
                return;
            }
        }
        std::string supported;
        for (const Node &allowed : schema.enumValues) {
            supported += (supported.empty() ? "" : ", ") + quoteValue(allowed);
        }
        add(node.mark(), path, "schema.enum",
            "Unsupported value: " + quoteValue(node) + ": supported values: " + supported, "enum",
            true);
    }

    void checkString(const Node &node, const SchemaNode &schema, const std::string &path)
    {
        const std::string &s = node.str();
        const auto codePoints =
            static_cast<std::int64_t>(std::count_if(s.begin(), s.end(), [](char c) {
                return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            }));
        if (schema.maxLength && codePoints > *schema.maxLength) {
            add(node.mark(), path, "schema.maxLength",
                "Too long: may not be more than " + std::to_string(*schema.maxLength) + " bytes",
                "maxLength", true);
        }
        if (schema.minLength && codePoints < *schema.minLength) {
            add(node.mark(), path, "schema.minLength",
                "Invalid value: " + quoteValue(node) + ": " + path +
                    " in body should be at least " + std::to_string(*schema.minLength) +
                    " chars long",
                "minLength", false);
        }
        if (schema.patternRegex && schema.patternRegex->ok() &&
            !re2::RE2::PartialMatch(s, *schema.patternRegex)) {
            add(node.mark(), path, "schema.pattern",
                "Invalid value: " + quoteValue(node) + ": " + path + " in body should match '" +
                    schema.pattern + '\'',
                "pattern", false);
        }
        if (!schema.format.empty() && breaksFormat(schema.format, s)) {
            add(node.mark(), path, "schema.format",
                "Invalid value: " + quoteValue(node) + ": " + path + " in body must be of type " +
                    schema.format + ": " + quoteValue(node),
                "format", false);
        }
    }

    void checkNumber(const Node &node, const SchemaNode &schema, const std::string &path)
    {
        const double v = node.asDouble();
        if (schema.minimum && v < *schema.minimum) {
            add(node.mark(), path, "schema.minimum",
                "Invalid value: " + node.asString() + ": " + path +
                    " in body should be greater than or equal to " + formatNumber(*schema.minimum),
                "minimum", false);
        }
        if (schema.maximum && v > *schema.maximum) {
            add(node.mark(), path, "schema.maximum",
                "Invalid value: " + node.asString() + ": " + path +
                    " in body should be less than or equal to " + formatNumber(*schema.maximum),
                "maximum", false);
        }
    }

    void checkList(const Node &node, const SchemaNode &schema, const std::string &path)
    {
        const auto count = static_cast<std::int64_t>(node.items().size());
        if (schema.maxItems && count > *schema.maxItems) {
            add(node.mark(), path, "schema.maxItems",
                "Too many: " + std::to_string(count) + ": must have at most " +
                    std::to_string(*schema.maxItems) + " items",
                "maxItems", true);
        } else if (schema.standardMaxItems && count > *schema.standardMaxItems) {
            add(node.mark(), path, "lint.experimental-field",
                path + " has " + std::to_string(count) +
                    " items; the standard CRDs allow at most " +
                    std::to_string(*schema.standardMaxItems),
                "maxItems", false, Severity::Warning);
        }
        if (schema.minItems && count < *schema.minItems) {
            add(node.mark(), path, "schema.minItems",
                "Invalid value: " + std::to_string(count) + ": " + path +
                    " in body should have at least " + std::to_string(*schema.minItems) + " items",
                "minItems", false);
        }
        if (schema.listType == "set") {
            checkUnique(node, path, {});
        } else if (schema.listType == "map" && !schema.listMapKeys.empty()) {
            checkUnique(node, path, schema.listMapKeys);
        }
        if (schema.items) {
            int index = 0;
            for (const Node &item : node.items()) {
                check(item, *schema.items, path + '[' + std::to_string(index++) + ']');
            }
        }
    }

    void checkUnique(const Node &list, const std::string &path,
                     const std::vector<std::string> &keys)
    {
        std::set<std::string> seen;
        int index = 0;
        for (const Node &item : list.items()) {
            std::string identity;
            if (keys.empty()) {
                identity = item.toJson();
            } else {
                Node key = Node::map();
                for (const std::string &k : keys) {
                    if (const Node *v = item.find(k)) {
                        key.set(k, *v);
                    }
                }
                identity = key.toJson();
            }
            if (!seen.insert(identity).second) {
                add(item.mark(), path + '[' + std::to_string(index) + ']', "schema.duplicate",
                    "Duplicate value: " + (keys.empty() ? quoteValue(item) : identity),
                    keys.empty() ? "x-kubernetes-list-type: set" : "x-kubernetes-list-type: map",
                    false);
            }
            ++index;
        }
    }

    void checkMap(const Node &node, const SchemaNode &schema, const std::string &path)
    {
        if (schema.maxProperties &&
            static_cast<std::int64_t>(node.entries().size()) > *schema.maxProperties) {
            add(node.mark(), path, "schema.maxProperties",
                "Too many: " + std::to_string(node.entries().size()) + ": must have at most " +
                    std::to_string(*schema.maxProperties) + " items",
                "maxProperties", true);
        }
        for (const std::string &name : schema.required) {
            if (!node.has(name)) {
                add(node.mark(), join(path, name), "schema.required", "Required value", "required",
                    true);
            }
        }
        for (const Node::Entry &e : node.entries()) {
            if (path.empty() && (e.key == "apiVersion" || e.key == "kind" || e.key == "metadata")) {
                continue;
            }
            const SchemaNode *child = schema.property(e.key);
            if (!child && schema.additionalProperties) {
                child = schema.additionalProperties.get();
            }
            if (child) {
                check(e.value, *child, join(path, e.key));
            }
        }
    }

    // oneOf/anyOf/not, as used by Gateway addresses: each branch is checked silently; the
    // branch errors of the best candidate are reported when none (or, for oneOf, not exactly
    // one) matches. The API server names these paths relative to the list ("addresses[0].value").
    void checkCombinators(const Node &node, const SchemaNode &schema, const std::string &path)
    {
        const std::string relative = relativeItemPath(path);
        auto branchErrors = [&](const SchemaNode &branch) {
            Core::Diagnostics scratch;
            bool blocks = false;
            Walker w(m_file, scratch, blocks, false);
            w.check(node, branch, relative);
            scratch.erase(std::remove_if(scratch.begin(), scratch.end(),
                                         [](const Diagnostic &d) { return !d.isError(); }),
                          scratch.end());
            return scratch;
        };
        if (!schema.oneOf.empty()) {
            int passing = 0;
            Core::Diagnostics failures; // of every branch, as kube-openapi lists them
            for (const auto &branch : schema.oneOf) {
                Core::Diagnostics errors = branchErrors(*branch);
                if (errors.empty()) {
                    ++passing;
                }
                for (Diagnostic &d : errors) {
                    failures.push_back(std::move(d));
                }
            }
            if (passing != 1) {
                if (passing > 1) {
                    failures.clear();
                }
                for (Diagnostic &d : failures) {
                    d.fieldPath =
                        path + d.fieldPath.substr(std::min(d.fieldPath.size(), relative.size()));
                    m_out.push_back(std::move(d));
                }
                add(node.mark(), path, "schema.oneOf",
                    "Invalid value: " + quoteValue(node) + ": " + path +
                        " in body must validate one and only one schema (oneOf)",
                    "oneOf", false);
            }
        }
        if (!schema.anyOf.empty()) {
            bool any = false;
            Core::Diagnostics firstFailure;
            for (const auto &branch : schema.anyOf) {
                Core::Diagnostics errors = branchErrors(*branch);
                if (errors.empty()) {
                    any = true;
                    break;
                }
                for (Diagnostic &d : errors) {
                    firstFailure.push_back(std::move(d));
                }
            }
            if (!any) {
                for (Diagnostic &d : firstFailure) {
                    d.fieldPath = path;
                    m_out.push_back(std::move(d));
                }
            }
        }
        if (schema.notSchema && branchErrors(*schema.notSchema).empty()) {
            add(node.mark(), path, "schema.not",
                "Invalid value: " + quoteValue(node) + ": " + path +
                    " in body must not validate the schema (not)",
                "not", false);
        }
    }

    // "spec.addresses[0].value" → "addresses[0].value": the last list property and below.
    static std::string relativeItemPath(const std::string &path)
    {
        const auto bracket = path.rfind('[');
        if (bracket == std::string::npos) {
            return path;
        }
        const auto dot = path.rfind('.', bracket);
        return dot == std::string::npos ? path : path.substr(dot + 1);
    }

    const std::string &m_file;
    Core::Diagnostics &m_out;
    bool &m_blocks;
    bool m_flagExperimental;
};

} // namespace

int editDistance(std::string_view a, std::string_view b)
{
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        prev[j] = static_cast<int>(j);
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const int cost = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                                     std::tolower(static_cast<unsigned char>(b[j - 1]))
                                 ? 0
                                 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

StructuralResult validateStructure(const Node &object, const SchemaNode &root,
                                   const std::string &file, bool flagExperimental)
{
    StructuralResult result;
    result.defaulted = object;
    Walker walker(file, result.diagnostics, result.blocksCel, flagExperimental);
    walker.normalize(result.defaulted, root, "", true);
    walker.check(result.defaulted, root, "");
    return result;
}

} // namespace Torii::Validation
