// The role switcher: acting as the application developer, the infrastructure provider's file
// (the GatewayClass) is read-only and refuses typing; in the Gateway file, which also holds the
// developer's ReferenceGrant, the Gateway's document refuses edits and the grant's takes them;
// the explorer greys the other roles' objects; back to All, everything is editable again.
#include "app/gui/explorer/explorer_panel.h"
#include "app/gui/mainwindow/main_window.h"
#include "app/gui/models/explorer_model.h"
#include "app/gui/roles/role_switcher.h"
#include "app/gui/yamleditor/yaml_editor.h"
#include "demo_workspace.h"
#include "engine/workspace/workspace.h"

#include <QtGui/QTextBlock>
#include <QtTest/QTest>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTreeView>

using namespace Torii;
using Gui::RoleSwitcher;

namespace {

void moveToLineOf(Gui::YamlEditor *editor, const QString &text)
{
    const QTextCursor found = editor->document()->find(text);
    QVERIFY2(!found.isNull(), qPrintable(text));
    QTextCursor cursor(found.block());
    editor->setTextCursor(cursor);
}

} // namespace

class TestRoles : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY2(TestSupport::copyDemo(*m_dir), "resources/demo not found");
    }

    void applicationDeveloperCannotEditTheInfrastructure()
    {
        auto window = TestSupport::openWindow(m_dir->path());
        QVERIFY(window);
        auto *roles = window->findChild<RoleSwitcher *>(QStringLiteral("roleSwitcher"));
        QVERIFY(roles);
        QCOMPARE(roles->count(), 4);
        QVERIFY(!roles->role());

        Gui::YamlEditor *gatewayClass = window->openFile(m_dir->filePath(QStringLiteral("10-gatewayclass.yaml")));
        Gui::YamlEditor *gateway = window->openFile(m_dir->filePath(QStringLiteral("20-gateway.yaml")));
        Gui::YamlEditor *routes = window->openFile(m_dir->filePath(QStringLiteral("30-webapp-routes.yaml")));
        QVERIFY(gatewayClass && gateway && routes);
        QVERIFY(!gatewayClass->isReadOnly());

        roles->setCurrentIndex(roles->findData(int(Export::Role::ApplicationDeveloper)));
        QCOMPARE(roles->role(), std::optional(Export::Role::ApplicationDeveloper));

        // Wholly another role's file: read-only, typing changes nothing, the tab shows a lock.
        QVERIFY(gatewayClass->isReadOnly());
        const QString classText = gatewayClass->toPlainText();
        window->openFile(m_dir->filePath(QStringLiteral("10-gatewayclass.yaml")));
        QTest::keyClicks(gatewayClass, QStringLiteral("xyz"));
        QCOMPARE(gatewayClass->toPlainText(), classText);
        auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("editorTabs"));
        QVERIFY(!tabs->tabIcon(tabs->indexOf(gatewayClass)).isNull());
        QVERIFY(tabs->tabToolTip(tabs->indexOf(gatewayClass)).contains(QStringLiteral("Infrastructure provider")));

        // The Gateway file mixes roles: its Gateway document refuses edits ...
        window->openFile(m_dir->filePath(QStringLiteral("20-gateway.yaml")));
        QVERIFY(roles->isForeign(QStringLiteral("Gateway")));
        QVERIFY(!roles->isFileForeign(window->workspace()->indexOf(m_dir->filePath(QStringLiteral("20-gateway.yaml")))));
        moveToLineOf(gateway, QStringLiteral("kind: Gateway"));
        QVERIFY(gateway->isReadOnly());
        const QString gatewayText = gateway->toPlainText();
        QTest::keyClicks(gateway, QStringLiteral("xyz"));
        QCOMPARE(gateway->toPlainText(), gatewayText);
        // ... a selection reaching into it too ...
        moveToLineOf(gateway, QStringLiteral("kind: ReferenceGrant"));
        QVERIFY(!gateway->isReadOnly());
        QTextCursor across = gateway->textCursor();
        across.setPosition(0, QTextCursor::KeepAnchor);
        gateway->setTextCursor(across);
        QVERIFY(gateway->isReadOnly());
        // ... while the developer's own ReferenceGrant takes edits.
        moveToLineOf(gateway, QStringLiteral("kind: ReferenceGrant"));
        QTest::keyClicks(gateway, QStringLiteral("# mine"));
        QTest::keyClick(gateway, Qt::Key_Return);
        QVERIFY(gateway->toPlainText().contains(QStringLiteral("# mine\nkind: ReferenceGrant")));

        // The developer's own routes: editable.
        window->openFile(m_dir->filePath(QStringLiteral("30-webapp-routes.yaml")));
        QVERIFY(!routes->isReadOnly());
        routes->moveCursor(QTextCursor::End);
        QTest::keyClicks(routes, QStringLiteral("# note"));
        QTest::keyClick(routes, Qt::Key_Return);
        QVERIFY(routes->toPlainText().endsWith(QStringLiteral("# note\n")));

        // The explorer greys the Gateway's row and leaves the routes' alone.
        window->explorer()->selectResource(QStringLiteral("Gateway"), QStringLiteral("gateway-system"),
                                           QStringLiteral("production-gateway"));
        QTreeView *tree = window->explorer()->view();
        const QModelIndex gatewayRow = tree->currentIndex();
        QVERIFY(gatewayRow.isValid());
        QVERIFY(roles->isGreyed(gatewayRow));
        QVERIFY(roles->isGreyed(gatewayRow.model()->index(0, 0, gatewayRow))); // its first listener
        window->explorer()->selectResource(QStringLiteral("HTTPRoute"), QStringLiteral("webapp"),
                                           QStringLiteral("webapp-route"));
        const QModelIndex routeRow = tree->currentIndex();
        QVERIFY(routeRow.isValid());
        QVERIFY(!roles->isGreyed(routeRow));

        // Back to All: nothing is protected.
        roles->setRole(std::nullopt);
        QVERIFY(!gatewayClass->isReadOnly());
        moveToLineOf(gateway, QStringLiteral("kind: Gateway"));
        QVERIFY(!gateway->isReadOnly());
        QVERIFY(tabs->tabIcon(tabs->indexOf(gatewayClass)).isNull());
    }

    void infrastructureProviderOwnsOnlyTheClass()
    {
        auto window = TestSupport::openWindow(m_dir->path());
        QVERIFY(window);
        auto *roles = window->findChild<RoleSwitcher *>(QStringLiteral("roleSwitcher"));
        QVERIFY(roles);
        roles->setRole(Export::Role::InfrastructureProvider);
        Gui::YamlEditor *routes = window->openFile(m_dir->filePath(QStringLiteral("30-webapp-routes.yaml")));
        QVERIFY(routes && routes->isReadOnly()); // opened after the switch: protected too
        Gui::YamlEditor *gatewayClass = window->openFile(m_dir->filePath(QStringLiteral("10-gatewayclass.yaml")));
        QVERIFY(gatewayClass && !gatewayClass->isReadOnly());
    }
};

QTEST_MAIN(TestRoles)
#include "tst_gui_roles.moc"
