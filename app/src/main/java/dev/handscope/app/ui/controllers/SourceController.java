package dev.handscope.app.ui.controllers;

import dev.handscope.app.concurrent.Task;
import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.settings.Settings;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import dev.handscope.engine.capture.CameraDiscovery;
import dev.handscope.engine.capture.CameraInfo;
import dev.handscope.engine.capture.CaptureLoop;
import dev.handscope.engine.capture.CaptureSession;
import dev.handscope.engine.capture.CaptureStatus;
import dev.handscope.engine.capture.FrameSources;
import dev.handscope.engine.capture.SourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The source lifecycle: opens a camera, a file or a folder in place of the current one (the old
 * one closes in the background first), pauses and steps it, lists the cameras, closes it. A switch
 * overtaken by a newer choice is cancelled: its late result never starts the source it opened.
 * Used on the FX thread only.
 */
public final class SourceController {

    /** What the window does when the source changes. */
    public interface Listener {
        /** The source on screen is being replaced: clear what shows it. */
        void replacing();

        /** The open source's new status (a replaced source's late ones are not passed on). */
        void status(CaptureStatus update);
    }

    private final WindowOptions options;
    private final TaskExecutor executor;
    private final WindowViewModel vm;
    private final Listener listener;
    private final CaptureLoop.SourceOpener opener;
    /** Where capture status reaches the window: the FX thread. */
    private final Executor ui;
    private TrackingController tracking;
    private CaptureSession session;
    /** Counts opened sessions, so that status from a replaced one is recognised and ignored. */
    private long opened;
    /** The switch under way (closing the old sources before the new one starts), and what it closes. */
    private Task switching;
    private List<AutoCloseable> closing = List.of();
    private Task listing;

    public SourceController(WindowOptions options, TaskExecutor executor, WindowViewModel vm, Listener listener) {
        this(options, executor, vm, listener, FrameSources::open, Platform::runLater);
    }

    /** With {@code opener} opening the sources, and capture status delivered through {@code ui}. */
    SourceController(WindowOptions options, TaskExecutor executor, WindowViewModel vm, Listener listener,
                     CaptureLoop.SourceOpener opener, Executor ui) {
        this.options = options;
        this.executor = executor;
        this.vm = vm;
        this.listener = listener;
        this.opener = opener;
        this.ui = ui;
        vm.paused.addListener((obs, was, paused) -> {
            if (session != null) {
                if (paused) {
                    session.loop().pause();
                } else {
                    session.loop().resume();
                }
            }
        });
    }

    /** The tracking that runs on each source this opens (set once, before the first open). */
    public void trackWith(TrackingController tracking) {
        this.tracking = tracking;
    }

    /** The source open now, or null. */
    public CaptureSession session() {
        return session;
    }

    /** Opens a source in place of the current one; the old one is closed in the background first. */
    public void open(SourceSpec requested) {
        SourceSpec spec = requested;
        if (spec.isCamera() && spec.width() == 0) {
            int[] size = SourceSpec.parseSize(vm.settings.get().cameraSize());
            spec = spec.withSize(size[0], size[1]);
        }
        List<AutoCloseable> retired = new ArrayList<>();
        if (switching != null && switching.cancel()) {
            retired.addAll(closing); // the overtaken switch never ran: what it was to close is closed by this one
        }
        AutoCloseable previousInference = tracking.detach();
        if (previousInference != null) {
            retired.add(previousInference);
        }
        if (session != null) {
            retired.add(session);
        }
        listener.replacing();
        long generation = ++opened;
        CaptureSession next = new CaptureSession(spec, options.capture(), opener,
                update -> ui.execute(() -> onStatus(generation, update)));
        session = next;
        vm.status.set(null);
        vm.paused.set(false);
        vm.mirrored.set(options.mirrorFor(spec));
        vm.source.set(spec);
        if (retired.isEmpty()) {
            switching = null;
            start(next);
            return;
        }
        List<AutoCloseable> batch = List.copyOf(retired);
        closing = batch;
        switching = executor.execute(() -> {
            for (AutoCloseable old : batch) {
                old.close();
            }
            return next;
        }, this::start, error -> next.start());
    }

    private void start(CaptureSession next) {
        switching = null;
        next.start();
        tracking.startInference();
    }

    /** Opens the current source again ("Try again", or Space on a file that ended). */
    public void reopen() {
        open(session.spec());
    }

    private void onStatus(long generation, CaptureStatus update) {
        if (generation != opened || session == null || update.state() == CaptureStatus.State.STOPPED) {
            // A late message from a source already replaced or closed; or the thread ending after
            // a final state (failed, ended) that must stay on screen.
            return;
        }
        vm.status.set(update);
        listener.status(update);
    }

    /** New settings: a camera opens again at a new size. */
    public void settingsChanged(Settings before, Settings changed) {
        if (!changed.cameraSize().equals(before.cameraSize()) && session != null && session.spec().isCamera()) {
            int[] size = SourceSpec.parseSize(changed.cameraSize());
            open(session.spec().withSize(size[0], size[1]));
        }
    }

    /** Space: pauses or resumes; a file that ended plays again from the start. */
    public void togglePause() {
        if (vm.ended()) {
            reopen();
        } else {
            vm.paused.set(!vm.paused.get());
        }
    }

    /** Shows the source's next frame, pausing first. */
    public void step() {
        vm.paused.set(true);
        session.loop().step();
    }

    /** Lists the cameras in the background (a listing still under way is given up). */
    public void listCameras(Consumer<List<CameraInfo>> onCameras, Consumer<Exception> onFailure) {
        if (listing != null) {
            listing.cancel();
        }
        listing = executor.execute(() -> CameraDiscovery.list(false), cameras -> {
            listing = null;
            onCameras.accept(cameras);
        }, error -> {
            listing = null;
            onFailure.accept(error);
        });
    }

    /** Frames per second the source delivers; 0 with none open. */
    public double captureRate() {
        return session == null ? 0 : session.loop().captureRate();
    }

    /** Frames dropped because tracking or display was busy. */
    public long droppedFrames() {
        return session == null ? 0 : session.frames().droppedCount();
    }

    /** The source as the status bar names it, with how many files of a folder were skipped. */
    public String sourceText() {
        if (session == null) {
            return "";
        }
        int skipped = session.loop().skippedFiles().count();
        return session.spec() + (skipped == 0 ? "" : " (" + skipped + (skipped == 1 ? " file" : " files") + " skipped)");
    }

    /** Closes the source; a switch under way still closes what it was given. */
    public void close() {
        if (switching != null && switching.cancel()) {
            closing.forEach(SourceController::closeQuietly);
        }
        switching = null;
        CaptureSession current = session;
        session = null;
        if (current != null) {
            current.close();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("handscope: closing a source failed: " + e.getMessage());
        }
    }
}
