#pragma once

// The Traffic panel (UX.md, "Traffic and charts"): sends the default mix to the gateway the
// studio runs, at a rate or a concurrency for a duration, cancellable, and shows the run live —
// requests/s per backend as a stacked area with the configured weights as dashed lines over it,
// observed against configured share per rule as bars with the chi-square verdict, and the
// latency percentiles p50/p90/p99 over time — beside a table of the same numbers. Everything
// drawn comes from the TrafficModel, fed every 250 ms from the run's answers.
//
// Thread: GUI thread; the traffic itself runs on TrafficRun's thread.

#include "app/gui/traffic/traffic_run.h"

#include <QtWidgets/QWidget>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QElapsedTimer;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace Torii::Gui {

class LiveRun;
class TrafficCharts;
class TrafficModel;

class TrafficPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TrafficPanel(LiveRun *live, QWidget *parent = nullptr);
    ~TrafficPanel() override;

    // Called when a run is asked for while no gateway runs: starts it (the main window's
    // startGateway); unset, the panel asks the user to start it.
    void setGatewayStarter(std::function<bool()> starter) { m_startGateway = std::move(starter); }

    // Starts a run with these settings (the controls show them). False with `error`.
    bool startTraffic(const TrafficSettings &settings, QString *error);
    // Starts a run with what the controls say (the Start button).
    void startFromControls();
    void cancel();
    bool isRunning() const;
    TrafficSettings settingsFromControls() const;

    TrafficModel *model() const { return m_model; }
    TrafficCharts *charts() const { return m_charts; }

Q_SIGNALS:
    void runFinished(bool ok);

private:
    void tick();
    void onFinished(bool ok, const QString &error);
    void updateControls();

    LiveRun *m_live;
    std::function<bool()> m_startGateway;
    TrafficRun *m_run;
    TrafficModel *m_model;
    TrafficCharts *m_charts;
    QTimer *m_timer;
    std::unique_ptr<QElapsedTimer> m_clock;
    double m_lastTick = 0.0;
    bool m_cancelled = false;
    QComboBox *m_mix;
    QComboBox *m_mode;
    QSpinBox *m_amount;
    QDoubleSpinBox *m_duration;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QLabel *m_state;
    QTableView *m_table;
};

} // namespace Torii::Gui
