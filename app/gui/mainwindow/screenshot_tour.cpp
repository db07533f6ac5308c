#include "screenshot_tour.h"

#include "app/gui/explorer/explorer_panel.h"
#include "app/gui/export/export_dialog.h"
#include "app/gui/forms/form_model.h"
#include "app/gui/forms/resource_form.h"
#include "app/gui/lessons/lesson_catalog.h"
#include "app/gui/lessons/lessons_view.h"
#include "app/gui/migrate/migrate_view.h"
#include "app/gui/models/problems_model.h"
#include "app/gui/run/live_run.h"
#include "app/gui/run/request_tester.h"
#include "app/gui/run/run_panel.h"
#include "app/gui/traffic/traffic_model.h"
#include "app/gui/traffic/traffic_panel.h"
#include "app/gui/yamleditor/yaml_editor.h"
#include "engine/workspace/workspace.h"
#include "main_window.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTreeView>

#include <cstdio>
#include <functional>

namespace Torii::Gui {

namespace {

// Runs the event loop until `done` or the timeout; true when done.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 8000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

// What an ECS user brings to the Migrate view: a web app with a port, a secret, a health check
// and a log driver (the last has no Kubernetes equivalent: a note says what to do instead).
const char kEcsTaskDefinition[] = R"({
  "family": "webapp",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "taskRoleArn": "arn:aws:iam::123456789012:role/webapp-task",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/webapp:1.4.2",
      "essential": true,
      "portMappings": [{"containerPort": 8080, "protocol": "tcp", "appProtocol": "http"}],
      "environment": [{"name": "APP_ENV", "value": "production"}],
      "secrets": [{"name": "DB_PASSWORD",
                   "valueFrom": "arn:aws:ssm:ap-northeast-1:123456789012:parameter/webapp/db-password"}],
      "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"],
                      "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60},
      "logConfiguration": {"logDriver": "awslogs",
                           "options": {"awslogs-group": "/ecs/webapp", "awslogs-region": "ap-northeast-1"}}
    }
  ]
}
)";

void settle(int ms = 400)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(from).relativeFilePath(path);
        if (rel.startsWith(QLatin1String(".torii/"))) {
            continue;
        }
        const QString target = to + QLatin1Char('/') + rel;
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(path, target)) {
            return false;
        }
    }
    return true;
}

int fail(const QString &why)
{
    std::fprintf(stderr, "torii --screenshots: %s\n", qPrintable(why));
    return 1;
}

} // namespace

int runScreenshotTour(const QString &outputDir, const QString &workspace)
{
    const QString source = workspace.isEmpty() ? MainWindow::demoWorkspacePath() : workspace;
    if (source.isEmpty() || !QFileInfo(source).isDir()) {
        return fail(QStringLiteral("no workspace folder to show (the demo was not found)"));
    }
    if (!QDir().mkpath(outputDir)) {
        return fail(QStringLiteral("cannot create %1").arg(outputDir));
    }
    QTemporaryDir copy;
    if (!copy.isValid() || !copyTree(source, copy.path())) {
        return fail(QStringLiteral("cannot copy %1 to a temporary folder").arg(source));
    }
    MainWindow window;
    window.setRecoveryPrompt([](const QStringList &) { return false; });
    window.liveRun()->setAnyPort(true);
    window.resize(1440, 900);
    window.show();
    QString error;
    if (!window.openWorkspace({copy.path()}, &error)) {
        return fail(error);
    }
    settle();
    // The hierarchy is laid out on a worker (HierarchyView::layoutInBackground).
    if (QWidget *hierarchy = window.hierarchyView()) {
        waitFor([hierarchy] { return !hierarchy->property("layoutPending").toBool(); }, 30000);
    }
    int saved = 0;
    auto shoot = [&](const QString &name) {
        settle(300);
        const QString path = QDir(outputDir).filePath(name);
        if (!window.grab().save(path)) {
            return false;
        }
        std::printf("%s\n", qPrintable(path));
        ++saved;
        return true;
    };

    // 1. Explorer + editor: the routes file, its route selected in the tree.
    const QString routes = copy.filePath(QStringLiteral("30-webapp-routes.yaml"));
    YamlEditor *editor = window.openFile(routes, 1, 1);
    if (!editor) {
        return fail(QStringLiteral("the workspace has no 30-webapp-routes.yaml"));
    }
    window.explorer()->selectResource(QStringLiteral("HTTPRoute"), QStringLiteral("webapp"),
                                      QStringLiteral("ab-testing-route"));
    window.explorer()->activateCurrent();
    if (!shoot(QStringLiteral("01-explorer-editor.png"))) {
        return fail(QStringLiteral("cannot write PNG files to %1").arg(outputDir));
    }

    // 2. The YAML editor with a diagnostic: an invalid path match type, typed as a user would.
    QTextCursor cursor = editor->document()->find(QStringLiteral("PathPrefix"));
    if (cursor.isNull()) {
        return fail(QStringLiteral("no PathPrefix in the routes to make invalid"));
    }
    editor->setTextCursor(cursor);
    editor->insertPlainText(QStringLiteral("Prefix"));
    if (!waitFor([&] { return !editor->diagnostics().empty(); })) {
        return fail(QStringLiteral("the edit was not re-validated"));
    }
    editor->goTo(editor->diagnostics().front().line, editor->diagnostics().front().column);
    shoot(QStringLiteral("02-yaml-diagnostic.png"));

    // 3. The Problems panel.
    window.showProblems();
    window.problemsView()->selectRow(0);
    shoot(QStringLiteral("03-problems.png"));

    // 4. The Run panel with the request tester answered, after undoing the invalid edit.
    editor->undo();
    if (!waitFor([&] { return editor->diagnostics().empty(); })) {
        return fail(QStringLiteral("undo did not clear the diagnostic"));
    }
    if (!window.startGateway()) {
        return fail(QStringLiteral("the gateway did not start"));
    }
    RequestTester *tester = window.runPanel()->tester();
    tester->setRequest(QStringLiteral("GET"), QStringLiteral("http://webapp.example.com/api/orders?page=2"),
                       QStringLiteral("accept: application/json"));
    tester->send();
    if (!waitFor([&] { return tester->lastStatus() != 0; })) {
        return fail(QStringLiteral("the request tester got no answer"));
    }
    shoot(QStringLiteral("04-run-tester.png"));
    window.stopGateway();

    // 5. The form of the A/B route beside its YAML: the weighted rule's backend selected, its
    // weights as sliders with their shares.
    window.explorer()->selectResource(QStringLiteral("HTTPRoute"), QStringLiteral("webapp"),
                                      QStringLiteral("ab-testing-route"));
    window.explorer()->activateCurrent();
    ResourceForm *form = window.form();
    const QModelIndex weight = form->model()->indexForPath(QStringLiteral("spec.rules[2].backendRefs[0].weight"));
    if (!weight.isValid()) {
        return fail(QStringLiteral("the form does not show the A/B route's weighted rule"));
    }
    for (QModelIndex p = weight.parent(); p.isValid(); p = p.parent()) {
        form->view()->expand(p);
    }
    form->view()->setCurrentIndex(weight);
    // The form and the YAML side by side with room: the bottom panels and the graph step aside.
    QList<QDockWidget *> aside;
    for (const char *name : {"panelsDock", "hierarchyDock"}) {
        if (auto *dock = window.findChild<QDockWidget *>(QLatin1String(name)); dock && dock->isVisible()) {
            dock->hide();
            aside << dock;
        }
    }
    settle(200);
    form->view()->scrollTo(weight);
    shoot(QStringLiteral("05-form.png"));
    for (QDockWidget *dock : aside) {
        dock->show();
    }

    // 6. The traffic charts after a short run of the default mix, whose shop.example.com
    // requests exercise the A/B route's 95/5 canary split.
    auto *traffic = window.findChild<TrafficPanel *>(QStringLiteral("trafficPanel"));
    auto *panels = window.findChild<QTabWidget *>(QStringLiteral("bottomTabs"));
    if (!traffic || !panels || !window.startGateway()) {
        return fail(QStringLiteral("the traffic panel or the gateway is missing"));
    }
    panels->setCurrentWidget(traffic);
    window.resizeDocks({window.findChild<QDockWidget *>(QStringLiteral("panelsDock"))}, {560}, Qt::Vertical);
    TrafficSettings canary;
    canary.concurrency = 4;
    canary.durationSeconds = 3.0;
    if (!traffic->startTraffic(canary, &error)) {
        return fail(error);
    }
    if (!waitFor([&] { return !traffic->isRunning(); }, 20000) || traffic->model()->totalRequests() == 0) {
        return fail(QStringLiteral("the traffic run did not finish"));
    }
    shoot(QStringLiteral("06-traffic.png"));
    window.stopGateway();

    // 7. The export dialog, one file per role, the cluster operator's file previewed.
    ExportDialog exportDialog(window.workspace()->allResources(), window.workspace()->allDiagnostics(),
                              copy.filePath(QStringLiteral("export")), &window);
    exportDialog.setSplit(Export::SplitMode::Role);
    exportDialog.showFile(1);
    exportDialog.fileList()->setCurrentRow(1);
    exportDialog.show();
    settle(300);
    const QString exportPath = QDir(outputDir).filePath(QStringLiteral("07-export.png"));
    if (!exportDialog.grab().save(exportPath)) {
        return fail(QStringLiteral("cannot write %1").arg(exportPath));
    }
    std::printf("%s\n", qPrintable(exportPath));
    ++saved;
    exportDialog.close();

    // 8. The Migrate view: an ECS task definition beside the Kubernetes objects made of it, the
    // generated image line selected so its source field is selected too.
    auto *migrateDock = window.findChild<QDockWidget *>(QStringLiteral("migrateDock"));
    auto *migrate = window.findChild<MigrateView *>(QStringLiteral("migrateView"));
    if (!migrateDock || !migrate) {
        return fail(QStringLiteral("the Migrate view is missing"));
    }
    for (const char *name : {"panelsDock", "hierarchyDock", "formDock"}) {
        if (auto *dock = window.findChild<QDockWidget *>(QLatin1String(name))) {
            dock->hide();
        }
    }
    migrateDock->show();
    window.resizeDocks({migrateDock}, {640}, Qt::Vertical);
    migrate->setSourceText(QString::fromLatin1(kEcsTaskDefinition), QStringLiteral("webapp-task.json"));
    if (!waitFor([&] { return !migrate->isConverting() && !migrate->generatedYaml().isEmpty(); }, 20000)) {
        return fail(QStringLiteral("the Migrate view did not convert the task definition"));
    }
    settle(300);
    QTextCursor image = migrate->previewEditor()->document()->find(QStringLiteral("image:"));
    if (!image.isNull()) {
        migrate->previewEditor()->setTextCursor(image);
        migrate->previewEditor()->setFocus();
    }
    shoot(QStringLiteral("08-migrate.png"));

    // 9. The Lessons view: the guide's canary section completed with mock Services and run
    // through the live gateway, the observed split beside the weights. Without the guide's
    // folder the view says how to point at it, which is what the picture then shows.
    migrateDock->hide();
    if (auto *open = window.findChild<QAction *>(QStringLiteral("actionLessons"))) {
        open->trigger(); // the view is made when first asked for
    }
    auto *lessonsDock = window.findChild<QDockWidget *>(QStringLiteral("lessonsDock"));
    auto *lessons = window.findChild<LessonsView *>(QStringLiteral("lessonsView"));
    if (!lessonsDock || !lessons) {
        return fail(QStringLiteral("the Lessons view is missing"));
    }
    lessonsDock->show();
    window.resizeDocks({lessonsDock}, {720}, Qt::Vertical);
    lessons->showLesson(LessonCatalog::indexOf(QStringLiteral("canary")));
    if (!waitFor([&] { return !lessons->isAnalysing(); }, 20000)) {
        return fail(QStringLiteral("the Lessons view did not analyse the canary lesson"));
    }
    if (!lessons->guideFolder().isEmpty()) {
        lessons->setCompleted(true);
        if (!waitFor([&] { return !lessons->isAnalysing(); }, 20000)) {
            return fail(QStringLiteral("the Lessons view did not complete the canary lesson"));
        }
        if (!lessons->runTraffic()) {
            return fail(QStringLiteral("the canary lesson did not run: %1").arg(lessons->statusLabel()->text()));
        }
        if (!waitFor([&] { return !lessons->isRunning(); }, 60000)) {
            return fail(QStringLiteral("the canary lesson's traffic did not finish"));
        }
    }
    settle(300);
    shoot(QStringLiteral("09-lessons.png"));

    window.workspace()->close();
    return saved == 9 ? 0 : 1;
}

} // namespace Torii::Gui
