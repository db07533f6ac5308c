#include "field_schema.h"

#include "engine/validation/schema.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

#include <memory>

namespace Torii::Gui::FieldSchema {

using Validation::SchemaNode;

const SchemaNode *rootSchema(std::string_view group, std::string_view version,
                             std::string_view kind)
{
    const Validation::KindSchema *k = Validation::SchemaBundle::instance().find(group, kind);
    const Validation::VersionSchema *v = k ? k->version(version) : nullptr;
    return v ? v->root.get() : nullptr;
}

const SchemaNode *rootSchemaFor(std::string_view apiVersion, std::string_view kind)
{
    const auto slash = apiVersion.rfind('/');
    if (slash == std::string_view::npos) {
        return rootSchema({}, apiVersion, kind);
    }
    return rootSchema(apiVersion.substr(0, slash), apiVersion.substr(slash + 1), kind);
}

const SchemaNode *metadataSchema()
{
    static const SchemaNode *schema = [] {
        auto *m = new SchemaNode;
        m->type = SchemaNode::Type::Object;
        m->required = {"name"};
        auto str = [](std::int64_t maxLength, const char *description) {
            auto s = std::make_unique<SchemaNode>();
            s->type = SchemaNode::Type::String;
            s->maxLength = maxLength;
            s->description = description;
            return s;
        };
        auto stringMap = [](const char *description) {
            auto s = std::make_unique<SchemaNode>();
            s->type = SchemaNode::Type::Object;
            s->description = description;
            s->additionalProperties = std::make_unique<SchemaNode>();
            s->additionalProperties->type = SchemaNode::Type::String;
            return s;
        };
        // Kubernetes' own ObjectMeta descriptions, first sentence (the CRDs do not carry them);
        // translated at display time like any description (see translatedDescription).
        m->properties.emplace_back(
            "name",
            str(253, QT_TRANSLATE_NOOP("FieldSchema", "Name must be unique within a namespace.")));
        m->properties.emplace_back(
            "namespace",
            str(63, QT_TRANSLATE_NOOP(
                        "FieldSchema",
                        "Namespace defines the space within which each name must be unique.")));
        m->properties.emplace_back(
            "labels", stringMap(QT_TRANSLATE_NOOP(
                          "FieldSchema", "Map of string keys and values that can be used to "
                                         "organize and categorize (scope and select) objects.")));
        m->properties.emplace_back(
            "annotations",
            stringMap(QT_TRANSLATE_NOOP(
                "FieldSchema", "Annotations is an unstructured key value map stored with a "
                               "resource that may be set by external tools to store and retrieve "
                               "arbitrary metadata.")));
        return m;
    }();
    return schema;
}

const SchemaNode *childSchema(const SchemaNode *parent, std::string_view key, bool atRoot)
{
    if (atRoot && key == "metadata") {
        return metadataSchema();
    }
    if (!parent) {
        return nullptr;
    }
    if (const SchemaNode *p = parent->property(key)) {
        return p;
    }
    return parent->additionalProperties.get();
}

QString typeName(const SchemaNode *schema)
{
    if (!schema) {
        return QStringLiteral("any");
    }
    switch (schema->type) {
    case SchemaNode::Type::Object:
        if (schema->properties.empty() && schema->additionalProperties) {
            return QStringLiteral("map[string]") + typeName(schema->additionalProperties.get());
        }
        return QStringLiteral("object");
    case SchemaNode::Type::Array:
        return QStringLiteral("[]") + typeName(schema->items.get());
    case SchemaNode::Type::String:
        return schema->enumValues.empty() ? QStringLiteral("string") : QStringLiteral("enum");
    case SchemaNode::Type::Integer:
        return QStringLiteral("integer");
    case SchemaNode::Type::Number:
        return QStringLiteral("number");
    case SchemaNode::Type::Boolean:
        return QStringLiteral("boolean");
    case SchemaNode::Type::Any:
        break;
    }
    return QStringLiteral("any");
}

namespace {

// The text cut before `maxChars`: at the last sentence end when there is one past a third of the
// length (a tooltip of half a sentence reads worse than a shorter whole one), else at a space.
QString cut(const QString &text, int maxChars, bool firstSentenceOnly)
{
    QString t = text.simplified();
    if (firstSentenceOnly) {
        // A sentence ends at ". " (not inside "e.g. " or a version like "v1.2").
        for (int i = 0; i + 1 < t.size(); ++i) {
            if (t[i] == QLatin1Char('.') && t[i + 1] == QLatin1Char(' ') &&
                !t.left(i).endsWith(QLatin1String("e.g")) &&
                !t.left(i).endsWith(QLatin1String("i.e"))) {
                t.truncate(i + 1);
                break;
            }
        }
    }
    if (t.size() <= maxChars) {
        return t;
    }
    const QString head = t.left(maxChars);
    const int sentence = head.lastIndexOf(QLatin1String(". "));
    if (sentence > maxChars / 3) {
        return head.left(sentence + 1);
    }
    const int space = head.lastIndexOf(QLatin1Char(' '));
    return (space > 0 ? head.left(space) : head) + QStringLiteral("…");
}

// The description in the user's language where the catalog has it (metadata's, above; the CRDs'
// own text is English and stays so unless a translation is added), else as written.
QString translatedDescription(const SchemaNode *schema)
{
    return QCoreApplication::translate("FieldSchema", schema->description.c_str());
}

} // namespace

QString description(const SchemaNode *schema, int maxChars)
{
    if (!schema || schema->description.empty()) {
        return {};
    }
    return cut(translatedDescription(schema), maxChars, false);
}

QString firstSentence(const SchemaNode *schema, int maxChars)
{
    if (!schema || schema->description.empty()) {
        return {};
    }
    return cut(translatedDescription(schema), maxChars, true);
}

QString wrapped(const QString &text, int width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty()) {
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace Torii::Gui::FieldSchema
