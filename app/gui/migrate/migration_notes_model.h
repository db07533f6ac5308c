#pragma once

// The Migrate view's notes (no widgets): what the converter could not map, guessed or maps with
// different behaviour, one row per note with its severity icon, message and source line:column.

#include "engine/core/diagnostic.h"

#include <QtCore/QAbstractTableModel>

namespace Torii::Gui {

class MigrationNotesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { MessageColumn, LineColumn, ColumnCount };
    enum Role { LineRole = Qt::UserRole + 1, ColumnRole, SeverityRole };

    explicit MigrationNotesModel(QObject *parent = nullptr);

    void setNotes(Core::Diagnostics notes);
    const Core::Diagnostics &notes() const { return m_notes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Core::Diagnostics m_notes;
};

} // namespace Torii::Gui
