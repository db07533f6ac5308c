#pragma once

// The lesson list of the Lessons view: one row per lesson of the catalog, its title in the
// user's language (DisplayRole), the guide's own heading of its first block (HeadingRole, from
// the guide folder's INDEX.md) and its block files (BlocksRole).
//
// Thread: GUI thread.

#include <QtCore/QAbstractListModel>
#include <QtCore/QMap>

namespace Torii::Gui {

class LessonModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { HeadingRole = Qt::UserRole + 1, BlocksRole, IdRole };

    explicit LessonModel(QObject *parent = nullptr);

    // The guide folder whose INDEX.md gives the headings (empty: none).
    void setGuideFolder(const QString &folder);
    // Titles are translated when shown: after a language change, views repaint from here.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QMap<QString, QString> m_headings;
};

} // namespace Torii::Gui
