// Editing in the studio, driven through the real widgets (offscreen): completion in the YAML editor
// (field names at the cursor's path from the CRD schema, enum values after `key: `, keys already
// written not offered again), the CRD descriptions on the form's rows, one undo history for form
// and YAML edits with the Edit actions' state, and the Preferences dialog with the dark theme
// keeping the editor legible.
#include "app/gui/forms/form_model.h"
#include "app/gui/forms/resource_form.h"
#include "app/gui/mainwindow/main_window.h"
#include "app/gui/settings/palettes.h"
#include "app/gui/settings/preferences.h"
#include "app/gui/settings/settings_dialog.h"
#include "app/gui/yamleditor/yaml_completer.h"
#include "app/gui/yamleditor/yaml_completion.h"
#include "app/gui/yamleditor/yaml_editor.h"
#include "engine/workspace/workspace.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtGui/QPainter>
#include <QtGui/QTextBlock>
#include <QtGui/QTextDocument>
#include <QtGui/QTextLayout>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QTreeView>

#include <cstdlib>

using namespace Torii;
using Gui::FormModel;
using Gui::MainWindow;
using Gui::YamlCompletionContext;

namespace {

const char *kRouteFile = "apiVersion: gateway.networking.k8s.io/v1\n"
                         "kind: HTTPRoute\n"
                         "metadata:\n"
                         "  name: shop\n"
                         "spec:\n"
                         "  parentRefs:\n"
                         "  - name: shop-gateway\n"
                         "  rules:\n"
                         "  - matches:\n"
                         "    - path:\n"
                         "        value: /cart\n"
                         "    backendRefs:\n"
                         "    - name: cart\n"
                         "      port: 8080\n";

// The document of `text` with the cursor where its last `|` is (that `|` removed).
std::pair<std::unique_ptr<QTextDocument>, int> documentAt(QString text)
{
    const int position = static_cast<int>(text.lastIndexOf(QLatin1Char('|')));
    text.remove(position, 1);
    return {std::make_unique<QTextDocument>(text), position};
}

QStringList names(const QList<Gui::YamlCompletionItem> &items)
{
    QStringList out;
    for (const auto &i : items) {
        out << i.text;
    }
    return out;
}

// Moves the editor's cursor to the end of the first line equal to `line` (without its break).
bool putCursorAfter(Gui::YamlEditor *editor, const QString &line)
{
    for (QTextBlock b = editor->document()->begin(); b.isValid(); b = b.next()) {
        if (b.text() == line) {
            QTextCursor c(b);
            c.movePosition(QTextCursor::EndOfBlock);
            editor->setTextCursor(c);
            return true;
        }
    }
    return false;
}

// The window and, drawn over it under the editor's cursor, the completion popup (a window of its
// own, which the offscreen platform's 800-pixel screen pushes to the left of where it belongs).
QImage grabWithPopup(QWidget *window, Gui::YamlEditor *editor, QWidget *popup)
{
    QImage image = window->grab().toImage();
    if (popup && popup->isVisible()) {
        QPainter painter(&image);
        const QPoint at = editor->viewport()->mapTo(window, editor->cursorRect().bottomLeft());
        painter.drawPixmap(at * image.devicePixelRatio(), popup->grab());
    }
    return image;
}

} // namespace

class TestEditing : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString filePath() const { return m_dir->filePath(QStringLiteral("route.yaml")); }

    std::unique_ptr<MainWindow> openedWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->setRecoveryPrompt([](const QStringList &) { return false; });
        window->workspace()->setDelays(30, 30, 60000);
        window->resize(1400, 900);
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
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_editing"));
        QSettings().clear();
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QFile f(filePath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kRouteFile);
    }

    void cleanup() { Gui::Preferences::instance()->setTheme(Gui::Theme::System); }

    // The path and the offer at a cursor, from the text alone (`|` marks the cursor).
    void completionContext_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("offered");
        QTest::addColumn<QStringList>("notOffered");

        const QString head = QStringLiteral(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\n");
        QTest::newRow("spec, nothing written")
            << head + QStringLiteral("spec:\n  |\n") << QStringLiteral("spec")
            << QStringList{QStringLiteral("parentRefs"), QStringLiteral("hostnames"),
                           QStringLiteral("rules")}
            << QStringList{QStringLiteral("status"), QStringLiteral("name")};
        QTest::newRow("spec, keys below and above not offered again")
            << head + QStringLiteral("spec:\n  hostnames: [a.example]\n  |\n  rules: []\n")
            << QStringLiteral("spec") << QStringList{QStringLiteral("parentRefs")}
            << QStringList{QStringLiteral("hostnames"), QStringLiteral("rules")};
        QTest::newRow("root") << head + QStringLiteral("|") << QString()
                              << QStringList{QStringLiteral("spec")}
                              << QStringList{QStringLiteral("apiVersion"), QStringLiteral("kind"),
                                             QStringLiteral("metadata"), QStringLiteral("status")};
        QTest::newRow("metadata") << QStringLiteral(
                                         "kind: Gateway\napiVersion: gateway.networking.k8s.io/v1\n"
                                         "metadata:\n  name: g\n  na|\n")
                                  << QStringLiteral("metadata")
                                  << QStringList{QStringLiteral("namespace"),
                                                 QStringLiteral("labels")}
                                  << QStringList{QStringLiteral("name")};
        QTest::newRow("a list item of a list written without indentation")
            << head + QStringLiteral("spec:\n  rules:\n  - matches: []\n    |\n")
            << QStringLiteral("spec.rules.[]")
            << QStringList{QStringLiteral("backendRefs"), QStringLiteral("filters")}
            << QStringList{QStringLiteral("matches")};
        QTest::newRow("the first key of a new item")
            << head + QStringLiteral("spec:\n  rules:\n  - backendRefs: []\n  - |\n")
            << QStringLiteral("spec.rules.[]")
            << QStringList{QStringLiteral("backendRefs"), QStringLiteral("matches")}
            << QStringList{};
        QTest::newRow("path match, nested lists")
            << head +
                   QStringLiteral("spec:\n  rules:\n  - matches:\n    - path:\n        value: /\n"
                                  "        |\n")
            << QStringLiteral("spec.rules.[].matches.[].path")
            << QStringList{QStringLiteral("type")} << QStringList{QStringLiteral("value")};
        QTest::newRow("path type values")
            << head +
                   QStringLiteral("spec:\n  rules:\n  - matches:\n    - path:\n        type: |\n")
            << QStringLiteral("spec.rules.[].matches.[].path.type")
            << QStringList{QStringLiteral("PathPrefix"), QStringLiteral("Exact"),
                           QStringLiteral("RegularExpression")}
            << QStringList{};
        QTest::newRow("after a block scalar")
            << QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
                              "metadata:\n  name: c\nspec:\n  description: |\n    text: not a key\n"
                              "  |\n")
            << QStringLiteral("spec")
            << QStringList{QStringLiteral("controllerName"), QStringLiteral("parametersRef")}
            << QStringList{QStringLiteral("description"), QStringLiteral("text")};
        QTest::newRow("second document")
            << head + QStringLiteral(
                          "spec:\n  rules: []\n---\napiVersion: gateway.networking.k8s.io/v1\n"
                          "kind: Gateway\nmetadata:\n  name: g\nspec:\n  |\n")
            << QStringLiteral("spec")
            << QStringList{QStringLiteral("gatewayClassName"), QStringLiteral("listeners")}
            << QStringList{QStringLiteral("rules"), QStringLiteral("hostnames")};
        QTest::newRow("kind values")
            << QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\nkind: |\n")
            << QStringLiteral("kind")
            << QStringList{QStringLiteral("HTTPRoute"), QStringLiteral("Gateway"),
                           QStringLiteral("ReferenceGrant")}
            << QStringList{};
        QTest::newRow("enum in a list item")
            << QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                              "metadata:\n  name: g\nspec:\n  listeners:\n  - name: l\n"
                              "    tls:\n      mode: |\n")
            << QStringLiteral("spec.listeners.[].tls.mode")
            << QStringList{QStringLiteral("Terminate"), QStringLiteral("Passthrough")}
            << QStringList{};
        QTest::newRow("a document of more than 3,000 lines: nothing")
            << head + QStringLiteral("spec:\n") + QStringLiteral("  # a line\n").repeated(3001) +
                   QStringLiteral("  |\n")
            << QString() << QStringList{} << QStringList{QStringLiteral("parentRefs")};
        QTest::newRow("inside a block scalar: nothing")
            << head + QStringLiteral("spec:\n  x: |\n    te|\n") << QString() << QStringList{}
            << QStringList{QStringLiteral("rules")};
    }

    void completionContext()
    {
        QFETCH(QString, text);
        QFETCH(QString, path);
        QFETCH(QStringList, offered);
        QFETCH(QStringList, notOffered);
        auto [document, position] = documentAt(text);
        const YamlCompletionContext ctx = Gui::yamlCompletionContext(document.get(), position);
        const QStringList got = names(Gui::yamlCompletions(ctx));
        if (!offered.isEmpty()) {
            QCOMPARE(ctx.path.join(QLatin1Char('.')), path);
        }
        for (const QString &o : offered) {
            QVERIFY2(got.contains(o), qPrintable(o + QStringLiteral(" not in ") + got.join(u',')));
        }
        for (const QString &o : notOffered) {
            QVERIFY2(!got.contains(o), qPrintable(o + QStringLiteral(" in ") + got.join(u',')));
        }
    }

    // Each entry carries its type and the first sentence of the CRD's description; objects and
    // lists are inserted with their line break and indentation.
    void completionEntriesCarryTypeAndDescription()
    {
        auto [document, position] = documentAt(QStringLiteral(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nspec:\n  |\n"));
        const auto items =
            Gui::yamlCompletions(Gui::yamlCompletionContext(document.get(), position));
        const auto parentRefs = std::find_if(items.begin(), items.end(), [](const auto &i) {
            return i.text == QLatin1String("parentRefs");
        });
        QVERIFY(parentRefs != items.end());
        QCOMPARE(parentRefs->type, QStringLiteral("[]object"));
        QVERIFY2(parentRefs->description.startsWith(
                     QLatin1String("ParentRefs references the resources")),
                 qPrintable(parentRefs->description));
        QVERIFY(parentRefs->description.endsWith(QLatin1Char('.')));
        QVERIFY(parentRefs->description.size() <= 110);
        QCOMPARE(parentRefs->insertion, QStringLiteral("parentRefs:\n  - "));
    }

    // The popup, through the keyboard: Ctrl+Space in the spec, two letters of a key by themselves,
    // Enter inserting; after `type: ` of a path match, its three values.
    void completionPopupInTheEditor()
    {
        QFile f(filePath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n"
                "  name: shop\nspec:");
        f.close();
        auto window = openedWindow();
        QVERIFY(window);
        Gui::YamlEditor *editor = window->openFile(filePath());
        QVERIFY(editor);
        Gui::YamlCompleter *completer = editor->completer();
        editor->setFocus();

        QVERIFY(putCursorAfter(editor, QStringLiteral("spec:")));
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("  "));
        QVERIFY(!completer->isPopupVisible());
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(completer->isPopupVisible());
        const QStringList offered = completer->shownEntries();
        for (const char *key : {"parentRefs", "hostnames", "rules"}) {
            QVERIFY2(offered.contains(QLatin1String(key)), qPrintable(offered.join(u',')));
        }
        // The popup's columns: name, type, description.
        QTreeView *popup = completer->popup();
        const QModelIndex first =
            popup->model()->index(offered.indexOf(QStringLiteral("hostnames")), 0);
        QCOMPARE(first.siblingAtColumn(1).data().toString(), QStringLiteral("[]string"));
        QVERIFY(first.siblingAtColumn(2).data().toString().startsWith(QLatin1String("Hostnames")));
        QTest::qWait(50);
        QVERIFY(grabWithPopup(window.get(), editor, popup)
                    .save(QStringLiteral("/tmp/torii-completion.png")));
        QTest::keyClick(popup, Qt::Key_Escape);
        QVERIFY(!completer->isPopupVisible());

        // Two letters of a key open it by themselves; Enter inserts the key and its list item.
        QTest::keyClicks(editor, QStringLiteral("ho"));
        QVERIFY(completer->isPopupVisible());
        QCOMPARE(completer->shownEntries(), QStringList{QStringLiteral("hostnames")});
        QTest::keyClick(popup, Qt::Key_Return);
        QVERIFY(!completer->isPopupVisible());
        QVERIFY2(editor->toPlainText().endsWith(QLatin1String("spec:\n  hostnames:\n  - ")),
                 qPrintable(editor->toPlainText()));
        QTest::keyClicks(editor, QStringLiteral("shop.example.com"));
        QTest::keyClick(editor, Qt::Key_Return);

        // Keys written are not offered again.
        QTest::keyClicks(editor, QStringLiteral("  "));
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(!completer->shownEntries().contains(QStringLiteral("hostnames")));
        QVERIFY(completer->insertEntry(QStringLiteral("rules")));
        QVERIFY(editor->toPlainText().endsWith(QLatin1String("  rules:\n  - ")));
        QTest::keyClicks(editor, QStringLiteral("matches:"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("    - path:"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("        type:"));
        QVERIFY(!completer->isPopupVisible());
        QTest::keyClick(editor, Qt::Key_Space); // `type: `: the values by themselves
        QVERIFY(completer->isPopupVisible());
        QStringList values = completer->shownEntries();
        values.sort();
        QCOMPARE(values, (QStringList{QStringLiteral("Exact"), QStringLiteral("PathPrefix"),
                                      QStringLiteral("RegularExpression")}));
        QTest::keyClicks(editor, QStringLiteral("Re"));
        QCOMPARE(completer->shownEntries(), QStringList{QStringLiteral("RegularExpression")});
        QTest::keyClick(popup, Qt::Key_Return);
        QVERIFY2(editor->toPlainText().endsWith(QLatin1String("        type: RegularExpression")),
                 qPrintable(editor->toPlainText()));
        // Each insertion is one undo step: the value goes, the typed "Re" comes back.
        editor->undo();
        QVERIFY(editor->toPlainText().endsWith(QLatin1String("        type: Re")));
        // Inside a word, the whole word is replaced.
        editor->moveCursor(QTextCursor::Left);
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(completer->insertEntry(QStringLiteral("RegularExpression")));
        QVERIFY2(editor->toPlainText().endsWith(QLatin1String("        type: RegularExpression")),
                 qPrintable(editor->toPlainText()));
        // A read-only editor (another role's document) offers nothing.
        editor->setReadOnly(true);
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(!completer->isPopupVisible());
        editor->setReadOnly(false);
        // The workspace reads what was typed: an HTTPRoute with the hostname.
        QTRY_VERIFY(
            window->workspace()->file(0).text.contains(QLatin1String("- shop.example.com")));
    }

    // A form edit is one step of the editor's history: Ctrl+Z in the editor takes it back (text and
    // form), Ctrl+Shift+Z makes it again; the Edit actions follow.
    void formEditUndoneAndRedoneFromTheKeyboard()
    {
        auto window = openedWindow();
        QVERIFY(window);
        Gui::ResourceForm *form = window->form();
        Gui::YamlEditor *editor = window->openFile(filePath());
        QAction *undo = window->action(QStringLiteral("actionUndo"));
        QAction *redo = window->action(QStringLiteral("actionRedo"));
        QVERIFY(!undo->isEnabled());
        QVERIFY(!redo->isEnabled());
        QVERIFY(form->showResourceAt(0, 1));
        const QString before = editor->toPlainText();
        const QString path = QStringLiteral("spec.rules[0].backendRefs[0].port");
        const QModelIndex port = form->model()->indexForPath(path, FormModel::ValueColumn);
        QVERIFY(port.isValid());
        QVERIFY(form->model()->setData(port, 9090));
        QTRY_VERIFY(editor->toPlainText().contains(QLatin1String("port: 9090")));
        QVERIFY(undo->isEnabled());
        QVERIFY(!redo->isEnabled());

        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor->toPlainText(), before);
        QVERIFY(!undo->isEnabled());
        QVERIFY(redo->isEnabled());
        QTRY_COMPARE(window->workspace()->file(0).text, before);
        QTRY_COMPARE_WITH_TIMEOUT(
            form->model()->indexForPath(path, FormModel::ValueColumn).data(Qt::EditRole).toInt(),
            8080, 10000);

        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(editor->toPlainText().contains(QLatin1String("port: 9090")));
        QVERIFY(undo->isEnabled());
        QVERIFY(!redo->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(
            form->model()->indexForPath(path, FormModel::ValueColumn).data(Qt::EditRole).toInt(),
            9090, 10000);

        // Edit ▸ Undo from the form (the focus elsewhere) takes the same step back.
        form->view()->setFocus();
        undo->trigger();
        QCOMPARE(editor->toPlainText(), before);
        QTRY_COMPARE_WITH_TIMEOUT(
            form->model()->indexForPath(path, FormModel::ValueColumn).data(Qt::EditRole).toInt(),
            8080, 10000);
    }

    // A change of the text made outside the editor (a reload, a recovery) is a step of the same
    // history: Redo never stays enabled with a step of the old text behind it.
    void outsideChangeKeepsUndoAndRedoTrue()
    {
        auto window = openedWindow();
        QVERIFY(window);
        Gui::YamlEditor *editor = window->openFile(filePath());
        QAction *undo = window->action(QStringLiteral("actionUndo"));
        QAction *redo = window->action(QStringLiteral("actionRedo"));
        editor->setFocus();
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, QStringLiteral("# typed"));
        QVERIFY(undo->isEnabled());
        editor->undo();
        QVERIFY(redo->isEnabled());
        QVERIFY(!undo->isEnabled());
        const QString outside = QString::fromUtf8(kRouteFile) + QStringLiteral("# from outside\n");
        {
            QFile f(filePath());
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(outside.toUtf8());
        }
        window->workspace()->reloadFromDisk(0);
        QCOMPARE(editor->toPlainText(), outside);
        QVERIFY(!redo->isEnabled()); // the redo step was of the old text
        QVERIFY(undo->isEnabled());
        QVERIFY(!editor->document()->isRedoAvailable());
        undo->trigger();
        QCOMPARE(editor->toPlainText(), QString::fromUtf8(kRouteFile));
        QTRY_COMPARE(window->workspace()->file(0).text, QString::fromUtf8(kRouteFile));
    }

    // Any mix of typing, Ctrl+Z / Ctrl+Shift+Z, Edit ▸ Undo / Redo from the form, form edits and
    // tab switches between two files: the Edit actions' state is always the current document's, and
    // every open editor holds its file's text.
    void editActionsFollowTheDocument()
    {
        // A second file, so that edits and undos happen in two histories.
        {
            QFile g(m_dir->filePath(QStringLiteral("b.yaml")));
            QVERIFY(g.open(QIODevice::WriteOnly));
            g.write("apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  "
                    "name: c\nspec:\n  controllerName: example.com/a\n");
        }
        auto window = openedWindow();
        QVERIFY(window);
        QAction *undo = window->action(QStringLiteral("actionUndo"));
        QAction *redo = window->action(QStringLiteral("actionRedo"));
        Gui::ResourceForm *form = window->form();
        std::srand(7);
        QStringList log;
        for (int step = 0; step < 250; ++step) {
            const int op = std::rand() % 9;
            const QString file = m_dir->filePath(std::rand() % 2 ? QStringLiteral("b.yaml")
                                                                 : QStringLiteral("route.yaml"));
            Gui::YamlEditor *e = window->currentEditor();
            switch (op) {
            case 0: {
                e = window->openFile(file);
                log << "open";
                break;
            }
            case 1:
                if (e) {
                    e->setFocus();
                    e->moveCursor(QTextCursor::End);
                    QTest::keyClicks(e, QStringLiteral("#x"));
                    log << "type";
                }
                break;
            case 2:
                if (e) {
                    e->setFocus();
                    QTest::keyClick(e, Qt::Key_Z, Qt::ControlModifier);
                    log << "ctrlz";
                }
                break;
            case 3:
                if (e) {
                    e->setFocus();
                    QTest::keyClick(e, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
                    log << "ctrlshiftz";
                }
                break;
            case 4: {
                form->view()->setFocus();
                undo->trigger();
                log << "actundo";
                break;
            }
            case 5: {
                form->view()->setFocus();
                redo->trigger();
                log << "actredo";
                break;
            }
            case 6: {
                if (form->showResource(file, 1)) {
                    QModelIndex i = form->model()->indexForPath(QStringLiteral("metadata.name"),
                                                                FormModel::ValueColumn);
                    if (i.isValid()) {
                        form->model()->setData(i, QStringLiteral("n%1").arg(step));
                        log << "formedit";
                    }
                }
                break;
            }
            case 7: {
                if (form->showResource(file, 1)) {
                    QModelIndex i = form->model()->indexForPath(QStringLiteral("metadata.labels"));
                    if (i.isValid()) {
                        form->model()->addItem(i);
                        log << "formadd";
                    }
                }
                break;
            }
            case 8: {
                QTest::qWait(80);
                log << "wait";
                break;
            }
            }
            QCoreApplication::processEvents();
            e = window->currentEditor();
            const bool du = e && e->document()->isUndoAvailable();
            const bool dr = e && e->document()->isRedoAvailable();
            if (undo->isEnabled() != du || redo->isEnabled() != dr) {
                QFAIL(qPrintable(QStringLiteral("step %1: action %2/%3 doc %4/%5 after %6")
                                     .arg(step)
                                     .arg(undo->isEnabled())
                                     .arg(redo->isEnabled())
                                     .arg(du)
                                     .arg(dr)
                                     .arg(log.mid(qMax(0, log.size() - 8)).join(u' '))));
            }
            for (int fi = 0; fi < window->workspace()->fileCount(); ++fi) {
                if (Gui::YamlEditor *fe = window->editorFor(fi)) {
                    if (fe->toPlainText() != window->workspace()->file(fi).text) {
                        QFAIL(qPrintable(
                            QStringLiteral("step %1: editor and workspace differ after %2")
                                .arg(step)
                                .arg(log.mid(qMax(0, log.size() - 8)).join(u' '))));
                    }
                }
            }
        }
    }

    // The form's rows carry the CRD's description (tooltip, and the help line of the current row).
    void formRowsCarryDescriptions()
    {
        auto window = openedWindow();
        QVERIFY(window);
        Gui::ResourceForm *form = window->form();
        window->openFile(filePath());
        QVERIFY(form->showResourceAt(0, 1));
        const QModelIndex hostnames = form->model()->indexForPath(QStringLiteral("spec.hostnames"));
        QVERIFY(hostnames.isValid());
        const QString tooltip = hostnames.data(Qt::ToolTipRole).toString();
        QVERIFY2(tooltip.contains(QLatin1String("Hostnames defines a set of hostnames")),
                 qPrintable(tooltip));
        for (const QString &line : tooltip.split(QLatin1Char('\n'))) {
            QVERIFY2(line.size() <= 80, qPrintable(line)); // wrapped for a readable tooltip
        }
        const QString description = hostnames.data(FormModel::DescriptionRole).toString();
        QVERIFY(description.size() <= 321);
        QVERIFY(!description.contains(QLatin1Char('\n')));
        // The value column too, and metadata (which the CRDs leave untyped).
        QVERIFY(hostnames.siblingAtColumn(FormModel::ValueColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("Hostnames defines")));
        QVERIFY(form->model()
                    ->indexForPath(QStringLiteral("metadata.namespace"))
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("Namespace defines the space")));
        const QModelIndex type =
            form->model()->indexForPath(QStringLiteral("spec.rules[0].matches[0].path.type"));
        QVERIFY(type.isValid());
        QVERIFY(type.data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("Type specifies how to match")));

        for (QModelIndex p = type.parent(); p.isValid(); p = p.parent()) {
            form->view()->expand(p);
        }
        form->view()->setCurrentIndex(type);
        auto *details = form->findChild<QLabel *>(QStringLiteral("formDetails"));
        QVERIFY(details);
        QVERIFY2(details->text().contains(
                     QLatin1String("Type specifies how to match against the path Value.")),
                 qPrintable(details->text()));
        QVERIFY(details->text().contains(QLatin1String("enum")));
    }

    // Preferences: the dark theme changes the application's palette, the editor's text, syntax
    // colours and line numbers stay legible (WCAG contrast ≥ 4.5), and the choice is kept; the
    // language chosen there is the one the Settings menu checks.
    void preferencesDarkThemeAndLanguage()
    {
        auto window = openedWindow();
        QVERIFY(window);
        Gui::YamlEditor *editor = window->openFile(filePath());
        const QColor lightBase = QApplication::palette().color(QPalette::Base);

        auto *dialog = new Gui::SettingsDialog(window.get());
        dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findData(QStringLiteral("dark")));
        dialog->languageBox()->setCurrentIndex(
            dialog->languageBox()->findData(QStringLiteral("ja")));
        dialog->accept();
        delete dialog;

        QCOMPARE(QSettings().value(QStringLiteral("theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("ja"));
        QCOMPARE(Gui::Preferences::instance()->theme(), Gui::Theme::Dark);
        const QPalette app = QApplication::palette();
        QVERIFY(app.color(QPalette::Base) != lightBase);
        QVERIFY(Gui::isDark(app));
        QTRY_VERIFY(Gui::isDark(editor->palette()));

        const QPalette pal = editor->palette();
        const QColor base = pal.color(QPalette::Base);
        QVERIFY2(Gui::contrastRatio(pal.color(QPalette::Text), base) >= 4.5,
                 qPrintable(QString::number(Gui::contrastRatio(pal.color(QPalette::Text), base))));
        // Every colour the highlighter gave the text, against the editor's base.
        int formats = 0;
        for (QTextBlock b = editor->document()->begin(); b.isValid(); b = b.next()) {
            for (const QTextLayout::FormatRange &r : b.layout()->formats()) {
                if (r.format.hasProperty(QTextFormat::ForegroundBrush)) {
                    ++formats;
                    const double ratio = Gui::contrastRatio(r.format.foreground().color(), base);
                    QVERIFY2(ratio >= 4.5,
                             qPrintable(QStringLiteral("%1 on %2: %3")
                                            .arg(r.format.foreground().color().name(), base.name())
                                            .arg(ratio)));
                }
            }
        }
        QVERIFY(formats > 5);
        // The gutter's line numbers (placeholder text on the alternate base).
        QVERIFY(Gui::contrastRatio(pal.color(QPalette::PlaceholderText),
                                   pal.color(QPalette::AlternateBase)) >= 4.5);
        QVERIFY(Gui::contrastRatio(Gui::errorColor(pal), base) >= 4.5);
        // The picture: the form beside the editor, its current row's description in the help line.
        Gui::ResourceForm *form = window->form();
        QVERIFY(form->showResourceAt(0, 1));
        const QModelIndex port =
            form->model()->indexForPath(QStringLiteral("spec.rules[0].backendRefs[0].port"));
        for (QModelIndex p = port.parent(); p.isValid(); p = p.parent()) {
            form->view()->expand(p);
        }
        form->view()->setCurrentIndex(port);
        QTest::qWait(50);
        QVERIFY(window->grab().save(QStringLiteral("/tmp/torii-dark.png")));

        // The Settings menu's language checks follow the dialog's choice.
        QMenu *settingsMenu = nullptr;
        for (QAction *a : window->menuBar()->actions()) {
            if (a->menu() && a->menu()->title() == QCoreApplication::translate(
                                                       "Torii::Gui::MainWindow", "&Settings")) {
                settingsMenu = a->menu();
            }
        }
        QVERIFY(settingsMenu);
        QMenu *languages = settingsMenu->actions().first()->menu();
        QVERIFY(languages);
        for (QAction *a : languages->actions()) {
            QCOMPARE(a->isChecked(), a->text() == QStringLiteral("日本語"));
        }
        window->action(QStringLiteral("actionPreferences"))->shortcut();
        QCOMPARE(window->action(QStringLiteral("actionPreferences"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_Comma));

        // Light: legible as well; System: the palette of the start again.
        Gui::Preferences::instance()->setTheme(Gui::Theme::Light);
        QTRY_VERIFY(!Gui::isDark(editor->palette()));
        const QPalette light = editor->palette();
        for (QTextBlock b = editor->document()->begin(); b.isValid(); b = b.next()) {
            for (const QTextLayout::FormatRange &r : b.layout()->formats()) {
                if (r.format.hasProperty(QTextFormat::ForegroundBrush)) {
                    QVERIFY(Gui::contrastRatio(r.format.foreground().color(),
                                               light.color(QPalette::Base)) >= 4.5);
                }
            }
        }
        QVERIFY(Gui::contrastRatio(light.color(QPalette::PlaceholderText),
                                   light.color(QPalette::AlternateBase)) >= 4.5);
        Gui::Preferences::instance()->setTheme(Gui::Theme::System);
        QCOMPARE(QApplication::palette().color(QPalette::Base), lightBase);
        Gui::Preferences::instance()->setLanguage(QString());
    }
};

QTEST_MAIN(TestEditing)
#include "tst_gui_editing.moc"
