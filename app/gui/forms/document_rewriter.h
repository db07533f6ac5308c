#pragma once

// Turns "this object should now read like this" into one text edit of its file, so a form edit
// goes through the editor like a typed one (one undo step, the workspace's debounced analysis).
//
// Two strategies, the first that round-trips wins:
//  - minimal: when exactly one scalar changed, only that value's characters are replaced (at the
//    position its Node mark gives), so comments and layout everywhere else survive;
//  - document: the object's document is re-emitted with engine/yaml's emitter in the user's key
//    order (comments inside that document are lost; the other documents are untouched).
// Each candidate text is parsed again and must give exactly the wanted object, else the next
// strategy is tried; nothing is written when none does.

#include "engine/model/node.h"

#include <QtCore/QString>

#include <optional>

namespace Torii::Gui {

struct TextEdit
{
    enum class Kind { Minimal, Document };
    int from = 0; // offsets in the QString text
    int to = 0;
    QString replacement;
    Kind kind = Kind::Minimal;

    QString apply(const QString &text) const
    {
        return QString(text).replace(from, to - from, replacement);
    }
};

// `document` is the 0-based document index (Model::SourceRef::document) of the object in `text`.
std::optional<TextEdit> rewriteObject(const QString &text, const QString &fileName, int document,
                                      const Model::Node &object, QString *error);

// A YAML scalar for `value` that reads back as the same value (plain when safe, else quoted).
QString yamlScalar(const Model::Node &value);

} // namespace Torii::Gui
