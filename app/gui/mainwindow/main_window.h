#pragma once

// The studio's main window (UX.md): the Explorer dock on the left, YAML editors in tabs in the
// middle, the Problems and Run panels docked at the bottom, a dock for the hierarchy view, the
// menus, the toolbar and the status bar. It owns the Workspace and the live gateway and keeps
// every view in step with them.

#include <QtCore/QStringList>
#include <QtWidgets/QMainWindow>

#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QProgressBar;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;

namespace Torii::Workspace {
class Workspace;
struct LoadedWorkspace;
}
namespace Torii::Model {
struct Resource;
}

namespace Torii::Gui {

class ExplorerModel;
struct ExplorerSnapshot;
class ExplorerPanel;
class LiveRun;
class ProblemsModel;
class ResourceForm;
class RunPanel;
class YamlEditor;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // A folder, or YAML files. Offers to recover unsaved edits of an unclean end (see
    // setRecoveryPrompt). False with `error` when nothing could be opened.
    bool openWorkspace(const QStringList &paths, QString *error = nullptr);
    // As openWorkspace, off the GUI thread (the menus, the welcome page and the command line use
    // it): the files are read, parsed and validated and the first status computed on a worker,
    // with the progress and a Cancel button in the status bar. The open workspace stays as it is
    // until the new one is ready, and stays when the load is cancelled or fails (the reason is
    // shown). A second call cancels a load still running.
    void openWorkspaceInBackground(const QStringList &paths);
    void cancelLoading();
    bool isLoading() const { return m_loading != nullptr; }
    // resources/demo, beside the executable (installed or in the build tree) or in the sources.
    static QString demoWorkspacePath();

    // Opens (or shows) the file's editor tab and moves to the position when line > 0.
    YamlEditor *openFile(const QString &path, int line = 0, int column = 0);
    YamlEditor *currentEditor() const;
    YamlEditor *editorFor(int fileIndex) const;

    bool startGateway(); // false: the reason is shown in the Run panel and the status bar
    void stopGateway();
    void showProblems();
    void showRunPanel();
    bool saveCurrent();
    bool saveAll();

    // Asked with the files whose unsaved edits a journal holds; true recovers them. The default
    // asks with a message box; tests and the screenshot tour answer without one.
    using RecoveryPrompt = std::function<bool(const QStringList &files)>;
    void setRecoveryPrompt(RecoveryPrompt prompt) { m_recoveryPrompt = std::move(prompt); }

    Workspace::Workspace *workspace() const { return m_workspace; }
    ExplorerModel *explorerModel() const { return m_explorerModel; }
    ExplorerPanel *explorer() const { return m_explorer; }
    ProblemsModel *problemsModel() const { return m_problemsModel; }
    QTableView *problemsView() const { return m_problemsView; }
    RunPanel *runPanel() const { return m_runPanel; }
    LiveRun *liveRun() const { return m_live; }
    QAction *action(const QString &objectName) const;
    QWidget *hierarchyView() const { return m_hierarchy; }
    ResourceForm *form() const { return m_form; }
    void newResourceDialog(); // File → New resource…
    void showHierarchy();

Q_SIGNALS:
    void workspaceLoaded();                         // openWorkspaceInBackground: now open
    void workspaceLoadFailed(const QString &error); // … could not open (the old one stays)
    void workspaceLoadCancelled();                  // … cancelled (the old one stays)

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    QWidget *createWelcomePage();
    void openFolderDialog();
    void openFilesDialog();
    void addRecent(const QStringList &paths);
    void rebuildRecentMenu();
    void onAnalysisChanged(int fileIndex);
    void onTextChanged(int fileIndex);
    void onModifiedChanged(int fileIndex, bool modified);
    void onChangedOnDisk(int fileIndex);
    struct StatusResult;
    static std::shared_ptr<StatusResult> computeStatus(const std::vector<Model::Resource> &resources);
    void applyStatus(std::shared_ptr<StatusResult> status);
    void computeStatusInBackground(); // after edits
    void updateStatusBar();
    void updateTitle();
    void updateEditActions();
    void chooseLanguage(const QString &language);
    void offerRecoveries();
    void finishOpening(const QStringList &paths, Workspace::LoadedWorkspace loaded,
                       std::shared_ptr<StatusResult> status, std::function<void()> done);
    void showLoadingProgress();
    void endLoading();

    Workspace::Workspace *m_workspace;
    LiveRun *m_live;
    ExplorerModel *m_explorerModel;
    ExplorerPanel *m_explorer = nullptr;
    ProblemsModel *m_problemsModel;
    QTableView *m_problemsView = nullptr;
    RunPanel *m_runPanel = nullptr;
    QTabWidget *m_bottomTabs = nullptr;
    QWidget *m_hierarchy = nullptr; // HierarchyView when built with app/gui/hierarchy
    ResourceForm *m_form = nullptr;
    QStackedWidget *m_center = nullptr;
    QTabWidget *m_editors = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QTimer *m_statusTimer;
    QLabel *m_workspaceLabel;
    QLabel *m_countsLabel;
    QLabel *m_gatewayLabel;
    RecoveryPrompt m_recoveryPrompt;
    bool m_syncingEditor = false;
    int m_objectCount = 0;
    quint64 m_statusGeneration = 0; // the latest status asked for (after edits: on a worker)
    struct Loading;                   // a workspace being loaded on a worker
    std::shared_ptr<Loading> m_loading;
    QTimer *m_loadingTimer = nullptr; // shows the worker's progress
    QWidget *m_loadingBox = nullptr;  // in the status bar: what is loaded, a bar, Cancel
    QLabel *m_loadingLabel = nullptr;
    QProgressBar *m_loadingBar = nullptr;
    bool m_adopting = false; // the workspace emits analysisChanged for every file it adopts
};

} // namespace Torii::Gui
