#include "traffic_charts.h"

#include "app/gui/traffic/traffic_model.h"

#include <QtCharts/QAreaSeries>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtGui/QCursor>
#include <QtGui/QPainter>
#include <QtGui/QTextDocument>
#include <QtWidgets/QToolTip>
#include <QtSvg/QSvgGenerator>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QLabel>

#include <QtCore/QLocale>

#include <algorithm>
#include <cmath>

namespace Torii::Gui {

namespace {

// The room a bar chart's category labels need to be drawn whole. Qt Charts 6.4 draws a label
// as "..." when its axis gives it less height than its text (the axis' height shared by the
// categories + 2, less 4 px of padding above and below) and shortens it when the label column
// would take more than 40 % of the chart's width (VerticalAxis, CartesianChartLayout).
QSize categoryLabelsRoom(const QChartView *view)
{
    const QList<QAbstractAxis *> axes = view->chart()->axes(Qt::Vertical);
    auto *axis = axes.isEmpty() ? nullptr : qobject_cast<QBarCategoryAxis *>(axes.constFirst());
    if (!axis || axis->count() == 0) {
        return {};
    }
    constexpr double labelPadding = 4.0;
    constexpr double labelColumnShare = 0.4;
    QTextDocument label; // measured as Qt Charts measures it (a text item, 0.5 px margin)
    label.setDocumentMargin(0.5);
    label.setDefaultFont(axis->labelsFont());
    double width = 0.0;
    double height = 0.0;
    for (const QString &category : axis->categories()) {
        label.setHtml(category);
        width = std::max(width, label.size().width());
        height = std::max(height, label.size().height());
    }
    const QChart *chart = view->chart();
    const QMargins margins = chart->margins();
    const int frame = 2 * view->frameWidth();
    // Around the bars: the title, the legend and the value axis' labels, a line each. Each
    // side also gets 16 px to spare for rounding and other fonts: with the Qt 6.4 offscreen
    // fonts the labels are whole from 0 px of it, and 5 px less width or 10 px less height
    // elide them (tst_gui_lessons checks the labels as drawn).
    constexpr int spare = 16;
    const int around = QFontMetrics(chart->titleFont()).height() +
                       QFontMetrics(chart->legend()->font()).height() + int(std::ceil(height));
    const int columnWidth = int(std::ceil((width + 2 * labelPadding + 1.0) / labelColumnShare));
    const int rowsHeight = int(std::ceil((axis->count() + 2) * (height + 2 * labelPadding + 1.0)));
    return {columnWidth + margins.left() + margins.right() + frame + spare,
            rowsHeight + around + margins.top() + margins.bottom() + frame + spare};
}


QChartView *makeView(const QString &objectName, const QString &title, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true); // names the legend has to shorten
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    chart->legend()->setFont(legendFont);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation); // redrawn 4 times a second
    auto *view = new QChartView(chart, parent);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 200);
    return view;
}

// "HTTPRoute webapp/ab-testing-route rule 3" → "ab-testing-route #3".
QString shortRule(const QString &key)
{
    const int slash = key.indexOf(QLatin1Char('/'));
    QString rest = slash >= 0 ? key.mid(slash + 1) : key;
    rest.replace(QStringLiteral(" rule "), QStringLiteral(" #"));
    return rest;
}

QString shortBackend(const QString &backend)
{
    const int slash = backend.indexOf(QLatin1Char('/'));
    return slash >= 0 ? backend.mid(slash + 1) : backend;
}

void setXRange(QValueAxis *axis, double last)
{
    // Whole seconds on the ticks: a tick per second up to 10 s, then nice steps.
    axis->setRange(0.0, std::ceil(std::max(1.0, last)));
    if (axis->max() <= 10.0) {
        axis->setTickCount(int(axis->max()) + 1);
    } else {
        axis->applyNiceNumbers();
    }
}

} // namespace

TrafficCharts::TrafficCharts(TrafficModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_rate(makeView(QStringLiteral("rateChart"), tr("Requests/s per backend (dashed: configured weights)"), this))
    , m_share(makeView(QStringLiteral("shareChart"), tr("Share per rule: configured and observed"), this))
    , m_latency(makeView(QStringLiteral("latencyChart"), tr("Latency percentiles (ms)"), this))
    , m_histogram(makeView(QStringLiteral("histogramChart"), tr("Latency histogram (answers per bin, ms)"), this))
    , m_verdicts(new QLabel(this))
{
    m_verdicts->setObjectName(QStringLiteral("verdictLabel"));
    m_verdicts->setWordWrap(true);
    m_verdicts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_rate, 0, 0);
    layout->addWidget(m_share, 0, 1);
    layout->addWidget(m_latency, 0, 2);
    layout->addWidget(m_histogram, 0, 3);
    layout->addWidget(m_verdicts, 1, 0, 1, 4);
    layout->setColumnStretch(0, 4); // the stacked area has the most to show
    layout->setColumnStretch(1, 3);
    layout->setColumnStretch(2, 3);
    layout->setColumnStretch(3, 3);
    refresh();
}

void TrafficCharts::keepShareLabelsWhole()
{
    m_shareLabelsWhole = true;
    m_shareMinimum = m_share->minimumSize();
    refreshShares();
}

void TrafficCharts::refresh()
{
    refreshRate();
    refreshShares();
    refreshLatency();
    refreshHistogram();
}

void TrafficCharts::refreshHistogram()
{
    QChart *chart = m_histogram->chart();
    const auto &upper = TrafficModel::latencyBinUpperMs();
    if (chart->series().isEmpty()) {
        QStringList categories;
        const QLocale locale;
        // Each bar is named by its upper edge; the last one holds everything above.
        for (double edge : upper) {
            categories << locale.toString(edge);
        }
        categories << QStringLiteral(">") + locale.toString(upper.back());
        auto *x = new QBarCategoryAxis;
        x->append(categories);
        x->setLabelsAngle(-90);
        x->setTruncateLabels(false); // narrow bars: the edge values still read
        QFont small = x->labelsFont();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        x->setLabelsFont(small);
        auto *y = new QValueAxis;
        y->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        auto *series = new QBarSeries;
        auto *answers = new QBarSet(tr("answers"));
        series->append(answers);
        // Hover: the exact count of the bin.
        connect(answers, &QBarSet::hovered, m_histogram, [this, answers, categories](bool on, int index) {
            if (on && index >= 0 && index < categories.size()) {
                QToolTip::showText(QCursor::pos(), tr("%1 ms: %2 answers")
                                                       .arg(categories[index], QLocale().toString(answers->at(index), 'f', 0)),
                                   m_histogram);
            } else {
                QToolTip::hideText();
            }
        });
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        chart->legend()->hide();
    }
    auto *series = static_cast<QBarSeries *>(chart->series().constFirst());
    QBarSet *set = series->barSets().constFirst();
    const auto &bins = m_model->latencyBins();
    QList<qreal> values;
    double top = 1.0;
    for (std::uint64_t n : bins) {
        values << qreal(n);
        top = std::max(top, double(n));
    }
    if (set->count() != values.size()) {
        set->remove(0, set->count());
        set->append(values);
    } else {
        for (int i = 0; i < values.size(); ++i) {
            if (set->at(i) != values[i]) {
                set->replace(i, values[i]);
            }
        }
    }
    auto *y = static_cast<QValueAxis *>(chart->axes(Qt::Vertical).constFirst());
    y->setRange(0.0, top * 1.1);
    y->applyNiceNumbers();
    // The percentiles of every answer so far, as the title's markers.
    const auto &latency = m_model->recorder().overall().latency;
    if (latency.count() > 0) {
        const QLocale locale;
        const auto ms = [&](double p) { return locale.toString(double(latency.percentile(p)) / 1000.0, 'g', 3); };
        chart->setTitle(tr("Latency (ms): p50 %1 · p90 %2 · p99 %3").arg(ms(50), ms(90), ms(99)));
    } else {
        chart->setTitle(tr("Latency histogram (answers per bin, ms)"));
    }
}

bool TrafficCharts::saveChart(QChartView *view, const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        const QPixmap pixmap = view->grab();
        if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
            *error = tr("Cannot write %1.").arg(path);
            return false;
        }
        return true;
    }
    if (suffix != QLatin1String("svg")) {
        *error = tr("Save a chart as .png or .svg, not \"%1\".").arg(QFileInfo(path).fileName());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(view->size());
    svg.setViewBox(QRect(QPoint(0, 0), view->size()));
    svg.setTitle(view->chart()->title());
    {
        QPainter painter(&svg);
        view->render(&painter);
    }
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void TrafficCharts::refreshRate()
{
    QChart *chart = m_rate->chart();
    chart->removeAllSeries(); // the bands are rebuilt: a backend may appear mid-run
    if (chart->axes().isEmpty()) {
        auto *xAxis = new QValueAxis;
        xAxis->setTitleText(tr("seconds"));
        xAxis->setLabelFormat(QStringLiteral("%.0f"));
        auto *yAxis = new QValueAxis;
        yAxis->setTitleText(tr("requests/s"));
        yAxis->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(xAxis, Qt::AlignBottom);
        chart->addAxis(yAxis, Qt::AlignLeft);
    }
    auto *x = static_cast<QValueAxis *>(chart->axes(Qt::Horizontal).constFirst());
    auto *y = static_cast<QValueAxis *>(chart->axes(Qt::Vertical).constFirst());

    const auto &points = m_model->points();
    const QStringList backends = m_model->backends();
    std::vector<double> below(points.size(), 0.0);
    std::vector<double> total(points.size(), 0.0);
    for (std::size_t i = 0; i < points.size(); ++i) {
        for (const auto &entry : points[i].perSecond) {
            total[i] += entry.second;
        }
    }
    double top = 1.0;
    double expectedBelow = 0.0;
    std::vector<QLineSeries *> dashed;
    for (const QString &backend : backends) {
        auto *lower = new QLineSeries;
        auto *upper = new QLineSeries;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const auto found = points[i].perSecond.find(backend);
            const double value = found == points[i].perSecond.end() ? 0.0 : found->second;
            lower->append(points[i].seconds, below[i]);
            below[i] += value;
            upper->append(points[i].seconds, below[i]);
            top = std::max(top, below[i]);
        }
        auto *area = new QAreaSeries(upper, lower);
        area->setName(shortBackend(backend));
        chart->addSeries(area);
        area->attachAxis(x);
        area->attachAxis(y);
        QColor fill = area->color();
        fill.setAlpha(170);
        area->setColor(fill);
        area->setBorderColor(fill.darker(130));

        // Where this band's top would be if the split followed the weights exactly; drawn
        // after every band so none covers it.
        const double expected = m_model->expectedShareOf(backend);
        expectedBelow += expected;
        if (expected > 0.0 && expectedBelow < 0.999 && !points.empty()) {
            auto *line = new QLineSeries;
            line->setName(tr("%1 configured").arg(shortBackend(backend)));
            for (std::size_t i = 0; i < points.size(); ++i) {
                line->append(points[i].seconds, total[i] * expectedBelow);
            }
            QPen pen(fill.darker(170));
            pen.setStyle(Qt::DashLine);
            pen.setWidthF(2.0);
            line->setPen(pen);
            dashed.push_back(line);
        }
    }
    for (QLineSeries *line : dashed) {
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        for (QLegendMarker *marker : chart->legend()->markers(line)) {
            marker->setVisible(false); // the title says what the dashes are
        }
    }
    setXRange(x, points.empty() ? 1.0 : points.back().seconds);
    y->setRange(0.0, top * 1.1);
    y->applyNiceNumbers();
    // The design changed here: a vertical line per event, red for a rollback or a failed step.
    for (const TrafficModel::Event &event : m_model->events()) {
        auto *line = new QLineSeries;
        line->setName(event.text);
        line->append(event.seconds, 0.0);
        line->append(event.seconds, y->max());
        QPen pen(event.kind == QLatin1String("step") || event.kind == QLatin1String("behaviour")
                     ? QColor(90, 90, 90)
                     : QColor(200, 30, 30));
        pen.setWidthF(1.5);
        pen.setStyle(Qt::DotLine);
        line->setPen(pen);
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        for (QLegendMarker *marker : chart->legend()->markers(line)) {
            marker->setVisible(false); // listed beside the charts instead
        }
    }
}

void TrafficCharts::refreshShares()
{
    // Only rules that split traffic (two backends or more, configured or seen) have a share to
    // compare; a single-backend rule is always 100 %.
    QChart *chart = m_share->chart();
    QStringList categories;
    std::vector<double> configured;
    std::vector<double> observed;
    QStringList verdicts;
    const QLocale locale;
    for (int r = 0; r < m_model->ruleCount(); ++r) {
        const auto shares = m_model->ruleShares(r);
        if (shares.size() < 2) {
            continue;
        }
        QStringList parts;
        for (const auto &[backend, pair] : shares) {
            categories << QStringLiteral("%1 (%2)").arg(shortBackend(backend), shortRule(m_model->ruleName(r)));
            observed.push_back(100.0 * pair.first);
            configured.push_back(100.0 * pair.second);
            parts << tr("%1 %2 % configured · %3 % observed")
                         .arg(shortBackend(backend), locale.toString(100.0 * pair.second, 'g', 3),
                              locale.toString(100.0 * pair.first, 'f', 1));
        }
        verdicts << QStringLiteral("<b>%1</b>: %2 — %3")
                        .arg(shortRule(m_model->ruleName(r)).toHtmlEscaped(),
                             parts.join(QStringLiteral(", ")).toHtmlEscaped(), m_model->verdict(r).toHtmlEscaped());
    }
    if (m_model->ruleCount() == 0) {
        m_verdicts->setText(tr("Start a run to compare the observed split with the weights."));
    } else if (verdicts.isEmpty()) {
        m_verdicts->setText(tr("No rule reached splits its traffic between backends: nothing to compare."));
    } else {
        m_verdicts->setText(verdicts.join(QStringLiteral("<br>")));
    }

    if (chart->series().isEmpty()) {
        auto *series = new QHorizontalBarSeries;
        series->append(new QBarSet(tr("Configured")));
        series->append(new QBarSet(tr("Observed")));
        chart->addSeries(series);
        auto *axisY = new QBarCategoryAxis;
        QFont small = axisY->labelsFont();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        axisY->setLabelsFont(small);
        auto *axisX = new QValueAxis;
        axisX->setRange(0.0, 100.0);
        axisX->setTickCount(5);
        axisX->setLabelFormat(QStringLiteral("%.0f %%"));
        chart->addAxis(axisY, Qt::AlignLeft);
        chart->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisY);
        series->attachAxis(axisX);
    }
    auto *series = static_cast<QHorizontalBarSeries *>(chart->series().constFirst());
    if (categories != m_shareCategories) {
        auto *axisY = static_cast<QBarCategoryAxis *>(chart->axes(Qt::Vertical).constFirst());
        axisY->clear();
        axisY->append(categories);
        m_shareCategories = categories;
    }
    if (m_shareLabelsWhole) {
        // Measured on every refresh: a font change keeps the categories but not their room.
        m_share->setMinimumSize(m_shareMinimum.expandedTo(categoryLabelsRoom(m_share)));
    }
    QBarSet *configuredSet = series->barSets().at(0);
    QBarSet *observedSet = series->barSets().at(1);
    configuredSet->remove(0, configuredSet->count());
    observedSet->remove(0, observedSet->count());
    for (std::size_t i = 0; i < configured.size(); ++i) {
        configuredSet->append(configured[i]);
        observedSet->append(observed[i]);
    }
}

void TrafficCharts::refreshLatency()
{
    QChart *chart = m_latency->chart();
    if (chart->series().isEmpty()) {
        auto *x = new QValueAxis;
        x->setTitleText(tr("seconds"));
        x->setLabelFormat(QStringLiteral("%.0f"));
        auto *y = new QValueAxis;
        y->setTitleText(tr("ms"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (const char *name : {"p50", "p90", "p99"}) {
            auto *line = new QLineSeries;
            line->setName(QString::fromLatin1(name));
            chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
        }
    }
    const auto &points = m_model->points();
    const QList<QAbstractSeries *> series = chart->series();
    double top = 1.0;
    for (int s = 0; s < 3; ++s) {
        QList<QPointF> values;
        values.reserve(qsizetype(points.size()));
        for (const auto &p : points) {
            const double v = s == 0 ? p.p50 : s == 1 ? p.p90 : p.p99;
            values << QPointF(p.seconds, v);
            top = std::max(top, v);
        }
        static_cast<QLineSeries *>(series.at(s))->replace(values);
    }
    auto *x = static_cast<QValueAxis *>(chart->axes(Qt::Horizontal).constFirst());
    auto *y = static_cast<QValueAxis *>(chart->axes(Qt::Vertical).constFirst());
    setXRange(x, points.empty() ? 1.0 : points.back().seconds);
    y->setRange(0.0, top * 1.1);
    y->applyNiceNumbers();
}

} // namespace Torii::Gui
