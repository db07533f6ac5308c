#include "run_panel.h"

#include "app/gui/models/listeners_model.h"
#include "live_run.h"
#include "request_tester.h"

#include <QtGui/QClipboard>
#include <algorithm>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

namespace Torii::Gui {

RunPanel::RunPanel(LiveRun *live, QWidget *parent)
    : QWidget(parent), m_live(live), m_state(new QLabel(this)), m_busy(new QProgressBar(this)),
      m_cancelStart(new QPushButton(tr("Cancel"), this)), m_model(new ListenersModel(this)),
      m_table(new QTableView(this)), m_tester(new RequestTester(live, this))
{
    m_state->setObjectName(QStringLiteral("runState"));
    m_table->setObjectName(QStringLiteral("listenersTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu(this);
        menu.addAction(tr("Copy the command"), this, &RunPanel::copyCurlLine);
        menu.exec(m_table->viewport()->mapToGlobal(at));
    });
    // Double-click a listener: try it in the tester.
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const auto &l = m_model->listeners().at(static_cast<std::size_t>(index.row()));
        if (l.localPort != 0) {
            const QString host = l.exampleHost.empty() ? QStringLiteral("localhost")
                                                       : QString::fromStdString(l.exampleHost);
            m_tester->setRequest(QStringLiteral("GET"),
                                 l.port == 80 ? QStringLiteral("http://%1/").arg(host)
                                              : QStringLiteral("http://%1:%2/").arg(host).arg(l.port));
        }
    });
    auto *copy = new QPushButton(tr("Copy the command"), this);
    connect(copy, &QPushButton::clicked, this, &RunPanel::copyCurlLine);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    header->addWidget(m_state, 1);
    header->addWidget(m_busy);
    header->addWidget(m_cancelStart);
    header->addWidget(copy);
    topLayout->addLayout(header);
    topLayout->addWidget(m_table, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_tester);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setSizes({150, 300});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    m_busy->setObjectName(QStringLiteral("runBusy"));
    m_busy->setRange(0, 0); // busy: loading, reconciling and binding say nothing of their progress
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_cancelStart->setObjectName(QStringLiteral("runCancelStart"));
    m_cancelStart->setToolTip(tr("Stop waiting for the gateway to start"));
    connect(m_cancelStart, &QPushButton::clicked, m_live, &LiveRun::cancelStart);

    connect(m_live, &LiveRun::starting, this, &RunPanel::refresh);
    connect(m_live, &LiveRun::started, this, &RunPanel::refresh);
    connect(m_live, &LiveRun::stopped, this, &RunPanel::refresh);
    connect(m_live, &LiveRun::startFailed, this, [this](const QString &why) {
        refresh();
        m_state->setText(QStringLiteral("✕ ") + tr("The gateway did not start: %1").arg(why));
    });
    refresh();
}

void RunPanel::refresh()
{
    // Served listeners first: those are the ones to try.
    std::vector<Runtime::ServedListener> listeners = m_live->listeners();
    std::stable_partition(listeners.begin(), listeners.end(),
                          [](const Runtime::ServedListener &l) { return l.localPort != 0; });
    m_model->setListeners(std::move(listeners));
    m_table->resizeColumnsToContents();
    m_busy->setVisible(m_live->isStarting());
    m_cancelStart->setVisible(m_live->isStarting());
    if (m_live->isStarting()) {
        m_state->setText(tr("◌ Starting the gateway: reading the design, reconciling, opening the listeners…"));
        return;
    }
    if (!m_live->isRunning()) {
        m_state->setText(tr("○ The gateway is stopped. Run ▶ (F5) serves the workspace on 127.0.0.1."));
        return;
    }
    int served = 0;
    for (const auto &l : m_model->listeners()) {
        served += l.localPort != 0 ? 1 : 0;
    }
    QString text = tr("● Gateway running on 127.0.0.1: %n listener(s) served", nullptr, served);
    const auto &implicit = m_live->session()->implicitServices();
    if (!implicit.empty()) {
        text += QStringLiteral(" · ")
                + tr("%n Service(s) not in the workspace were made up as mock backends", nullptr,
                     static_cast<int>(implicit.size()));
    }
    m_state->setText(text);
    // Pre-fill the tester with the first served listener.
    for (const auto &l : m_model->listeners()) {
        if (l.localPort != 0 && !l.exampleHost.empty()) {
            m_tester->setRequest(QStringLiteral("GET"),
                                 l.port == 80 ? QStringLiteral("http://%1/").arg(QString::fromStdString(l.exampleHost))
                                              : QStringLiteral("http://%1:%2/")
                                                    .arg(QString::fromStdString(l.exampleHost))
                                                    .arg(l.port));
            break;
        }
    }
}

void RunPanel::copyCurlLine()
{
    QModelIndex index = m_table->currentIndex();
    if (!index.isValid() && m_model->rowCount() > 0) {
        index = m_model->index(0, 0);
    }
    if (!index.isValid()) {
        return;
    }
    const QString line = ListenersModel::curlLine(m_model->listeners().at(static_cast<std::size_t>(index.row())));
    if (!line.isEmpty()) {
        QGuiApplication::clipboard()->setText(line);
    }
}

} // namespace Torii::Gui
