#include "schema.h"

#include "cel/cel.h"

#include <re2/re2.h>

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <cmath>

namespace Torii::Validation {

using Model::Node;

namespace {

Node fromJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return Node::boolean(value.toBool());
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == std::floor(d) && std::fabs(d) < 9.0e15) {
            return Node::integer(static_cast<std::int64_t>(d));
        }
        return Node::floating(d);
    }
    case QJsonValue::String:
        return Node::string(value.toString().toStdString());
    case QJsonValue::Array: {
        Node list = Node::list();
        for (const QJsonValue &item : value.toArray()) {
            list.append(fromJson(item));
        }
        return list;
    }
    case QJsonValue::Object: {
        Node map = Node::map();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            map.set(it.key().toStdString(), fromJson(it.value()));
        }
        return map;
    }
    default:
        return Node::null();
    }
}

std::optional<std::int64_t> optionalInt(const QJsonObject &o, const char *key)
{
    if (!o.contains(QLatin1String(key))) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(o.value(QLatin1String(key)).toDouble());
}

SchemaNode::Type typeOf(const QString &type)
{
    if (type == QLatin1String("object")) {
        return SchemaNode::Type::Object;
    }
    if (type == QLatin1String("array")) {
        return SchemaNode::Type::Array;
    }
    if (type == QLatin1String("string")) {
        return SchemaNode::Type::String;
    }
    if (type == QLatin1String("integer")) {
        return SchemaNode::Type::Integer;
    }
    if (type == QLatin1String("number")) {
        return SchemaNode::Type::Number;
    }
    if (type == QLatin1String("boolean")) {
        return SchemaNode::Type::Boolean;
    }
    return SchemaNode::Type::Any;
}

class Builder
{
public:
    std::vector<std::string> errors;
    std::size_t ruleCount = 0;

    std::unique_ptr<SchemaNode> build(const QJsonObject &o)
    {
        auto node = std::make_unique<SchemaNode>();
        node->type = typeOf(o.value(QLatin1String("type")).toString());
        node->format = o.value(QLatin1String("format")).toString().toStdString();
        node->description = o.value(QLatin1String("description")).toString().toStdString();
        for (const QJsonValue &v : o.value(QLatin1String("enum")).toArray()) {
            node->enumValues.push_back(fromJson(v));
        }
        for (const QJsonValue &v : o.value(QLatin1String("x-torii-experimental-enum")).toArray()) {
            node->experimentalEnumValues.push_back(v.toString().toStdString());
        }
        if (o.contains(QLatin1String("pattern"))) {
            node->pattern = o.value(QLatin1String("pattern")).toString().toStdString();
            node->patternRegex = regex(node->pattern);
        }
        node->minLength = optionalInt(o, "minLength");
        node->maxLength = optionalInt(o, "maxLength");
        node->minItems = optionalInt(o, "minItems");
        node->maxItems = optionalInt(o, "maxItems");
        node->maxProperties = optionalInt(o, "maxProperties");
        node->standardMaxItems = optionalInt(o, "x-torii-standard-maxItems");
        if (o.contains(QLatin1String("minimum"))) {
            node->minimum = o.value(QLatin1String("minimum")).toDouble();
        }
        if (o.contains(QLatin1String("maximum"))) {
            node->maximum = o.value(QLatin1String("maximum")).toDouble();
        }
        for (const QJsonValue &v : o.value(QLatin1String("required")).toArray()) {
            node->required.push_back(v.toString().toStdString());
        }
        if (o.contains(QLatin1String("default"))) {
            node->defaultValue = fromJson(o.value(QLatin1String("default")));
        }
        node->listType = o.value(QLatin1String("x-kubernetes-list-type")).toString().toStdString();
        for (const QJsonValue &v : o.value(QLatin1String("x-kubernetes-list-map-keys")).toArray()) {
            node->listMapKeys.push_back(v.toString().toStdString());
        }
        const QJsonObject properties = o.value(QLatin1String("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            node->properties.emplace_back(it.key().toStdString(), build(it.value().toObject()));
        }
        if (o.value(QLatin1String("items")).isObject()) {
            node->items = build(o.value(QLatin1String("items")).toObject());
        }
        if (o.value(QLatin1String("additionalProperties")).isObject()) {
            node->additionalProperties =
                build(o.value(QLatin1String("additionalProperties")).toObject());
        }
        for (const QJsonValue &v : o.value(QLatin1String("oneOf")).toArray()) {
            node->oneOf.push_back(build(v.toObject()));
        }
        for (const QJsonValue &v : o.value(QLatin1String("anyOf")).toArray()) {
            node->anyOf.push_back(build(v.toObject()));
        }
        if (o.value(QLatin1String("not")).isObject()) {
            node->notSchema = build(o.value(QLatin1String("not")).toObject());
        }
        for (const QJsonValue &v : o.value(QLatin1String("rules")).toArray()) {
            const QJsonObject r = v.toObject();
            CelRule rule;
            rule.rule = r.value(QLatin1String("rule")).toString().toStdString();
            rule.message = r.value(QLatin1String("message")).toString().toStdString();
            rule.experimental = r.value(QLatin1String("experimental")).toBool();
            rule.standardOnly = r.value(QLatin1String("standardOnly")).toBool();
            rule.program = Cel::Program::compile(rule.rule, &rule.compileError);
            ++ruleCount;
            if (!rule.program) {
                errors.push_back(rule.rule + ": " + rule.compileError);
            }
            node->rules.push_back(std::move(rule));
        }
        node->experimental = o.value(QLatin1String("x-torii-experimental")).toBool();
        return node;
    }

private:
    // Patterns repeat across kinds (hostnames, names …): compile each once.
    std::shared_ptr<const re2::RE2> regex(const std::string &pattern)
    {
        auto it = m_regexes.find(pattern);
        if (it != m_regexes.end()) {
            return it->second;
        }
        auto re = std::make_shared<const re2::RE2>(pattern, re2::RE2::Quiet);
        if (!re->ok()) {
            errors.push_back("pattern " + pattern + ": " + re->error());
        }
        m_regexes.emplace(pattern, re);
        return re;
    }
    std::map<std::string, std::shared_ptr<const re2::RE2>> m_regexes;
};

} // namespace

const SchemaNode *SchemaNode::property(std::string_view name) const
{
    for (const auto &[key, node] : properties) {
        if (key == name) {
            return node.get();
        }
    }
    return nullptr;
}

const VersionSchema *KindSchema::version(std::string_view name) const
{
    auto it = versions.find(name);
    return it == versions.end() ? nullptr : &it->second;
}

const SchemaBundle &SchemaBundle::instance()
{
    static const SchemaBundle bundle;
    return bundle;
}

SchemaBundle::SchemaBundle()
{
    QFile file(QStringLiteral(":/torii/schema/gateway_api_v1.6.1.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        m_ruleErrors.push_back("the embedded schema bundle is missing");
        return;
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    m_gatewayApiVersion = root.value(QLatin1String("gatewayApiVersion")).toString().toStdString();
    Builder builder;
    const QJsonObject kinds = root.value(QLatin1String("kinds")).toObject();
    for (auto it = kinds.begin(); it != kinds.end(); ++it) {
        const QJsonObject k = it.value().toObject();
        auto kind = std::make_unique<KindSchema>();
        kind->kind = it.key().toStdString();
        kind->group = k.value(QLatin1String("group")).toString().toStdString();
        kind->plural = k.value(QLatin1String("plural")).toString().toStdString();
        kind->namespaced =
            k.value(QLatin1String("scope")).toString() == QLatin1String("Namespaced");
        kind->standard = k.value(QLatin1String("standard")).toBool();
        const QJsonObject versions = k.value(QLatin1String("versions")).toObject();
        for (auto v = versions.begin(); v != versions.end(); ++v) {
            const QJsonObject vo = v.value().toObject();
            VersionSchema version;
            version.name = v.key().toStdString();
            version.servedStandard = vo.value(QLatin1String("servedStandard")).toBool();
            version.servedExperimental = vo.value(QLatin1String("servedExperimental")).toBool();
            version.storage = vo.value(QLatin1String("storage")).toBool();
            version.root = builder.build(vo.value(QLatin1String("schema")).toObject());
            kind->versions.emplace(version.name, std::move(version));
        }
        m_kinds.push_back(std::move(kind));
    }
    m_ruleErrors = std::move(builder.errors);
    m_ruleCount = builder.ruleCount;
}

const KindSchema *SchemaBundle::find(std::string_view group, std::string_view kind) const
{
    for (const auto &k : m_kinds) {
        if (k->kind == kind && k->group == group) {
            return k.get();
        }
    }
    return nullptr;
}

bool SchemaBundle::hasGroup(std::string_view group) const
{
    for (const auto &k : m_kinds) {
        if (k->group == group) {
            return true;
        }
    }
    return false;
}

} // namespace Torii::Validation
