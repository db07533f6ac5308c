// The export dialog over the demo workspace: per-role files written atomically into a folder,
// the demo's TLS Secret (it holds a private key) left out unless asked for with a warning shown,
// the preview read-only, the diff against what is on disk, and File → Export wired to it.
#include "app/gui/export/export_dialog.h"
#include "app/gui/export/text_diff.h"
#include "app/gui/mainwindow/main_window.h"
#include "demo_workspace.h"
#include "engine/workspace/workspace.h"

#include <QtCore/QDir>
#include <QtCore/QRegularExpression>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPlainTextEdit>

using namespace Torii;
using Gui::ExportDialog;

namespace {

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool listHas(const QListWidget *list, const QString &needle)
{
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->text().contains(needle)) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY2(TestSupport::copyDemo(*m_dir), "resources/demo not found");
    }

    void writesOneFilePerRoleWithoutThePrivateKey()
    {
        auto window = TestSupport::openWindow(m_dir->path());
        QVERIFY(window);
        Workspace::Workspace *ws = window->workspace();
        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("manifests"));
        ExportDialog dialog(ws->allResources(), ws->allDiagnostics(), target);
        auto *secrets = dialog.findChild<QCheckBox *>(QStringLiteral("exportIncludeSecrets"));
        QVERIFY(secrets);
        QVERIFY(!secrets->isChecked()); // off unless asked
        dialog.setSplit(Export::SplitMode::Role);

        QStringList names;
        for (int i = 0; i < dialog.fileList()->count(); ++i) {
            names << dialog.fileList()->item(i)->text();
        }
        QCOMPARE(names, QStringList({QStringLiteral("01-infrastructure-provider.yaml"),
                                     QStringLiteral("02-cluster-operator.yaml"),
                                     QStringLiteral("03-application-developer.yaml")}));
        // The Secret is left out, and the warnings say so.
        QVERIFY(!dialog.result().excluded.empty());
        QVERIFY(listHas(dialog.warningList(), QStringLiteral("wildcard-example-com-tls")) || listHas(dialog.warningList(), QStringLiteral("Secret")));

        // The preview is the file's text, read-only; nothing is on disk yet.
        dialog.showFile(1);
        QVERIFY(dialog.preview()->isReadOnly());
        QVERIFY(dialog.preview()->toPlainText().contains(QStringLiteral("kind: Gateway")));
        QVERIFY(dialog.diffView()->toPlainText().contains(QStringLiteral("does not exist yet")));

        QString error;
        QVERIFY2(dialog.writeFiles(&error), qPrintable(error));
        for (const QString &name : names) {
            const QString text = readAll(QDir(target).filePath(name));
            QVERIFY2(!text.isEmpty(), qPrintable(name));
            QVERIFY(!text.contains(QStringLiteral("tls.key")));
            QVERIFY(!text.contains(QRegularExpression(QStringLiteral("^kind: Secret$"),
                                                      QRegularExpression::MultilineOption)));
        }
        QVERIFY(readAll(QDir(target).filePath(names[0])).contains(QStringLiteral("kind: GatewayClass")));
        QVERIFY(readAll(QDir(target).filePath(names[2])).contains(QStringLiteral("kind: HTTPRoute")));
        QVERIFY(!readAll(QDir(target).filePath(names[2]))
                     .contains(QRegularExpression(QStringLiteral("^kind: Gateway$"), QRegularExpression::MultilineOption)));
        // No temporary files left beside them (QSaveFile renames into place).
        QCOMPARE(QDir(target).entryList(QDir::Files).size(), names.size());
        QVERIFY(dialog.diffView()->toPlainText().contains(QStringLiteral("changes nothing")));

        // Changed on disk since: the diff shows what writing again would change.
        const QString operatorFile = QDir(target).filePath(names[1]);
        QString edited = readAll(operatorFile);
        edited.replace(QStringLiteral("kind: Gateway\n"), QStringLiteral("kind: Gateway\n# edited by hand\n"));
        QFile f(operatorFile);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(edited.toUtf8());
        f.close();
        dialog.showFile(1);
        QVERIFY(dialog.diffView()->toPlainText().contains(QStringLiteral("-# edited by hand")));

        // Asking for the Secret: it is exported, and the warning is shown.
        auto *warning = dialog.findChild<QLabel *>(QStringLiteral("exportSecretsWarning"));
        QVERIFY(warning && !warning->isVisibleTo(&dialog));
        dialog.setIncludeSecrets(true);
        QVERIFY(warning->isVisibleTo(&dialog));
        QVERIFY2(dialog.writeFiles(&error), qPrintable(error));
        QVERIFY(readAll(operatorFile).contains(QStringLiteral("tls.key")));
    }

    void fileMenuOpensTheDialog()
    {
        auto window = TestSupport::openWindow(m_dir->path());
        QVERIFY(window);
        QAction *action = window->action(QStringLiteral("actionExport"));
        QVERIFY(action);
        bool seen = false;
        QTimer::singleShot(200, this, [&] {
            auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
            seen = dialog && dialog->fileList()->count() == 1
                   && dialog->targetDirectory() == QDir(m_dir->path()).filePath(QStringLiteral("export"));
            if (dialog) {
                dialog->reject();
            }
        });
        action->trigger();
        QVERIFY(seen);
    }

    void diffsByLines()
    {
        const Gui::TextDiff same = Gui::diffLines(QStringLiteral("a\nb\n"), QStringLiteral("a\nb\n"));
        QVERIFY(same.identical());
        const Gui::TextDiff diff = Gui::diffLines(QStringLiteral("a\nb\nc\nd\n"), QStringLiteral("a\nB\nc\nd\ne\n"));
        QCOMPARE(diff.added, 2);
        QCOMPARE(diff.removed, 1);
        QCOMPARE(diff.lines, QStringList({QStringLiteral("@@ -1,4 +1,5 @@"), QStringLiteral(" a"),
                                          QStringLiteral("-b"), QStringLiteral("+B"), QStringLiteral(" c"),
                                          QStringLiteral(" d"), QStringLiteral("+e")}));
        const Gui::TextDiff fromNothing = Gui::diffLines(QString(), QStringLiteral("x\n"));
        QCOMPARE(fromNothing.lines, QStringList({QStringLiteral("@@ -0,0 +1,1 @@"), QStringLiteral("+x")}));
    }
};

QTEST_MAIN(TestExport)
#include "tst_gui_export.moc"
