#pragma once

// The studio's Lessons view: each section of the guide (Japanese, under ../shared) that has code
// blocks, as a lesson. On the left the lesson list; on the right the lesson's title (ours,
// translated) with the guide's own heading under it, our teaching text, the blocks read-only in
// the YAML editor, the findings the real controller and validator compute for them (what the
// guide gets wrong, each explained), and for lessons that route traffic the live gateway's
// listeners and the traffic chart.
//
// - The blocks are read from the guide folder (LessonCatalog::guideFolder), never copied into the
//   project; without one, the view says how to point at it and still shows the lessons' texts.
// - The analysis runs on a worker (QtConcurrent), as the Migrate view's conversion; a result for
//   a lesson or state no longer shown is dropped and the current one computed.
// - "Complete the example" adds the Namespaces and Services the guide never defines (mock
//   backends) and shows the status again; "Open in workspace" hands the blocks (and the added
//   objects) to whoever owns the workspace (addToWorkspaceRequested).
// - "Run traffic" serves the lesson's objects with the studio's LiveRun from a scratch workspace
//   and sends the lesson's requests with TrafficRun; the chart is TrafficCharts' observed vs
//   configured share. TCP/UDP/TLS lessons sample each L4 rule their routes reach (the stream
//   sampler, as `toriictl load`); a rule whose backend cannot name itself (the DNS stand-in) is
//   served and listed with why it is not charted. HTTPS listeners without a certificate (the
//   guide never defines its Secrets) are served with the development CA's, which the requests
//   trust.
// - Nothing is cut: the words above the blocks (the status line among them) and the chart's
//   verdicts keep the height their wrapped text needs at the width they get, even where a
//   splitter, a dock or a short window would squeeze them (their minimum height follows their
//   width); the status line keeps room for two lines, so the panes below do not move each time
//   it changes. The share chart is given the room its category labels need to be drawn whole
//   (QtCharts elides a label its axis has too little height or width for).
//
// Thread: GUI thread.

#include "lesson_analysis.h"

#include <QtCore/QFutureWatcher>
#include <QtWidgets/QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QTableView;
class QTemporaryDir;
class QTimer;
class QElapsedTimer;

namespace Torii::Workspace {
class Workspace;
}

namespace Torii::Gui {

class LessonFindingsModel;
class LessonModel;
class ListenersModel;
class LiveRun;
class TrafficCharts;
class TrafficModel;
class TrafficRun;
class YamlEditor;

class LessonsView : public QWidget
{
    Q_OBJECT
public:
    explicit LessonsView(QWidget *parent = nullptr);
    ~LessonsView() override;

    // Uses `folder` as the guide folder (empty: look it up again, LessonCatalog::guideFolder).
    void setGuideFolder(const QString &folder);
    QString guideFolder() const { return m_folder; }
    // Asks for the guide folder and remembers it in the settings.
    void chooseGuideFolder();

    // Shows lesson `index` of the catalog and analyses it (on the worker).
    void showLesson(int index);
    int currentLesson() const { return m_lesson; }
    // Re-analyses the current lesson with the missing objects added (true) or as the guide wrote
    // it.
    void setCompleted(bool completed);
    bool isCompleted() const { return m_completed; }
    // Serves the lesson and sends its traffic; false (and why in the status line) when it cannot.
    bool runTraffic();
    void stopTraffic();

    // From the request until its result is shown (the worker may be done before its result
    // reaches the GUI thread).
    bool isAnalysing() const { return m_analysing; }
    bool isRunning() const;        // the gateway is starting or serving, or traffic is going
    bool isTrafficRunning() const; // requests are being sent
    const LessonAnalysis &analysis() const { return m_analysis; }
    // The blocks the view can show, in the block selector's order.
    QStringList shownBlocks() const;
    void showBlock(const QString &file);

    QListView *lessonList() const { return m_list; }
    QTableView *findingsView() const { return m_findingsView; }
    LessonFindingsModel *findingsModel() const { return m_findings; }
    TrafficModel *trafficModel() const { return m_trafficModel; }
    TrafficCharts *charts() const { return m_charts; }
    ListenersModel *listenersModel() const { return m_listeners; }
    YamlEditor *blockEditor() const { return m_editor; }
    QPushButton *completeButton() const { return m_complete; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *openButton() const { return m_open; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *subtitleLabel() const { return m_subtitle; }
    QLabel *textLabel() const { return m_text; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *trafficLabel() const { return m_trafficLabel; }
    QLabel *folderLabel() const { return m_folderLabel; }

    // The YAML "Open in workspace" hands over: the lesson's own YAML blocks that read as
    // objects, then the objects "Complete the example" added.
    QString workspaceYaml() const;

Q_SIGNALS:
    void analysed(); // an analysis is shown
    void trafficFinished(bool ok, const QString &error);
    void addToWorkspaceRequested(const QString &yaml);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    void selectLesson(int index);
    void analyse();
    void startAnalysis();
    void showAnalysis(LessonAnalysis analysis);
    void fillBlockSelector();
    void showSelectedBlock();
    void updateButtons();
    void updateStatusLine();
    void reserveStatusLines();
    void refreshCharts(); // the charts redrawn, the share chart sized for its labels
    void onGatewayStarted();
    void onTrafficTick();
    void onTrafficDone(bool ok, const QString &error);
    bool writeScratchWorkspace(QString *error);
    // The served L4 rules the sampler cannot chart, each with why (translated).
    QStringList unsampledStreamRules() const;

    QString m_folder;
    QString m_folderHow; // where the folder was found, translated
    int m_lesson = -1;
    bool m_completed = false;
    bool m_rerun = false;
    bool m_analysing = false;
    // No analysis until the view is shown or a lesson is asked for: a hidden dock costs nothing.
    bool m_deferred = true;
    LessonAnalysis m_analysis;
    QFutureWatcher<LessonAnalysis> m_watcher;

    LessonModel *m_model;
    QListView *m_list;
    QLabel *m_folderLabel;
    QPushButton *m_chooseFolder;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_text;
    QPushButton *m_open;
    QPushButton *m_complete;
    QPushButton *m_run;
    QPushButton *m_stop;
    QLabel *m_status;
    QLabel *m_blockLabel;
    QComboBox *m_blocks;
    YamlEditor *m_editor;
    QLabel *m_findingsLabel;
    LessonFindingsModel *m_findings;
    QTableView *m_findingsView;
    QWidget *m_trafficPane;
    QWidget *m_trafficRow = nullptr; // the listeners and the chart, shown once the lesson runs
    QLabel *m_trafficLabel;
    TrafficModel *m_trafficModel;
    TrafficCharts *m_charts;
    ListenersModel *m_listeners;
    QTableView *m_listenersView;

    // The running lesson: its scratch workspace, live gateway and traffic.
    std::unique_ptr<QTemporaryDir> m_scratch;
    std::unique_ptr<Workspace::Workspace> m_workspace;
    LiveRun *m_live;
    TrafficRun *m_traffic;
    QTimer *m_tick;
    std::unique_ptr<QElapsedTimer> m_clock;
    double m_lastTickSeconds = 0.0;
    QString m_runMessage;        // the last run's outcome (translated), for the status line
    QString m_developmentCaNote; // HTTPS listeners the development CA filled (translated)
    QStringList m_unsampled;     // unsampledStreamRules() of the running lesson
};

} // namespace Torii::Gui
