#pragma once

// The findings of a lesson as a table: severity (icon) and object, what was found (the
// controller's condition or the diagnostic's message, the shell command), and a sentence that
// explains it in the user's language — the reason of a condition mapped to what it means for
// the guide's example (explanationOf), a diagnostic's own hint, what a shell command checks and
// the Torii equivalent; what "Complete the example" changes so a route attaches, with its
// condition before and after. A borrowed finding (of a context block) says which block and
// lesson it comes from. Texts are made when shown, so a language change needs no new analysis.
//
// Thread: GUI thread.

#include "lesson_analysis.h"

#include <QtCore/QAbstractTableModel>

namespace Torii::Gui {

class LessonFindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ObjectColumn, MessageColumn, ExplanationColumn, ColumnCount };
    // BorrowedRole: the context block a borrowed finding comes from ("07.yaml"), else empty.
    enum Role { ReasonRole = Qt::UserRole + 1, LineRole, FileRole, BorrowedRole };

    explicit LessonFindingsModel(QObject *parent = nullptr);

    void setFindings(std::vector<LessonFinding> findings);
    const std::vector<LessonFinding> &findings() const { return m_findings; }

    // One line for the finding ("Accepted: False (BackendNotFound) — …") and its explanation.
    static QString messageOf(const LessonFinding &finding);
    static QString explanationOf(const LessonFinding &finding);
    // Where on the object the finding is ("parent gateway-system/gw, listener https"), in the
    // user's language; empty for the object itself.
    static QString whereOf(const LessonFinding &finding);
    // Kind::Completion: what "Complete the example" changed and why, in a sentence.
    static QString fixOf(const LessonFinding &finding);
    // A borrowed finding: "from 07.yaml (lesson “Gateway: the network entry point”)".
    static QString borrowedNote(const LessonFinding &finding);
    // What a condition's reason means, in a sentence (empty when the reason is not one we know).
    static QString reasonExplanation(const QString &reason);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<LessonFinding> m_findings;
};

} // namespace Torii::Gui
