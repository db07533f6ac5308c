#include "traffic_panel.h"

#include "app/gui/run/live_run.h"
#include "app/gui/traffic/traffic_charts.h"
#include "app/gui/traffic/traffic_model.h"
#include "app/gui/traffic/scenario_player.h"
#include "engine/workspace/workspace.h"
#include "simulator/scenarios/traffic_scenario.h"
#include "simulator/traffic/default_mix.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtCore/QTimer>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMenu>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

namespace Torii::Gui {

namespace {
constexpr int kTickMs = 250;

// Each diagnostic of a file that does not read, one per line, as file:line:col: message.
QString describe(const Core::Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Core::Diagnostic &d : diagnostics) {
        if (d.isError()) {
            lines << QString::fromStdString(d.toCompilerStyle());
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

// One entry of the source list: the default mix, or a file.
struct TrafficPanel::Source
{
    enum class Kind { DefaultMix, Mix, Scenario, Choose };
    Kind kind = Kind::DefaultMix;
    QString path; // absolute
    std::shared_ptr<const Traffic::RequestMix> mix;
    std::shared_ptr<const Scenarios::TrafficScenario> scenario;
};

TrafficPanel::TrafficPanel(LiveRun *live, QWidget *parent)
    : QWidget(parent)
    , m_live(live)
    , m_run(new TrafficRun(this))
    , m_model(new TrafficModel(this))
    , m_charts(new TrafficCharts(m_model, this))
    , m_timer(new QTimer(this))
    , m_clock(std::make_unique<QElapsedTimer>())
    , m_mix(new QComboBox(this))
    , m_mode(new QComboBox(this))
    , m_amount(new QSpinBox(this))
    , m_duration(new QDoubleSpinBox(this))
    , m_start(new QPushButton(tr("Start traffic"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_state(new QLabel(this))
    , m_table(new QTableView(this))
    , m_events(new QListWidget(this))
    , m_service(new QComboBox(this))
    , m_latency(new QDoubleSpinBox(this))
    , m_errorRate(new QDoubleSpinBox(this))
    , m_errorStatus(new QSpinBox(this))
    , m_down(new QCheckBox(tr("Down (refuses connections)"), this))
    , m_apply(new QPushButton(tr("Apply"), this))
{
    m_mix->setObjectName(QStringLiteral("trafficMix"));
    m_mix->setToolTip(tr("What to send: the default mix (one request per route hostname and rule match, equally "
                         "weighted), a request mix file, or a scenario file played over the default mix."));
    m_mix->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_mix->setMinimumContentsLength(24);
    refreshSources();
    connect(m_mix, &QComboBox::activated, this, [this](int index) {
        if (index < 0 || index >= int(m_sources.size()) || m_sources[std::size_t(index)].kind != Source::Kind::Choose) {
            return;
        }
        const QString dir = m_workspace && m_workspace->isOpen() ? m_workspace->root() : QString();
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a request mix or a traffic scenario"), dir,
                                                          tr("YAML (*.yaml *.yml)"));
        QString error;
        if (path.isEmpty()) {
            m_mix->setCurrentIndex(0);
        } else if (!chooseSourceFile(path, &error)) {
            m_mix->setCurrentIndex(0);
            m_state->setText(error);
        }
    });
    m_mode->setObjectName(QStringLiteral("trafficMode"));
    m_mode->addItem(tr("Concurrency"));
    m_mode->addItem(tr("Rate (requests/s)"));
    m_amount->setObjectName(QStringLiteral("trafficAmount"));
    m_amount->setRange(1, 100000);
    m_amount->setValue(4);
    m_duration->setObjectName(QStringLiteral("trafficDuration"));
    m_duration->setRange(0.25, 3600.0);
    m_duration->setDecimals(2);
    m_duration->setValue(10.0);
    m_duration->setSuffix(tr(" s"));
    m_start->setObjectName(QStringLiteral("trafficStart"));
    m_cancel->setObjectName(QStringLiteral("trafficCancel"));
    m_state->setObjectName(QStringLiteral("trafficState"));
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int mode) {
        // Keep the number meaningful when the unit changes.
        m_amount->setValue(mode == 1 ? 200 : 4);
        m_amount->setToolTip(mode == 1 ? tr("Requests per second, sent whatever the answers (open loop)")
                                       : tr("Requests in flight at all times (closed loop)"));
    });

    m_table->setObjectName(QStringLiteral("trafficTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_mix, 1);
    controls->addWidget(m_mode);
    controls->addWidget(m_amount);
    controls->addWidget(new QLabel(tr("for"), this));
    controls->addWidget(m_duration);
    controls->addWidget(m_start);
    controls->addWidget(m_cancel);
    controls->addWidget(m_state, 1);

    auto *saveChart = new QPushButton(tr("Save chart…"), this);
    saveChart->setObjectName(QStringLiteral("trafficSaveChart"));
    auto *chartMenu = new QMenu(saveChart);
    const QStringList chartNames = {tr("Requests/s per backend"), tr("Share per rule"), tr("Latency percentiles"),
                                    tr("Latency histogram")};
    for (int i = 0; i < chartNames.size(); ++i) {
        chartMenu->addAction(chartNames[i], this, [this, i] { saveChartInteractively(i); });
    }
    saveChart->setMenu(chartMenu);
    auto *saveCsv = new QPushButton(tr("Save data as CSV…"), this);
    saveCsv->setObjectName(QStringLiteral("trafficSaveCsv"));
    connect(saveCsv, &QPushButton::clicked, this, &TrafficPanel::saveCsvInteractively);
    controls->addWidget(saveChart);
    controls->addWidget(saveCsv);

    m_events->setObjectName(QStringLiteral("trafficEvents"));
    m_events->setToolTip(tr("What changed during the run: scenario steps, a rollback, behaviour changes"));
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("Events"), side));
    sideLayout->addWidget(m_events, 1);
    sideLayout->addWidget(makeBehaviourBox());

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_charts);
    top->addWidget(side);
    top->setStretchFactor(0, 4);
    top->setStretchFactor(1, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(split, 1);

    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &TrafficPanel::tick);
    connect(m_start, &QPushButton::clicked, this, &TrafficPanel::startFromControls);
    connect(m_cancel, &QPushButton::clicked, this, &TrafficPanel::cancel);
    connect(m_run, &TrafficRun::finished, this, &TrafficPanel::onFinished);
    connect(m_live, &LiveRun::stopped, this, &TrafficPanel::cancel);
    connect(m_live, &LiveRun::started, this, &TrafficPanel::refreshServices);
    connect(m_live, &LiveRun::stopped, this, &TrafficPanel::refreshServices);
    m_state->setText(tr("Sends the mix to the running gateway and charts the answers."));
    refreshServices();
    updateControls();
}

TrafficPanel::~TrafficPanel() = default;

QWidget *TrafficPanel::makeBehaviourBox()
{
    auto *box = new QGroupBox(tr("Backend behaviour"), this);
    box->setObjectName(QStringLiteral("behaviourBox"));
    box->setToolTip(tr("Changes how a running mock Service answers, at once; kept in torii.yaml"));
    m_service->setObjectName(QStringLiteral("behaviourService"));
    m_latency->setObjectName(QStringLiteral("behaviourLatency"));
    m_latency->setRange(0.0, 60000.0);
    m_latency->setDecimals(0);
    m_latency->setSuffix(tr(" ms"));
    m_errorRate->setObjectName(QStringLiteral("behaviourErrorRate"));
    m_errorRate->setRange(0.0, 100.0);
    m_errorRate->setDecimals(1);
    m_errorRate->setSuffix(tr(" %"));
    m_errorStatus->setObjectName(QStringLiteral("behaviourErrorStatus"));
    m_errorStatus->setRange(100, 599);
    m_errorStatus->setValue(503);
    m_down->setObjectName(QStringLiteral("behaviourDown"));
    m_apply->setObjectName(QStringLiteral("behaviourApply"));
    auto *form = new QFormLayout(box);
    form->addRow(tr("Service"), m_service);
    form->addRow(tr("Added latency"), m_latency);
    form->addRow(tr("Error rate"), m_errorRate);
    form->addRow(tr("Error status"), m_errorStatus);
    form->addRow(m_down);
    form->addRow(m_apply);
    connect(m_service, &QComboBox::currentIndexChanged, this, &TrafficPanel::loadBehaviourControls);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        Workspace::BackendSettings b;
        b.service = m_service->currentText().toStdString();
        b.latencyMs = m_latency->value();
        b.errorRate = m_errorRate->value() / 100.0;
        b.errorStatus = m_errorStatus->value();
        b.down = m_down->isChecked();
        QString error;
        if (!applyBackendSettings(b, &error)) {
            m_state->setText(error);
        }
    });
    return box;
}

void TrafficPanel::setWorkspace(Workspace::Workspace *workspace)
{
    m_workspace = workspace;
    connect(workspace, &Workspace::Workspace::opened, this, [this] {
        refreshSources();
        loadBehaviourControls();
    });
    refreshSources();
}

void TrafficPanel::refreshSources()
{
    const QString current = m_mix->currentIndex() >= 0 && m_mix->currentIndex() < int(m_sources.size())
                                ? m_sources[std::size_t(m_mix->currentIndex())].path
                                : QString();
    std::vector<Source> kept;
    for (Source &s : m_sources) {
        if (s.kind == Source::Kind::Mix || s.kind == Source::Kind::Scenario) {
            kept.push_back(std::move(s));
        }
    }
    m_sources.clear();
    m_sources.push_back(Source{});
    // The workspace's files (torii.yaml) first, then the ones chosen in this session.
    if (m_workspace && m_workspace->isOpen()) {
        const auto &settings = m_workspace->studioSettings();
        for (const auto &[list, kind] : {std::pair{&settings.mixes, Source::Kind::Mix},
                                         std::pair{&settings.scenarios, Source::Kind::Scenario}}) {
            for (const std::string &path : *list) {
                Source s;
                s.kind = kind;
                s.path = QDir(m_workspace->root()).absoluteFilePath(QString::fromStdString(path));
                m_sources.push_back(std::move(s));
            }
        }
    }
    for (Source &s : kept) {
        const bool listed = std::any_of(m_sources.begin(), m_sources.end(), [&](const Source &o) { return o.path == s.path; });
        if (!listed) {
            m_sources.push_back(std::move(s));
        }
    }
    Source choose;
    choose.kind = Source::Kind::Choose;
    m_sources.push_back(choose);

    const QSignalBlocker block(m_mix);
    m_mix->clear();
    int select = 0;
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
        const Source &s = m_sources[i];
        switch (s.kind) {
        case Source::Kind::DefaultMix:
            m_mix->addItem(tr("Default mix: every route host and rule match"));
            break;
        case Source::Kind::Mix:
            m_mix->addItem(tr("Mix: %1").arg(QFileInfo(s.path).fileName()), s.path);
            break;
        case Source::Kind::Scenario:
            m_mix->addItem(tr("Scenario: %1").arg(QFileInfo(s.path).fileName()), s.path);
            break;
        case Source::Kind::Choose:
            m_mix->addItem(tr("Choose a mix or scenario file…"));
            break;
        }
        if (!current.isEmpty() && s.path == current) {
            select = int(i);
        }
    }
    m_mix->setCurrentIndex(select);
}

void TrafficPanel::chooseDefaultMix()
{
    m_mix->setCurrentIndex(0);
}

bool TrafficPanel::chooseSourceFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    const std::string text(bytes.constData(), std::size_t(bytes.size()));
    const std::string name = path.toStdString();
    Source source;
    source.path = QFileInfo(path).absoluteFilePath();
    // A scenario is a map with `steps` (or only a rollback rule); a mix one with `requests`.
    const bool scenario = bytes.contains("\nsteps:") || bytes.startsWith("steps:") || bytes.contains("\nrollback:")
                          || bytes.startsWith("rollback:");
    if (scenario) {
        Scenarios::ScenarioParseResult parsed = Scenarios::parseTrafficScenario(text, name);
        if (!parsed.ok()) {
            *error = tr("The scenario does not read:\n%1").arg(describe(parsed.diagnostics));
            return false;
        }
        source.kind = Source::Kind::Scenario;
        source.scenario = std::make_shared<const Scenarios::TrafficScenario>(std::move(parsed.scenario));
    } else {
        Traffic::MixParseResult parsed = Traffic::parseMix(text, name);
        if (!parsed.ok()) {
            *error = tr("The request mix does not read:\n%1").arg(describe(parsed.diagnostics));
            return false;
        }
        source.kind = Source::Kind::Mix;
        source.mix = std::make_shared<const Traffic::RequestMix>(std::move(parsed.mix));
    }
    auto it = std::find_if(m_sources.begin(), m_sources.end(), [&](const Source &s) { return s.path == source.path; });
    if (it != m_sources.end()) {
        *it = source;
    } else {
        m_sources.insert(m_sources.end() - 1, source); // before "Choose…"
    }
    rememberSource(source.path, scenario);
    refreshSources();
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
        if (m_sources[i].path == source.path) {
            m_sources[i] = source; // refreshSources rebuilt the list: keep what was read
            m_mix->setCurrentIndex(int(i));
        }
    }
    return true;
}

void TrafficPanel::rememberSource(const QString &path, bool scenario)
{
    if (!m_workspace || !m_workspace->isOpen()) {
        return;
    }
    Workspace::StudioSettings settings = m_workspace->studioSettings();
    const QString rel = QDir(m_workspace->root()).relativeFilePath(path);
    const std::string stored = (rel.startsWith(QLatin1String("../")) ? path : rel).toStdString();
    auto &list = scenario ? settings.scenarios : settings.mixes;
    if (std::find(list.begin(), list.end(), stored) != list.end()) {
        return;
    }
    list.push_back(stored);
    QString error;
    if (!m_workspace->setStudioSettings(settings, &error)) {
        m_state->setText(error);
    }
}

void TrafficPanel::refreshServices()
{
    const QString current = m_service->currentText();
    const QSignalBlocker block(m_service);
    m_service->clear();
    for (const std::string &name : m_live->mockServices()) {
        m_service->addItem(QString::fromStdString(name));
    }
    const int index = m_service->findText(current);
    m_service->setCurrentIndex(index >= 0 ? index : 0);
    const bool any = m_service->count() > 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_service, m_latency, m_errorRate, m_errorStatus, m_down, m_apply}) {
        w->setEnabled(any);
    }
    if (!any) {
        m_service->setPlaceholderText(tr("Start the gateway to change its mock Services"));
    }
    loadBehaviourControls();
}

void TrafficPanel::loadBehaviourControls()
{
    Workspace::BackendSettings b;
    if (m_workspace) {
        if (const auto *kept = m_workspace->studioSettings().backend(m_service->currentText().toStdString())) {
            b = *kept;
        }
    }
    m_latency->setValue(b.latencyMs);
    m_errorRate->setValue(b.errorRate * 100.0);
    m_errorStatus->setValue(b.errorStatus);
    m_down->setChecked(b.down);
}

bool TrafficPanel::applyBackendSettings(const Workspace::BackendSettings &settings, QString *error)
{
    if (settings.service.empty()) {
        *error = tr("Choose a Service first.");
        return false;
    }
    if (const QString why = m_live->applyBackend(settings); !why.isEmpty()) {
        *error = why;
        return false;
    }
    const int index = m_service->findText(QString::fromStdString(settings.service));
    if (index >= 0 && index != m_service->currentIndex()) {
        m_service->setCurrentIndex(index);
    }
    if (m_run->isRunning()) {
        QStringList what;
        what << tr("latency %1 ms").arg(settings.latencyMs) << tr("errors %1 % (%2)").arg(settings.errorRate * 100.0).arg(settings.errorStatus);
        if (settings.down) {
            what << tr("down");
        }
        addEvent(double(m_clock->elapsed()) / 1000.0, QStringLiteral("behaviour"),
                 QStringLiteral("%1: %2").arg(QString::fromStdString(settings.service), what.join(QStringLiteral(", "))));
    }
    if (m_workspace && m_workspace->isOpen()) {
        Workspace::StudioSettings all = m_workspace->studioSettings();
        all.setBackend(settings);
        if (!(all == m_workspace->studioSettings()) && !m_workspace->setStudioSettings(all, error)) {
            return false;
        }
    }
    m_latency->setValue(settings.latencyMs);
    m_errorRate->setValue(settings.errorRate * 100.0);
    m_errorStatus->setValue(settings.errorStatus);
    m_down->setChecked(settings.down);
    return true;
}

void TrafficPanel::refreshConfiguredWeights()
{
    // The weights the gateway serves now, per rule of the run (the same rule keys).
    const auto &tables = m_live->session()->status().controller.routeTables;
    const auto &rules = m_run->rules();
    for (std::size_t r = 0; r < rules.size(); ++r) {
        bool found = false;
        for (const auto &[gateway, table] : tables) {
            for (int port : table->ports()) {
                const auto view = table->listener(port);
                for (const auto &host : view->hosts) {
                    for (const RouteTable::HttpRoute *route : host.routes) {
                        if (found || Traffic::ruleKey(route->source) != rules[r].key) {
                            continue;
                        }
                        found = true;
                        std::vector<std::string> backends;
                        std::vector<double> weights;
                        for (const RouteTable::Backend &b : route->backends) {
                            backends.push_back(b.ns + '/' + b.service);
                            weights.push_back(b.weight);
                        }
                        m_model->setConfiguredWeights(int(r), backends, weights);
                    }
                }
            }
        }
    }
}

void TrafficPanel::addEvent(double seconds, const QString &kind, const QString &text)
{
    m_model->addEvent(seconds, kind, text);
    const QString line = QStringLiteral("%1 s  %2").arg(QLocale().toString(seconds, 'f', 1), text);
    auto *item = new QListWidgetItem(line, m_events);
    item->setData(Qt::UserRole, kind);
    item->setToolTip(text);
    if (kind == QLatin1String("rollback") || kind == QLatin1String("failed")) {
        item->setForeground(QColor(200, 30, 30));
    }
    m_events->scrollToBottom();
}

bool TrafficPanel::exportChart(int chart, const QString &path, QString *error)
{
    const QList<QChartView *> views = m_charts->views();
    if (chart < 0 || chart >= views.size()) {
        *error = tr("There is no chart %1.").arg(chart);
        return false;
    }
    return TrafficCharts::saveChart(views[chart], path, error);
}

bool TrafficPanel::exportCsv(const QString &path, QString *error)
{
    QSaveFile file(path);
    const std::string csv = m_model->timeSeriesCsv();
    if (!file.open(QIODevice::WriteOnly) || file.write(csv.data(), qint64(csv.size())) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void TrafficPanel::saveChartInteractively(int chart)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the chart"), QString(),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"));
    QString error;
    if (!path.isEmpty() && !exportChart(chart, path, &error)) {
        m_state->setText(error);
    }
}

void TrafficPanel::saveCsvInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the data as CSV"), QString(),
                                                      tr("CSV (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportCsv(path, &error)) {
        m_state->setText(error);
    }
}

TrafficSettings TrafficPanel::settingsFromControls() const
{
    TrafficSettings settings;
    settings.openLoop = m_mode->currentIndex() == 1;
    if (settings.openLoop) {
        settings.rate = m_amount->value();
    } else {
        settings.concurrency = m_amount->value();
    }
    settings.durationSeconds = m_duration->value();
    return settings;
}

void TrafficPanel::startFromControls()
{
    QString error;
    if (!startTraffic(settingsFromControls(), &error)) {
        m_state->setText(error);
    }
}

bool TrafficPanel::startTraffic(const TrafficSettings &settings, QString *error)
{
    if (!m_live->isRunning() && !(m_startGateway && m_startGateway())) {
        *error = tr("Start the gateway first (Run ▶), then the traffic.");
        return false;
    }
    m_mode->setCurrentIndex(settings.openLoop ? 1 : 0);
    m_amount->setValue(settings.openLoop ? int(settings.rate) : settings.concurrency);
    m_duration->setValue(settings.durationSeconds);
    TrafficSettings run = settings;
    std::shared_ptr<const Scenarios::TrafficScenario> scenario;
    const int index = m_mix->currentIndex();
    if (!run.mix && index > 0 && index < int(m_sources.size())) {
        Source &source = m_sources[std::size_t(index)];
        if ((source.kind == Source::Kind::Mix && !source.mix) || (source.kind == Source::Kind::Scenario && !source.scenario)) {
            // Listed in torii.yaml: read when first used.
            if (!chooseSourceFile(source.path, error)) {
                return false;
            }
        }
        const Source &read = m_sources[std::size_t(m_mix->currentIndex())];
        run.mix = read.mix;
        scenario = read.scenario;
    }
    m_events->clear();
    if (scenario) {
        // The steps at 0 s go first, before the first request.
        m_player = std::make_unique<ScenarioPlayer>(
            *m_live->session(), *scenario,
            [this](double seconds, const QString &kind, const QString &text) { addEvent(seconds, kind, text); });
    }
    if (!m_run->start(*m_live->session(), run, error)) {
        m_player.reset();
        return false;
    }
    m_model->reset(m_run->rules());
    if (m_player) {
        m_player->start();
        if (m_player->takeWeightsChanged()) {
            refreshConfiguredWeights();
        }
    }
    m_cancelled = false;
    m_lastTick = 0.0;
    m_clock->start();
    m_timer->start();
    m_charts->refresh();
    m_state->setText(tr("Sending %n request template(s)…", nullptr, int(m_run->templates().size())));
    updateControls();
    return true;
}

void TrafficPanel::cancel()
{
    m_cancelled = m_cancelled || m_run->isRunning();
    m_run->cancel();
}

bool TrafficPanel::isRunning() const
{
    return m_run->isRunning();
}

void TrafficPanel::tick()
{
    const double now = double(m_clock->elapsed()) / 1000.0;
    const double length = std::max(0.001, now - m_lastTick);
    m_lastTick = now;
    std::vector<TrafficSample> samples = m_run->takeSamples();
    if (m_player) {
        m_player->advance(now, samples, m_run->rules());
        if (m_player->takeWeightsChanged()) {
            refreshConfiguredWeights();
        }
    }
    m_model->addTick(samples, now, length);
    m_charts->refresh();
}

void TrafficPanel::onFinished(bool ok, const QString &error)
{
    m_timer->stop();
    tick(); // the answers that came in since the last tick
    if (m_player) {
        m_player->finish(); // the workspace's weights and behaviour are served again
        m_player.reset();
    }
    const QLocale locale;
    const QString requests = locale.toString(qulonglong(m_model->totalRequests()));
    const QString seconds = locale.toString(m_lastTick, 'f', 1);
    if (!ok) {
        m_state->setText(tr("The traffic run failed: %1").arg(error));
    } else if (m_cancelled) {
        m_state->setText(tr("Cancelled after %1 requests in %2 s.").arg(requests, seconds));
    } else {
        m_state->setText(tr("Done: %1 requests in %2 s.").arg(requests, seconds));
    }
    updateControls();
    Q_EMIT runFinished(ok);
}

void TrafficPanel::updateControls()
{
    const bool running = m_run->isRunning();
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_mode->setEnabled(!running);
    m_amount->setEnabled(!running);
    m_duration->setEnabled(!running);
}

} // namespace Torii::Gui
