#pragma once

// The three live charts of a traffic run (Qt Charts), redrawn from a TrafficModel:
// - requests/s per backend, stacked areas, with the configured weights as dashed lines at the
//   level each backend's band would reach if the split followed them exactly;
// - observed against configured share per rule and backend (bars), the chi-square verdict of
//   each rule under it;
// - latency p50/p90/p99 over time (ms), of the answers in each 250 ms tick;
// - a latency histogram of every answer so far (doubling bins, ms).
// The model's events (a scenario's steps and rollback, behaviour changes) are vertical lines on
// the requests/s chart. Each chart can be saved as PNG or SVG (saveChart).
//
// Thread: GUI thread.

#include <QtWidgets/QWidget>

class QLabel;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace Torii::Gui {

class TrafficModel;

class TrafficCharts : public QWidget
{
    Q_OBJECT
public:
    explicit TrafficCharts(TrafficModel *model, QWidget *parent = nullptr);

    // Redraws every chart from the model (the panel calls it each tick).
    void refresh();
    // From now on the share chart asks for the size its category labels need to be drawn whole
    // (Qt Charts elides them otherwise). For a view that shows the share chart alone (the
    // Lessons view); the Traffic panel's four charts in a row share the width instead.
    void keepShareLabelsWhole();

    QChartView *rateView() const { return m_rate; }
    QChartView *shareView() const { return m_share; }
    QChartView *latencyView() const { return m_latency; }
    QChartView *histogramView() const { return m_histogram; }
    QList<QChartView *> views() const { return {m_rate, m_share, m_latency, m_histogram}; }

    // Writes the chart as drawn now: by the file's suffix, .svg (QSvgGenerator) or .png (at the
    // screen's device pixel ratio). False with `error` (translated) when it cannot.
    static bool saveChart(QChartView *view, const QString &path, QString *error);
    QLabel *verdictLabel() const { return m_verdicts; }

private:
    void refreshRate();
    void refreshShares();
    void refreshLatency();
    void refreshHistogram();

    TrafficModel *m_model;
    QChartView *m_rate;
    QChartView *m_share;
    QChartView *m_latency;
    QChartView *m_histogram;
    QLabel *m_verdicts;
    QStringList m_shareCategories; // what the bar chart shows now, to rebuild only on change
    QSize m_shareMinimum; // the share chart's own minimum size, before its labels ask for more
    bool m_shareLabelsWhole = false;
};

} // namespace Torii::Gui
