#include "lessons_view.h"

#include "lesson_catalog.h"
#include "lesson_findings_model.h"
#include "lesson_model.h"

#include "app/gui/models/listeners_model.h"
#include "app/gui/run/live_run.h"
#include "app/gui/settings/preferences.h"
#include "app/gui/traffic/traffic_charts.h"
#include "app/gui/traffic/traffic_model.h"
#include "app/gui/traffic/traffic_run.h"
#include "app/gui/yamleditor/yaml_editor.h"
#include "app/runtime/load_run.h"
#include "app/runtime/serve_session.h"
#include "app/runtime/stream_backends.h"
#include "engine/workspace/workspace.h"
#include "simulator/traffic/default_mix.h"
#include "simulator/traffic/request_mix.h"
#include "simulator/traffic/stream_sampler.h"

#include <QtCharts/QChartView>
#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEvent>
#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListView>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

namespace Torii::Gui {

namespace {

constexpr int tickMs = 250;
// The canary lesson's run: enough requests on the weighted rule for the split to show (about
// 1,600 of 2,000 take the plain request), few enough to take a second or two.
constexpr std::uint64_t canaryRequests = 2000;
constexpr std::uint64_t httpRequests = 1000;
constexpr double maxRunSeconds = 60.0;
// TCP, UDP and TLS lessons: connections (or UDP flows) per route rule, each a draw of the
// gateway's weighted choice (TrafficSettings::streamSamples).
constexpr int streamSamples = 200;

// Block selector entries that are not guide files.
const QString kConverted = QStringLiteral("#converted");
const QString kCompletion = QStringLiteral("#completion");

bool isYamlBlock(const LessonBlock &block)
{
    return !block.shell && !block.path.isEmpty() && !block.file.endsWith(QLatin1String(".json"));
}

// Keeps a widget's minimum height at what its layout needs at the widget's current width.
// Splitters, docks and a box layout short of room know only minimum sizes, and a word-wrapped
// label's minimum is a line or two: without this floor they cut its text.
class HeightForWidthFloor : public QObject
{
public:
    explicit HeightForWidthFloor(QWidget *widget)
        : QObject(widget)
    {
        widget->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // A new text or a child shown or hidden reaches the widget as a layout request; a new
        // width as a resize. Before the widget is shown its width is not yet the layout's.
        const QEvent::Type type = event->type();
        auto *widget = static_cast<QWidget *>(watched);
        if ((type == QEvent::LayoutRequest || type == QEvent::Resize || type == QEvent::Show) &&
            widget->isVisible() && widget->width() > 0 && widget->layout() &&
            widget->layout()->hasHeightForWidth()) {
            widget->setMinimumHeight(widget->layout()->totalMinimumHeightForWidth(widget->width()));
        }
        return false;
    }
};


} // namespace

LessonsView::LessonsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new LessonModel(this))
    , m_list(new QListView(this))
    , m_folderLabel(new QLabel(this))
    , m_chooseFolder(new QPushButton(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_text(new QLabel(this))
    , m_open(new QPushButton(this))
    , m_complete(new QPushButton(this))
    , m_run(new QPushButton(this))
    , m_stop(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_blockLabel(new QLabel(this))
    , m_blocks(new QComboBox(this))
    , m_editor(new YamlEditor(this))
    , m_findingsLabel(new QLabel(this))
    , m_findings(new LessonFindingsModel(this))
    , m_findingsView(new QTableView(this))
    , m_trafficPane(new QWidget(this))
    , m_trafficLabel(new QLabel(this))
    , m_trafficModel(new TrafficModel(this))
    , m_charts(nullptr)
    , m_listeners(new ListenersModel(this))
    , m_listenersView(new QTableView(this))
    , m_live(new LiveRun(this))
    , m_traffic(new TrafficRun(this))
    , m_tick(new QTimer(this))
    , m_clock(std::make_unique<QElapsedTimer>())
{
    setObjectName(QStringLiteral("lessonsView"));
    m_list->setObjectName(QStringLiteral("lessonsList"));
    m_findingsView->setObjectName(QStringLiteral("lessonsFindings"));
    m_editor->setObjectName(QStringLiteral("lessonsBlock"));
    m_complete->setObjectName(QStringLiteral("lessonsComplete"));
    m_run->setObjectName(QStringLiteral("lessonsRun"));
    m_open->setObjectName(QStringLiteral("lessonsOpen"));
    m_live->setAnyPort(true); // lessons never take the workspace's fixed ports
    m_live->setAcceptAllClasses(true);
    // The guide's HTTPS listeners name Secrets it never defines: the lesson serves them with the
    // development CA's certificates, which its requests trust (TrafficRun).
    m_live->setDevelopmentCa(true);

    // Left: the lessons and the guide folder.
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(true);
    m_folderLabel->setWordWrap(true);
    m_folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(m_folderLabel);
    leftLayout->addWidget(m_chooseFolder);

    // Right, top: the lesson's words and actions.
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    reserveStatusLines();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_complete);
    buttons->addWidget(m_run);
    buttons->addWidget(m_stop);
    buttons->addStretch(1);
    auto *header = new QWidget(this);
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    headerLayout->addWidget(m_title);
    headerLayout->addWidget(m_subtitle);
    headerLayout->addWidget(m_text);
    headerLayout->addLayout(buttons);
    headerLayout->addWidget(m_status);
    new HeightForWidthFloor(header);

    // Right, middle: the blocks beside the findings.
    m_editor->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_blockLabel->setBuddy(m_blocks);
    auto *blockPane = new QWidget(this);
    auto *blockLayout = new QVBoxLayout(blockPane);
    blockLayout->setContentsMargins(0, 0, 0, 0);
    auto *blockBar = new QHBoxLayout;
    blockBar->addWidget(m_blockLabel);
    blockBar->addWidget(m_blocks, 1);
    blockLayout->addLayout(blockBar);
    blockLayout->addWidget(m_editor, 1);

    m_findingsView->setModel(m_findings);
    m_findingsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_findingsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_findingsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_findingsView->setWordWrap(true);
    m_findingsView->verticalHeader()->hide();
    m_findingsView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_findingsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_findingsView->horizontalHeader()->setSectionResizeMode(LessonFindingsModel::ExplanationColumn,
                                                             QHeaderView::Stretch);
    m_findingsView->horizontalHeader()->resizeSection(LessonFindingsModel::ObjectColumn, 220);
    m_findingsView->horizontalHeader()->resizeSection(LessonFindingsModel::MessageColumn, 360);
    auto *findingsPane = new QWidget(this);
    auto *findingsLayout = new QVBoxLayout(findingsPane);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    findingsLayout->addWidget(m_findingsLabel);
    findingsLayout->addWidget(m_findingsView, 1);

    auto *middle = new QSplitter(Qt::Horizontal, this);
    middle->addWidget(blockPane);
    middle->addWidget(findingsPane);
    middle->setStretchFactor(0, 2);
    middle->setStretchFactor(1, 3);
    middle->setChildrenCollapsible(false);

    // Right, bottom: the live gateway's listeners and the observed split.
    m_charts = new TrafficCharts(m_trafficModel, this);
    m_charts->rateView()->hide();
    m_charts->latencyView()->hide();
    m_charts->histogramView()->hide();
    m_charts->keepShareLabelsWhole(); // the share chart is shown alone here
    new HeightForWidthFloor(m_charts); // the verdicts under the chart
    if (auto *grid = qobject_cast<QGridLayout *>(m_charts->layout())) {
        // Only the share chart is shown here: the hidden charts' columns take no room.
        for (int column = 0; column < grid->columnCount(); ++column) {
            grid->setColumnStretch(column, column == 1 ? 1 : 0);
        }
    }
    m_listenersView->setModel(m_listeners);
    m_listenersView->verticalHeader()->hide();
    m_listenersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listenersView->horizontalHeader()->setStretchLastSection(true);
    m_trafficLabel->setWordWrap(true);
    auto *trafficLayout = new QVBoxLayout(m_trafficPane);
    trafficLayout->setContentsMargins(0, 0, 0, 0);
    trafficLayout->addWidget(m_trafficLabel);
    auto *trafficRow = new QSplitter(Qt::Horizontal, m_trafficPane);
    trafficRow->addWidget(m_listenersView);
    trafficRow->addWidget(m_charts);
    trafficRow->setStretchFactor(0, 2);
    trafficRow->setStretchFactor(1, 3);
    trafficLayout->addWidget(trafficRow, 1);
    m_trafficRow = trafficRow;
    new HeightForWidthFloor(m_trafficPane);

    auto *panes = new QSplitter(Qt::Vertical, this);
    panes->addWidget(middle);
    panes->addWidget(m_trafficPane);
    panes->setStretchFactor(0, 3);
    panes->setStretchFactor(1, 2);
    panes->setChildrenCollapsible(false);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(header);
    rightLayout->addWidget(panes, 1);

    auto *outer = new QSplitter(Qt::Horizontal, this);
    outer->addWidget(left);
    outer->addWidget(right);
    outer->setStretchFactor(0, 1);
    outer->setStretchFactor(1, 4);
    outer->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(outer);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && current.row() != m_lesson) {
                    showLesson(current.row());
                }
            });
    connect(m_chooseFolder, &QPushButton::clicked, this, &LessonsView::chooseGuideFolder);
    // One setting, whoever changes it (this view's button or the Settings dialog).
    connect(Preferences::instance(), &Preferences::guideFolderChanged, this,
            [this] { setGuideFolder({}); }); // the settings value wins: guideFolder()
    connect(m_complete, &QPushButton::clicked, this, [this] { setCompleted(!m_completed); });
    connect(m_run, &QPushButton::clicked, this, [this] { runTraffic(); });
    connect(m_stop, &QPushButton::clicked, this, &LessonsView::stopTraffic);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString yaml = workspaceYaml();
        if (!yaml.isEmpty()) {
            Q_EMIT addToWorkspaceRequested(yaml);
        }
    });
    connect(m_blocks, &QComboBox::currentIndexChanged, this, [this] { showSelectedBlock(); });
    connect(&m_watcher, &QFutureWatcher<LessonAnalysis>::finished, this, [this] {
        LessonAnalysis result = m_watcher.result();
        if (m_rerun || result.lesson != m_lesson || result.completed != m_completed ||
            result.folder != m_folder) {
            m_rerun = false; // stale: the lesson, its state or the folder changed meanwhile
            startAnalysis();
            return;
        }
        showAnalysis(std::move(result));
    });
    connect(m_live, &LiveRun::started, this, &LessonsView::onGatewayStarted);
    connect(m_live, &LiveRun::startFailed, this, [this](const QString &why) {
        m_runMessage = tr("The gateway did not start: %1").arg(why);
        updateStatusLine();
        updateButtons();
        Q_EMIT trafficFinished(false, why);
    });
    connect(m_traffic, &TrafficRun::finished, this, &LessonsView::onTrafficDone);
    m_tick->setInterval(tickMs);
    connect(m_tick, &QTimer::timeout, this, &LessonsView::onTrafficTick);

    setGuideFolder({});
    retranslate();
    selectLesson(0); // analysed when first shown or asked for (m_deferred)
}

LessonsView::~LessonsView()
{
    m_watcher.waitForFinished();
    m_traffic->cancel();
    m_live->stop();
}

void LessonsView::setGuideFolder(const QString &folder)
{
    if (folder.isEmpty()) {
        m_folder = LessonCatalog::guideFolder(&m_folderHow);
    } else if (LessonCatalog::isGuideFolder(folder)) {
        m_folder = QDir::cleanPath(QDir(folder).absolutePath());
        m_folderHow = tr("the folder chosen here");
    } else {
        m_folder.clear(); // said in the folder label, with how to point at one
        m_folderHow.clear();
    }
    m_model->setGuideFolder(m_folder);
    retranslate();
    if (m_lesson >= 0) {
        analyse();
    }
}

void LessonsView::chooseGuideFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Choose the folder of the guide's code blocks"), m_folder);
    if (folder.isEmpty()) {
        return;
    }
    const QString problem = LessonCatalog::guideFolderProblem(folder);
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    Preferences::instance()->setGuideFolder(folder); // guideFolderChanged shows it here
}

void LessonsView::retranslate()
{
    m_chooseFolder->setText(tr("Choose guide folder…"));
    m_chooseFolder->setToolTip(
        tr("The folder that holds the guide's code blocks (01.yaml … 33.yaml)"));
    if (m_folder.isEmpty()) {
        m_folderLabel->setText(tr(
            "The guide's code blocks were not found. Choose their folder (../shared/fixtures/seed "
            "beside the Torii sources) with \"Choose guide folder…\", or set TORII_GUIDE_DIR. "
            "The lessons' texts are shown meanwhile."));
    } else {
        m_folderLabel->setText(
            tr("Guide: %1 (%2)").arg(QDir::toNativeSeparators(m_folder), m_folderHow));
    }
    m_open->setText(tr("Open in workspace"));
    m_open->setToolTip(tr("Add the lesson's objects (and the objects the completion added) to the "
                          "open workspace"));
    m_complete->setText(m_completed ? tr("Show as written") : tr("Complete the example"));
    m_complete->setToolTip(m_completed
                               ? tr("Show the status of the blocks as the guide wrote them")
                               : tr("Add the namespaces and Services the guide never defines (mock "
                                    "backends), let the lesson's routes onto their listeners, and "
                                    "show the status again"));
    m_run->setText(tr("Run traffic"));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Stop the traffic and the lesson's gateway"));
    m_blockLabel->setText(tr("&Block:"));
    m_editor->setPlaceholderText(
        tr("The lesson's code blocks appear here once the guide folder is known."));
    m_model->retranslate();
    if (m_lesson >= 0) {
        const Lesson &lesson = LessonCatalog::lessons()[std::size_t(m_lesson)];
        m_title->setText(LessonCatalog::title(lesson));
        const QString heading = LessonCatalog::headings(m_folder).value(lesson.blocks.value(0));
        //: Lessons: the guide's own (Japanese) section heading and the lesson's block files.
        m_subtitle->setText(heading.isEmpty()
                                ? tr("Blocks: %1").arg(lesson.blocks.join(QStringLiteral(", ")))
                                : tr("Guide: 「%1」 · blocks: %2")
                                      .arg(heading, lesson.blocks.join(QStringLiteral(", "))));
        m_text->setText(LessonCatalog::text(lesson));
        if (lesson.routesHttp()) {
            m_run->setToolTip(tr("Serve the lesson on 127.0.0.1 and send its requests"));
        } else if (lesson.routesStreams()) {
            m_run->setToolTip(tr("Serve the lesson on 127.0.0.1 and open connections to its "
                                 "listeners"));
        } else {
            m_run->setToolTip(tr("This lesson routes no traffic"));
        }
    }
    fillBlockSelector();
    updateStatusLine();
    updateButtons();
}

void LessonsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::FontChange) {
        reserveStatusLines();
        refreshCharts();
    }
    QWidget::changeEvent(event);
}

void LessonsView::showLesson(int index)
{
    m_deferred = false;
    selectLesson(index);
}

void LessonsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reserveStatusLines(); // the font the view is shown with
    if (m_deferred) { // the first time the view is seen: the lesson chosen so far is analysed
        m_deferred = false;
        analyse();
    }
}

void LessonsView::selectLesson(int index)
{
    if (index < 0 || std::size_t(index) >= LessonCatalog::lessons().size()) {
        return;
    }
    if (isRunning()) {
        stopTraffic();
    }
    m_lesson = index;
    m_completed = false;
    m_runMessage.clear();
    m_listeners->setListeners({});
    m_trafficModel->reset({});
    refreshCharts();
    const QModelIndex row = m_model->index(index);
    if (m_list->currentIndex() != row) {
        m_list->setCurrentIndex(row);
    }
    m_trafficPane->setVisible(LessonCatalog::lessons()[std::size_t(index)].traffic !=
                              LessonTraffic::None);
    m_trafficRow->hide(); // empty until the lesson runs: the blocks and findings get the room
    retranslate();
    analyse();
}

void LessonsView::setCompleted(bool completed)
{
    if (completed == m_completed) {
        return;
    }
    m_completed = completed;
    retranslate();
    analyse();
}

void LessonsView::analyse()
{
    if (m_deferred) {
        return; // nobody has looked yet (a hidden dock): showEvent() starts it
    }
    if (m_watcher.isRunning()) {
        m_rerun = true;
        return;
    }
    startAnalysis();
}

void LessonsView::startAnalysis()
{
    m_status->setText(tr("Computing the status…"));
    m_analysing = true;
    updateButtons();
    m_watcher.setFuture(QtConcurrent::run(&analyzeLesson, m_lesson, m_folder, m_completed));
}

void LessonsView::showAnalysis(LessonAnalysis analysis)
{
    const QString shown = m_blocks->currentData().toString();
    m_analysing = false;
    m_analysis = std::move(analysis);
    m_findings->setFindings(m_analysis.findings);
    fillBlockSelector();
    if (!shown.isEmpty()) {
        showBlock(m_completed && !m_analysis.completionYaml.empty() ? kCompletion : shown);
    }
    updateStatusLine();
    updateButtons();
    Q_EMIT analysed();
}

QStringList LessonsView::shownBlocks() const
{
    QStringList out;
    for (int i = 0; i < m_blocks->count(); ++i) {
        out << m_blocks->itemData(i).toString();
    }
    return out;
}

void LessonsView::showBlock(const QString &file)
{
    const int i = m_blocks->findData(file);
    if (i >= 0) {
        m_blocks->setCurrentIndex(i);
        showSelectedBlock();
    }
}

void LessonsView::fillBlockSelector()
{
    const QString current = m_blocks->currentData().toString();
    const QSignalBlocker blocker(m_blocks);
    m_blocks->clear();
    if (m_analysis.lesson != m_lesson) {
        m_editor->setPlainText(QString());
        return;
    }
    for (const LessonBlock &block : m_analysis.blocks) {
        if (block.path.isEmpty()) {
            m_blocks->addItem(tr("%1 (missing)").arg(block.file), block.file);
        } else if (block.context) {
            //: Lessons: a block of another section loaded for its objects (the route's Gateway).
            m_blocks->addItem(tr("%1 (context)").arg(block.file), block.file);
        } else {
            m_blocks->addItem(block.file, block.file);
        }
    }
    if (!m_analysis.convertedYaml.empty()) {
        m_blocks->addItem(
            tr("Converted by %1").arg(QString::fromStdString(m_analysis.converterName)),
            kConverted);
    }
    if (!m_analysis.completionYaml.empty()) {
        m_blocks->addItem(tr("Added by \"Complete the example\""), kCompletion);
    }
    const int keep = m_blocks->findData(current);
    m_blocks->setCurrentIndex(keep >= 0 ? keep : 0);
    showSelectedBlock();
}

void LessonsView::showSelectedBlock()
{
    const QString which = m_blocks->currentData().toString();
    QString text;
    Core::Diagnostics marks;
    if (which == kConverted) {
        text = QString::fromStdString(m_analysis.convertedYaml);
    } else if (which == kCompletion) {
        text = QString::fromStdString(m_analysis.completionYaml);
    } else {
        for (const LessonBlock &block : m_analysis.blocks) {
            if (block.file == which) {
                text = block.text;
            }
        }
        // The block's own diagnostics underlined where they point.
        for (const LessonFinding &f : m_analysis.findings) {
            if (f.kind == LessonFinding::Kind::Diagnostic &&
                QString::fromStdString(f.file) == which && f.diagnostic.line > 0) {
                marks.push_back(f.diagnostic);
            }
        }
    }
    m_editor->setPlainText(text);
    m_editor->setDiagnostics(std::move(marks));
}

// Two lines, so that the usual statuses ("Computing the status…", the findings, what the
// completion added, a run's outcome) leave the panes below where they are; a longer one grows.
void LessonsView::reserveStatusLines()
{
    const QMargins margins = m_status->contentsMargins();
    const int twoLines =
        m_status->fontMetrics()
            .boundingRect(QRect(0, 0, 1000, 1000), Qt::TextWordWrap, QStringLiteral("X\nX"))
            .height();
    m_status->setMinimumHeight(twoLines + margins.top() + margins.bottom() +
                               2 * m_status->margin());
}

void LessonsView::refreshCharts()
{
    if (!m_charts) {
        return; // a font change while the view is being made
    }
    m_charts->refresh(); // the share chart's minimum follows its labels (TrafficCharts)
}

void LessonsView::updateButtons()
{
    const bool ready = m_analysis.lesson == m_lesson && !isAnalysing();
    const bool hasObjects = ready && !m_analysis.status.resources.empty();
    const Lesson *lesson =
        m_lesson >= 0 ? &LessonCatalog::lessons()[std::size_t(m_lesson)] : nullptr;
    m_open->setEnabled(hasObjects && !workspaceYaml().isEmpty());
    m_complete->setEnabled(hasObjects && !isRunning());
    m_run->setEnabled(hasObjects && lesson && lesson->traffic != LessonTraffic::None &&
                      !isRunning());
    m_stop->setEnabled(isRunning());
}

void LessonsView::updateStatusLine()
{
    if (m_lesson < 0) {
        return;
    }
    if (isAnalysing()) {
        m_status->setText(tr("Computing the status…"));
        return;
    }
    if (m_analysis.lesson != m_lesson) {
        m_status->clear();
        return;
    }
    QStringList parts;
    if (!m_analysis.missingFiles.isEmpty()) {
        parts << tr("Not in the guide folder: %1")
                     .arg(m_analysis.missingFiles.join(QStringLiteral(", ")));
    }
    parts << tr("Findings: %1 errors · %2 warnings · %3 notes")
                 .arg(m_analysis.count(Core::Severity::Error))
                 .arg(m_analysis.count(Core::Severity::Warning))
                 .arg(m_analysis.count(Core::Severity::Info));
    // What the completion added and replaced: the first few in the line (it must stay short
    // enough to be read above the blocks), all of them in the tooltip.
    const auto shortList = [](const std::vector<std::string> &names) {
        QStringList all;
        for (const std::string &name : names) {
            all << QString::fromStdString(name);
        }
        const QString line = all.size() > 3 ? QStringLiteral("%1, … (+%2)")
                                                  .arg(all.mid(0, 3).join(QStringLiteral(", ")))
                                                  .arg(all.size() - 3)
                                            : all.join(QStringLiteral(", "));
        return std::make_pair(line, all.join(QLatin1Char('\n')));
    };
    QString details;
    if (m_completed && !m_analysis.replaced.empty()) {
        const auto [line, all] = shortList(m_analysis.replaced);
        //: Lessons: objects of the guide replaced by completed copies (Gateways).
        parts << tr("Completed copies: %1").arg(line);
        details += all + QLatin1Char('\n');
    }
    if (m_completed) {
        const auto [line, all] = shortList(m_analysis.completion);
        parts << (m_analysis.completion.empty() ? tr("Nothing was missing.")
                                                : tr("Added: %1").arg(line));
        details += all;
    }
    m_status->setToolTip(details.trimmed());
    if (!m_runMessage.isEmpty()) {
        parts << m_runMessage;
    }
    m_status->setText(parts.join(QStringLiteral(" — ")));
    m_findingsLabel->setText(
        tr("What the controller and the validator say (%1)").arg(m_analysis.findings.size()));
    const Lesson &lesson = LessonCatalog::lessons()[std::size_t(m_lesson)];
    if (lesson.routesStreams()) {
        m_trafficLabel->setText(
            tr("Run serves the lesson's TCP, UDP and TLS listeners on 127.0.0.1 and opens %L1 "
               "connections (UDP: flows) per route rule that the lesson's routes reach; the chart "
               "shows which backend answered each. Routes the guide's listeners do not admit "
               "reach nothing: \"Complete the example\" first. Try the listeners yourself with "
               "the lines in the table.")
                .arg(streamSamples));
    } else if (lesson.traffic == LessonTraffic::Canary) {
        m_trafficLabel->setText(tr("Run sends %L1 requests: most without header or cookie (the "
                                   "95/5 rule), some with x-canary: true and some with the "
                                   "ab_test=variant_b cookie.")
                                    .arg(canaryRequests));
    } else {
        m_trafficLabel->setText(tr("Run sends %L1 requests: one of each route hostname and rule "
                                   "match, in turn.")
                                    .arg(httpRequests));
    }
}

QString LessonsView::workspaceYaml() const
{
    if (m_analysis.lesson != m_lesson) {
        return {};
    }
    QStringList documents;
    for (const LessonBlock &block : m_analysis.blocks) {
        if (block.context || !isYamlBlock(block)) {
            continue;
        }
        bool unreadable = false; // the guide's diagram block is no YAML: never hand it over
        for (const LessonFinding &f : m_analysis.findings) {
            unreadable =
                unreadable || (QString::fromStdString(f.file) == block.file &&
                               f.kind == LessonFinding::Kind::Diagnostic &&
                               f.diagnostic.isError() && f.diagnostic.code.rfind("yaml", 0) == 0);
        }
        if (!unreadable) {
            // The block as written, or with the completed copies of its objects.
            documents << QString::fromStdString(m_analysis.blockYaml(block)).trimmed();
        }
    }
    if (!m_analysis.completionYaml.empty()) {
        documents << QString::fromStdString(m_analysis.completionYaml).trimmed();
    }
    return documents.isEmpty() ? QString()
                               : documents.join(QStringLiteral("\n---\n")) + QLatin1Char('\n');
}

bool LessonsView::isRunning() const
{
    return m_live->isRunning() || m_live->isStarting() || m_traffic->isRunning();
}

bool LessonsView::isTrafficRunning() const
{
    return m_traffic->isRunning();
}

// The lesson's objects as the gateway serves them: its YAML blocks (own and context) and what
// the completion added, in a scratch workspace of their own (never the user's).
bool LessonsView::writeScratchWorkspace(QString *error)
{
    m_scratch = std::make_unique<QTemporaryDir>();
    if (!m_scratch->isValid()) {
        *error = tr("Cannot create a temporary folder: %1").arg(m_scratch->errorString());
        return false;
    }
    // Every object the lesson serves, as the analysis reconciled them: own blocks, the parents
    // of context blocks (not their routes), the completion and its completed copies.
    const QByteArray served = QByteArray::fromStdString(m_analysis.servedYaml);
    QFile out(m_scratch->filePath(QStringLiteral("lesson.yaml")));
    if (!out.open(QIODevice::WriteOnly) || out.write(served) != served.size()) {
        *error = tr("Cannot write %1: %2").arg(out.fileName(), out.errorString());
        return false;
    }
    out.close();
    m_workspace = std::make_unique<Workspace::Workspace>();
    return m_workspace->open({m_scratch->path()}, error);
}

bool LessonsView::runTraffic()
{
    const Lesson *lesson =
        m_lesson >= 0 ? &LessonCatalog::lessons()[std::size_t(m_lesson)] : nullptr;
    if (!lesson || lesson->traffic == LessonTraffic::None) {
        m_runMessage = tr("This lesson routes no traffic.");
        updateStatusLine();
        return false;
    }
    if (isRunning() || isAnalysing() || m_analysis.lesson != m_lesson) {
        m_runMessage = tr("Wait until the status is computed and any run has ended.");
        updateStatusLine();
        return false;
    }
    QString error;
    if (!writeScratchWorkspace(&error)) {
        m_runMessage = error;
        updateStatusLine();
        return false;
    }
    m_runMessage = tr("Starting the lesson's gateway…");
    m_trafficRow->show();
    m_charts->setVisible(lesson->routesHttp() || lesson->routesStreams());
    m_listeners->setListeners({});
    m_trafficModel->reset({});
    refreshCharts();
    m_live->startInBackground(*m_workspace);
    updateStatusLine();
    updateButtons();
    return true;
}

QStringList LessonsView::unsampledStreamRules() const
{
    using Kind = Backends::StreamEchoService::Kind;
    QStringList out;
    const Runtime::ServeSession *session = m_live->session();
    for (const Traffic::StreamRule &r :
         Traffic::streamRules(session->status().controller.routeTables)) {
        if (Runtime::echoAnswersStreamRule(session->status().resources, r)) {
            continue;
        }
        quint16 port = 0;
        for (const Runtime::ServedListener &l : session->listeners()) {
            port = l.gateway == r.gateway && l.port == r.port ? l.localPort : port;
        }
        const QString rule = QString::fromStdString(Traffic::ruleKey(r.route->source));
        bool dns = false;
        for (const RouteTable::Backend &b : r.route->backends) {
            dns = dns || Runtime::streamBackendFor(session->status().resources, b.ns, b.service,
                                                   b.port, RouteTable::ListenerProtocol::UDP)
                                 .kind == Kind::Dns;
        }
        if (dns && r.protocol == Traffic::StreamProtocol::Udp) {
            //: Lessons: %1 a rule ("UDPRoute dns-system/dns-udp-route rule 0"), %2 a local port.
            out << tr("%1 is not charted: its backend is the DNS stand-in (the guide's coredns), "
                      "which answers a DNS query with the asker's own address, as coredns' whoami "
                      "plugin does, and never names itself; so an answer cannot say which backend "
                      "sent it, and the echo the sampler speaks gets no answer. Ask it yourself: "
                      "dig @127.0.0.1 -p %2 example.com")
                       .arg(rule)
                       .arg(port);
        } else {
            out << tr("%1 is not charted: its backends are not echo servers (an HTTP Deployment "
                      "behind a TCP listener), so an answer cannot say which backend sent it.")
                       .arg(rule);
        }
    }
    return out;
}

void LessonsView::onGatewayStarted()
{
    m_developmentCaNote.clear();
    int filled = 0;
    for (const Runtime::HttpsListenerNote &note : m_live->session()->httpsNotes()) {
        filled += note.source == Runtime::HttpsListenerNote::Source::DevelopmentCertificate;
    }
    if (filled > 0 && m_live->session()->developmentCa()) {
        //: Lessons: %2 is the path of the development CA's certificate.
        // The CA lives in the run's snapshot folder and goes with it: the path is not shown.
        m_developmentCaNote =
            tr("%n HTTPS listener(s) without a usable certificate were served with a certificate "
               "of a development CA made for this run, which the requests trust.",
               nullptr, filled);
    }
    m_listeners->setListeners(m_live->listeners());
    m_listenersView->resizeColumnsToContents();
    const Lesson &lesson = LessonCatalog::lessons()[std::size_t(m_lesson)];
    // A TCP, UDP or TLS lesson whose routes attach to no served listener (the guide's own
    // design may not allow them: its findings say why) has nothing to sample: its listeners are
    // listed, as for a lesson without routes.
    m_unsampled = unsampledStreamRules();
    bool streams = false;
    if (lesson.routesStreams()) {
        for (const Traffic::StreamRule &r :
             Traffic::streamRules(m_live->session()->status().controller.routeTables)) {
            streams =
                streams || Runtime::echoAnswersStreamRule(m_live->session()->status().resources, r);
        }
    }
    if (!lesson.routesHttp() && !streams) {
        m_runMessage = tr("The lesson's gateway serves %n listener(s) on 127.0.0.1.", nullptr,
                          int(m_live->listeners().size()));
        if (!m_unsampled.isEmpty()) {
            m_runMessage += QLatin1Char(' ') + m_unsampled.join(QLatin1Char(' '));
        }
        updateStatusLine();
        updateButtons();
        Q_EMIT trafficFinished(true, QString());
        return;
    }
    TrafficSettings settings;
    settings.openLoop = false;
    settings.concurrency = 4;
    settings.durationSeconds = maxRunSeconds;
    settings.requestLimit = lesson.traffic == LessonTraffic::Canary ? canaryRequests : httpRequests;
    settings.streamSamples = streamSamples;
    if (lesson.traffic == LessonTraffic::Canary) {
        // The lesson's own route's first hostname; the rules tell the requests apart by header
        // and cookie only.
        std::string host;
        for (const Model::Resource &r : m_analysis.status.resources) {
            const Model::Node *hostnames = r.object.at("spec.hostnames");
            if (host.empty() && r.kind == "HTTPRoute" && hostnames && hostnames->size() > 0) {
                host = hostnames->items().front().asString();
            }
        }
        auto mix = std::make_shared<Traffic::RequestMix>();
        Traffic::RequestTemplate plain;
        plain.name = "plain";
        plain.weight = 8;
        plain.host = host;
        Traffic::RequestTemplate canary = plain;
        canary.name = "x-canary";
        canary.weight = 1;
        canary.headers = {{"x-canary", "true"}};
        Traffic::RequestTemplate variantB = plain;
        variantB.name = "ab_test=variant_b";
        variantB.weight = 1;
        variantB.cookies = {{"ab_test", "variant_b"}};
        mix->templates = {plain, canary, variantB};
        settings.mix = std::move(mix);
    }
    QString error;
    if (!m_traffic->start(*m_live->session(), settings, &error)) {
        m_runMessage = error;
        m_live->stop();
        updateStatusLine();
        updateButtons();
        Q_EMIT trafficFinished(false, error);
        return;
    }
    m_trafficModel->reset(m_traffic->rules());
    m_clock->start();
    m_lastTickSeconds = 0.0;
    m_tick->start();
    m_runMessage = tr("Sending requests…");
    updateStatusLine();
    updateButtons();
}

void LessonsView::onTrafficTick()
{
    const double now = double(m_clock->elapsed()) / 1000.0;
    m_trafficModel->addTick(m_traffic->takeSamples(), now, now - m_lastTickSeconds);
    m_lastTickSeconds = now;
    refreshCharts();
}

void LessonsView::onTrafficDone(bool ok, const QString &error)
{
    m_tick->stop();
    onTrafficTick(); // the last answers
    m_live->stop();  // the listeners table keeps what was served
    m_runMessage = ok ? tr("%n request(s) answered; the chart shows the observed split.", nullptr,
                           int(m_trafficModel->totalRequests()))
                      : tr("The traffic run failed: %1").arg(error);
    if (!m_developmentCaNote.isEmpty()) {
        m_runMessage += QLatin1Char(' ') + m_developmentCaNote;
    }
    if (!m_unsampled.isEmpty()) {
        m_runMessage += QLatin1Char(' ') + m_unsampled.join(QLatin1Char(' '));
    }
    updateStatusLine();
    updateButtons();
    Q_EMIT trafficFinished(ok, error);
}

void LessonsView::stopTraffic()
{
    m_tick->stop();
    m_traffic->cancel();
    if (!m_traffic->isRunning()) {
        m_live->cancelStart();
        m_live->stop();
    }
    updateButtons();
}

} // namespace Torii::Gui
