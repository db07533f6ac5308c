#pragma once

// What the CRD schema says about a field, for the form and the YAML editor's completion alike:
// the kind's root schema (the SchemaBundle that validation loads once, not a second reading of
// the CRDs), a field's child schema, its type as the API writes it, and its description cut to a
// tooltip's or a completion line's length.
//
// The descriptions are the CRDs' own English text (their first paragraph, kept by
// tools/gen_schema_bundle.py); like field names, they are not translated.

#include <QtCore/QString>

#include <string_view>

namespace Torii::Validation {
struct SchemaNode;
}

namespace Torii::Gui::FieldSchema {

// The root schema of a kind at a version ("gateway.networking.k8s.io", "v1", "HTTPRoute"); null
// when the bundle does not know the kind or the version.
const Validation::SchemaNode *rootSchema(std::string_view group, std::string_view version,
                                         std::string_view kind);
// The same from an object's `apiVersion` ("group/version", or "v1" for the core group).
const Validation::SchemaNode *rootSchemaFor(std::string_view apiVersion, std::string_view kind);

// The CRDs leave metadata untyped ("type: object"); this is what a user writes there.
const Validation::SchemaNode *metadataSchema();

// The schema of `key` inside an object whose schema is `parent` (`atRoot`: the object itself, so
// `metadata` gets metadataSchema()); a map's (additionalProperties) value schema for any key; null
// when the parent does not define the key.
const Validation::SchemaNode *childSchema(const Validation::SchemaNode *parent,
                                          std::string_view key, bool atRoot);

// The field's type as the API reference writes it: string, integer, boolean, enum, object,
// []object, map[string]string …
QString typeName(const Validation::SchemaNode *schema);

// The description cut at a sentence end (else a word) before `maxChars`, with "…" when cut; ""
// when the schema has none.
QString description(const Validation::SchemaNode *schema, int maxChars = 320);
// Its first sentence, for one line of a completion list.
QString firstSentence(const Validation::SchemaNode *schema, int maxChars = 110);

// `text` broken into lines of at most `width` characters at spaces (for plain-text tooltips).
QString wrapped(const QString &text, int width = 80);

} // namespace Torii::Gui::FieldSchema
