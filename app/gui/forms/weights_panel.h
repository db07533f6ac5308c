#pragma once

// The weights of one rule's backendRefs as sliders, with the share of traffic each gets
// (weight / sum of weights; an absent weight counts as 1, as the API defines) and a bar of
// the resulting split. Moving a slider commits when it is released (or at once by keyboard).

#include "engine/model/node.h"

#include <QtWidgets/QWidget>

class QLabel;
class QSlider;
class QVBoxLayout;

namespace Torii::Gui {

class WeightsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WeightsPanel(QWidget *parent = nullptr);

    // `backendRefs` is the rule's list (null: nothing to show); `rulePath` like "spec.rules[0]".
    void setRule(const Model::Node *backendRefs, const QString &rulePath);
    QString rulePath() const { return m_rulePath; }
    int count() const { return static_cast<int>(m_sliders.size()); }
    QSlider *slider(int i) const { return m_sliders.value(i); }
    QString shareText(int i) const;
    void setReadOnly(bool readOnly);

Q_SIGNALS:
    // The weight of backendRefs[index] of the rule should become `weight`.
    void weightChanged(const QString &fieldPath, int weight);

private:
    void updateShares();

    QString m_rulePath;
    QLabel *m_title;
    QVBoxLayout *m_rows;
    QList<QSlider *> m_sliders;
    QList<QLabel *> m_shares;
    QStringList m_names;
    QWidget *m_bar;
    bool m_filling = false;
};

} // namespace Torii::Gui
