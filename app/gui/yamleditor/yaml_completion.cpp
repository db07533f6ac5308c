#include "yaml_completion.h"

#include "app/gui/forms/field_schema.h"
#include "engine/validation/schema.h"

#include <QtCore/QRegularExpression>
#include <QtGui/QTextBlock>
#include <QtGui/QTextDocument>

#include <algorithm>
#include <vector>

namespace Torii::Gui {

using Validation::SchemaNode;

namespace {

// The structure of one line: its indentation, its list item dashes, its key and inline value.
struct LineShape
{
    bool content = false; // neither blank nor only a comment
    int indent = 0;
    QList<int> dashes;  // the columns of "- " item markers
    int bodyColumn = 0; // after the indentation and the dashes
    int keyColumn = -1;
    QString key;
    QString value; // after "key:", without its comment
};

const QRegularExpression &keyPattern()
{
    // A plain or quoted key, then ":" and a space or the end of the line.
    static const QRegularExpression re(
        QStringLiteral(R"(^("[^"]*"|'[^']*'|[^\s#'"{\[\]},&*!|>%@`][^#]*?)\s*:(?=\s|$)(.*)$)"));
    return re;
}

QString unquoted(const QString &key)
{
    if (key.size() >= 2 && (key.front() == QLatin1Char('"') || key.front() == QLatin1Char('\'')) &&
        key.back() == key.front()) {
        return key.mid(1, key.size() - 2);
    }
    return key;
}

// Leading spaces and "- " markers; what follows starts at bodyColumn.
void readIndentAndDashes(const QString &text, LineShape &shape)
{
    int i = 0;
    while (i < text.size() && text[i] == QLatin1Char(' ')) {
        ++i;
    }
    shape.indent = i;
    while (i < text.size() && text[i] == QLatin1Char('-') &&
           (i + 1 == text.size() || text[i + 1] == QLatin1Char(' '))) {
        shape.dashes << i;
        ++i;
        while (i < text.size() && text[i] == QLatin1Char(' ')) {
            ++i;
        }
    }
    shape.bodyColumn = i;
}

LineShape shapeOf(const QString &text)
{
    LineShape shape;
    readIndentAndDashes(text, shape);
    const QString body = text.mid(shape.bodyColumn);
    shape.content = !shape.dashes.isEmpty() ||
                    (!body.trimmed().isEmpty() && !body.startsWith(QLatin1Char('#')));
    if (body.isEmpty() || body.startsWith(QLatin1Char('#'))) {
        return shape;
    }
    const QRegularExpressionMatch m = keyPattern().match(body);
    if (m.hasMatch()) {
        shape.keyColumn = shape.bodyColumn;
        shape.key = unquoted(m.captured(1).trimmed());
        QString value = m.captured(2).trimmed();
        if (value.startsWith(QLatin1Char('#'))) {
            value.clear();
        } else if (const int comment = value.indexOf(QLatin1String(" #")); comment >= 0) {
            value.truncate(comment);
        }
        shape.value = value.trimmed();
    }
    return shape;
}

bool isDocumentMarker(const QString &text)
{
    return (text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("..."))) &&
           (text.size() == 3 || text[3].isSpace());
}

bool isBlockScalarIndicator(const QString &value)
{
    static const QRegularExpression re(QStringLiteral(R"(^[|>][-+0-9]*$)"));
    return re.match(value).hasMatch();
}

// One open node on the way from the document's root to the cursor.
struct Frame
{
    int column;
    bool item; // a list item ("- "), else a key
    QString key;
    int block; // the block number of its line
};

// Pops what a "- " at `column` closes: deeper nodes and the previous item of the same list (a key
// at the same column stays: it holds a list written without indentation).
void popForItem(std::vector<Frame> &stack, int column)
{
    while (!stack.empty() &&
           (stack.back().column > column || (stack.back().column == column && stack.back().item))) {
        stack.pop_back();
    }
}

// Pops what a key at `column` closes: deeper nodes and its siblings (keys, or a list written
// without indentation under the previous key).
void popForKey(std::vector<Frame> &stack, int column)
{
    while (!stack.empty() && stack.back().column >= column) {
        stack.pop_back();
    }
}

// Follows the frames down the schema; null when the path leaves it.
const SchemaNode *walk(const SchemaNode *root, const std::vector<Frame> &frames)
{
    const SchemaNode *s = root;
    bool atRoot = true;
    for (const Frame &f : frames) {
        if (!s) {
            return nullptr;
        }
        if (f.item) {
            s = s->type == SchemaNode::Type::Array ? s->items.get() : nullptr;
        } else {
            s = FieldSchema::childSchema(s, f.key.toStdString(), atRoot);
        }
        atRoot = false;
    }
    return s;
}

QString scalarText(const Model::Node &node)
{
    return QString::fromStdString(node.isString() ? node.str() : node.asString());
}

} // namespace

YamlCompletionContext yamlCompletionContext(const QTextDocument *document, int position)
{
    YamlCompletionContext ctx;
    const QTextBlock cursorBlock = document->findBlock(position);
    if (!cursorBlock.isValid() || isDocumentMarker(cursorBlock.text())) {
        return ctx;
    }
    // A document longer than this (a kind: List of a whole cluster) is not read on each
    // keystroke: its reading would make typing stutter (tens of ms at 14,000 lines).
    constexpr int kMaxDocumentLines = 3000;
    QTextBlock first = cursorBlock;
    while (first.previous().isValid() && !isDocumentMarker(first.previous().text())) {
        first = first.previous();
        if (cursorBlock.blockNumber() - first.blockNumber() > kMaxDocumentLines) {
            return ctx;
        }
    }
    QTextBlock last = cursorBlock;
    while (last.next().isValid() && !isDocumentMarker(last.next().text())) {
        last = last.next();
        if (last.blockNumber() - first.blockNumber() > kMaxDocumentLines) {
            return ctx;
        }
    }
    // The object's apiVersion and kind, wherever they are in its document.
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        if (b != cursorBlock) {
            const LineShape shape = shapeOf(b.text());
            if (shape.keyColumn == 0 && shape.dashes.isEmpty()) {
                if (shape.key == QLatin1String("apiVersion")) {
                    ctx.apiVersion = unquoted(shape.value);
                } else if (shape.key == QLatin1String("kind")) {
                    ctx.objectKind = unquoted(shape.value);
                }
            }
        }
        if (b == last) {
            break;
        }
    }

    // The open nodes above the cursor's line.
    std::vector<Frame> stack;
    int blockScalarColumn = -1; // inside a block scalar (|, >) of a key at this column
    for (QTextBlock b = first; b.isValid() && b != cursorBlock; b = b.next()) {
        const LineShape shape = shapeOf(b.text());
        if (!shape.content) {
            continue;
        }
        if (blockScalarColumn >= 0) {
            if (shape.indent > blockScalarColumn) {
                continue;
            }
            blockScalarColumn = -1;
        }
        for (int d : shape.dashes) {
            popForItem(stack, d);
            stack.push_back({d, true, {}, b.blockNumber()});
        }
        if (shape.keyColumn >= 0) {
            popForKey(stack, shape.keyColumn);
            stack.push_back({shape.keyColumn, false, shape.key, b.blockNumber()});
            if (isBlockScalarIndicator(shape.value)) {
                blockScalarColumn = shape.keyColumn;
            }
        }
    }

    // The cursor's line, up to the cursor.
    const QString before = cursorBlock.text().left(position - cursorBlock.position());
    LineShape line;
    readIndentAndDashes(before, line);
    if (blockScalarColumn >= 0 && line.indent > blockScalarColumn) {
        return ctx; // text of a block scalar
    }
    for (int d : line.dashes) {
        popForItem(stack, d);
        stack.push_back({d, true, {}, cursorBlock.blockNumber()});
    }
    const QString rest = before.mid(line.bodyColumn);
    static const QRegularExpression keyPrefix(QStringLiteral(R"(^[A-Za-z0-9_.\-/]*$)"));
    static const QRegularExpression valuePrefix(
        QStringLiteral(R"(^("[^"]*"|'[^']*'|[A-Za-z0-9_.\-/]+)\s*:\s+["']?([^\s"'#]*)$)"));
    const SchemaNode *root =
        FieldSchema::rootSchemaFor(ctx.apiVersion.toStdString(), ctx.objectKind.toStdString());
    if (keyPrefix.match(rest).hasMatch()) {
        ctx.kind = YamlCompletionContext::Kind::Key;
        ctx.keyColumn = line.bodyColumn;
        popForKey(stack, ctx.keyColumn);
        ctx.prefix = rest;
        ctx.prefixStart = cursorBlock.position() + line.bodyColumn;
        ctx.schema = walk(root, stack);
        ctx.atRoot = stack.empty();
        for (const Frame &f : stack) {
            ctx.path << (f.item ? QStringLiteral("[]") : f.key);
        }
        // The keys the mapping already has: from its opening line to where it ends.
        QTextBlock b = first;
        int openingBlock = -1;
        if (!stack.empty()) {
            openingBlock = stack.back().block;
            b = document->findBlockByNumber(openingBlock);
            if (!stack.back().item) {
                b = b.next();
            }
        }
        blockScalarColumn = -1;
        for (; b.isValid(); b = b.next()) {
            if (b != cursorBlock) {
                const LineShape shape = shapeOf(b.text());
                const bool opening = b.blockNumber() == openingBlock;
                if (shape.content && (blockScalarColumn < 0 || shape.indent <= blockScalarColumn)) {
                    blockScalarColumn = -1;
                    if (!opening && shape.indent < ctx.keyColumn) {
                        break;
                    }
                    if (shape.keyColumn == ctx.keyColumn && (opening || shape.dashes.isEmpty())) {
                        ctx.presentKeys.insert(shape.key);
                    }
                    if (shape.keyColumn >= 0 && isBlockScalarIndicator(shape.value)) {
                        blockScalarColumn = shape.keyColumn;
                    }
                }
            }
            if (b == last) {
                break;
            }
        }
        return ctx;
    }
    const QRegularExpressionMatch value = valuePrefix.match(rest);
    if (value.hasMatch()) {
        ctx.kind = YamlCompletionContext::Kind::Value;
        ctx.keyColumn = line.bodyColumn;
        popForKey(stack, ctx.keyColumn);
        ctx.atRoot = stack.empty();
        stack.push_back(
            {ctx.keyColumn, false, unquoted(value.captured(1)), cursorBlock.blockNumber()});
        ctx.prefix = value.captured(2);
        ctx.prefixStart = cursorBlock.position() + line.bodyColumn + value.capturedStart(2);
        ctx.schema = walk(root, stack);
        for (const Frame &f : stack) {
            ctx.path << (f.item ? QStringLiteral("[]") : f.key);
        }
    }
    return ctx;
}

QList<YamlCompletionItem> yamlCompletions(const YamlCompletionContext &ctx)
{
    QList<YamlCompletionItem> items;
    const SchemaNode *s = ctx.schema;
    if (ctx.kind == YamlCompletionContext::Kind::Key) {
        if (!s || s->type != SchemaNode::Type::Object) {
            return items;
        }
        const QString indent(ctx.keyColumn, QLatin1Char(' '));
        for (const auto &[name, child] : s->properties) {
            const QString key = QString::fromStdString(name);
            // The standard channel's fields (as the form shows them); status is the controller's.
            if (child->experimental || ctx.presentKeys.contains(key) ||
                (ctx.atRoot && key == QLatin1String("status"))) {
                continue;
            }
            const SchemaNode *field = FieldSchema::childSchema(s, name, ctx.atRoot);
            QString insertion = key + QStringLiteral(": ");
            if (field && field->type == SchemaNode::Type::Array) {
                insertion = key + QStringLiteral(":\n") + indent + QStringLiteral("- ");
            } else if (field && field->type == SchemaNode::Type::Object) {
                insertion = key + QStringLiteral(":\n") + indent + QStringLiteral("  ");
            }
            items.append(
                {key, insertion, FieldSchema::typeName(field), FieldSchema::firstSentence(field)});
        }
        return items;
    }
    if (ctx.kind != YamlCompletionContext::Kind::Value) {
        return items;
    }
    const QString field = ctx.path.isEmpty() ? QString() : ctx.path.back();
    if (ctx.atRoot && (field == QLatin1String("kind") || field == QLatin1String("apiVersion"))) {
        // The kinds the bundle knows, and the apiVersions of the document's kind (or all).
        QSet<QString> seen;
        for (const auto &k : Validation::SchemaBundle::instance().kinds()) {
            if (!k->standard) {
                continue;
            }
            const QString kind = QString::fromStdString(k->kind);
            for (const auto &[name, version] : k->versions) {
                if (!version.servedStandard) {
                    continue;
                }
                const QString text = field == QLatin1String("kind")
                                         ? kind
                                         : QString::fromStdString(k->group + "/" + name);
                if ((field == QLatin1String("apiVersion") && !ctx.objectKind.isEmpty() &&
                     kind != ctx.objectKind) ||
                    seen.contains(text)) {
                    continue;
                }
                seen.insert(text);
                items.append({text, text,
                              field == QLatin1String("kind") ? QStringLiteral("kind")
                                                             : QStringLiteral("apiVersion"),
                              FieldSchema::firstSentence(version.root.get())});
            }
        }
        return items;
    }
    if (!s) {
        return items;
    }
    const QString type = FieldSchema::typeName(s);
    const QString about = FieldSchema::firstSentence(s);
    if (!s->enumValues.empty()) {
        for (const Model::Node &v : s->enumValues) {
            const QString text = scalarText(v);
            if (std::find(s->experimentalEnumValues.begin(), s->experimentalEnumValues.end(),
                          text.toStdString()) == s->experimentalEnumValues.end()) {
                items.append({text, text, type, about});
            }
        }
    } else if (s->type == SchemaNode::Type::Boolean) {
        items.append({QStringLiteral("true"), QStringLiteral("true"), type, about});
        items.append({QStringLiteral("false"), QStringLiteral("false"), type, about});
    }
    return items;
}

} // namespace Torii::Gui
