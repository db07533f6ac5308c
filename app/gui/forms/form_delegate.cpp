#include "form_delegate.h"

#include "form_model.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QSpinBox>

#include <limits>

namespace Torii::Gui {

namespace {

FormModel::FieldKind kindAt(const QModelIndex &index)
{
    return static_cast<FormModel::FieldKind>(index.data(FormModel::FieldKindRole).toInt());
}

} // namespace

QWidget *FormDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    if (index.column() != FormModel::ValueColumn) {
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    switch (kindAt(index)) {
    case FormModel::FieldKind::Enum: {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("enumEditor"));
        if (!index.data(FormModel::RequiredRole).toBool()) {
            combo->addItem(QString()); // not set: the default applies
        }
        combo->addItems(index.data(FormModel::EnumValuesRole).toStringList());
        return combo;
    }
    case FormModel::FieldKind::Integer: {
        auto *spin = new QSpinBox(parent);
        spin->setObjectName(QStringLiteral("integerEditor"));
        // Qt's spin box is int: the schema's int64 bounds are clamped to it.
        const QVariant min = index.data(FormModel::MinimumRole);
        const QVariant max = index.data(FormModel::MaximumRole);
        spin->setMinimum(min.isValid() ? static_cast<int>(std::max<double>(
                                             min.toDouble(), std::numeric_limits<int>::min()))
                                       : std::numeric_limits<int>::min());
        spin->setMaximum(max.isValid() ? static_cast<int>(std::min<double>(
                                             max.toDouble(), std::numeric_limits<int>::max()))
                                       : std::numeric_limits<int>::max());
        return spin;
    }
    case FormModel::FieldKind::Number: {
        auto *spin = new QDoubleSpinBox(parent);
        const QVariant min = index.data(FormModel::MinimumRole);
        const QVariant max = index.data(FormModel::MaximumRole);
        spin->setRange(min.isValid() ? min.toDouble() : -1e12,
                       max.isValid() ? max.toDouble() : 1e12);
        spin->setDecimals(3);
        return spin;
    }
    default: {
        auto *line = new QLineEdit(parent);
        line->setObjectName(QStringLiteral("stringEditor"));
        line->setPlaceholderText(index.data(FormModel::DefaultRole).toString());
        return line;
    }
    }
}

void FormDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int i = combo->findText(value.toString());
        combo->setCurrentIndex(i >= 0 ? i : 0);
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(value.toInt());
    } else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor)) {
        dspin->setValue(value.toDouble());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void FormDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText());
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        model->setData(index, static_cast<qlonglong>(spin->value()));
    } else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor)) {
        dspin->interpretText();
        model->setData(index, dspin->value());
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

} // namespace Torii::Gui
