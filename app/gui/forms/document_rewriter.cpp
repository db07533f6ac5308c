#include "document_rewriter.h"

#include "engine/workspace/workspace.h"
#include "engine/yaml/yaml_emitter.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QRegularExpression>

namespace Torii::Gui {

namespace {

const Model::Resource *resourceAt(const Workspace::Analysis &analysis, int document)
{
    for (const Model::Resource &r : analysis.resources) {
        if (r.source.document == document && r.source.listItem < 0) {
            return &r;
        }
    }
    return nullptr;
}

// Walks both trees; true when they differ in exactly one scalar (same structure otherwise).
struct ScalarDiff
{
    const Model::Node *before = nullptr;
    const Model::Node *after = nullptr;
    int count = 0;
    bool structural = false;
};

void diff(const Model::Node &a, const Model::Node &b, ScalarDiff &out)
{
    if (out.structural || out.count > 1) {
        return;
    }
    if (a.isScalar() && b.isScalar()) {
        if (!a.equals(b) || a.type() != b.type()) {
            ++out.count;
            out.before = &a;
            out.after = &b;
        }
        return;
    }
    if (a.type() != b.type()) {
        out.structural = true;
        return;
    }
    if (a.isList()) {
        if (a.items().size() != b.items().size()) {
            out.structural = true;
            return;
        }
        for (std::size_t i = 0; i < a.items().size(); ++i) {
            diff(a.items()[i], b.items()[i], out);
        }
        return;
    }
    if (a.entries().size() != b.entries().size()) {
        out.structural = true;
        return;
    }
    for (std::size_t i = 0; i < a.entries().size(); ++i) {
        if (a.entries()[i].key != b.entries()[i].key) {
            out.structural = true;
            return;
        }
        diff(a.entries()[i].value, b.entries()[i].value, out);
    }
}

QList<int> lineStarts(const QString &text)
{
    QList<int> starts{0};
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            starts << i + 1;
        }
    }
    return starts;
}

// The extent of the scalar token starting at `from` (its mark); -1 when it is not a simple
// one-line scalar (block scalars, multi-line quoted strings).
int scalarEnd(const QString &text, int from)
{
    if (from >= text.size()) {
        return -1;
    }
    const QChar first = text.at(from);
    if (first == QLatin1Char('|') || first == QLatin1Char('>')) {
        return -1;
    }
    if (first == QLatin1Char('"') || first == QLatin1Char('\'')) {
        for (int i = from + 1; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c == QLatin1Char('\n')) {
                return -1;
            }
            if (first == QLatin1Char('"') && c == QLatin1Char('\\')) {
                ++i;
                continue;
            }
            if (c == first) {
                if (first == QLatin1Char('\'') && i + 1 < text.size() &&
                    text.at(i + 1) == QLatin1Char('\'')) {
                    ++i;
                    continue;
                }
                return i + 1;
            }
        }
        return -1;
    }
    int end = from;
    while (end < text.size() && text.at(end) != QLatin1Char('\n')) {
        if (text.at(end) == QLatin1Char('#') && end > from && text.at(end - 1).isSpace()) {
            break;
        }
        // In a flow collection ([a, b] or {k: v}) a plain scalar ends at these.
        if (text.at(end) == QLatin1Char(',') || text.at(end) == QLatin1Char(']') ||
            text.at(end) == QLatin1Char('}')) {
            break;
        }
        ++end;
    }
    while (end > from && text.at(end - 1).isSpace()) {
        --end;
    }
    return end;
}

bool roundTrips(const QString &text, const QString &fileName, int document,
                const Model::Node &object)
{
    const Workspace::Analysis analysis = Workspace::analyzeText(text, fileName);
    const Model::Resource *r = resourceAt(analysis, document);
    return r && r->object.equals(object);
}

bool isCommentOrBlank(const QString &line)
{
    const QString t = line.trimmed();
    return t.isEmpty() || t.startsWith(QLatin1Char('#'));
}

} // namespace

QString yamlScalar(const Model::Node &value)
{
    switch (value.type()) {
    case Model::Node::Type::Null:
        return QStringLiteral("null");
    case Model::Node::Type::Bool:
        return value.asBool() ? QStringLiteral("true") : QStringLiteral("false");
    case Model::Node::Type::Int:
    case Model::Node::Type::Float:
        return QString::fromStdString(value.asString());
    case Model::Node::Type::String: {
        const QString s = QString::fromStdString(value.str());
        // Plain only when it cannot read back as another type or as YAML syntax.
        static const QRegularExpression plain(QStringLiteral("^[A-Za-z/_][A-Za-z0-9._/\\-]*$"));
        static const QRegularExpression special(
            QStringLiteral("^(true|false|yes|no|on|off|null|y|n|~)$"),
            QRegularExpression::CaseInsensitiveOption);
        if (plain.match(s).hasMatch() && !special.match(s).hasMatch()) {
            return s;
        }
        QString quoted = s;
        quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('"'), QLatin1String("\\\""));
        quoted.replace(QLatin1Char('\n'), QLatin1String("\\n"))
            .replace(QLatin1Char('\t'), QLatin1String("\\t"));
        return QLatin1Char('"') + quoted + QLatin1Char('"');
    }
    default:
        return {};
    }
}

std::optional<TextEdit> rewriteObject(const QString &text, const QString &fileName, int document,
                                      const Model::Node &object, QString *error)
{
    const Workspace::Analysis analysis = Workspace::analyzeText(text, fileName);
    const Model::Resource *current = resourceAt(analysis, document);
    if (!current) {
        if (error) {
            *error = QCoreApplication::translate(
                "Forms", "The object is no longer in its file (it was edited meanwhile).");
        }
        return std::nullopt;
    }
    const QList<int> starts = lineStarts(text);
    auto offsetOf = [&](Model::Mark mark) {
        if (!mark.isValid() || static_cast<int>(mark.line) > starts.size()) {
            return -1;
        }
        return starts.at(static_cast<int>(mark.line) - 1) + static_cast<int>(mark.column) - 1;
    };

    ScalarDiff d;
    diff(current->object, object, d);
    if (!d.structural && d.count == 0) {
        return TextEdit{0, 0, QString(), TextEdit::Kind::Minimal}; // nothing to change
    }
    if (!d.structural && d.count == 1 && d.after->isScalar() && d.before->mark().isValid()) {
        const int from = offsetOf(d.before->mark());
        const int end = from >= 0 ? scalarEnd(text, from) : -1;
        if (end >= from && from >= 0) {
            TextEdit edit{from, end, yamlScalar(*d.after), TextEdit::Kind::Minimal};
            if (roundTrips(edit.apply(text), fileName, document, object)) {
                return edit;
            }
        }
    }

    // The whole document, from the object's first line to the next separator, keeping the
    // comments that precede the object and those that trail it.
    int firstLine = static_cast<int>(current->source.mark.line);
    const QStringList lines = text.split(QLatin1Char('\n'));
    // The object's mark may be its document's `---` line: the separator stays.
    if (firstLine > 0 && firstLine < lines.size() &&
        lines.at(firstLine - 1).trimmed() == QLatin1String("---")) {
        ++firstLine;
        while (firstLine < lines.size() && isCommentOrBlank(lines.at(firstLine - 1))) {
            ++firstLine; // the comments that introduce the object stay too
        }
    }
    if (firstLine <= 0 || firstLine > starts.size()) {
        if (error) {
            *error =
                QCoreApplication::translate("Forms", "The object has no position in its file.");
        }
        return std::nullopt;
    }
    int endLine = firstLine; // 1-based, exclusive
    while (endLine <= lines.size() && !lines.at(endLine - 1).startsWith(QLatin1String("---")) &&
           !lines.at(endLine - 1).startsWith(QLatin1String("..."))) {
        ++endLine;
    }
    while (endLine - 1 > firstLine && isCommentOrBlank(lines.at(endLine - 2))) {
        --endLine;
    }
    const int from = starts.at(firstLine - 1);
    const int to = endLine - 1 < starts.size() ? starts.at(endLine - 1) : text.size();
    Yaml::EmitOptions options;
    options.keepStatus = true;
    options.canonicalOrder = false;
    QString emitted = QString::fromStdString(Yaml::emitDocument(object, options));
    if (emitted.startsWith(QLatin1String("---\n"))) {
        emitted.remove(0, 4);
    }
    if (emitted.endsWith(QLatin1String("...\n"))) {
        emitted.chop(4);
    }
    if (!emitted.endsWith(QLatin1Char('\n'))) {
        emitted += QLatin1Char('\n');
    }
    if (to == text.size() && !text.endsWith(QLatin1Char('\n'))) {
        emitted.chop(1);
    }
    TextEdit edit{from, to, emitted, TextEdit::Kind::Document};
    if (roundTrips(edit.apply(text), fileName, document, object)) {
        return edit;
    }
    if (error) {
        *error = QCoreApplication::translate(
            "Forms", "The edit could not be written as YAML that reads back the same.");
    }
    return std::nullopt;
}

} // namespace Torii::Gui
