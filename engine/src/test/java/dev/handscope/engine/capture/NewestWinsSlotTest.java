package dev.handscope.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NewestWinsSlotTest {

    @Test
    void newValueReplacesWaitingOneAndCountsTheDrop() {
        AtomicInteger discarded = new AtomicInteger();
        NewestWinsSlot<String> slot = new NewestWinsSlot<>(v -> discarded.incrementAndGet());
        slot.offer("a");
        slot.offer("b");
        assertEquals(1, slot.droppedCount());
        assertEquals(1, discarded.get());
        assertEquals("b", slot.poll());
        assertNull(slot.poll());
    }

    @Test
    void slowConsumerNeverSeesMoreThanOneFrameHeldAndGetsTheNewest() throws Exception {
        FramePool pool = new FramePool(3);
        NewestWinsSlot<Frame> slot = new NewestWinsSlot<>(Frame::release);
        AtomicLong produced = new AtomicLong();
        AtomicInteger maxOutstanding = new AtomicInteger();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 2000; i++) {
                    Frame frame = pool.acquire(1, TimeUnit.SECONDS);
                    frame.resize(4, 4);
                    frame.stamp(i, System.nanoTime());
                    slot.offer(frame);
                    produced.incrementAndGet();
                    // Frames out of the pool = one in the slot + at most one held by the consumer.
                    int outstanding = pool.size() - pool.available();
                    maxOutstanding.accumulateAndGet(outstanding, Math::max);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        long consumed = 0;
        long lastSequence = -1;
        while (producer.isAlive() || slot.isOccupied()) {
            Frame frame = slot.take(50, TimeUnit.MILLISECONDS);
            if (frame == null) {
                continue;
            }
            assertTrue(frame.sequence() > lastSequence, "frames arrive in order");
            lastSequence = frame.sequence();
            consumed++;
            Thread.sleep(2); // a consumer much slower than the producer
            frame.release();
        }
        producer.join();
        assertEquals(1999, lastSequence, "the consumer ends on the newest frame");
        assertEquals(produced.get(), consumed + slot.droppedCount(), "every frame is either consumed or counted dropped");
        assertTrue(slot.droppedCount() > 0, "a slow consumer causes drops, not a queue");
        assertTrue(maxOutstanding.get() <= 2, "at most one frame waits while the consumer holds one");
        assertEquals(pool.size(), pool.available(), "every frame went back to the pool");
    }

    @Test
    void takeWaitsForAValue() throws Exception {
        NewestWinsSlot<String> slot = new NewestWinsSlot<>(v -> { });
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                return;
            }
            slot.offer("late");
        });
        later.start();
        assertSame("late", slot.take(5, TimeUnit.SECONDS));
        assertNull(slot.take(10, TimeUnit.MILLISECONDS));
    }
}
