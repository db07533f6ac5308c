#include "traffic_panel.h"

#include "app/gui/run/live_run.h"
#include "app/gui/traffic/traffic_charts.h"
#include "app/gui/traffic/traffic_model.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>
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
}

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
{
    m_mix->setObjectName(QStringLiteral("trafficMix"));
    m_mix->addItem(tr("Default mix: every route host and rule match"));
    m_mix->setToolTip(tr("One request per route hostname and rule match of every served HTTP listener, equally weighted."));
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

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_charts);
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
    m_state->setText(tr("Sends the mix to the running gateway and charts the answers."));
    updateControls();
}

TrafficPanel::~TrafficPanel() = default;

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
    if (!m_run->start(*m_live->session(), settings, error)) {
        return false;
    }
    m_model->reset(m_run->rules());
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
    m_model->addTick(m_run->takeSamples(), now, length);
    m_charts->refresh();
}

void TrafficPanel::onFinished(bool ok, const QString &error)
{
    m_timer->stop();
    tick(); // the answers that came in since the last tick
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
