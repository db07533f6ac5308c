// The forms, driven through the real widgets (offscreen): a Gateway and an HTTPRoute created from
// templates and edited through the form (spin box, combo box, list add), the YAML following with
// comments elsewhere kept; a weight slider rewriting the weight; an invalid enum typed in the YAML
// showing on its field; a form edit undone in the editor.
#include "app/gui/explorer/explorer_panel.h"
#include "app/gui/forms/document_rewriter.h"
#include "app/gui/forms/form_model.h"
#include "app/gui/forms/new_resource_dialog.h"
#include "app/gui/forms/resource_form.h"
#include "app/gui/forms/resource_templates.h"
#include "app/gui/forms/weights_panel.h"
#include "app/gui/mainwindow/main_window.h"
#include "app/gui/models/explorer_model.h"
#include "app/gui/yamleditor/yaml_editor.h"
#include "engine/workspace/workspace.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QSlider>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>

using namespace Torii;
using Gui::FormModel;
using Gui::MainWindow;

namespace {

const char *kClassFile = "# The class every gateway of this workspace uses.\n"
                         "apiVersion: gateway.networking.k8s.io/v1\n"
                         "kind: GatewayClass\n"
                         "metadata:\n"
                         "  name: example-gateway-class # keep this comment\n"
                         "spec:\n"
                         "  controllerName: example.com/gateway-controller\n";

QModelIndex valueIndex(Gui::ResourceForm *form, const QString &path)
{
    return form->model()->indexForPath(path, FormModel::ValueColumn);
}

// Opens the delegate's editor on a value, lets `change` set it, and commits it with Enter.
template<typename Editor, typename Change>
bool editThroughDelegate(Gui::ResourceForm *form, const QModelIndex &index, Change change)
{
    QTreeView *view = form->view();
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent()) {
        view->expand(p);
    }
    view->setCurrentIndex(index);
    view->edit(index);
    auto *editor = view->findChild<Editor *>();
    if (!editor) {
        return false;
    }
    change(editor);
    // What the delegate does when the editor is done (Enter, focus out).
    QTest::keyClick(editor, Qt::Key_Return);
    return true;
}

bool hasKind(const QAbstractItemModel *model, const QString &kind)
{
    return !model
                ->match(model->index(0, 0), Gui::ExplorerModel::KindRole, kind, 1,
                        Qt::MatchRecursive)
                .isEmpty();
}

} // namespace

class TestForms : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

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

    QString filePath() const { return m_dir->filePath(QStringLiteral("app.yaml")); }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ToriiTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_forms"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QFile f(filePath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kClassFile);
    }

    void createGatewayAndRouteThroughTheForms()
    {
        auto window = openedWindow();
        QVERIFY(window);
        Gui::ResourceForm *form = window->form();
        QVERIFY(form);
        Gui::YamlEditor *editor = window->openFile(filePath());
        QVERIFY(editor);

        // A Gateway from its template, through the New Resource dialog's own output.
        Gui::NewResourceDialog dialog({QStringLiteral("app.yaml")}, 0);
        dialog.setTemplate(QStringLiteral("gateway"));
        dialog.setName(QStringLiteral("shop-gateway"));
        QVERIFY(dialog.yaml().contains(QLatin1String("name: shop-gateway")));
        QVERIFY(form->appendResource(dialog.fileIndex(), dialog.yaml()));
        QCOMPARE(form->kind(), QStringLiteral("Gateway"));
        QVERIFY(editor->toPlainText().contains(QLatin1String("kind: Gateway")));

        // The listener's port through its spin box (bounded by the schema: 1–65535).
        const QModelIndex port = valueIndex(form, QStringLiteral("spec.listeners[0].port"));
        QVERIFY(port.isValid());
        QCOMPARE(port.data(FormModel::MaximumRole).toInt(), 65535);
        QVERIFY((editThroughDelegate<QSpinBox>(form, port, [](QSpinBox *s) {
            QCOMPARE(s->maximum(), 65535);
            s->setValue(8080);
        })));
        QTRY_VERIFY(editor->toPlainText().contains(QLatin1String("port: 8080")));
        QVERIFY(!editor->toPlainText().contains(QLatin1String("port: 80\n")));
        QCOMPARE(form->lastEditKind(), Gui::TextEdit::Kind::Minimal);
        QVERIFY(editor->toPlainText().contains(QLatin1String("# keep this comment")));
        QTRY_COMPARE(
            valueIndex(form, QStringLiteral("spec.listeners[0].port")).data(Qt::EditRole).toInt(),
            8080);

        // An enum through its combo box: the schema's values, nothing else.
        QTRY_VERIFY(
            valueIndex(form, QStringLiteral("spec.listeners[0].allowedRoutes.namespaces.from"))
                .isValid());
        const QModelIndex from =
            valueIndex(form, QStringLiteral("spec.listeners[0].allowedRoutes.namespaces.from"));
        QVERIFY(
            from.data(FormModel::EnumValuesRole).toStringList().contains(QStringLiteral("Same")));
        QVERIFY((editThroughDelegate<QComboBox>(form, from, [](QComboBox *c) {
            QVERIFY(c->findText(QStringLiteral("Selector")) >= 0);
            c->setCurrentIndex(c->findText(QStringLiteral("Same")));
        })));
        QTRY_VERIFY2(editor->toPlainText().contains(QLatin1String("from: Same")),
                     qPrintable(form->statusText() + QLatin1Char('\n') + editor->toPlainText()));

        // An HTTPRoute from its template, attached to the gateway.
        QVERIFY(form->appendResource(
            0, Gui::resourceTemplate(QStringLiteral("httproute-basic"))
                   .instantiate(QStringLiteral("shop-route"), {}, QStringLiteral("shop-gateway"))));
        QCOMPARE(form->kind(), QStringLiteral("HTTPRoute"));
        QTRY_VERIFY(valueIndex(form, QStringLiteral("spec.hostnames[0]")).isValid());
        QVERIFY(form->model()->setData(valueIndex(form, QStringLiteral("spec.hostnames[0]")),
                                       QStringLiteral("shop.example.com")));
        QTRY_VERIFY(editor->toPlainText().contains(QLatin1String("- shop.example.com")));

        // A second backend with the list's Add button: the route's document is rewritten, the
        // other documents (and their comments) are not.
        QTRY_VERIFY(
            form->model()->indexForPath(QStringLiteral("spec.rules[0].backendRefs")).isValid());
        form->view()->setCurrentIndex(
            form->model()->indexForPath(QStringLiteral("spec.rules[0].backendRefs")));
        auto *add = form->findChild<QToolButton *>(QStringLiteral("formAdd"));
        QVERIFY(add && add->isEnabled());
        add->click();
        QTRY_VERIFY2(editor->toPlainText().count(QLatin1String("- name:")) ==
                         4, // parentRef, listener, 2 backends
                     qPrintable(form->statusText() + QLatin1Char('\n') + editor->toPlainText()));
        QCOMPARE(form->lastEditKind(), Gui::TextEdit::Kind::Document);
        QTRY_VERIFY(
            valueIndex(form, QStringLiteral("spec.rules[0].backendRefs[1].port")).isValid());
        QVERIFY(form->model()->setData(
            valueIndex(form, QStringLiteral("spec.rules[0].backendRefs[1].name")),
            QStringLiteral("shop-v2")));
        QTRY_VERIFY(editor->toPlainText().contains(QLatin1String("name: shop-v2")));
        QTRY_VERIFY(!valueIndex(form, QStringLiteral("spec.rules[0].backendRefs[1].port"))
                         .data(FormModel::PresentRole)
                         .toBool());
        QVERIFY(form->model()->setData(
            valueIndex(form, QStringLiteral("spec.rules[0].backendRefs[1].port")), 8080));
        QTRY_COMPARE(editor->toPlainText().count(QLatin1String("port: 8080")),
                     3); // listener + 2 backends
        QVERIFY(editor->toPlainText().contains(QLatin1String("# keep this comment")));
        QVERIFY(editor->toPlainText().startsWith(QLatin1String("# The class every gateway")));

        // The workspace reads both objects back; the explorer lists them and drives the form.
        QTRY_VERIFY_WITH_TIMEOUT(hasKind(window->explorerModel(), QStringLiteral("HTTPRoute")),
                                 10000);
        QVERIFY(hasKind(window->explorerModel(), QStringLiteral("Gateway")));
        QVERIFY(window->explorer()->selectResource(
            QStringLiteral("Gateway"), QStringLiteral("default"), QStringLiteral("shop-gateway")));
        QTRY_COMPARE(form->kind(), QStringLiteral("Gateway"));
        QCOMPARE(
            valueIndex(form, QStringLiteral("spec.listeners[0].port")).data(Qt::EditRole).toInt(),
            8080);
    }

    void weightSliderRewritesTheWeight()
    {
        auto window = openedWindow();
        QVERIFY(window);
        Gui::ResourceForm *form = window->form();
        Gui::YamlEditor *editor = window->openFile(filePath());
        QVERIFY(form->appendResource(0, Gui::resourceTemplate(QStringLiteral("httproute-canary"))
                                            .instantiate(QStringLiteral("canary"), {}, {})));
        Gui::WeightsPanel *weights = form->weights();
        QCOMPARE(weights->count(), 2);
        QVERIFY(weights->shareText(0).contains(QLatin1String("90.0")));
        QVERIFY(weights->shareText(1).contains(QLatin1String("10.0")));
        weights->slider(1)->setValue(30); // as the keyboard does: committed at once
        QTRY_VERIFY(editor->toPlainText().contains(QLatin1String("weight: 30")));
        QVERIFY(editor->toPlainText().contains(QLatin1String("weight: 90")));
        QVERIFY(!editor->toPlainText().contains(QLatin1String("weight: 10\n")));
        QVERIFY(weights->shareText(1).contains(QLatin1String("25.0")));
        QVERIFY(weights->shareText(0).contains(QLatin1String("75.0")));
        QTRY_COMPARE(form->model()
                         ->indexForPath(QStringLiteral("spec.rules[0].backendRefs[1].weight"),
                                        FormModel::ValueColumn)
                         .data(Qt::EditRole)
                         .toInt(),
                     30);
    }

    void invalidEnumInTheYamlShowsOnItsField()
    {
        auto window = openedWindow();
        QVERIFY(window);
        Gui::ResourceForm *form = window->form();
        Gui::YamlEditor *editor = window->openFile(filePath());
        QVERIFY(form->appendResource(0, Gui::resourceTemplate(QStringLiteral("httproute-basic"))
                                            .instantiate(QStringLiteral("basic"), {}, {})));
        const QString path = QStringLiteral("spec.rules[0].matches[0].path.type");
        QTRY_VERIFY(form->model()->indexForPath(path).isValid());
        QVERIFY(
            form->model()->indexForPath(path).data(FormModel::DiagnosticRole).toString().isEmpty());

        QTextCursor cursor = editor->document()->find(QStringLiteral("PathPrefix"));
        QVERIFY(!cursor.isNull());
        editor->setTextCursor(cursor);
        editor->insertPlainText(QStringLiteral("Prefix")); // typed over the selection
        QTRY_VERIFY_WITH_TIMEOUT(
            !form->model()->indexForPath(path).data(FormModel::DiagnosticRole).toString().isEmpty(),
            10000);
        const QModelIndex value = form->model()->indexForPath(path, FormModel::ValueColumn);
        QCOMPARE(value.data(Qt::EditRole).toString(), QStringLiteral("Prefix"));
        const QString message =
            form->model()->indexForPath(path, FormModel::MessageColumn).data().toString();
        QVERIFY2(message.contains(QLatin1String("PathPrefix")), qPrintable(message));
    }

    void formEditIsUndoable()
    {
        auto window = openedWindow();
        QVERIFY(window);
        Gui::ResourceForm *form = window->form();
        Gui::YamlEditor *editor = window->openFile(filePath());
        QVERIFY(form->showResourceAt(0, 1));
        QCOMPARE(form->kind(), QStringLiteral("GatewayClass"));
        const QString before = editor->toPlainText();
        const QModelIndex controller = valueIndex(form, QStringLiteral("spec.controllerName"));
        QVERIFY(form->model()->setData(controller, QStringLiteral("example.com/other-controller")));
        QTRY_VERIFY(editor->toPlainText().contains(
            QLatin1String("controllerName: example.com/other-controller")));
        QVERIFY(editor->toPlainText().contains(QLatin1String("# keep this comment")));
        QVERIFY(editor->document()->isUndoAvailable());
        editor->undo();
        QCOMPARE(editor->toPlainText(), before);
        QTRY_COMPARE(window->workspace()->file(0).text, before);
        QTRY_COMPARE_WITH_TIMEOUT(
            valueIndex(form, QStringLiteral("spec.controllerName")).data(Qt::EditRole).toString(),
            QStringLiteral("example.com/gateway-controller"), 10000);
        editor->redo();
        QTRY_COMPARE_WITH_TIMEOUT(
            valueIndex(form, QStringLiteral("spec.controllerName")).data(Qt::EditRole).toString(),
            QStringLiteral("example.com/other-controller"), 10000);
    }

    // The rewriter alone: the minimal edit keeps everything else byte for byte; a quoted value
    // stays a string; a structural change rewrites only that document.
    void rewriterKeepsTheRestOfTheText()
    {
        const QString text =
            QString::fromUtf8(kClassFile) +
            QStringLiteral("---\n# second\nkind: Service\napiVersion: v1\nmetadata:\n  name: s\n");
        const Workspace::Analysis a = Workspace::analyzeText(text, QStringLiteral("x.yaml"));
        QCOMPARE(a.resources.size(), std::size_t(2));
        Model::Node edited = a.resources[0].object;
        edited.find("metadata")->set("name", Model::Node::string("true"));
        QString error;
        auto edit = Gui::rewriteObject(text, QStringLiteral("x.yaml"), 0, edited, &error);
        QVERIFY2(edit, qPrintable(error));
        QCOMPARE(edit->kind, Gui::TextEdit::Kind::Minimal);
        const QString out = edit->apply(text);
        QVERIFY(out.contains(QLatin1String("  name: \"true\" # keep this comment\n")));
        QCOMPARE(out.size() - text.size(),
                 QString(QStringLiteral("\"true\"")).size() -
                     QString(QStringLiteral("example-gateway-class")).size());

        edited.find("spec")->set("description", Model::Node::string("added"));
        edit = Gui::rewriteObject(text, QStringLiteral("x.yaml"), 0, edited, &error);
        QVERIFY2(edit, qPrintable(error));
        QCOMPARE(edit->kind, Gui::TextEdit::Kind::Document);
        const QString rewritten = edit->apply(text);
        QVERIFY(rewritten.startsWith(QLatin1String("# The class every gateway")));
        QVERIFY(rewritten.contains(QLatin1String("---\n# second\nkind: Service\n")));

        // The second document (its mark on its `---` line): its introducing comment stays.
        Model::Node service = a.resources[1].object;
        service.find("metadata")->set("labels", Model::Node::map());
        service.find("metadata")->find("labels")->set("app", Model::Node::string("web"));
        edit = Gui::rewriteObject(text, QStringLiteral("x.yaml"), 1, service, &error);
        QVERIFY2(edit, qPrintable(error));
        const QString second = edit->apply(text);
        QVERIFY2(second.contains(QLatin1String("---\n# second\n")), qPrintable(second));
        QVERIFY(second.contains(QLatin1String("app: web")));
        QVERIFY(second.startsWith(QString::fromUtf8(kClassFile)));
        QVERIFY(rewritten.contains(QLatin1String("description: added")));
        QVERIFY(!Gui::rewriteObject(text, QStringLiteral("x.yaml"), 5, edited, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestForms)
#include "tst_gui_forms.moc"
