#pragma once

// Editors for FormModel's value column, chosen by the field's schema type: a combo box of the
// enum's values, a spin box bounded by the schema's minimum and maximum (ports, weights,
// timeouts in seconds), a line edit for strings. Booleans are the model's check boxes.

#include <QtWidgets/QStyledItemDelegate>

namespace Torii::Gui {

class FormDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

} // namespace Torii::Gui
