#include "main_window.h"

#include "app/gui/explorer/explorer_panel.h"
#include "app/gui/forms/new_resource_dialog.h"
#include "app/gui/forms/resource_form.h"
#include "app/gui/lessons/lessons_view.h"
#include "app/gui/migrate/migrate_view.h"
#include "app/gui/models/explorer_model.h"
#include "app/gui/models/problems_model.h"
#include "app/gui/run/live_run.h"
#include "app/gui/run/run_panel.h"
#include "app/gui/export/export_dialog.h"
#include "app/gui/roles/role_switcher.h"
#include "app/gui/settings/settings_dialog.h"
#include "app/gui/settings/preferences.h"
#include "app/gui/traffic/traffic_panel.h"
#include "app/gui/yamleditor/yaml_editor.h"
#include "app/runtime/install_layout.h"
#include "engine/controller/controller.h"
#include "engine/validation/validator.h"
#include "engine/workspace/workspace.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtGui/QActionGroup>
#include <QtGui/QCloseEvent>
#include <QtGui/QKeySequence>
#include <QtWidgets/QApplication>
#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QFutureWatcher>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QStyle>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

#ifdef TORII_HAVE_HIERARCHY
#include "app/gui/hierarchy/hierarchy_view.h"
#include "engine/export/graph_layout.h"
#include "engine/export/hierarchy_graph.h"
#endif

namespace Torii::Gui {

namespace {

const char *kRecentKey = "recentWorkspaces";
const char *kGeometryKey = "mainWindow/geometry";
const char *kStateKey = "mainWindow/state";
const char *kFileIndexProperty = "toriiFileIndex";

QAction *makeAction(QObject *parent, const QString &objectName, const QString &text,
                    const QKeySequence &shortcut = {}, const QIcon &icon = {})
{
    auto *action = new QAction(icon, text, parent);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
    }
    return action;
}

} // namespace

// What the status worker hands the GUI thread: everything derived from the controller's result,
// finished, so that applying it only swaps data in (the explorer's rows, the hierarchy's graph
// and its DOT text, which decides whether Graphviz must run again).
struct MainWindow::StatusResult
{
    int objectCount = 0;
    std::shared_ptr<ExplorerSnapshot> explorer;
#ifdef TORII_HAVE_HIERARCHY
    Export::HierarchyGraph graph;
    Export::LayoutOptions layoutOptions;
    std::string dot;
#endif
};

std::shared_ptr<MainWindow::StatusResult> MainWindow::computeStatus(const std::vector<Model::Resource> &resources)
{
    auto status = std::make_shared<StatusResult>();
    const Controller::ControllerResult result = Controller::reconcile(resources);
    status->objectCount = static_cast<int>(resources.size());
    status->explorer = ExplorerModel::buildSnapshot(resources, result);
#ifdef TORII_HAVE_HIERARCHY
    status->graph = Export::buildHierarchyGraph(resources, result);
    status->layoutOptions.roleLanes = true;
    status->dot = Export::toDot(status->graph, status->layoutOptions);
#endif
    return status;
}

void MainWindow::applyStatus(std::shared_ptr<StatusResult> status)
{
    m_objectCount = status->objectCount;
#ifdef TORII_HAVE_HIERARCHY
    // Graphviz takes seconds on a large design: laid out on the view's worker, drawn when done.
    static_cast<HierarchyView *>(m_hierarchy)
        ->layoutInBackground(std::move(status->graph), status->layoutOptions, std::move(status->dot));
#endif
    m_explorerModel->setSnapshot(std::move(status->explorer));
    updateStatusBar();
}

// After edits, the controller, the explorer's rows and the hierarchy graph of a large design take
// a few hundred ms: they run on a worker (copies of the objects) and the result is applied here
// unless a newer edit came meanwhile.
void MainWindow::computeStatusInBackground()
{
    auto *watcher = new QFutureWatcher<std::shared_ptr<StatusResult>>(this);
    const quint64 generation = ++m_statusGeneration;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_statusGeneration) {
            return; // a newer edit's status is on its way
        }
        applyStatus(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(
        [resources = m_workspace->allResources()] { return computeStatus(resources); }));
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_workspace(new Workspace::Workspace(this)), m_live(new LiveRun(this)),
      m_explorerModel(new ExplorerModel(this)), m_problemsModel(new ProblemsModel(this)),
      m_statusTimer(new QTimer(this)), m_workspaceLabel(new QLabel(this)),
      m_countsLabel(new QLabel(this)), m_gatewayLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Torii"));
    // Validation of one file runs on a worker (Workspace), so it must be thread-safe: it is
    // (schemas and compiled rules are immutable once loaded).
    m_workspace->setChecker([](const std::vector<Model::Resource> &resources) {
        return Validation::validateAll(resources);
    });
    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(250);
    // After edits the status is computed on a worker (computeStatusInBackground); opening in the
    // background computes the first one on the loading worker, openWorkspace() at once.
    connect(m_statusTimer, &QTimer::timeout, this, [this] { computeStatusInBackground(); });

    m_editors = new QTabWidget(this);
    m_editors->setObjectName(QStringLiteral("editorTabs"));
    m_editors->setDocumentMode(true);
    m_editors->setTabsClosable(true);
    m_editors->setMovable(true);
    connect(m_editors, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *w = m_editors->widget(index);
        m_editors->removeTab(index);
        w->deleteLater(); // the text lives on in the workspace; reopening shows it again
    });
    connect(m_editors, &QTabWidget::currentChanged, this, [this] {
        updateEditActions();
        updateTitle();
    });
    m_center = new QStackedWidget(this);
    m_center->addWidget(createWelcomePage());
    m_center->addWidget(m_editors);
    setCentralWidget(m_center);

    createActions();
    createDocks();
    createMenus();

    statusBar()->addWidget(m_workspaceLabel, 1);
    m_loadingBox = new QWidget(this);
    m_loadingBox->setObjectName(QStringLiteral("loadingBox"));
    m_loadingLabel = new QLabel(m_loadingBox);
    m_loadingLabel->setObjectName(QStringLiteral("loadingLabel"));
    m_loadingBar = new QProgressBar(m_loadingBox);
    m_loadingBar->setObjectName(QStringLiteral("loadingBar"));
    m_loadingBar->setMaximumWidth(160);
    m_loadingBar->setMaximumHeight(14);
    m_loadingBar->setTextVisible(false);
    auto *cancelLoad = new QPushButton(tr("Cancel"), m_loadingBox);
    cancelLoad->setObjectName(QStringLiteral("cancelLoadingButton"));
    cancelLoad->setToolTip(tr("Stop opening; the workspace open now stays as it is"));
    connect(cancelLoad, &QPushButton::clicked, this, &MainWindow::cancelLoading);
    auto *loadingLayout = new QHBoxLayout(m_loadingBox);
    loadingLayout->setContentsMargins(0, 0, 0, 0);
    loadingLayout->addWidget(m_loadingLabel);
    loadingLayout->addWidget(m_loadingBar);
    loadingLayout->addWidget(cancelLoad);
    statusBar()->addPermanentWidget(m_loadingBox);
    m_loadingBox->hide();
    m_loadingTimer = new QTimer(this);
    m_loadingTimer->setInterval(100);
    connect(m_loadingTimer, &QTimer::timeout, this, &MainWindow::showLoadingProgress);
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->addPermanentWidget(m_gatewayLabel);

    connect(m_workspace, &Workspace::Workspace::analysisChanged, this, &MainWindow::onAnalysisChanged);
    connect(m_workspace, &Workspace::Workspace::textChanged, this, &MainWindow::onTextChanged);
    connect(m_workspace, &Workspace::Workspace::modifiedChanged, this, &MainWindow::onModifiedChanged);
    connect(m_workspace, &Workspace::Workspace::fileChangedOnDisk, this, &MainWindow::onChangedOnDisk);
    connect(m_live, &LiveRun::started, this, &MainWindow::updateStatusBar);
    connect(m_live, &LiveRun::stopped, this, &MainWindow::updateStatusBar);
    connect(m_live, &LiveRun::starting, this, &MainWindow::updateStatusBar);
    connect(m_live, &LiveRun::startFailed, this, &MainWindow::updateStatusBar);
    connect(m_explorer, &ExplorerPanel::locationActivated, this,
            [this](const QString &file, int line, int column) { openFile(file, line, column); });

    m_recoveryPrompt = [this](const QStringList &files) {
        return QMessageBox::question(
                   this, tr("Recover unsaved edits?"),
                   tr("Torii did not end cleanly last time. Unsaved edits of these files were kept:\n\n%1\n\n"
                      "Recover them? (No discards them.)")
                       .arg(files.join(QLatin1Char('\n'))),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes)
               == QMessageBox::Yes;
    };

    resize(1280, 820);
    QSettings settings;
    restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray());
    restoreState(settings.value(QLatin1String(kStateKey)).toByteArray());
    updateStatusBar();
    updateTitle();
    updateEditActions();
}

MainWindow::~MainWindow()
{
    m_live->stop();
}

QWidget *MainWindow::createWelcomePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("welcomePage"));
    auto *title = new QLabel(tr("<h2>Torii</h2><p>A studio for the Kubernetes Gateway API.</p>"), page);
    title->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(tr("Open a folder of YAML files, or start from the demo workspace: "
                               "the guide's examples, ready to validate and run."),
                            page);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    auto *demo = new QPushButton(tr("Open the demo workspace"), page);
    demo->setObjectName(QStringLiteral("openDemoButton"));
    demo->setEnabled(!demoWorkspacePath().isEmpty());
    auto *folder = new QPushButton(tr("Open Folder…"), page);
    connect(demo, &QPushButton::clicked, this, [this] {
        openWorkspaceInBackground({demoWorkspacePath()});
    });
    connect(folder, &QPushButton::clicked, this, &MainWindow::openFolderDialog);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(title);
    layout->addWidget(text);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(demo);
    buttons->addWidget(folder);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch(3);
    return page;
}

void MainWindow::createActions()
{
    QStyle *s = style();
    auto *openFolder = makeAction(this, QStringLiteral("actionOpenFolder"), tr("Open &Folder…"),
                                  QKeySequence::Open, s->standardIcon(QStyle::SP_DirOpenIcon));
    connect(openFolder, &QAction::triggered, this, &MainWindow::openFolderDialog);
    auto *openFiles = makeAction(this, QStringLiteral("actionOpenFiles"), tr("Open F&iles…"));
    connect(openFiles, &QAction::triggered, this, &MainWindow::openFilesDialog);
    auto *openDemo = makeAction(this, QStringLiteral("actionOpenDemo"), tr("Open the &Demo Workspace"));
    connect(openDemo, &QAction::triggered, this, [this] {
        openWorkspaceInBackground({demoWorkspacePath()});
    });
    auto *save = makeAction(this, QStringLiteral("actionSave"), tr("&Save"), QKeySequence::Save,
                            s->standardIcon(QStyle::SP_DialogSaveButton));
    connect(save, &QAction::triggered, this, &MainWindow::saveCurrent);
    auto *saveAllAction = makeAction(this, QStringLiteral("actionSaveAll"), tr("Save A&ll"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(saveAllAction, &QAction::triggered, this, &MainWindow::saveAll);
    auto *quit = makeAction(this, QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    auto *undo = makeAction(this, QStringLiteral("actionUndo"), tr("&Undo"), QKeySequence::Undo,
                            s->standardIcon(QStyle::SP_ArrowBack));
    connect(undo, &QAction::triggered, this, [this] {
        if (YamlEditor *e = currentEditor()) {
            e->undo();
        }
    });
    auto *redo = makeAction(this, QStringLiteral("actionRedo"), tr("&Redo"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                            s->standardIcon(QStyle::SP_ArrowForward));
    connect(redo, &QAction::triggered, this, [this] {
        if (YamlEditor *e = currentEditor()) {
            e->redo();
        }
    });
    auto *run = makeAction(this, QStringLiteral("actionRun"), tr("&Run Gateway"), QKeySequence(Qt::Key_F5),
                           s->standardIcon(QStyle::SP_MediaPlay));
    run->setToolTip(tr("Serve the workspace on 127.0.0.1 with mock backends (F5)"));
    // The toolbar starts off the GUI thread (LiveRun::startInBackground): a large design takes seconds.
    connect(run, &QAction::triggered, this, [this] {
        showRunPanel();
        m_live->startInBackground(*m_workspace);
    });
    auto *stop = makeAction(this, QStringLiteral("actionStop"), tr("&Stop Gateway"),
                            QKeySequence(Qt::SHIFT | Qt::Key_F5), s->standardIcon(QStyle::SP_MediaStop));
    connect(stop, &QAction::triggered, this, [this] {
        m_live->cancelStart();
        stopGateway();
    });
    auto *find = makeAction(this, QStringLiteral("actionFind"), tr("&Filter the Explorer"),
                            QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_explorer->filterBox()->setFocus();
        m_explorer->filterBox()->selectAll();
    });
    auto *about = makeAction(this, QStringLiteral("actionAbout"), tr("&About Torii"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Torii"),
                           tr("<b>Torii</b> %1<br>A studio for the Kubernetes Gateway API v1.6.1.")
                               .arg(QCoreApplication::applicationVersion()));
    });
    auto *newResource = makeAction(this, QStringLiteral("actionNewResource"), tr("&New Resource…"),
                                   QKeySequence::New, s->standardIcon(QStyle::SP_FileIcon));
    connect(newResource, &QAction::triggered, this, &MainWindow::newResourceDialog);
    addActions({newResource});
    auto *preferences = makeAction(this, QStringLiteral("actionPreferences"), tr("&Preferences…"),
                                   QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, [this] {
        SettingsDialog dialog(this);
        dialog.exec();
    });
    addActions({preferences});
    addActions({openFolder, openFiles, openDemo, save, saveAllAction, quit, undo, redo, run, stop, find, about});
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::createDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_explorer = new ExplorerPanel(m_explorerModel, this);
    auto *explorerDock = new QDockWidget(tr("Explorer"), this);
    explorerDock->setObjectName(QStringLiteral("explorerDock"));
    explorerDock->setWidget(m_explorer);
    addDockWidget(Qt::LeftDockWidgetArea, explorerDock);

    m_problemsView = new QTableView(this);
    m_problemsView->setObjectName(QStringLiteral("problemsView"));
    m_problemsView->setModel(m_problemsModel);
    m_problemsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problemsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problemsView->verticalHeader()->hide();
    m_problemsView->setWordWrap(false);
    m_problemsView->horizontalHeader()->setStretchLastSection(true);
    m_problemsView->horizontalHeader()->setSectionResizeMode(ProblemsModel::SeverityColumn, QHeaderView::ResizeToContents);
    m_problemsView->horizontalHeader()->setSectionResizeMode(ProblemsModel::LocationColumn, QHeaderView::ResizeToContents);
    m_problemsView->horizontalHeader()->setSectionResizeMode(ProblemsModel::MessageColumn, QHeaderView::Interactive);
    m_problemsView->horizontalHeader()->resizeSection(ProblemsModel::MessageColumn, 520);
    connect(m_problemsView, &QTableView::activated, this, [this](const QModelIndex &index) {
        openFile(index.data(ProblemsModel::FileRole).toString(), index.data(ProblemsModel::LineRole).toInt(),
                 index.data(ProblemsModel::ColumnRole).toInt());
    });

    m_runPanel = new RunPanel(m_live, this);
    m_runPanel->setObjectName(QStringLiteral("runPanel"));

    m_bottomTabs = new QTabWidget(this);
    m_bottomTabs->setObjectName(QStringLiteral("bottomTabs"));
    m_bottomTabs->setDocumentMode(true);
    m_bottomTabs->addTab(m_problemsView, tr("Problems"));
    m_bottomTabs->addTab(m_runPanel, tr("Run"));
    auto *traffic = new TrafficPanel(m_live, this);
    traffic->setObjectName(QStringLiteral("trafficPanel"));
    traffic->setGatewayStarter([this] { return m_live->isRunning() || startGateway(); });
    traffic->setWorkspace(m_workspace); // its torii.yaml: mixes, scenarios, backend behaviour
    m_bottomTabs->addTab(traffic, tr("Traffic"));
    auto *bottomDock = new QDockWidget(tr("Panels"), this);
    bottomDock->setObjectName(QStringLiteral("panelsDock"));
    bottomDock->setWidget(m_bottomTabs);
    addDockWidget(Qt::BottomDockWidgetArea, bottomDock);
    resizeDocks({explorerDock}, {400}, Qt::Horizontal);
    resizeDocks({bottomDock}, {300}, Qt::Vertical);

    // The form of the selected object, beside the YAML editor (app/gui/forms).
    m_form = new ResourceForm(m_workspace, this);
    m_form->setEditorProvider([this](int fileIndex) { return openFile(m_workspace->file(fileIndex).path); });
    m_form->followExplorer(m_explorer->view());
    auto *formDock = new QDockWidget(tr("Form"), this);
    formDock->setObjectName(QStringLiteral("formDock"));
    formDock->setWidget(m_form);
    addDockWidget(Qt::RightDockWidgetArea, formDock);
    resizeDocks({formDock}, {480}, Qt::Horizontal);

    auto *hierarchyDock = new QDockWidget(tr("Hierarchy"), this);
    hierarchyDock->setObjectName(QStringLiteral("hierarchyDock"));
#ifdef TORII_HAVE_HIERARCHY
    auto *hierarchy = new HierarchyView(hierarchyDock);
    hierarchy->setObjectName(QStringLiteral("hierarchyView"));
    m_hierarchy = hierarchy;
    hierarchyDock->setWidget(hierarchy);
    connect(hierarchy, &HierarchyView::resourceActivated, this,
            [this](const QString &kind, const QString &ns, const QString &name) {
                m_explorer->selectResource(kind, ns, name);
                const QModelIndex index = m_explorer->view()->currentIndex();
                if (index.isValid()) {
                    openFile(index.data(ExplorerModel::FileRole).toString(),
                             index.data(ExplorerModel::LineRole).toInt(),
                             index.data(ExplorerModel::ColumnRole).toInt());
                }
            });
    addDockWidget(Qt::RightDockWidgetArea, hierarchyDock);
    resizeDocks({hierarchyDock}, {380}, Qt::Horizontal);
#else
    // The hierarchy graph is a separate library (app/gui/hierarchy) not built yet: its dock
    // waits in the View menu, hidden.
    auto *later = new QLabel(tr("The hierarchy view is not part of this build."), hierarchyDock);
    later->setAlignment(Qt::AlignCenter);
    hierarchyDock->setWidget(later);
    addDockWidget(Qt::RightDockWidgetArea, hierarchyDock);
    hierarchyDock->hide();
#endif

    // Another tool's configuration converted to Gateway API (app/gui/migrate): hidden until
    // Tools ▸ Migrate… asks for it.
    auto *migrate = new MigrateView(this);
    migrate->setObjectName(QStringLiteral("migrateView"));
    auto *migrateDock = new QDockWidget(tr("Migrate"), this);
    migrateDock->setObjectName(QStringLiteral("migrateDock"));
    migrateDock->setWidget(migrate);
    addDockWidget(Qt::BottomDockWidgetArea, migrateDock);
    migrateDock->hide();
    connect(migrate, &MigrateView::addToWorkspaceRequested, this, [this](const QString &yaml) {
        YamlEditor *current = currentEditor();
        QString error;
        if (!m_form->appendResource(current ? current->property(kFileIndexProperty).toInt() : 0,
                                    yaml, &error)) {
            QMessageBox::warning(this, tr("Add to Workspace"), error);
        }
    });

    // The guide's sections as lessons (app/gui/lessons): hidden until Help ▸ Lessons… asks, and
    // made then (its charts and gateway cost nothing to a studio that never opens it).
    auto *lessonsDock = new QDockWidget(tr("Lessons"), this);
    lessonsDock->setObjectName(QStringLiteral("lessonsDock"));
    addDockWidget(Qt::BottomDockWidgetArea, lessonsDock);
    lessonsDock->hide();
    connect(lessonsDock, &QDockWidget::visibilityChanged, this, [this, lessonsDock](bool visible) {
        if (visible && !lessonsDock->widget()) { // shown from the View menu: make the view now
            if (auto *open = findChild<QAction *>(QStringLiteral("actionLessons"))) {
                open->trigger();
            }
        }
    });

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(action(QStringLiteral("actionOpenFolder")));
    toolbar->addAction(action(QStringLiteral("actionSave")));
    toolbar->addSeparator();
    toolbar->addAction(action(QStringLiteral("actionUndo")));
    toolbar->addAction(action(QStringLiteral("actionRedo")));
    toolbar->addSeparator();
    toolbar->addAction(action(QStringLiteral("actionRun")));
    toolbar->addAction(action(QStringLiteral("actionStop")));
    toolbar->addSeparator();
    toolbar->addWidget(new QLabel(tr("Role:"), toolbar));
    toolbar->addWidget(new RoleSwitcher(m_workspace, m_editors, m_explorer->view(), toolbar));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("actionNewResource")));
    file->addAction(action(QStringLiteral("actionOpenFolder")));
    file->addAction(action(QStringLiteral("actionOpenFiles")));
    file->addAction(action(QStringLiteral("actionOpenDemo")));
    m_recentMenu = file->addMenu(tr("Recent &Workspaces"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionSave")));
    file->addAction(action(QStringLiteral("actionSaveAll")));
    auto *exportAction = file->addAction(tr("&Export for kubectl…"));
    exportAction->setObjectName(QStringLiteral("actionExport"));
    connect(exportAction, &QAction::triggered, this, [this] {
        ExportDialog dialog(m_workspace->allResources(), m_workspace->allDiagnostics(),
                            QDir(m_workspace->root()).filePath(QStringLiteral("export")), this);
        dialog.exec();
    });
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionQuit")));
    rebuildRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(QStringLiteral("actionUndo")));
    edit->addAction(action(QStringLiteral("actionRedo")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("actionFind")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("actionPreferences")));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        m_viewMenu->addAction(dock->toggleViewAction());
    }
    auto *problems = m_viewMenu->addAction(tr("&Problems"));
    connect(problems, &QAction::triggered, this, &MainWindow::showProblems);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(action(QStringLiteral("actionRun")));
    run->addAction(action(QStringLiteral("actionStop")));
    auto *tester = run->addAction(tr("Request &Tester"));
    connect(tester, &QAction::triggered, this, &MainWindow::showRunPanel);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    auto *migrateAction = tools->addAction(tr("&Migrate…"));
    migrateAction->setObjectName(QStringLiteral("actionMigrate"));
    connect(migrateAction, &QAction::triggered, this, [this] {
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("migrateDock"))) {
            dock->show();
            dock->raise();
        }
    });

    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    QMenu *language = settingsMenu->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    // The same setting as Edit ▸ Preferences… (Gui::Preferences): the checks follow either.
    Preferences *preferences = Preferences::instance();
    for (const Preferences::LanguageChoice &choice : Preferences::languageChoices()) {
        QAction *a = language->addAction(choice.label);
        a->setCheckable(true);
        a->setChecked(choice.code == preferences->language());
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = choice.code] { chooseLanguage(code); });
        connect(preferences, &Preferences::languageChanged, a,
                [a, code = choice.code](const QString &now) { a->setChecked(now == code); });
    }
    settingsMenu->addSeparator();
    settingsMenu->addAction(action(QStringLiteral("actionPreferences")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    auto *lessonsAction = help->addAction(tr("&Lessons…"));
    lessonsAction->setObjectName(QStringLiteral("actionLessons"));
    connect(lessonsAction, &QAction::triggered, this, [this] {
        auto *dock = findChild<QDockWidget *>(QStringLiteral("lessonsDock"));
        if (!dock) {
            return;
        }
        if (!dock->widget()) {
            auto *lessons = new LessonsView(dock);
            connect(lessons, &LessonsView::addToWorkspaceRequested, this, [this](const QString &yaml) {
                YamlEditor *current = currentEditor();
                QString error;
                if (!m_form->appendResource(
                        current ? current->property(kFileIndexProperty).toInt() : 0, yaml, &error)) {
                    QMessageBox::warning(this, tr("Open in workspace"), error);
                }
            });
            dock->setWidget(lessons);
        }
        dock->show();
        dock->raise();
    });
    help->addAction(action(QStringLiteral("actionAbout")));
}

void MainWindow::chooseLanguage(const QString &language)
{
    Preferences::instance()->setLanguage(language);
    statusBar()->showMessage(tr("The language changes when Torii starts again."), 8000);
}

QString MainWindow::demoWorkspacePath()
{
    const QString exe = QCoreApplication::applicationDirPath();
    const QString installed = Runtime::installedDataDir();
    const QStringList candidates = {
        installed.isEmpty() ? QString() : installed + QStringLiteral("/demo"), // installed
        exe + QStringLiteral("/../../resources/demo"),     // build-*/app/gui
        exe + QStringLiteral("/../../../resources/demo"),  // build-*/tests/app/gui
        QStringLiteral(TORII_SOURCE_DIR "/resources/demo") // the source tree
    };
    for (const QString &c : candidates) {
        if (QFileInfo(c + QStringLiteral("/20-gateway.yaml")).exists()) {
            return QFileInfo(c).canonicalFilePath();
        }
    }
    return {};
}

void MainWindow::openFolderDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of YAML files"));
    if (!dir.isEmpty()) {
        openWorkspaceInBackground({dir});
    }
}

void MainWindow::openFilesDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open YAML files"), QString(),
                                                            tr("YAML and JSON (*.yaml *.yml *.json);;All files (*)"));
    if (!files.isEmpty()) {
        openWorkspaceInBackground(files);
    }
}

bool MainWindow::openWorkspace(const QStringList &paths, QString *error)
{
    cancelLoading();
    Workspace::LoadedWorkspace loaded;
    QString why;
    if (!Workspace::Workspace::load(paths, m_workspace->checker(), &loaded, &why)) {
        if (error) {
            *error = why;
        }
        return false;
    }
    finishOpening(paths, std::move(loaded), nullptr, {});
    return true;
}

// The worker's side of a load: the cancel flag it checks between files and the progress it
// leaves for the GUI thread's timer to show.
struct MainWindow::Loading
{
    std::atomic<bool> cancel{false};
    std::atomic<int> filesDone{0};
    std::atomic<int> fileCount{0};
    std::atomic<int> objects{0};
    std::atomic<bool> computingStatus{false};
};

namespace {
struct LoadResult
{
    bool ok = false;
    QString error;
    Workspace::LoadedWorkspace loaded;
};
} // namespace

void MainWindow::openWorkspaceInBackground(const QStringList &paths)
{
    cancelLoading();
    auto loading = std::make_shared<Loading>();
    m_loading = loading;
    using Result = std::pair<std::shared_ptr<LoadResult>, std::shared_ptr<StatusResult>>;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, loading, paths] {
        watcher->deleteLater();
        if (loading != m_loading) {
            return; // cancelled, or replaced by a newer load
        }
        endLoading();
        Result result = watcher->result();
        if (!result.first->ok) {
            statusBar()->showMessage(tr("Could not open the workspace: %1").arg(result.first->error), 10000);
            Q_EMIT workspaceLoadFailed(result.first->error);
            return;
        }
        finishOpening(paths, std::move(result.first->loaded), std::move(result.second),
                      [this] { Q_EMIT workspaceLoaded(); });
    });
    watcher->setFuture(QtConcurrent::run([paths, loading, checker = m_workspace->checker()]() -> Result {
        auto result = std::make_shared<LoadResult>();
        result->ok = Workspace::Workspace::load(paths, checker, &result->loaded, &result->error, &loading->cancel,
                                                [&loading](const Workspace::LoadProgress &p) {
                                                    loading->fileCount = p.fileCount;
                                                    loading->filesDone = p.filesDone;
                                                    loading->objects = p.objects;
                                                });
        if (!result->ok || loading->cancel) {
            return {result, nullptr};
        }
        // The first status (controller, explorer rows, hierarchy graph) too: on 1,000 routes it
        // is the larger part of opening.
        loading->computingStatus = true;
        std::vector<Model::Resource> resources;
        for (const Workspace::WorkspaceFile &f : result->loaded.files) {
            resources.insert(resources.end(), f.analysis.resources.begin(), f.analysis.resources.end());
        }
        return {result, computeStatus(resources)};
    }));
    showLoadingProgress();
    m_loadingBox->show();
    m_loadingTimer->start();
}

void MainWindow::cancelLoading()
{
    if (!m_loading) {
        return;
    }
    m_loading->cancel = true; // the worker stops at its next file; its result is dropped
    endLoading();
    statusBar()->showMessage(tr("Opening cancelled: the workspace open before is unchanged."), 6000);
    Q_EMIT workspaceLoadCancelled();
}

void MainWindow::endLoading()
{
    m_loading.reset();
    m_loadingTimer->stop();
    m_loadingBox->hide();
}

void MainWindow::showLoadingProgress()
{
    if (!m_loading) {
        return;
    }
    const int done = m_loading->filesDone;
    const int count = m_loading->fileCount;
    if (m_loading->computingStatus) {
        m_loadingLabel->setText(tr("Opening: computing the status of %n object(s)…", nullptr, m_loading->objects));
        m_loadingBar->setRange(0, 0);
    } else if (count == 0) {
        m_loadingLabel->setText(tr("Opening: finding the files…"));
        m_loadingBar->setRange(0, 0);
    } else {
        m_loadingLabel->setText(tr("Opening: %1 of %2 files read, %n object(s)", nullptr, m_loading->objects)
                                    .arg(done)
                                    .arg(count));
        m_loadingBar->setRange(0, count);
        m_loadingBar->setValue(done);
    }
}

void MainWindow::finishOpening(const QStringList &paths, Workspace::LoadedWorkspace loaded,
                               std::shared_ptr<StatusResult> status, std::function<void()> done)
{
    m_live->stop();
    while (m_editors->count() > 0) {
        QWidget *w = m_editors->widget(0);
        m_editors->removeTab(0);
        delete w;
    }
    m_adopting = true; // one problems list and one status below, not one per file
    m_workspace->adopt(std::move(loaded));
    m_adopting = false;
    addRecent(paths);
    m_center->setCurrentIndex(1);
    offerRecoveries(); // recovered texts are analysed again, and the status follows them
    m_problemsModel->setDiagnostics(m_workspace->allDiagnostics(), m_workspace->root());
    const quint64 generation = ++m_statusGeneration; // any status computed before is stale
    // The rest in steps of their own when the status came from the loading worker: applying the
    // explorer's rows and opening the first file each take a while on a large design, and the
    // window paints and answers between them. A newer status (an edit made meanwhile) replaces
    // the loaded one.
    auto openFirstFile = [this, done = std::move(done)] {
        // The first file holding a Gateway (else the first file) opens in the editor.
        int first = m_workspace->fileCount() > 0 ? 0 : -1;
        for (int i = 0; i < m_workspace->fileCount(); ++i) {
            const auto &resources = m_workspace->file(i).analysis.resources;
            if (std::any_of(resources.begin(), resources.end(), [](const Model::Resource &r) { return r.kind == "Gateway"; })) {
                first = i;
                break;
            }
        }
        if (first >= 0) {
            openFile(m_workspace->file(first).path);
        }
        updateTitle();
        if (done) {
            done();
        }
    };
    if (!status) {
        applyStatus(computeStatus(m_workspace->allResources()));
        openFirstFile();
        return;
    }
    QTimer::singleShot(0, this, [this, generation, status = std::move(status), openFirstFile]() mutable {
        if (generation == m_statusGeneration) {
            applyStatus(std::move(status));
        }
        QTimer::singleShot(0, this, openFirstFile);
    });
}

void MainWindow::offerRecoveries()
{
    const QList<Workspace::Recovery> recoveries = m_workspace->pendingRecoveries();
    if (recoveries.isEmpty()) {
        return;
    }
    QStringList files;
    for (const Workspace::Recovery &r : recoveries) {
        files << QStringLiteral("%1 (%2)").arg(m_workspace->relativePath(r.fileIndex),
                                               QLocale().toString(r.journaledAt, QLocale::ShortFormat));
    }
    const bool recover = m_recoveryPrompt(files);
    for (const Workspace::Recovery &r : recoveries) {
        if (recover) {
            m_workspace->applyRecovery(r);
        } else {
            m_workspace->discardRecovery(r);
        }
    }
}

void MainWindow::addRecent(const QStringList &paths)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    const QString entry = paths.join(QLatin1Char('\n'));
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > 8) {
        recent.removeLast();
    }
    settings.setValue(QLatin1String(kRecentKey), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString &entry : recent) {
        const QStringList paths = entry.split(QLatin1Char('\n'));
        QString label = QDir::toNativeSeparators(paths.first());
        if (paths.size() > 1) {
            label += tr(" and %n more file(s)", nullptr, static_cast<int>(paths.size() - 1));
        }
        QAction *a = m_recentMenu->addAction(label);
        connect(a, &QAction::triggered, this, [this, paths] {
            openWorkspaceInBackground(paths);
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

YamlEditor *MainWindow::editorFor(int fileIndex) const
{
    for (int i = 0; i < m_editors->count(); ++i) {
        QWidget *w = m_editors->widget(i);
        if (w->property(kFileIndexProperty).toInt() == fileIndex) {
            return static_cast<YamlEditor *>(w);
        }
    }
    return nullptr;
}

YamlEditor *MainWindow::currentEditor() const
{
    return qobject_cast<YamlEditor *>(m_editors->currentWidget());
}

YamlEditor *MainWindow::openFile(const QString &path, int line, int column)
{
    const int index = m_workspace->indexOf(path);
    if (index < 0) {
        return nullptr;
    }
    YamlEditor *editor = editorFor(index);
    if (!editor) {
        editor = new YamlEditor(m_editors);
        editor->setObjectName(QStringLiteral("yamlEditor"));
        editor->setProperty(kFileIndexProperty, index);
        m_syncingEditor = true;
        editor->setPlainText(m_workspace->file(index).text);
        m_syncingEditor = false;
        editor->setDiagnostics(m_workspace->file(index).analysis.diagnostics);
        connect(editor, &QPlainTextEdit::textChanged, this, [this, editor, index] {
            if (!m_syncingEditor) {
                m_workspace->setText(index, editor->toPlainText());
            }
        });
        m_form->followEditor(editor, index);
        connect(editor, &QPlainTextEdit::undoAvailable, this, &MainWindow::updateEditActions);
        connect(editor, &QPlainTextEdit::redoAvailable, this, &MainWindow::updateEditActions);
        const int tab = m_editors->addTab(editor, QString());
        m_editors->setTabToolTip(tab, m_workspace->file(index).path);
        onModifiedChanged(index, m_workspace->file(index).isModified());
    }
    m_editors->setCurrentWidget(editor);
    if (line > 0) {
        editor->goTo(line, column);
    }
    return editor;
}

void MainWindow::onAnalysisChanged(int fileIndex)
{
    if (m_adopting) {
        return; // finishOpening does it once for all files
    }
    if (YamlEditor *editor = editorFor(fileIndex)) {
        editor->setDiagnostics(m_workspace->file(fileIndex).analysis.diagnostics);
    }
    m_problemsModel->setDiagnostics(m_workspace->allDiagnostics(), m_workspace->root());
    m_statusTimer->start();
    updateStatusBar();
}

void MainWindow::onTextChanged(int fileIndex)
{
    YamlEditor *editor = editorFor(fileIndex);
    if (editor && editor->toPlainText() != m_workspace->file(fileIndex).text) {
        m_syncingEditor = true;
        editor->replaceText(m_workspace->file(fileIndex).text); // one undo step, see replaceText
        m_syncingEditor = false;
    }
}

void MainWindow::onModifiedChanged(int fileIndex, bool modified)
{
    if (YamlEditor *editor = editorFor(fileIndex)) {
        const int tab = m_editors->indexOf(editor);
        const QString name = QFileInfo(m_workspace->file(fileIndex).path).fileName();
        m_editors->setTabText(tab, modified ? name + QStringLiteral(" ●") : name);
    }
    updateTitle();
}

void MainWindow::onChangedOnDisk(int fileIndex)
{
    const auto answer = QMessageBox::question(
        this, tr("File changed on disk"),
        tr("%1 was changed on disk while it has unsaved edits here.\n\nReload it from disk (your edits are "
           "lost) or keep your edits (saving will overwrite the other change)?")
            .arg(m_workspace->relativePath(fileIndex)),
        QMessageBox::Discard | QMessageBox::Ignore, QMessageBox::Ignore);
    if (answer == QMessageBox::Discard) {
        m_workspace->reloadFromDisk(fileIndex);
    } else {
        m_workspace->keepEdits(fileIndex);
    }
}

void MainWindow::updateStatusBar()
{
    m_workspaceLabel->setText(m_workspace->isOpen() ? QDir::toNativeSeparators(m_workspace->root())
                                                    : tr("No workspace open"));
    const int errors = m_problemsModel->errorCount();
    const int warnings = Core::countOf(m_problemsModel->diagnostics(), Core::Severity::Warning);
    m_countsLabel->setText(tr("%n object(s)", nullptr, m_objectCount) + QStringLiteral(" · ")
                           + tr("%n error(s)", nullptr, errors) + QStringLiteral(" · ")
                           + tr("%n warning(s)", nullptr, warnings));
    if (m_live->isRunning()) {
        int served = 0;
        for (const auto &l : m_live->listeners()) {
            served += l.localPort != 0 ? 1 : 0;
        }
        m_gatewayLabel->setText(tr("Gateway ● running on 127.0.0.1 (%n listener(s))", nullptr, served));
    } else {
        m_gatewayLabel->setText(tr("Gateway ○ stopped"));
    }
    action(QStringLiteral("actionRun"))->setEnabled(m_workspace->isOpen() && !m_live->isRunning() && !m_live->isStarting());
    action(QStringLiteral("actionStop"))->setEnabled(m_live->isRunning() || m_live->isStarting());
}

void MainWindow::updateTitle()
{
    const bool modified = m_workspace->hasUnsavedChanges();
    QString title = tr("Torii");
    if (m_workspace->isOpen()) {
        title = QFileInfo(m_workspace->root()).fileName() + QStringLiteral(" — ") + title;
    }
    setWindowTitle(modified ? QStringLiteral("● ") + title : title);
    action(QStringLiteral("actionSave"))->setEnabled(currentEditor() != nullptr);
    action(QStringLiteral("actionSaveAll"))->setEnabled(modified);
}

void MainWindow::updateEditActions()
{
    YamlEditor *e = currentEditor();
    action(QStringLiteral("actionUndo"))->setEnabled(e && e->document()->isUndoAvailable());
    action(QStringLiteral("actionRedo"))->setEnabled(e && e->document()->isRedoAvailable());
}

bool MainWindow::saveCurrent()
{
    YamlEditor *e = currentEditor();
    if (!e) {
        return false;
    }
    QString error;
    if (!m_workspace->save(e->property(kFileIndexProperty).toInt(), &error)) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_workspace->relativePath(e->property(kFileIndexProperty).toInt())), 4000);
    updateTitle();
    return true;
}

bool MainWindow::saveAll()
{
    QString error;
    if (!m_workspace->saveAll(&error)) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    updateTitle();
    return true;
}

bool MainWindow::startGateway()
{
    QString error;
    showRunPanel();
    if (!m_live->start(*m_workspace, &error)) {
        const QString message = tr("The gateway did not start: %1").arg(error);
        statusBar()->showMessage(message, 10000);
        if (auto *state = m_runPanel->findChild<QLabel *>(QStringLiteral("runState"))) {
            state->setText(QStringLiteral("✕ ") + message);
        }
        return false;
    }
    return true;
}

void MainWindow::stopGateway()
{
    m_live->stop();
}

void MainWindow::showProblems()
{
    m_bottomTabs->setCurrentWidget(m_problemsView);
    m_bottomTabs->parentWidget()->show();
}

void MainWindow::newResourceDialog()
{
    if (!m_workspace->isOpen()) {
        return;
    }
    QStringList files;
    for (int i = 0; i < m_workspace->fileCount(); ++i) {
        files << m_workspace->relativePath(i);
    }
    YamlEditor *current = currentEditor();
    NewResourceDialog dialog(files, current ? current->property(kFileIndexProperty).toInt() : 0, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    QString error;
    if (!m_form->appendResource(dialog.fileIndex(), dialog.yaml(), &error)) {
        QMessageBox::warning(this, tr("New Resource"), error);
    }
}

void MainWindow::showHierarchy()
{
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("hierarchyDock"))) {
        dock->show();
        dock->raise();
    }
}

void MainWindow::showRunPanel()
{
    m_bottomTabs->setCurrentWidget(m_runPanel);
    m_bottomTabs->parentWidget()->show();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_workspace->hasUnsavedChanges()) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved edits"), tr("Save the edited files before closing?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !saveAll())) {
            event->ignore();
            return;
        }
    }
    m_live->stop();
    m_workspace->close(); // a clean end: no journal is left to recover
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kStateKey), saveState());
    event->accept();
}

} // namespace Torii::Gui
