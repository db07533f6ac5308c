#pragma once

// The Traffic panel (UX.md, "Traffic and charts"): sends the default mix, a request mix file
// (`toriictl load --mix` format) or the default mix under a traffic scenario (`--scenario`
// format: weight and behaviour steps and a rollback rule, played on the running gateway by a
// ScenarioPlayer) to the gateway the studio runs, at a rate or a concurrency for a duration,
// cancellable, and shows the run live — requests/s per backend as a stacked area with the
// configured weights as dashed lines over it and the scenario's events as vertical lines (also
// listed), observed against configured share per rule as bars with the chi-square verdict, the
// latency percentiles p50/p90/p99 over time and a latency histogram — beside a table of the same
// numbers. Everything drawn comes from the TrafficModel, fed every 250 ms from the run's answers.
//
// Beside the charts, the behaviour controls of the running mock Services (added latency, error
// rate and status, down) apply at once and are kept in the workspace's torii.yaml, as are the
// mix and scenario files chosen. Each chart saves as PNG or SVG; the data as CSV (the same
// time-series CSV as `toriictl load`, simulator/metrics/metrics_export.h).
//
// Thread: GUI thread; the traffic itself runs on TrafficRun's thread.

#include "app/gui/traffic/traffic_run.h"
#include "engine/workspace/studio_settings.h"

#include <QtWidgets/QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QListWidget;
class QElapsedTimer;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace Torii::Workspace {
class Workspace;
}
namespace Torii::Scenarios {
struct TrafficScenario;
}

namespace Torii::Gui {

class LiveRun;
class ScenarioPlayer;
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
    // The workspace whose torii.yaml lists the mix and scenario files and keeps the behaviour.
    void setWorkspace(Workspace::Workspace *workspace);

    // Chooses what the next run sends: a mix file or a scenario file (told apart by their
    // `requests` or `steps` key), read now (errors: false with `error`, file:line:col). It joins
    // the list and, with a workspace, its torii.yaml.
    bool chooseSourceFile(const QString &path, QString *error);
    // Back to the default mix.
    void chooseDefaultMix();

    // The behaviour controls: applies to the running mock Service and keeps it in torii.yaml.
    bool applyBackendSettings(const Workspace::BackendSettings &settings, QString *error);

    // Exports: chart 0 requests/s, 1 share, 2 latency, 3 histogram (.png or .svg); the data as CSV.
    bool exportChart(int chart, const QString &path, QString *error);
    bool exportCsv(const QString &path, QString *error);

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
    struct Source;
    void tick();
    void refreshSources();
    void refreshServices();
    void loadBehaviourControls();
    void addEvent(double seconds, const QString &kind, const QString &text);
    void refreshConfiguredWeights(); // after a scenario swapped weights in
    void rememberSource(const QString &path, bool scenario);
    QWidget *makeBehaviourBox();
    void saveChartInteractively(int chart);
    void saveCsvInteractively();
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
    QListWidget *m_events;
    Workspace::Workspace *m_workspace = nullptr;
    std::vector<Source> m_sources; // parallel to m_mix's items
    std::unique_ptr<ScenarioPlayer> m_player; // while a scenario runs
    QComboBox *m_service;
    QDoubleSpinBox *m_latency;
    QDoubleSpinBox *m_errorRate;
    QSpinBox *m_errorStatus;
    QCheckBox *m_down;
    QPushButton *m_apply;
};

} // namespace Torii::Gui
