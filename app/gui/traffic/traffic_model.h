#pragma once

// What the traffic charts show, as a table the tests (and a future CSV export) can read: one row
// per rule and backend with its requests, configured and observed share, errors and latency
// percentiles; per rule the chi-square verdict on the observed split; and the time series the
// charts draw — one point per 250 ms tick with the requests/s per backend and the latency
// percentiles p50/p90/p99 of the answers in that tick.
//
// Thread: GUI thread; fed by the traffic panel's 250 ms timer from TrafficRun::takeSamples().

#include "app/gui/traffic/traffic_run.h"
#include "simulator/metrics/chi_square.h"
#include "simulator/metrics/latency_histogram.h"
#include "simulator/metrics/traffic_series.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QStringList>

#include <map>
#include <vector>

namespace Torii::Gui {

class TrafficModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RuleColumn,
        BackendColumn,
        RequestsColumn,
        ConfiguredColumn, // configured share of the rule, percent
        ObservedColumn,   // observed share of the rule's answered requests, percent
        ErrorsColumn,     // no answer, 4xx and 5xx
        P50Column,        // milliseconds
        P90Column,
        P99Column,
        ColumnCount
    };
    enum Role { NumberRole = Qt::UserRole + 1 }; // the raw number behind a cell

    struct Point
    {
        double seconds = 0.0;                   // end of the tick, from the start of the run
        std::map<QString, double> perSecond;    // backend → requests/s in this tick
        double p50 = 0.0, p90 = 0.0, p99 = 0.0; // ms; 0 when nothing answered in the tick
    };

    // Something that happened to the design during the run (a scenario's step or rollback, or a
    // change from the behaviour controls), drawn as a marker on the charts and listed.
    struct Event
    {
        double seconds = 0.0; // from the start of the run
        QString kind;         // "step", "rollback", "failed", "behaviour"
        QString text;
    };

    explicit TrafficModel(QObject *parent = nullptr);

    // A new run over these rules: everything counted so far is dropped.
    void reset(const std::vector<TrafficRule> &rules);
    // The answers of one tick ending at `seconds` (from the start of the run), `tickSeconds` long.
    void addTick(const std::vector<TrafficSample> &samples, double seconds, double tickSeconds);
    void addEvent(double seconds, const QString &kind, const QString &text);
    // The rule's weights changed (a scenario step or rollback): backends not named get 0.
    void setConfiguredWeights(int rule, const std::vector<std::string> &backends, const std::vector<double> &weights);
    const std::vector<Event> &events() const { return m_events; }

    // Answers by latency, in the bins of latencyBinUpperMs() (the last one: everything above).
    const std::vector<std::uint64_t> &latencyBins() const { return m_latencyBins; }
    static const std::vector<double> &latencyBinUpperMs();
    // Every answer so far as time series per rule, backend and overall (simulator/metrics), and
    // their CSV at 250 ms (Metrics::timeSeriesCsv: the same export as `toriictl load`).
    const Metrics::MetricsRecorder &recorder() const { return m_recorder; }
    std::string timeSeriesCsv() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const std::vector<Point> &points() const { return m_points; }
    // Every backend answering or configured, in first-seen order (the chart's series order).
    QStringList backends() const { return m_backends; }
    // Requests answered by `backend` over every rule so far.
    std::uint64_t requestsOf(const QString &backend) const;
    // The share of all attributed requests `backend` should have had given how many requests
    // each rule got and its weights (the dashed line over the stacked area).
    double expectedShareOf(const QString &backend) const;
    std::uint64_t totalRequests() const { return m_total; }
    int ruleCount() const { return int(m_rules.size()); }
    QString ruleName(int rule) const;
    // Observed and configured share per backend of one rule (same order as its rows).
    std::vector<std::pair<QString, std::pair<double, double>>> ruleShares(int rule) const;
    Metrics::WeightTest weightTest(int rule) const;
    // "consistent with the weights (p = 0.41) over 1,234 requests", translated.
    QString verdict(int rule) const;

private:
    struct Row
    {
        int rule = 0;
        QString backend; // empty: answered by the gateway itself
        double weight = 0.0;
        std::uint64_t requests = 0;
        std::uint64_t errors = 0;
        Metrics::LatencyHistogram latency{5};
    };
    struct RuleState
    {
        QString key;
        std::vector<int> rows; // into m_rows, configured backends first
        std::uint64_t attributed = 0;
    };

    int rowFor(int rule, const QString &backend);
    double ruleWeightTotal(const RuleState &rule) const;

    std::vector<RuleState> m_rules;
    std::vector<Row> m_rows;
    std::vector<Point> m_points;
    std::vector<Event> m_events;
    std::vector<std::uint64_t> m_latencyBins;
    Metrics::MetricsRecorder m_recorder;
    QStringList m_backends;
    std::uint64_t m_total = 0;
};

} // namespace Torii::Gui
