#include "migration_notes_model.h"

#include "app/gui/widgets/status_icons.h"

namespace Torii::Gui {

MigrationNotesModel::MigrationNotesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MigrationNotesModel::setNotes(Core::Diagnostics notes)
{
    beginResetModel();
    m_notes = std::move(notes);
    endResetModel();
}

int MigrationNotesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_notes.size());
}

int MigrationNotesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationNotesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const Core::Diagnostic &note = m_notes[static_cast<std::size_t>(index.row())];
    switch (role) {
    case LineRole:
        return note.line;
    case ColumnRole:
        return note.column;
    case SeverityRole:
        return static_cast<int>(note.severity);
    default:
        break;
    }
    if (index.column() == MessageColumn) {
        if (role == Qt::DisplayRole) {
            return QString::fromStdString(note.localizedMessage());
        }
        if (role == Qt::ToolTipRole) {
            const QString hint = QString::fromStdString(note.localizedHint());
            const QString message = QString::fromStdString(note.localizedMessage());
            return hint.isEmpty() ? message : message + QStringLiteral("\n") + hint;
        }
        if (role == Qt::DecorationRole) {
            return severityIcon(note.severity);
        }
        if (role == Qt::AccessibleDescriptionRole) {
            return QString::fromLatin1(Core::severityName(note.severity));
        }
    } else if (index.column() == LineColumn && role == Qt::DisplayRole) {
        if (note.line <= 0) {
            return QString();
        }
        return note.column > 0 ? QStringLiteral("%1:%2").arg(note.line).arg(note.column)
                               : QString::number(note.line);
    }
    return {};
}

QVariant MigrationNotesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case MessageColumn:
        return tr("Note");
    case LineColumn:
        return tr("Source line");
    default:
        return {};
    }
}

} // namespace Torii::Gui
