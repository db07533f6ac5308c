#include "form_model.h"

#include "field_schema.h"

#include "app/gui/settings/palettes.h"
#include "engine/validation/schema.h"

#include <QtCore/QLocale>
#include <QtGui/QBrush>
#include <QtGui/QColor>
#include <QtGui/QFont>
#include <QtGui/QGuiApplication>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace Torii::Gui {

using Model::Node;
using Validation::SchemaNode;

namespace {

QString scalarText(const Node &node)
{
    if (node.isString()) {
        return QString::fromStdString(node.str());
    }
    return QString::fromStdString(node.asString());
}

} // namespace

struct FormModel::Item
{
    std::string key;    // map key (empty for list items and the root)
    int listIndex = -1; // index in the parent list
    const SchemaNode *schema = nullptr;
    const Node *node = nullptr; // null: not written
    Item *parent = nullptr;
    int row = 0;
    bool required = false;
    bool mapEntry = false; // a key of a free-form map (labels, options): the key is editable
    std::string path;
    QStringList messages;
    std::vector<std::unique_ptr<Item>> children;
};

FormModel::FormModel(QObject *parent)
    : QAbstractItemModel(parent)
{}
FormModel::~FormModel() = default;

void FormModel::clear()
{
    beginResetModel();
    m_root.reset();
    m_object = Node();
    m_latest = Node();
    m_schema = nullptr;
    endResetModel();
}

void FormModel::setObject(Node object, const SchemaNode *schema)
{
    beginResetModel();
    m_object = std::move(object);
    m_latest = m_object;
    m_schema = schema;
    m_root = std::make_unique<Item>();
    m_root->schema = schema;
    m_root->node = &m_object;
    build(m_root.get());
    refreshMessages(m_root.get());
    endResetModel();
}

FormModel::FieldKind FormModel::kindOf(const Item *item) const
{
    const SchemaNode *s = item->schema;
    if (!s || s->type == SchemaNode::Type::Any) {
        if (!item->node) {
            return FieldKind::Unknown;
        }
        switch (item->node->type()) {
        case Node::Type::Map:
            return FieldKind::Object;
        case Node::Type::List:
            return FieldKind::List;
        case Node::Type::Bool:
            return FieldKind::Boolean;
        case Node::Type::Int:
            return FieldKind::Integer;
        case Node::Type::Float:
            return FieldKind::Number;
        case Node::Type::String:
            return FieldKind::String;
        default:
            return FieldKind::Unknown;
        }
    }
    switch (s->type) {
    case SchemaNode::Type::Object:
        return s->additionalProperties && s->properties.empty() ? FieldKind::Map
                                                                : FieldKind::Object;
    case SchemaNode::Type::Array:
        return FieldKind::List;
    case SchemaNode::Type::String:
        return s->enumValues.empty() ? FieldKind::String : FieldKind::Enum;
    case SchemaNode::Type::Integer:
        return FieldKind::Integer;
    case SchemaNode::Type::Number:
        return FieldKind::Number;
    case SchemaNode::Type::Boolean:
        return FieldKind::Boolean;
    default:
        return FieldKind::Unknown;
    }
}

void FormModel::build(Item *item)
{
    const FieldKind kind = kindOf(item);
    const Node *node = item->node;
    auto add = [&](std::string key, int listIndex, const SchemaNode *schema, const Node *child) {
        auto c = std::make_unique<Item>();
        c->key = std::move(key);
        c->listIndex = listIndex;
        c->schema = schema;
        c->node = child;
        c->parent = item;
        c->row = static_cast<int>(item->children.size());
        if (listIndex >= 0) {
            c->path = item->path + "[" + std::to_string(listIndex) + "]";
        } else {
            c->path = item->path.empty() ? c->key : item->path + "." + c->key;
        }
        Item *raw = c.get();
        item->children.push_back(std::move(c));
        return raw;
    };
    if (kind == FieldKind::List && node && node->isList()) {
        const SchemaNode *itemSchema = item->schema ? item->schema->items.get() : nullptr;
        for (std::size_t i = 0; i < node->items().size(); ++i) {
            add({}, static_cast<int>(i), itemSchema, &node->items()[i]);
        }
    } else if (kind == FieldKind::Map && node && node->isMap()) {
        for (const Node::Entry &e : node->entries()) {
            add(e.key, -1, item->schema->additionalProperties.get(), &e.value)->mapEntry = true;
        }
    } else if (kind == FieldKind::Object && node && node->isMap()) {
        const SchemaNode *s = item->schema;
        const bool root = item == m_root.get();
        if (s && !s->properties.empty()) {
            // Required fields first (UX.md), except at the top: apiVersion, kind, metadata, spec.
            std::vector<const std::pair<std::string, std::unique_ptr<SchemaNode>> *> order;
            for (const auto &p : s->properties) {
                if (!root && std::find(s->required.begin(), s->required.end(), p.first) !=
                                 s->required.end()) {
                    order.push_back(&p);
                }
            }
            for (const auto &p : s->properties) {
                if (root || std::find(s->required.begin(), s->required.end(), p.first) ==
                                s->required.end()) {
                    order.push_back(&p);
                }
            }
            for (const auto *p : order) {
                const Node *child = node->find(p->first);
                if (root && p->first == "status" && !child) {
                    continue; // the controller's, not the author's
                }
                if (p->second->experimental && !child) {
                    continue; // not in the standard channel
                }
                const SchemaNode *childSchema = p->second.get();
                if (root && p->first == "metadata") {
                    childSchema = FieldSchema::metadataSchema();
                }
                Item *c = add(p->first, -1, childSchema, child);
                c->required = std::find(s->required.begin(), s->required.end(), p->first) !=
                              s->required.end();
            }
        }
        for (const Node::Entry &e : node->entries()) {
            if (!s || !s->property(e.key)) {
                add(e.key, -1, nullptr, &e.value);
            }
        }
    }
    for (auto &c : item->children) {
        build(c.get());
    }
}

void FormModel::setDiagnostics(std::multimap<std::string, QString> messages)
{
    m_messages = std::move(messages);
    if (!m_root) {
        return;
    }
    // Only the rows whose messages changed, and only their field and message columns: a value
    // being edited in a delegate must not be reset by a re-analysis arriving meanwhile.
    std::unordered_map<const Item *, QStringList> before;
    std::vector<Item *> stack{m_root.get()};
    while (!stack.empty()) {
        Item *i = stack.back();
        stack.pop_back();
        before[i] = i->messages;
        for (auto &c : i->children) {
            stack.push_back(c.get());
        }
    }
    refreshMessages(m_root.get());
    for (const auto &[item, messages] : before) {
        if (item != m_root.get() && item->messages != messages) {
            const QModelIndex field = indexOf(item, FieldColumn);
            Q_EMIT dataChanged(field, field);
            const QModelIndex message = indexOf(item, MessageColumn);
            Q_EMIT dataChanged(message, message);
        }
    }
}

void FormModel::refreshMessages(Item *root)
{
    std::unordered_map<std::string, Item *> byPath;
    std::vector<Item *> stack{root};
    while (!stack.empty()) {
        Item *i = stack.back();
        stack.pop_back();
        i->messages.clear();
        byPath[i->path] = i;
        for (auto &c : i->children) {
            stack.push_back(c.get());
        }
    }
    for (const auto &[path, message] : m_messages) {
        std::string p = path;
        while (true) {
            auto it = byPath.find(p);
            if (it != byPath.end()) {
                if (!it->second->messages.contains(message)) {
                    it->second->messages << message;
                }
                break;
            }
            const auto cut = p.find_last_of(".[");
            if (cut == std::string::npos) {
                root->messages << message;
                break;
            }
            p.resize(cut);
        }
    }
}

FormModel::Item *FormModel::itemOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Item *>(index.internalPointer()) : m_root.get();
}

QModelIndex FormModel::indexOf(const Item *item, int column) const
{
    if (!item || item == m_root.get()) {
        return {};
    }
    return createIndex(item->row, column, const_cast<Item *>(item));
}

QModelIndex FormModel::indexForPath(const QString &fieldPath, int column) const
{
    if (!m_root) {
        return {};
    }
    const std::string path = fieldPath.toStdString();
    std::vector<const Item *> stack{m_root.get()};
    while (!stack.empty()) {
        const Item *i = stack.back();
        stack.pop_back();
        if (i->path == path) {
            return indexOf(i, column);
        }
        for (const auto &c : i->children) {
            if (path.compare(0, c->path.size(), c->path) == 0) {
                stack.push_back(c.get());
            }
        }
    }
    return {};
}

QModelIndex FormModel::index(int row, int column, const QModelIndex &parent) const
{
    const Item *p = itemOf(parent);
    if (!p || row < 0 || column < 0 || column >= ColumnCount ||
        row >= static_cast<int>(p->children.size())) {
        return {};
    }
    return createIndex(row, column, p->children[static_cast<std::size_t>(row)].get());
}

QModelIndex FormModel::parent(const QModelIndex &child) const
{
    const Item *i = child.isValid() ? itemOf(child) : nullptr;
    return i ? indexOf(i->parent, 0) : QModelIndex();
}

int FormModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0) {
        return 0;
    }
    const Item *p = itemOf(parent);
    return p ? static_cast<int>(p->children.size()) : 0;
}

int FormModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FormModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case FieldColumn:
        return tr("Field");
    case ValueColumn:
        return tr("Value");
    case MessageColumn:
        return tr("Problem");
    }
    return {};
}

QVariant FormModel::data(const QModelIndex &index, int role) const
{
    const Item *item = index.isValid() ? itemOf(index) : nullptr;
    if (!item) {
        return {};
    }
    const FieldKind kind = kindOf(item);
    const SchemaNode *s = item->schema;
    const Node *node = item->node;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == FieldColumn) {
            if (item->listIndex < 0) {
                return QString::fromStdString(item->key);
            }
            QString label = QStringLiteral("[%1]").arg(item->listIndex);
            if (node && node->isMap()) {
                for (const char *key : {"name", "type", "protocol", "hostname"}) {
                    if (const Node *v = node->find(key); v && v->isScalar()) {
                        return label + QLatin1Char(' ') + scalarText(*v);
                    }
                }
            } else if (node && node->isScalar()) {
                return label + QLatin1Char(' ') + scalarText(*node);
            }
            return label;
        }
        if (index.column() == ValueColumn) {
            if (!node) {
                if (s && s->defaultValue) {
                    const QString value = scalarText(*s->defaultValue);
                    return tr("default: %1").arg(value.isEmpty() ? QStringLiteral("\"\"") : value);
                }
                return (kind == FieldKind::Object || kind == FieldKind::List ||
                        kind == FieldKind::Map)
                           ? tr("(not set)")
                           : QString();
            }
            if (kind == FieldKind::Boolean) {
                return node->asBool() ? QStringLiteral("true") : QStringLiteral("false");
            }
            if (node->isList()) {
                return tr("%n item(s)", nullptr, static_cast<int>(node->items().size()));
            }
            if (node->isMap()) {
                return kind == FieldKind::Map
                           ? tr("%n key(s)", nullptr, static_cast<int>(node->entries().size()))
                           : QString();
            }
            return scalarText(*node);
        }
        if (index.column() == MessageColumn && !item->messages.isEmpty()) {
            return QStringLiteral("✕ ") + item->messages.join(QStringLiteral(" · "));
        }
        return {};
    case Qt::EditRole:
        if (index.column() == FieldColumn) {
            return QString::fromStdString(item->key);
        }
        if (index.column() == ValueColumn && node && node->isScalar()) {
            if (kind == FieldKind::Integer) {
                return static_cast<qlonglong>(node->asInt());
            }
            if (kind == FieldKind::Number) {
                return node->asDouble();
            }
            return scalarText(*node);
        }
        return index.column() == ValueColumn ? QVariant(QString()) : QVariant();
    case Qt::CheckStateRole:
        if (index.column() == ValueColumn && kind == FieldKind::Boolean) {
            return node && node->asBool() ? Qt::Checked : Qt::Unchecked;
        }
        return {};
    case Qt::ForegroundRole:
        // From the application's palette, so the light and dark themes both read well.
        if (index.column() == MessageColumn) {
            return QBrush(errorColor(QGuiApplication::palette()));
        }
        if (!node) {
            return QBrush(QGuiApplication::palette().color(QPalette::PlaceholderText));
        }
        return {};
    case Qt::FontRole:
        if (index.column() == FieldColumn && item->required) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (index.column() == ValueColumn && !node && s && s->defaultValue) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
    case ConstraintsRole: {
        QStringList lines;
        if (role == Qt::ToolTipRole) {
            lines << QString::fromStdString(item->path);
            if (const QString about = FieldSchema::description(s); !about.isEmpty()) {
                lines << FieldSchema::wrapped(about);
            }
        }
        if (item->required) {
            lines << tr("Required");
        }
        if (s && (s->minimum || s->maximum)) {
            auto bound = [](const std::optional<double> &v) {
                return !v ? QStringLiteral("…")
                          : QLocale().toString(*v, 'f', *v == std::floor(*v) ? 0 : 3);
            };
            lines << tr("From %1 to %2").arg(bound(s->minimum), bound(s->maximum));
        }
        if (s && s->maxLength) {
            lines << tr("At most %n character(s)", nullptr, static_cast<int>(*s->maxLength));
        }
        if (s && !s->pattern.empty()) {
            lines << tr("Pattern: %1").arg(QString::fromStdString(s->pattern));
        }
        if (role == Qt::ToolTipRole) {
            lines << item->messages;
        }
        return lines.join(QLatin1Char('\n'));
    }
    case FieldKindRole:
        return static_cast<int>(kind);
    case EnumValuesRole: {
        QStringList values;
        if (s) {
            for (const Node &v : s->enumValues) {
                values << scalarText(v);
            }
        }
        return values;
    }
    case MinimumRole:
        return s && s->minimum ? QVariant(*s->minimum) : QVariant();
    case MaximumRole:
        return s && s->maximum ? QVariant(*s->maximum) : QVariant();
    case FieldPathRole:
        return QString::fromStdString(item->path);
    case PresentRole:
        return node != nullptr;
    case RequiredRole:
        return item->required;
    case DiagnosticRole:
        return item->messages.join(QLatin1Char('\n'));
    case DefaultRole:
        return s && s->defaultValue ? scalarText(*s->defaultValue) : QString();
    case DescriptionRole:
        return FieldSchema::description(s);
    case SummaryRole:
        return FieldSchema::firstSentence(s, 160);
    case TypeNameRole:
        return s ? FieldSchema::typeName(s) : QString();
    }
    return {};
}

Qt::ItemFlags FormModel::flags(const QModelIndex &index) const
{
    const Item *item = index.isValid() ? itemOf(index) : nullptr;
    if (!item) {
        return {};
    }
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_readOnly) {
        return f;
    }
    const FieldKind kind = kindOf(item);
    if (index.column() == ValueColumn) {
        if (kind == FieldKind::Boolean) {
            f |= Qt::ItemIsUserCheckable;
        } else if (kind != FieldKind::Object && kind != FieldKind::List && kind != FieldKind::Map &&
                   (!item->node || item->node->isScalar())) {
            f |= Qt::ItemIsEditable;
        }
    } else if (index.column() == FieldColumn && item->mapEntry) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

Node *FormModel::locate(Node &root, const Item *item) const
{
    std::vector<const Item *> chain;
    for (const Item *i = item; i && i != m_root.get(); i = i->parent) {
        chain.push_back(i);
    }
    Node *n = &root;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if ((*it)->listIndex >= 0) {
            if (!n->isList() || (*it)->listIndex >= static_cast<int>(n->items().size())) {
                return nullptr;
            }
            n = &n->items()[static_cast<std::size_t>((*it)->listIndex)];
        } else {
            n = n->isMap() ? n->find((*it)->key) : nullptr;
            if (!n) {
                return nullptr;
            }
        }
    }
    return n;
}

Node *FormModel::locateParent(Node &root, const Item *item) const
{
    return item->parent ? locate(root, item->parent) : nullptr;
}

namespace {

bool putInto(Node &parent, const std::string &key, int listIndex, Node value)
{
    if (listIndex >= 0) {
        if (!parent.isList() || listIndex >= static_cast<int>(parent.items().size())) {
            return false;
        }
        parent.items()[static_cast<std::size_t>(listIndex)] = std::move(value);
        return true;
    }
    if (!parent.isMap()) {
        return false;
    }
    parent.set(key, std::move(value));
    return true;
}

} // namespace

bool FormModel::editValue(const Item *item, const QVariant &value)
{
    Node edited = m_latest;
    Node *parent = locateParent(edited, item);
    if (!parent) {
        return false;
    }
    const FieldKind kind = kindOf(item);
    Node node;
    if (kind == FieldKind::Boolean) {
        node = Node::boolean(value.typeId() == QMetaType::Bool ? value.toBool()
                                                               : value.toInt() == Qt::Checked);
    } else if (kind == FieldKind::Integer) {
        bool ok = false;
        const qlonglong v = value.toLongLong(&ok);
        if (!ok) {
            return false;
        }
        node = Node::integer(v);
    } else if (kind == FieldKind::Number) {
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok) {
            return false;
        }
        node = Node::floating(v);
    } else {
        const QString text = value.toString();
        if (text.isEmpty() && !item->required && item->listIndex < 0 && !item->mapEntry) {
            // Clearing an optional field removes it (its default applies again).
            if (!item->node) {
                return false;
            }
            parent->remove(item->key);
            Q_EMIT objectEdited(edited, QString::fromStdString(item->path));
            return true;
        }
        node = Node::string(text.toStdString());
    }
    if (item->node && item->node->equals(node) && item->node->type() == node.type()) {
        return false;
    }
    if (!putInto(*parent, item->key, item->listIndex, std::move(node))) {
        return false;
    }
    Q_EMIT objectEdited(edited, QString::fromStdString(item->path));
    return true;
}

bool FormModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Item *item = index.isValid() ? itemOf(index) : nullptr;
    if (!item || m_readOnly) {
        return false;
    }
    if (index.column() == ValueColumn && (role == Qt::EditRole || role == Qt::CheckStateRole)) {
        return editValue(item, value);
    }
    if (index.column() == FieldColumn && role == Qt::EditRole && item->mapEntry) {
        const std::string key = value.toString().toStdString();
        Node edited = m_latest;
        Node *parent = locateParent(edited, item);
        if (key.empty() || key == item->key || !parent || parent->has(key)) {
            return false;
        }
        for (Node::Entry &e : parent->entries()) {
            if (e.key == item->key) {
                e.key = key;
            }
        }
        Q_EMIT objectEdited(edited, QString::fromStdString(item->parent->path + "." + key));
        return true;
    }
    return false;
}

bool FormModel::setValueAt(const QString &fieldPath, const Node &value)
{
    const QModelIndex i = indexForPath(fieldPath);
    const Item *item = i.isValid() ? itemOf(i) : nullptr;
    if (!item || m_readOnly) {
        return false;
    }
    Node edited = m_latest;
    Node *parent = locateParent(edited, item);
    if (!parent || !putInto(*parent, item->key, item->listIndex, value)) {
        return false;
    }
    Q_EMIT objectEdited(edited, fieldPath);
    return true;
}

Node FormModel::defaultFor(const SchemaNode *schema)
{
    if (!schema) {
        return Node::string({});
    }
    if (schema->defaultValue && schema->type != SchemaNode::Type::Object) {
        return *schema->defaultValue;
    }
    switch (schema->type) {
    case SchemaNode::Type::Object: {
        Node map = Node::map();
        for (const std::string &key : schema->required) {
            map.set(key, defaultFor(schema->property(key)));
        }
        return map;
    }
    case SchemaNode::Type::Array:
        return Node::list();
    case SchemaNode::Type::Integer:
        return Node::integer(schema->minimum ? static_cast<std::int64_t>(*schema->minimum) : 0);
    case SchemaNode::Type::Number:
        return Node::floating(schema->minimum ? *schema->minimum : 0.0);
    case SchemaNode::Type::Boolean:
        return Node::boolean(false);
    case SchemaNode::Type::String:
        return schema->enumValues.empty() ? Node::string({}) : schema->enumValues.front();
    default:
        return Node::string({});
    }
}

bool FormModel::canAdd(const QModelIndex &index) const
{
    const Item *item = index.isValid() ? itemOf(index) : nullptr;
    if (!item || m_readOnly) {
        return false;
    }
    const FieldKind kind = kindOf(item);
    return kind == FieldKind::List || kind == FieldKind::Map ||
           (kind == FieldKind::Object && !item->node);
}

bool FormModel::addItem(const QModelIndex &index)
{
    if (!canAdd(index)) {
        return false;
    }
    const Item *item = itemOf(index);
    const FieldKind kind = kindOf(item);
    Node edited = m_latest;
    Node *target = locate(edited, item);
    QString path = QString::fromStdString(item->path);
    if (!target) {
        Node *parent = locateParent(edited, item);
        if (!parent) {
            return false;
        }
        Node fresh = kind == FieldKind::List  ? Node::list()
                     : kind == FieldKind::Map ? Node::map()
                                              : defaultFor(item->schema);
        if (!putInto(*parent, item->key, item->listIndex, std::move(fresh))) {
            return false;
        }
        target = locate(edited, item);
        if (kind == FieldKind::Object) {
            Q_EMIT objectEdited(edited, path);
            return true;
        }
    }
    if (kind == FieldKind::List) {
        target->append(defaultFor(item->schema ? item->schema->items.get() : nullptr));
        path += QStringLiteral("[%1]").arg(target->items().size() - 1);
    } else if (kind == FieldKind::Map) {
        std::string key = "key";
        for (int n = 2; target->has(key); ++n) {
            key = "key-" + std::to_string(n);
        }
        target->set(key, Node::string({}));
        path += QLatin1Char('.') + QString::fromStdString(key);
    }
    Q_EMIT objectEdited(edited, path);
    return true;
}

bool FormModel::canRemove(const QModelIndex &index) const
{
    const Item *item = index.isValid() ? itemOf(index) : nullptr;
    return item && !m_readOnly && item->node && item->parent &&
           (item->listIndex >= 0 || item->mapEntry || !item->required);
}

bool FormModel::removeItem(const QModelIndex &index)
{
    if (!canRemove(index)) {
        return false;
    }
    const Item *item = itemOf(index);
    Node edited = m_latest;
    Node *parent = locateParent(edited, item);
    if (!parent) {
        return false;
    }
    if (item->listIndex >= 0) {
        parent->items().erase(parent->items().begin() + item->listIndex);
    } else {
        parent->remove(item->key);
    }
    Q_EMIT objectEdited(edited, QString::fromStdString(item->parent->path));
    return true;
}

bool FormModel::canMove(const QModelIndex &index, int delta) const
{
    const Item *item = index.isValid() ? itemOf(index) : nullptr;
    if (!item || m_readOnly || item->listIndex < 0 || !item->parent || !item->parent->node) {
        return false;
    }
    const int to = item->listIndex + delta;
    return to >= 0 && to < static_cast<int>(item->parent->node->items().size());
}

bool FormModel::moveItem(const QModelIndex &index, int delta)
{
    if (!canMove(index, delta)) {
        return false;
    }
    const Item *item = itemOf(index);
    Node edited = m_latest;
    Node *parent = locateParent(edited, item);
    if (!parent || !parent->isList()) {
        return false;
    }
    std::swap(parent->items()[static_cast<std::size_t>(item->listIndex)],
              parent->items()[static_cast<std::size_t>(item->listIndex + delta)]);
    Q_EMIT objectEdited(edited,
                        QString::fromStdString(item->parent->path + "[" +
                                               std::to_string(item->listIndex + delta) + "]"));
    return true;
}

} // namespace Torii::Gui
