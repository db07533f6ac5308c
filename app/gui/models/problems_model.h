#pragma once

// The Problems panel's table (no widgets): every diagnostic of the workspace, with severity,
// file:line:col (relative to the workspace root), message and hint in the user's language.

#include "engine/core/diagnostic.h"

#include <QtCore/QAbstractTableModel>

namespace Torii::Gui {

class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, LocationColumn, MessageColumn, HintColumn, ColumnCount };
    enum Role { FileRole = Qt::UserRole + 1, LineRole, ColumnRole, CodeRole };

    explicit ProblemsModel(QObject *parent = nullptr);

    void setDiagnostics(Core::Diagnostics diagnostics, const QString &root);
    const Core::Diagnostics &diagnostics() const { return m_diagnostics; }
    int errorCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Core::Diagnostics m_diagnostics;
    QString m_root;
};

} // namespace Torii::Gui
