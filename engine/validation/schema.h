#pragma once

#include "engine/model/node.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace Torii::Validation {

// Which CRD channel to validate as. Fields of the other channel are still read (and flagged).
enum class Channel { Standard, Experimental };

namespace Cel {
class Program;
}

// One `x-kubernetes-validations` entry, compiled once.
struct CelRule
{
    std::string rule;
    std::string message;
    std::shared_ptr<const Cel::Program> program; // null when the rule failed to compile
    std::string compileError;
    bool experimental = false; // only the experimental CRDs have it
    bool standardOnly = false; // the standard CRDs' wording of a rule the experimental ones rewrote
};

// One node of a CRD's structural schema (OpenAPI v3 subset that CRDs allow).
struct SchemaNode
{
    enum class Type { Any, Object, Array, String, Integer, Number, Boolean };

    Type type = Type::Any;
    std::string format;
    std::string description; // the CRD's first paragraph, on one line (English, as the API says it)
    std::vector<Model::Node> enumValues;
    std::vector<std::string> experimentalEnumValues;
    std::string pattern;
    std::shared_ptr<const re2::RE2> patternRegex;
    std::optional<std::int64_t> minLength, maxLength, minItems, maxItems, maxProperties;
    std::optional<std::int64_t> standardMaxItems; // when the standard CRD allows fewer items
    std::optional<double> minimum, maximum;
    std::vector<std::string> required;
    std::optional<Model::Node> defaultValue;
    std::string listType; // atomic | set | map
    std::vector<std::string> listMapKeys;
    std::vector<std::pair<std::string, std::unique_ptr<SchemaNode>>> properties;
    std::unique_ptr<SchemaNode> items;
    std::unique_ptr<SchemaNode> additionalProperties;
    std::vector<std::unique_ptr<SchemaNode>> oneOf;
    std::vector<std::unique_ptr<SchemaNode>> anyOf;
    std::unique_ptr<SchemaNode> notSchema;
    std::vector<CelRule> rules;
    bool experimental = false; // the field exists only in the experimental channel

    const SchemaNode *property(std::string_view name) const;
};

struct VersionSchema
{
    std::string name; // v1, v1beta1 …
    bool servedStandard = false;
    bool servedExperimental = false;
    bool storage = false;
    std::unique_ptr<SchemaNode> root;
};

struct KindSchema
{
    std::string kind;
    std::string group;
    std::string plural;
    bool namespaced = true;
    bool standard = true; // the kind is in the standard channel
    std::map<std::string, VersionSchema, std::less<>> versions;

    const VersionSchema *version(std::string_view name) const;
};

// The Gateway API v1.6.1 CRDs (standard + experimental), loaded once from the embedded bundle.
// Immutable after construction; thread-safe to read.
class SchemaBundle
{
public:
    static const SchemaBundle &instance();

    const KindSchema *find(std::string_view group, std::string_view kind) const;
    bool hasGroup(std::string_view group) const;
    const std::vector<std::unique_ptr<KindSchema>> &kinds() const { return m_kinds; }
    std::string gatewayApiVersion() const { return m_gatewayApiVersion; }
    // CEL rules that did not compile ("rule: error"); empty when all compiled.
    const std::vector<std::string> &ruleCompileErrors() const { return m_ruleErrors; }
    std::size_t ruleCount() const { return m_ruleCount; }

private:
    SchemaBundle();
    std::vector<std::unique_ptr<KindSchema>> m_kinds;
    std::string m_gatewayApiVersion;
    std::vector<std::string> m_ruleErrors;
    std::size_t m_ruleCount = 0;
};

} // namespace Torii::Validation
