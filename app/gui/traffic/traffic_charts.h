#pragma once

// The three live charts of a traffic run (Qt Charts), redrawn from a TrafficModel:
// - requests/s per backend, stacked areas, with the configured weights as dashed lines at the
//   level each backend's band would reach if the split followed them exactly;
// - observed against configured share per rule and backend (bars), the chi-square verdict of
//   each rule under it;
// - latency p50/p90/p99 over time (ms), of the answers in each 250 ms tick.
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

    QChartView *rateView() const { return m_rate; }
    QChartView *shareView() const { return m_share; }
    QChartView *latencyView() const { return m_latency; }
    QLabel *verdictLabel() const { return m_verdicts; }

private:
    void refreshRate();
    void refreshShares();
    void refreshLatency();

    TrafficModel *m_model;
    QChartView *m_rate;
    QChartView *m_share;
    QChartView *m_latency;
    QLabel *m_verdicts;
    QStringList m_shareCategories; // what the bar chart shows now, to rebuild only on change
};

} // namespace Torii::Gui
