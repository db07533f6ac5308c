#pragma once

// The fields of one object as a tree model, built from its kind's CRD structural schema
// (engine/validation's SchemaBundle): every field the API defines, in the API's order with the
// required ones first, present or not; lists, maps (additionalProperties) and objects as
// branches, scalars as editable leaves. Columns: field, value, the field's validation message.
//
// The model never changes its object in place: an edit computes the object as it should read and
// emits objectEdited(); the owner writes it into the file and calls setObject() once it has.

#include "engine/model/node.h"

#include <QtCore/QAbstractItemModel>
#include <QtCore/QStringList>

#include <map>
#include <memory>
#include <string>

namespace Torii::Validation {
struct SchemaNode;
}

namespace Torii::Gui {

class FormModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { FieldColumn, ValueColumn, MessageColumn, ColumnCount };
    enum class FieldKind { Object, List, Map, String, Enum, Integer, Number, Boolean, Unknown };
    enum Role {
        FieldKindRole = Qt::UserRole + 1, // FieldKind as int
        EnumValuesRole,                   // QStringList
        MinimumRole,                      // qlonglong/double or invalid
        MaximumRole,
        FieldPathRole,   // "spec.rules[0].backendRefs[1].weight"
        PresentRole,     // bool: written in the object
        RequiredRole,    // bool
        DiagnosticRole,  // the field's validation message(s), "" when none
        DefaultRole,     // the schema's default, as text
        DescriptionRole, // the CRD's description of the field, trimmed to a tooltip's length
        TypeNameRole,    // the field's type as the API writes it (string, []object …)
        ConstraintsRole, // required, bounds, length, pattern: one per line
        SummaryRole,     // the description's first sentence, for a one-line help
    };

    explicit FormModel(QObject *parent = nullptr);
    ~FormModel() override;

    // `schema` is the root of the kind's schema (null: every field is shown untyped).
    void setObject(Model::Node object, const Validation::SchemaNode *schema);
    void clear();
    const Model::Node &object() const { return m_object; }
    bool hasObject() const { return m_root != nullptr; }
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    // The object as last written to the text, before the tree is rebuilt from it (which waits
    // for any open editor to finish): the next edit builds on it, so none is lost.
    void setWritten(Model::Node object) { m_latest = std::move(object); }

    // Messages by field path; a message whose field is not shown goes to its nearest shown parent.
    void setDiagnostics(std::multimap<std::string, QString> messages);
    QModelIndex indexForPath(const QString &fieldPath, int column = FieldColumn) const;

    // Structural edits (each emits objectEdited, or returns false when it does not apply).
    bool canAdd(const QModelIndex &index) const;
    bool addItem(
        const QModelIndex &index); // list: append an item; absent field: create it; map: add a key
    bool canRemove(const QModelIndex &index) const;
    bool removeItem(const QModelIndex &index); // a list item or an optional field
    bool canMove(const QModelIndex &index, int delta) const;
    bool moveItem(const QModelIndex &index, int delta);
    // Sets the value at a field path (must exist up to the parent); emits objectEdited.
    bool setValueAt(const QString &fieldPath, const Model::Node &value);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The node a schema builds for a new value: required fields filled, enums at their first value.
    static Model::Node defaultFor(const Validation::SchemaNode *schema);

Q_SIGNALS:
    void objectEdited(const Torii::Model::Node &object, const QString &fieldPath);

private:
    struct Item;
    Item *itemOf(const QModelIndex &index) const;
    void build(Item *item);
    QModelIndex indexOf(const Item *item, int column) const;
    FieldKind kindOf(const Item *item) const;
    Model::Node *locate(Model::Node &root, const Item *item) const; // null when absent
    Model::Node *locateParent(Model::Node &root, const Item *item) const;
    bool editValue(const Item *item, const QVariant &value);
    void refreshMessages(Item *item);

    Model::Node m_object; // what the tree shows
    Model::Node m_latest; // what the text holds
    const Validation::SchemaNode *m_schema = nullptr;
    std::unique_ptr<Item> m_root;
    std::multimap<std::string, QString> m_messages;
    bool m_readOnly = false;
};

} // namespace Torii::Gui
