#include "problems_model.h"

#include "app/gui/widgets/status_icons.h"

#include <QtCore/QDir>

namespace Torii::Gui {

ProblemsModel::ProblemsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProblemsModel::setDiagnostics(Core::Diagnostics diagnostics, const QString &root)
{
    beginResetModel();
    m_diagnostics = std::move(diagnostics);
    m_root = root;
    endResetModel();
}

int ProblemsModel::errorCount() const
{
    return Core::countOf(m_diagnostics, Core::Severity::Error);
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diagnostics.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const Core::Diagnostic &d = m_diagnostics[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SeverityColumn:
            return d.severity == Core::Severity::Error     ? tr("Error")
                   : d.severity == Core::Severity::Warning ? tr("Warning")
                                                           : tr("Note");
        case LocationColumn: {
            const QString file = m_root.isEmpty() ? QString::fromStdString(d.file)
                                                  : QDir(m_root).relativeFilePath(QString::fromStdString(d.file));
            return QStringLiteral("%1:%2:%3").arg(file).arg(d.line).arg(d.column);
        }
        case MessageColumn: {
            QString text = QString::fromStdString(d.localizedMessage());
            if (role == Qt::ToolTipRole && !d.fieldPath.empty()) {
                text += QStringLiteral("\n%1 [%2]").arg(QString::fromStdString(d.fieldPath),
                                                        QString::fromStdString(d.code));
            }
            return text;
        }
        case HintColumn:
            return QString::fromStdString(d.localizedHint());
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(severityIcon(d.severity)) : QVariant();
    case FileRole:
        return QString::fromStdString(d.file);
    case LineRole:
        return d.line;
    case ColumnRole:
        return d.column;
    case CodeRole:
        return QString::fromStdString(d.code);
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case LocationColumn:
        return tr("Location");
    case MessageColumn:
        return tr("Message");
    case HintColumn:
        return tr("Hint");
    }
    return {};
}

} // namespace Torii::Gui
