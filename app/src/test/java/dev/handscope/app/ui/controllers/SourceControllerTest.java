package dev.handscope.app.ui.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.handscope.app.concurrent.UiTaskExecutor;
import dev.handscope.app.settings.Settings;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import dev.handscope.engine.capture.CaptureException;
import dev.handscope.engine.capture.CaptureOptions;
import dev.handscope.engine.capture.CaptureStatus;
import dev.handscope.engine.capture.SourceSpec;
import dev.handscope.engine.gesture.UserGestures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Switching sources: the old one closes in the background before the new one starts, and of quick
 * choices only the last one opens (an overtaken switch is cancelled, and the source it was for is
 * closed by the newer switch). The background pool and the UI
 * thread are queues the test runs; the sources are opened by a stand-in that notes what it opened.
 */
class SourceControllerTest {
    private static final SourceSpec A = SourceSpec.parse("a.mp4");
    private static final SourceSpec B = SourceSpec.parse("b.mp4");
    private static final SourceSpec C = SourceSpec.parse("c.mp4");

    private final Queue<Runnable> background = new ArrayDeque<>();
    private final BlockingQueue<Runnable> uiThread = new LinkedBlockingQueue<>();
    private final BlockingQueue<SourceSpec> opened = new LinkedBlockingQueue<>();
    private final WindowViewModel vm = new WindowViewModel();
    private final SourceController source;

    SourceControllerTest() {
        vm.settings.set(Settings.defaults());
        WindowOptions options = new WindowOptions(A, null, CaptureOptions.defaults(), null, 1, TrackingSetup.disabled());
        UiTaskExecutor executor = new UiTaskExecutor(background::add, uiThread::add);
        source = new SourceController(options, executor, vm, new SourceController.Listener() {
            @Override
            public void replacing() {
            }

            @Override
            public void status(CaptureStatus update) {
            }
        }, spec -> {
            opened.add(spec);
            throw new CaptureException("a stand-in opens nothing");
        }, uiThread::add);
        source.trackWith(new TrackingController(options, executor, vm, new WindowNotices() {
            @Override
            public void message(String title, String text) {
            }

            @Override
            public void trackingUnavailable(String text) {
            }

            @Override
            public void trackingStopped(String text) {
            }
        }, new UserGestures(), source::session, List.of()));
    }

    @AfterEach
    void close() {
        source.close();
    }

    private void runAll(Queue<Runnable> queue) {
        for (Runnable next; (next = queue.poll()) != null; ) {
            next.run();
        }
    }

    /** The specs the capture threads opened until {@code last} was, in order. */
    private List<SourceSpec> openedUntil(SourceSpec last) throws InterruptedException {
        List<SourceSpec> specs = new ArrayList<>();
        for (SourceSpec spec; (spec = opened.poll(5, TimeUnit.SECONDS)) != null; ) {
            specs.add(spec);
            if (spec.equals(last)) {
                return specs;
            }
        }
        throw new AssertionError("never opened " + last + "; opened " + specs);
    }

    @Test
    void choicesMadeBeforeTheSwitchRanOpenOnlyTheLastOne() throws Exception {
        source.open(A); // nothing to close: starts at once
        assertEquals(List.of(A), openedUntil(A));
        source.open(B); // waits for A to close
        source.open(C); // chosen before that switch even ran
        runAll(background); // it closes A and the never-started B
        runAll(uiThread);
        assertEquals(List.of(C), openedUntil(C), "B was never opened");
        assertSame(C, vm.source.get());
        assertEquals(C, source.session().spec());
    }

    @Test
    void aSwitchOvertakenAfterItsClosingRanStartsNothing() throws Exception {
        source.open(A);
        assertEquals(List.of(A), openedUntil(A));
        source.open(B);
        runAll(background); // A closed; "start B" waits for the UI thread
        source.open(C); // too late to stop the closing, not too late to keep B from starting
        runAll(background);
        runAll(uiThread);
        assertEquals(List.of(C), openedUntil(C), "B's late result started nothing");
        Thread.sleep(200); // a wrongly started B would open on its own capture thread by now
        assertNull(opened.poll(), "nothing else opened");
    }
}
