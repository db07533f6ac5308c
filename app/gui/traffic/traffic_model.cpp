#include "traffic_model.h"

#include "simulator/metrics/metrics_export.h"

#include <QtCore/QLocale>

#include <algorithm>

namespace Torii::Gui {

TrafficModel::TrafficModel(QObject *parent)
    : QAbstractTableModel(parent), m_latencyBins(latencyBinUpperMs().size() + 1, 0)
{}

const std::vector<double> &TrafficModel::latencyBinUpperMs()
{
    // Doubling bins: a fast local answer and a 2 s tail both get a readable bar.
    static const std::vector<double> upper = {0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048};
    return upper;
}

void TrafficModel::addEvent(double seconds, const QString &kind, const QString &text)
{
    m_events.push_back({seconds, kind, text});
}

void TrafficModel::setConfiguredWeights(int rule, const std::vector<std::string> &backends,
                                        const std::vector<double> &weights)
{
    if (rule < 0 || rule >= int(m_rules.size())) {
        return;
    }
    for (int row : m_rules[std::size_t(rule)].rows) {
        m_rows[std::size_t(row)].weight = 0.0;
    }
    for (std::size_t i = 0; i < backends.size() && i < weights.size(); ++i) {
        m_rows[std::size_t(rowFor(rule, QString::fromStdString(backends[i])))].weight = weights[i];
    }
    if (!m_rows.empty()) {
        Q_EMIT dataChanged(index(0, ConfiguredColumn), index(rowCount() - 1, ConfiguredColumn));
    }
}

std::string TrafficModel::timeSeriesCsv() const
{
    return Metrics::timeSeriesCsv(m_recorder, 250000);
}

void TrafficModel::reset(const std::vector<TrafficRule> &rules)
{
    beginResetModel();
    m_rules.clear();
    m_rows.clear();
    m_points.clear();
    m_events.clear();
    std::fill(m_latencyBins.begin(), m_latencyBins.end(), 0);
    m_recorder = Metrics::MetricsRecorder();
    m_backends.clear();
    m_total = 0;
    for (std::size_t r = 0; r < rules.size(); ++r) {
        RuleState state;
        state.key = QString::fromStdString(rules[r].key);
        m_rules.push_back(state);
        for (std::size_t b = 0; b < rules[r].backends.size(); ++b) {
            const QString backend = QString::fromStdString(rules[r].backends[b]);
            Row row;
            row.rule = int(r);
            row.backend = backend;
            row.weight = rules[r].weights[b];
            m_rules[r].rows.push_back(int(m_rows.size()));
            m_rows.push_back(std::move(row));
            if (!m_backends.contains(backend)) {
                m_backends << backend;
            }
        }
    }
    endResetModel();
}

int TrafficModel::rowFor(int rule, const QString &backend)
{
    for (int row : m_rules[std::size_t(rule)].rows) {
        if (m_rows[std::size_t(row)].backend == backend) {
            return row;
        }
    }
    // A backend the rule does not send to (weight 0), or the gateway's own answers.
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    Row made;
    made.rule = rule;
    made.backend = backend;
    m_rows.push_back(std::move(made));
    m_rules[std::size_t(rule)].rows.push_back(row);
    endInsertRows();
    if (!backend.isEmpty() && !m_backends.contains(backend)) {
        m_backends << backend;
    }
    return row;
}

void TrafficModel::addTick(const std::vector<TrafficSample> &samples, double seconds, double tickSeconds)
{
    Point point;
    point.seconds = seconds;
    Metrics::LatencyHistogram tick(5);
    std::map<int, bool> touched;
    for (const TrafficSample &s : samples) {
        if (s.rule < 0 || s.rule >= int(m_rules.size())) {
            continue;
        }
        const QString backend = QString::fromStdString(s.backend);
        const int row = rowFor(s.rule, backend);
        Row &r = m_rows[std::size_t(row)];
        ++r.requests;
        const bool error = s.status == 0 || s.status >= 400;
        if (error) {
            ++r.errors;
        }
        if (s.status != 0) {
            r.latency.record(s.latencyMicros);
            tick.record(s.latencyMicros);
            const auto &upper = latencyBinUpperMs();
            const double ms = double(s.latencyMicros) / 1000.0;
            const auto bin = std::size_t(std::lower_bound(upper.begin(), upper.end(), ms) - upper.begin());
            ++m_latencyBins[bin];
        }
        Metrics::Sample sample;
        sample.atMicros = s.doneMicros;
        sample.rule = m_rules[std::size_t(s.rule)].key.toStdString();
        sample.route = sample.rule.substr(0, sample.rule.rfind(" rule "));
        sample.backend = s.backend;
        sample.status = s.status;
        sample.latencyMicros = s.latencyMicros;
        m_recorder.record(sample);
        if (!backend.isEmpty()) {
            ++m_rules[std::size_t(s.rule)].attributed;
            point.perSecond[backend] += 1.0 / tickSeconds;
        }
        ++m_total;
        touched[row] = true;
    }
    for (const QString &b : std::as_const(m_backends)) {
        point.perSecond.emplace(b, 0.0); // a silent backend is a zero, not a gap
    }
    point.p50 = double(tick.percentile(50)) / 1000.0;
    point.p90 = double(tick.percentile(90)) / 1000.0;
    point.p99 = double(tick.percentile(99)) / 1000.0;
    m_points.push_back(std::move(point));
    if (!m_rows.empty()) {
        // Shares change for every row of a rule that got traffic: refresh all, it is a few rows.
        Q_EMIT dataChanged(index(0, RequestsColumn), index(rowCount() - 1, ColumnCount - 1));
    }
}

int TrafficModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TrafficModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double TrafficModel::ruleWeightTotal(const RuleState &rule) const
{
    double total = 0.0;
    for (int row : rule.rows) {
        total += m_rows[std::size_t(row)].weight;
    }
    return total;
}

QVariant TrafficModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const Row &r = m_rows[std::size_t(index.row())];
    const RuleState &rule = m_rules[std::size_t(r.rule)];
    const double weightTotal = ruleWeightTotal(rule);
    const double configured = weightTotal > 0 ? 100.0 * r.weight / weightTotal : 0.0;
    const double observed =
        rule.attributed > 0 && !r.backend.isEmpty() ? 100.0 * double(r.requests) / double(rule.attributed) : 0.0;
    const auto ms = [&](double p) { return r.latency.count() ? double(r.latency.percentile(p)) / 1000.0 : 0.0; };
    if (role == NumberRole) {
        switch (index.column()) {
        case RequestsColumn: return double(r.requests);
        case ConfiguredColumn: return configured;
        case ObservedColumn: return observed;
        case ErrorsColumn: return double(r.errors);
        case P50Column: return ms(50);
        case P90Column: return ms(90);
        case P99Column: return ms(99);
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= RequestsColumn) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    const QLocale locale;
    const auto latency = [&](double p) {
        return r.latency.count() ? tr("%1 ms").arg(locale.toString(ms(p), 'g', 3)) : QString();
    };
    switch (index.column()) {
    case RuleColumn: return rule.key;
    case BackendColumn: return r.backend.isEmpty() ? tr("(gateway)") : r.backend;
    case RequestsColumn: return locale.toString(qulonglong(r.requests));
    case ConfiguredColumn: return r.backend.isEmpty() ? QString() : tr("%1 %").arg(locale.toString(configured, 'f', 1));
    case ObservedColumn: return r.backend.isEmpty() ? QString() : tr("%1 %").arg(locale.toString(observed, 'f', 1));
    case ErrorsColumn: return locale.toString(qulonglong(r.errors));
    case P50Column: return latency(50);
    case P90Column: return latency(90);
    case P99Column: return latency(99);
    default: return {};
    }
}

QVariant TrafficModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case RuleColumn: return tr("Rule");
    case BackendColumn: return tr("Backend");
    case RequestsColumn: return tr("Requests");
    case ConfiguredColumn: return tr("Configured");
    case ObservedColumn: return tr("Observed");
    case ErrorsColumn: return tr("Errors");
    case P50Column: return QStringLiteral("p50");
    case P90Column: return QStringLiteral("p90");
    case P99Column: return QStringLiteral("p99");
    default: return {};
    }
}

std::uint64_t TrafficModel::requestsOf(const QString &backend) const
{
    std::uint64_t n = 0;
    for (const Row &r : m_rows) {
        if (r.backend == backend) {
            n += r.requests;
        }
    }
    return n;
}

double TrafficModel::expectedShareOf(const QString &backend) const
{
    double expected = 0.0;
    double attributed = 0.0;
    for (const RuleState &rule : m_rules) {
        attributed += double(rule.attributed);
        const double total = ruleWeightTotal(rule);
        if (total <= 0) {
            continue;
        }
        for (int row : rule.rows) {
            if (m_rows[std::size_t(row)].backend == backend) {
                expected += double(rule.attributed) * m_rows[std::size_t(row)].weight / total;
            }
        }
    }
    return attributed > 0 ? expected / attributed : 0.0;
}

QString TrafficModel::ruleName(int rule) const
{
    return m_rules.at(std::size_t(rule)).key;
}

std::vector<std::pair<QString, std::pair<double, double>>> TrafficModel::ruleShares(int rule) const
{
    std::vector<std::pair<QString, std::pair<double, double>>> out;
    const RuleState &state = m_rules.at(std::size_t(rule));
    const double total = ruleWeightTotal(state);
    for (int row : state.rows) {
        const Row &r = m_rows[std::size_t(row)];
        if (r.backend.isEmpty()) {
            continue;
        }
        const double observed = state.attributed ? double(r.requests) / double(state.attributed) : 0.0;
        out.push_back({r.backend, {observed, total > 0 ? r.weight / total : 0.0}});
    }
    return out;
}

Metrics::WeightTest TrafficModel::weightTest(int rule) const
{
    std::vector<std::uint64_t> observed;
    std::vector<double> weights;
    for (int row : m_rules.at(std::size_t(rule)).rows) {
        const Row &r = m_rows[std::size_t(row)];
        if (!r.backend.isEmpty()) {
            observed.push_back(r.requests);
            weights.push_back(r.weight);
        }
    }
    return Metrics::chiSquareGoodnessOfFit(observed, weights);
}

QString TrafficModel::verdict(int rule) const
{
    const Metrics::WeightTest test = weightTest(rule);
    const QLocale locale;
    const QString count = locale.toString(qulonglong(test.total));
    if (test.total == 0) {
        return tr("no answers from a backend yet");
    }
    if (test.impossibleCategory) {
        return tr("not consistent: a backend with weight 0 answered (%1 requests)").arg(count);
    }
    if (test.degreesOfFreedom == 0) {
        return tr("a single backend: nothing to test (%1 requests)").arg(count);
    }
    const QString p = locale.toString(test.pValue, 'g', 2);
    QString text = test.consistent
                       ? tr("consistent with the weights (p = %1) over %2 requests").arg(p, count)
                       : tr("not consistent with the weights (p = %1) over %2 requests").arg(p, count);
    if (test.lowExpectedCounts) {
        text += test.exact ? tr(" — few requests: p from the exact test")
                           : tr(" — too few requests for a firm answer");
    }
    return text;
}

} // namespace Torii::Gui
