// DesignWatcher in-process: one notification per save however many events it makes, saves by
// rename and delete-and-recreate keep being noticed, folders notice new files, and files that are
// not design files (an editor's swap file) or a touch without a change notify nothing.
#include "app/runtime/design_watcher.h"

#include <QtCore/QFile>
#include <QtCore/QSaveFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using Torii::Runtime::DesignWatcher;

namespace {

bool write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

bool writeByRename(const QString &path, const QByteArray &text)
{
    QSaveFile f(path);
    f.setDirectWriteFallback(false);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size() && f.commit();
}

// Runs the event loop for `ms` and returns how many notifications arrived meanwhile.
int notificationsWithin(int &counter, int ms)
{
    const int before = counter;
    QTest::qWait(ms);
    return counter - before;
}

} // namespace

class TestServeDesignWatcher : public QObject
{
    Q_OBJECT

private slots:
    void oneNotificationPerBurst()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("a.yaml");
        QVERIFY(write(file, "a: 1\n"));
        int count = 0;
        // A quiet period far longer than the burst, so a loaded machine cannot split it.
        DesignWatcher watcher(
            {file}, [&count] { ++count; }, std::chrono::milliseconds(2000));
        for (int i = 0; i < 5; ++i) { // five writes 20 ms apart: one save as far as we care
            QVERIFY(write(file, "a: " + QByteArray::number(i + 2) + "\n"));
            QTest::qWait(20);
        }
        QTRY_COMPARE_WITH_TIMEOUT(count, 1, 10000);
        QCOMPARE(notificationsWithin(count, 2500), 0);
    }

    void renameAndRecreateKeepBeingWatched()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("route.yaml");
        QVERIFY(write(file, "v: 0\n"));
        int count = 0;
        DesignWatcher watcher(
            {file}, [&count] { ++count; }, std::chrono::milliseconds(100));
        for (int i = 1; i <= 3; ++i) {
            QVERIFY(writeByRename(file, "v: " + QByteArray::number(i) + "\n"));
            QTRY_COMPARE_WITH_TIMEOUT(count, i, 5000);
        }
        QVERIFY(QFile::remove(file));
        QTRY_COMPARE_WITH_TIMEOUT(count, 4, 5000); // gone is a change too
        QVERIFY(write(file, "v: back\n"));
        QTRY_COMPARE_WITH_TIMEOUT(count, 5, 5000);
        QVERIFY(watcher.watched().contains(file));
    }

    void foldersNoticeNewFilesButNotOthers()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath("a.yaml"), "a: 1\n"));
        int count = 0;
        DesignWatcher watcher(
            {dir.path()}, [&count] { ++count; }, std::chrono::milliseconds(100));
        QVERIFY(write(dir.filePath(".a.yaml.swp"), "swap"));
        QVERIFY(write(dir.filePath("notes.txt"), "text"));
        QCOMPARE(notificationsWithin(count, 600), 0);
        QVERIFY(write(dir.filePath("b.yml"), "b: 1\n"));
        QTRY_COMPARE_WITH_TIMEOUT(count, 1, 5000);
        QVERIFY(QDir(dir.path()).mkdir("sub"));
        QTest::qWait(300);
        const int before = count;
        QVERIFY(write(dir.filePath("sub/c.json"), "{}"));
        QTRY_COMPARE_WITH_TIMEOUT(count, before + 1, 5000);
        // Rewriting the same bytes is no change.
        QVERIFY(write(dir.filePath("a.yaml"), "a: 1\n"));
        QCOMPARE(notificationsWithin(count, 600), 0);
    }
};

QTEST_GUILESS_MAIN(TestServeDesignWatcher)
#include "tst_serve_design_watcher.moc"
