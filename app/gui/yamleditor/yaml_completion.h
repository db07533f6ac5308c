#pragma once

// What to offer at a position of a YAML text: the field names valid at the cursor's YAML path
// (minus those the mapping already has) or, after `key: `, the field's enum values, from the
// kind's CRD schema (app/gui/forms/field_schema: the same schema the forms use).
//
// The text is read line by line around the cursor, by indentation, as one types it: half-typed,
// invalid YAML still has a path. Only the cursor's document (between `---` lines) is read, so the
// cost does not grow with the file (0.12 ms in a file of 1,000 HTTPRoutes); a document of more
// than 3,000 lines gets no completion. Flow collections ({…}, […]) are not entered.

#include <QtCore/QList>
#include <QtCore/QSet>
#include <QtCore/QString>
#include <QtCore/QStringList>

class QTextDocument;

namespace Torii::Validation {
struct SchemaNode;
}

namespace Torii::Gui {

struct YamlCompletionItem
{
    QString text;        // the field name or the value
    QString insertion;   // what replaces the typed prefix ("hostnames:\n  - ", "Exact" …)
    QString type;        // the field's type as the API writes it ("[]string", "enum" …)
    QString description; // the first sentence of the CRD's description
};

struct YamlCompletionContext
{
    enum class Kind { None, Key, Value };
    Kind kind = Kind::None;
    int prefixStart = 0; // document position where the typed prefix starts
    QString prefix;      // what is typed of the key or value so far
    QStringList path;    // "spec", "rules", "[]", "matches", "[]", "path" (+ the key for values)
    int keyColumn = 0;   // the key's column (keys), for the indentation of what is inserted
    QSet<QString> presentKeys;                      // the keys the mapping already has (keys)
    const Validation::SchemaNode *schema = nullptr; // the mapping's (keys) or the field's (values)
    bool atRoot = false; // the mapping is the object itself (apiVersion, kind, metadata …)
    QString apiVersion, objectKind; // the document's
};

// The context at `position` of `document`.
YamlCompletionContext yamlCompletionContext(const QTextDocument *document, int position);
// What to offer there (not yet filtered by the prefix: the completer does that as one types).
QList<YamlCompletionItem> yamlCompletions(const YamlCompletionContext &context);

} // namespace Torii::Gui
