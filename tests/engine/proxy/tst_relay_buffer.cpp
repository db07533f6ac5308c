// RelayBuffer and RelayBufferPool (engine/proxy/relay_buffer.h): a block is held only while
// bytes are, given back when a write empties the buffer or a read got nothing, reused by the
// next reader; the unread bytes move to the front when the space behind them is small; the
// pool keeps at most keepFree blocks.
#include "engine/proxy/relay_buffer.h"

#include <QtTest/QTest>

#include <cstring>

using namespace Torii::Proxy::Internal;

class TestRelayBuffer : public QObject
{
    Q_OBJECT

private slots:
    void holdsABlockOnlyWhileHoldingBytes()
    {
        RelayBufferPool pool(1024);
        RelayBuffer buffer(pool);
        QVERIFY(!buffer.holdsBlock());
        std::size_t room = 0;
        char *space = buffer.space(1024, &room);
        QCOMPARE(room, std::size_t(1024));
        QVERIFY(buffer.holdsBlock());
        std::memcpy(space, "hello", 5);
        buffer.commit(5);
        QCOMPARE(buffer.readable(), std::string_view("hello"));
        buffer.consume(2);
        QCOMPARE(buffer.readable(), std::string_view("llo"));
        QVERIFY(buffer.holdsBlock());
        buffer.consume(3);
        QVERIFY(buffer.empty());
        QVERIFY(!buffer.holdsBlock()); // given back at once
        QCOMPARE(pool.freeBlocks(), std::size_t(1));

        // A read that got nothing gives the block back too.
        buffer.space(1024, &room);
        QCOMPARE(pool.freeBlocks(), std::size_t(0)); // the same block, taken again
        buffer.releaseIfEmpty();
        QVERIFY(!buffer.holdsBlock());
        QCOMPARE(pool.freeBlocks(), std::size_t(1));
    }

    void roomIsBoundedByTheLimit()
    {
        RelayBufferPool pool(4096);
        RelayBuffer buffer(pool);
        std::size_t room = 0;
        buffer.space(1000, &room);
        QCOMPARE(room, std::size_t(1000));
        buffer.commit(600);
        buffer.space(1000, &room);
        QCOMPARE(room, std::size_t(400)); // the limit counts what is held
        buffer.commit(400);
        buffer.space(1000, &room);
        QCOMPARE(room, std::size_t(0));
    }

    void unreadBytesMoveToTheFrontWhenTheTailIsSmall()
    {
        RelayBufferPool pool(64 * 1024);
        RelayBuffer buffer(pool);
        std::size_t room = 0;
        char *space = buffer.space(64 * 1024, &room);
        QCOMPARE(room, std::size_t(64 * 1024));
        std::memset(space, 'a', room);
        space[room - 1] = 'z';
        buffer.commit(room);
        buffer.consume(room - 1); // one byte left, at the very end of the block
        space = buffer.space(64 * 1024, &room);
        QCOMPARE(room, std::size_t(64 * 1024 - 1)); // moved to the front: a full read again
        QCOMPARE(buffer.readable(), std::string_view("z"));
        std::memcpy(space, "yx", 2);
        buffer.commit(2);
        QCOMPARE(buffer.readable(), std::string_view("zyx"));
    }

    void poolKeepsAtMostKeepFreeBlocks()
    {
        RelayBufferPool pool(512, 2);
        {
            RelayBuffer a(pool), b(pool), c(pool);
            std::size_t room = 0;
            a.space(512, &room);
            b.space(512, &room);
            c.space(512, &room);
            a.commit(1);
            b.commit(1);
            c.commit(1);
            QCOMPARE(pool.freeBlocks(), std::size_t(0));
        } // destroyed holding bytes: their blocks go back (two kept, one freed)
        QCOMPARE(pool.freeBlocks(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestRelayBuffer)
#include "tst_relay_buffer.moc"
