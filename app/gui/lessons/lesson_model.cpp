#include "lesson_model.h"

#include "lesson_catalog.h"

namespace Torii::Gui {

LessonModel::LessonModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void LessonModel::setGuideFolder(const QString &folder)
{
    m_headings = LessonCatalog::headings(folder);
    retranslate();
}

void LessonModel::retranslate()
{
    if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    }
}

int LessonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(LessonCatalog::lessons().size());
}

QVariant LessonModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const Lesson &lesson = LessonCatalog::lessons()[std::size_t(index.row())];
    const QString heading = m_headings.value(lesson.blocks.value(0));
    switch (role) {
    case Qt::DisplayRole:
        //: Lessons list: the lesson's number and title.
        return tr("%1. %2").arg(index.row() + 1).arg(LessonCatalog::title(lesson));
    case Qt::ToolTipRole:
        return heading.isEmpty() ? lesson.blocks.join(QStringLiteral(", "))
                                 : QStringLiteral("%1 (%2)").arg(
                                       heading, lesson.blocks.join(QStringLiteral(", ")));
    case HeadingRole:
        return heading;
    case BlocksRole:
        return lesson.blocks;
    case IdRole:
        return QString::fromLatin1(lesson.id);
    }
    return {};
}

} // namespace Torii::Gui
