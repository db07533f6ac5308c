// The studio's main window, driven through its real widgets (offscreen): the demo workspace in
// the explorer, a typed invalid value reaching the problems panel and the editor's squiggles,
// atomic save, recovery after an unclean end, and the live gateway answering the request tester.
#include "app/gui/explorer/explorer_panel.h"
#include "app/gui/mainwindow/main_window.h"
#include "app/gui/models/explorer_model.h"
#include "app/gui/models/listeners_model.h"
#include "app/gui/models/problems_model.h"
#include "app/gui/run/live_run.h"
#include "app/gui/run/request_tester.h"
#include "app/gui/run/run_panel.h"
#include "app/gui/yamleditor/yaml_editor.h"
#include "engine/workspace/workspace.h"

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtGui/QTextBlock>
#include <QtGui/QTextCursor>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTreeView>

using namespace Torii;
using Gui::MainWindow;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every row's text below `parent`, depth first, with its depth as leading spaces.
void collect(const QAbstractItemModel *model, const QModelIndex &parent, int depth, QStringList &out)
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        out << QString(depth * 2, QLatin1Char(' ')) + i.data().toString();
        collect(model, i, depth + 1, out);
    }
}

bool hasWavyUnderline(const Gui::YamlEditor *editor, int line)
{
    for (const QTextEdit::ExtraSelection &s : editor->extraSelections()) {
        if (s.format.underlineStyle() == QTextCharFormat::WaveUnderline
            && s.cursor.block().blockNumber() + 1 == line) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString routesFile() const { return m_dir->filePath(QStringLiteral("30-webapp-routes.yaml")); }

    std::unique_ptr<MainWindow> openedWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->setRecoveryPrompt([](const QStringList &) { return false; });
        window->liveRun()->setAnyPort(true);
        window->resize(1200, 800);
        window->show();
        QString error;
        if (!window->openWorkspace({m_dir->path()}, &error)) {
            qWarning("open failed: %s", qPrintable(error));
            return nullptr;
        }
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ToriiTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_mainwindow"));
        QVERIFY2(!MainWindow::demoWorkspacePath().isEmpty(), "resources/demo not found");
    }

    // A fresh copy of the demo workspace for every test: nothing is written into resources/.
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        const QString demo = MainWindow::demoWorkspacePath();
        QDirIterator it(demo, QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            QVERIFY(QFile::copy(path, m_dir->filePath(QFileInfo(path).fileName())));
        }
    }

    void startsEmptyWithTheDemoAction()
    {
        MainWindow window;
        window.show();
        auto *demo = window.findChild<QPushButton *>(QStringLiteral("openDemoButton"));
        QVERIFY(demo);
        QVERIFY(demo->isVisible());
        QVERIFY(demo->isEnabled());
        QVERIFY(!window.workspace()->isOpen());
        QVERIFY(!window.action(QStringLiteral("actionRun"))->isEnabled());
    }

    void explorerShowsTheGuidesGatewayAndRoutes()
    {
        auto window = openedWindow();
        QVERIFY(window);
        QTreeView *tree = window->explorer()->view();
        QStringList rows;
        collect(tree->model(), {}, 0, rows);
        const QString text = rows.join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QStringLiteral("GatewayClass torii")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("  Gateway gateway-system/production-gateway")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Listener http — HTTP 80")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("      HTTPRoute webapp/webapp-route")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("HTTPRoute webapp/ab-testing-route")), qPrintable(text));

        // Status from the controller: the Gateway has conditions, shown as an icon and a tooltip.
        const QModelIndex gw = window->explorerModel()->findResource(
            QStringLiteral("Gateway"), QStringLiteral("gateway-system"), QStringLiteral("production-gateway"));
        QVERIFY(gw.isValid());
        QVERIFY(gw.data(Gui::ExplorerModel::StateRole).toInt() != static_cast<int>(Gui::StatusState::None));
        QVERIFY(gw.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Accepted: True")));
        QVERIFY(!gw.data(Qt::DecorationRole).isNull());

        // The filter keeps matching rows and their ancestors.
        QTest::keyClicks(window->explorer()->filterBox(), QStringLiteral("ab-testing"));
        rows.clear();
        collect(tree->model(), {}, 0, rows);
        QVERIFY(rows.join(QLatin1Char('\n')).contains(QStringLiteral("ab-testing-route")));
        QVERIFY(!rows.join(QLatin1Char('\n')).contains(QStringLiteral("webapp/webapp-route")));

        // Activating a route opens its file at its line.
        window->explorer()->filterBox()->clear();
        QVERIFY(window->explorer()->selectResource(QStringLiteral("HTTPRoute"), QStringLiteral("webapp"),
                                                   QStringLiteral("ab-testing-route")));
        Q_EMIT tree->activated(tree->currentIndex());
        Gui::YamlEditor *editor = window->currentEditor();
        QVERIFY(editor);
        QCOMPARE(window->workspace()->indexOf(routesFile()), editor->property("toriiFileIndex").toInt());
        // The cursor is at the start of that route's document.
        const QString fromCursor = editor->toPlainText().mid(editor->textCursor().position());
        QVERIFY2(fromCursor.left(fromCursor.indexOf(QStringLiteral("\n---"))).contains(QStringLiteral("name: ab-testing-route")),
                 qPrintable(fromCursor.left(200)));

        // The flat list by kind and namespace.
        window->explorerModel()->setMode(Gui::ExplorerModel::Mode::ByKind);
        rows.clear();
        collect(tree->model(), {}, 0, rows);
        QVERIFY2(rows.contains(QStringLiteral("HTTPRoute (3)")) || rows.join(QLatin1Char('\n')).contains(QStringLiteral("HTTPRoute (")),
                 qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY(rows.contains(QStringLiteral("  webapp")));
    }

    void typingInAValueUpdatesTheExplorerInPlace()
    {
        // An edit that leaves every row in place (here a comment line that moves the objects
        // below it) updates the tree rather than resetting it, so the view keeps what the user
        // expanded and selected; a rename reshapes it.
        auto window = openedWindow();
        QVERIFY(window);
        Gui::ExplorerModel *model = window->explorerModel();
        const auto routeLine = [&] {
            return model->findResource(QStringLiteral("HTTPRoute"), QStringLiteral("webapp"),
                                       QStringLiteral("webapp-route"))
                .data(Gui::ExplorerModel::LineRole)
                .toInt();
        };
        const int before = routeLine();
        QVERIFY(before > 0);
        QSignalSpy resets(model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy changes(model, &QAbstractItemModel::dataChanged);
        Gui::YamlEditor *editor = window->openFile(routesFile());
        QVERIFY(editor);
        QTextCursor cursor(editor->document());
        cursor.insertText(QStringLiteral("# a note\n"));
        QTRY_COMPARE_WITH_TIMEOUT(routeLine(), before + 1, 10000);
        QVERIFY(!changes.isEmpty());
        QCOMPARE(resets.count(), 0);

        // Renaming the route moves it in the tree: a reset, and the new name is there.
        const QString text = editor->toPlainText();
        const qsizetype at = text.indexOf(QStringLiteral("name: webapp-route"));
        QVERIFY(at >= 0);
        QTextCursor rename(editor->document());
        rename.setPosition(int(at + QStringLiteral("name: ").size()));
        rename.setPosition(int(at + QStringLiteral("name: webapp-route").size()),
                           QTextCursor::KeepAnchor);
        rename.insertText(QStringLiteral("webapp-renamed"));
        QTRY_VERIFY_WITH_TIMEOUT(model->findResource(QStringLiteral("HTTPRoute"), QStringLiteral("webapp"),
                                                     QStringLiteral("webapp-renamed"))
                                     .isValid(),
                                 10000);
        QVERIFY(resets.count() >= 1);
    }

    void anInvalidValueReachesProblemsAndTheSquiggle()
    {
        auto window = openedWindow();
        QVERIFY(window);
        QCOMPARE(window->problemsModel()->errorCount(), 0);
        Gui::YamlEditor *editor = window->openFile(routesFile());
        QVERIFY(editor);
        QTextCursor cursor = editor->document()->find(QStringLiteral("PathPrefix"));
        QVERIFY(!cursor.isNull());
        const int line = cursor.blockNumber() + 1;
        editor->setTextCursor(cursor);
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("Prefix")); // replaces the selection, as typing does
        QVERIFY(editor->document()->findBlockByNumber(line - 1).text().contains(QStringLiteral("type: Prefix")));

        QTRY_VERIFY_WITH_TIMEOUT(window->problemsModel()->errorCount() > 0, 10000);
        const Gui::ProblemsModel *problems = window->problemsModel();
        int row = -1;
        for (int r = 0; r < problems->rowCount(); ++r) {
            if (problems->index(r, 0).data(Gui::ProblemsModel::LineRole).toInt() == line) {
                row = r;
            }
        }
        QVERIFY2(row >= 0, "no problem on the edited line");
        QVERIFY(problems->index(row, Gui::ProblemsModel::LocationColumn).data().toString()
                    .startsWith(QStringLiteral("30-webapp-routes.yaml:%1:").arg(line)));
        QVERIFY(problems->index(row, Gui::ProblemsModel::MessageColumn).data().toString().contains(QStringLiteral("Prefix")));
        QVERIFY(hasWavyUnderline(editor, line));
        QVERIFY(window->windowTitle().startsWith(QStringLiteral("●")));

        // Double-click in Problems jumps to the position.
        editor->moveCursor(QTextCursor::Start);
        window->showProblems();
        QTableView *view = window->problemsView();
        QTRY_VERIFY(view->isVisible());
        const QRect rect = view->visualRect(view->model()->index(row, Gui::ProblemsModel::MessageColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window->currentEditor(), editor);
        QCOMPARE(editor->textCursor().blockNumber() + 1, line);

        // Undo brings the valid text back and the problem goes away.
        window->action(QStringLiteral("actionUndo"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window->problemsModel()->errorCount(), 0, 10000);
        QVERIFY(!hasWavyUnderline(editor, line));
    }

    void saveWritesTheFileAtomically()
    {
        auto window = openedWindow();
        QVERIFY(window);
        Gui::YamlEditor *editor = window->openFile(routesFile());
        QVERIFY(editor);
        const QByteArray before = readFile(routesFile());
        editor->moveCursor(QTextCursor::Start);
        QTest::keyClicks(editor, QStringLiteral("# reviewed"));
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(readFile(routesFile()), before); // nothing written before Save
        window->action(QStringLiteral("actionSave"))->trigger();
        QCOMPARE(readFile(routesFile()), QByteArray("# reviewed\n") + before);
        QVERIFY(!window->workspace()->hasUnsavedChanges());
        QVERIFY(!window->windowTitle().startsWith(QStringLiteral("●")));
        // QSaveFile leaves no temporary beside the file.
        const QStringList names = QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden);
        for (const QString &n : names) {
            QVERIFY2(n.endsWith(QLatin1String(".yaml")) || n.endsWith(QLatin1String(".md")), qPrintable(n));
        }
    }

    void recoversEditsAfterAnUncleanEnd()
    {
        const QByteArray onDisk = readFile(routesFile());
        {
            auto first = openedWindow();
            QVERIFY(first);
            Gui::YamlEditor *editor = first->openFile(routesFile());
            editor->moveCursor(QTextCursor::End);
            QTest::keyClicks(editor, QStringLiteral("# typed before the crash"));
            // The journal is written after its debounce, with no save.
            QTRY_VERIFY_WITH_TIMEOUT(!QDir(first->workspace()->recoveryDir())
                                          .entryList({QStringLiteral("*.json")}, QDir::Files).isEmpty(),
                                     10000);
            // The window goes away without closeEvent: as if the process were killed.
        }
        QCOMPARE(readFile(routesFile()), onDisk);
        MainWindow second;
        QStringList offered;
        second.setRecoveryPrompt([&](const QStringList &files) {
            offered = files;
            return true;
        });
        QString error;
        QVERIFY(second.openWorkspace({m_dir->path()}, &error));
        QCOMPARE(offered.size(), 1);
        QVERIFY(offered.first().startsWith(QStringLiteral("30-webapp-routes.yaml")));
        Gui::YamlEditor *editor = second.openFile(routesFile());
        QVERIFY(editor->toPlainText().endsWith(QStringLiteral("# typed before the crash")));
        QVERIFY(second.workspace()->hasUnsavedChanges());
    }

    void runsTheGatewayAndAnswersTheTester()
    {
        auto window = openedWindow();
        QVERIFY(window);
        window->action(QStringLiteral("actionRun"))->trigger(); // starts on a worker (LiveRun)
        QTRY_VERIFY_WITH_TIMEOUT(window->liveRun()->isRunning(), 20000);
        QVERIFY(!window->action(QStringLiteral("actionRun"))->isEnabled());
        const Gui::ListenersModel *listeners = window->runPanel()->listenersModel();
        QVERIFY(listeners->rowCount() > 0);
        bool http = false;
        for (const auto &l : listeners->listeners()) {
            if (l.port == 80 && l.localPort != 0) {
                http = true;
                QVERIFY(Gui::ListenersModel::curlLine(l).contains(QStringLiteral("http://127.0.0.1:%1/").arg(l.localPort)));
            }
        }
        QVERIFY(http);
        // The demo's TCP, UDP and TLS listeners are tried with the clients that speak them.
        int streams = 0;
        for (const auto &l : listeners->listeners()) {
            if (l.localPort == 0) {
                continue;
            }
            const QString line = Gui::ListenersModel::curlLine(l);
            const QString port = QString::number(l.localPort);
            switch (l.protocol) {
            case RouteTable::ListenerProtocol::TCP:
                QCOMPARE(line, QStringLiteral("nc 127.0.0.1 ") + port);
                ++streams;
                break;
            case RouteTable::ListenerProtocol::UDP:
                QCOMPARE(line, QStringLiteral("nc -u 127.0.0.1 ") + port);
                ++streams;
                break;
            case RouteTable::ListenerProtocol::TLS:
                QVERIFY2(line.startsWith(QStringLiteral("openssl s_client -connect 127.0.0.1:") + port +
                                         QStringLiteral(" -servername ")),
                         qPrintable(line));
                ++streams;
                break;
            default:
                QVERIFY2(line.startsWith(QStringLiteral("curl ")), qPrintable(line));
            }
        }
        QVERIFY(streams >= 3);

        Gui::RequestTester *tester = window->runPanel()->tester();
        tester->setRequest(QStringLiteral("GET"), QStringLiteral("http://webapp.example.com/api/users"));
        auto *send = tester->findChild<QPushButton *>(QStringLiteral("testerSend"));
        QVERIFY(send && send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(tester->lastStatus() != 0, 15000);
        QCOMPARE(tester->lastStatus(), 200);
        QVERIFY2(tester->servedBy().contains(QStringLiteral("HTTPRoute webapp/webapp-route rule 0")),
                 qPrintable(tester->servedBy()));
        QVERIFY2(tester->servedBy().contains(QStringLiteral("webapp/webapp-api")), qPrintable(tester->servedBy()));
        QVERIFY(tester->explanation().contains(QStringLiteral("lands on")));

        // A host no route serves: the gateway's own 404, and the explanation says so.
        tester->setRequest(QStringLiteral("GET"), QStringLiteral("http://nobody.invalid/"));
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(tester->lastStatus() != 200, 15000);
        QCOMPARE(tester->lastStatus(), 404);

        window->action(QStringLiteral("actionStop"))->trigger();
        QVERIFY(!window->liveRun()->isRunning());
        QVERIFY(!send->isEnabled());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_gui_mainwindow.moc"
