#include "weights_panel.h"

#include <QtGui/QPainter>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QSlider>

namespace Torii::Gui {

namespace {

// One bar split into each backend's share, labelled with the percentages.
class ShareBar : public QWidget
{
public:
    explicit ShareBar(QWidget *parent)
        : QWidget(parent)
    {
        setMinimumHeight(20);
    }
    QList<int> weights;
    QStringList names;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        const QRect r = rect().adjusted(0, 0, -1, -1);
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(r);
        int sum = 0;
        for (int w : weights) {
            sum += w;
        }
        if (sum <= 0) {
            return;
        }
        static const QColor colours[] = {QColor(0x35, 0x84, 0xe4), QColor(0xe6, 0x61, 0x00),
                                         QColor(0x26, 0xa2, 0x69), QColor(0x91, 0x41, 0xac),
                                         QColor(0xc6, 0x46, 0x00), QColor(0x98, 0x6a, 0x44)};
        double x = r.left() + 1;
        for (int i = 0; i < weights.size(); ++i) {
            const double width = (r.width() - 1) * weights[i] / double(sum);
            const QRectF part(x, r.top() + 1, width, r.height() - 1);
            p.fillRect(part, colours[i % 6]);
            p.setPen(Qt::white);
            const QString text = QStringLiteral("%1 %2 %")
                                     .arg(names.value(i))
                                     .arg(100.0 * weights[i] / sum, 0, 'f', 1);
            if (p.fontMetrics().horizontalAdvance(text) < width - 4) {
                p.drawText(part, Qt::AlignCenter, text);
            }
            x += width;
        }
    }
};

} // namespace

WeightsPanel::WeightsPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_rows(new QVBoxLayout)
    , m_bar(new ShareBar(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(m_rows);
    layout->addWidget(m_bar);
    hide();
}

void WeightsPanel::setRule(const Model::Node *backendRefs, const QString &rulePath)
{
    m_filling = true;
    // The same backends again (an edit read back): new values, same sliders, so a drag or the
    // keyboard focus is not lost.
    if (backendRefs && backendRefs->isList() && rulePath == m_rulePath &&
        static_cast<int>(backendRefs->items().size()) == m_sliders.size() && !m_sliders.isEmpty()) {
        bool same = true;
        for (std::size_t i = 0; i < backendRefs->items().size(); ++i) {
            same = same && QString::fromStdString(backendRefs->items()[i]["name"].asString()) ==
                               m_names[int(i)];
        }
        if (same) {
            for (std::size_t i = 0; i < backendRefs->items().size(); ++i) {
                const Model::Node *w = backendRefs->items()[i].find("weight");
                if (!m_sliders[int(i)]->isSliderDown()) {
                    m_sliders[int(i)]->setValue(w ? static_cast<int>(w->asInt()) : 1);
                }
            }
            updateShares();
            m_filling = false;
            return;
        }
    }
    for (QSlider *s : m_sliders) {
        delete s->parentWidget();
    }
    m_sliders.clear();
    m_shares.clear();
    m_names.clear();
    m_rulePath = rulePath;
    if (!backendRefs || !backendRefs->isList() || backendRefs->items().empty()) {
        hide();
        m_filling = false;
        return;
    }
    m_title->setText(tr("Weights of %1").arg(rulePath));
    int largest = 0;
    for (const Model::Node &ref : backendRefs->items()) {
        const Model::Node *w = ref.find("weight");
        largest = std::max<int>(largest, w ? static_cast<int>(w->asInt()) : 1);
    }
    const int maximum = std::max(100, std::min(1000000, largest * 2));
    for (std::size_t i = 0; i < backendRefs->items().size(); ++i) {
        const Model::Node &ref = backendRefs->items()[i];
        const Model::Node *w = ref.find("weight");
        auto *row = new QWidget(this);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        const QString name = QString::fromStdString(ref["name"].asString());
        auto *label = new QLabel(name, row);
        label->setMinimumWidth(110);
        auto *slider = new QSlider(Qt::Horizontal, row);
        slider->setObjectName(QStringLiteral("weightSlider%1").arg(i));
        slider->setRange(0, maximum);
        slider->setValue(w ? static_cast<int>(w->asInt()) : 1);
        auto *share = new QLabel(row);
        share->setMinimumWidth(130);
        h->addWidget(label);
        h->addWidget(slider, 1);
        h->addWidget(share);
        m_rows->addWidget(row);
        m_sliders << slider;
        m_shares << share;
        m_names << name;
        const QString path = QStringLiteral("%1.backendRefs[%2].weight").arg(rulePath).arg(i);
        connect(slider, &QSlider::valueChanged, this, [this, slider, path](int value) {
            updateShares();
            if (!m_filling && !slider->isSliderDown()) {
                Q_EMIT weightChanged(path, value);
            }
        });
        connect(slider, &QSlider::sliderReleased, this,
                [this, slider, path] { Q_EMIT weightChanged(path, slider->value()); });
    }
    updateShares();
    show();
    m_filling = false;
}

void WeightsPanel::setReadOnly(bool readOnly)
{
    for (QSlider *s : m_sliders) {
        s->setEnabled(!readOnly);
    }
}

QString WeightsPanel::shareText(int i) const
{
    return i >= 0 && i < m_shares.size() ? m_shares[i]->text() : QString();
}

void WeightsPanel::updateShares()
{
    int sum = 0;
    for (QSlider *s : m_sliders) {
        sum += s->value();
    }
    auto *bar = static_cast<ShareBar *>(m_bar);
    bar->weights.clear();
    bar->names = m_names;
    for (int i = 0; i < m_sliders.size(); ++i) {
        const int w = m_sliders[i]->value();
        bar->weights << w;
        m_shares[i]->setText(sum > 0 ? tr("weight %1 · %2 %").arg(w).arg(100.0 * w / sum, 0, 'f', 1)
                                     : tr("weight %1 · no traffic").arg(w));
    }
    bar->update();
}

} // namespace Torii::Gui
