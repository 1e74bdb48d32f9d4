package dev.handscope.app.bench;

import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.result.HandResult;
import dev.handscope.render.HandScopeStyle;
import dev.handscope.render.mesh.HandMeshView;
import dev.handscope.render.overlay.HandOverlay;
import dev.handscope.render.video.VideoView;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The window's drawing, timed for {@code bench --render}: per frame the FX thread updates the video
 * image, the skeleton overlay and the 3D meshes as the window does ("update"), then renders the
 * scene into an image the size of the window's content ("render pass": what a screen refresh
 * costs). Needs JavaFX's toolkit, so a display (or Xvfb); JavaFX stays up until the JVM exits, as
 * a toolkit cannot be started twice.
 */
public final class RenderBench {
    private static final int WIDTH = 1024;
    private static final int HEIGHT = 640;

    private VideoView video;
    private HandMeshView meshes;
    private Scene scene;
    private WritableImage target;

    /** How long one frame's drawing took. */
    public record Timing(long updateNanos, long renderNanos) {
    }

    private RenderBench() {
    }

    /**
     * Starts JavaFX and builds the views.
     *
     * @throws IllegalStateException when JavaFX cannot start (no display)
     */
    public static RenderBench start() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown(); // JavaFX is up already (e.g. in a test): use it
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("--render needs a display for JavaFX (" + e.getMessage()
                    + "); run it under xvfb-run on a machine without one", e);
        }
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start within 30 s");
        }
        RenderBench bench = new RenderBench();
        bench.onFx(() -> {
            bench.video = new VideoView();
            bench.meshes = new HandMeshView();
            HBox.setHgrow(bench.video, Priority.ALWAYS);
            bench.meshes.setPrefWidth(WIDTH * 0.38);
            bench.scene = new Scene(new HBox(bench.video, bench.meshes), WIDTH, HEIGHT);
            bench.scene.getStylesheets().add(HandScopeStyle.stylesheet());
            bench.target = new WritableImage(WIDTH, HEIGHT);
            return null;
        });
        return bench;
    }

    /** Draws one frame with its hands and meshes, as the window would, and renders it; waits for the FX thread. */
    public Timing draw(Frame frame, List<HandResult> hands) throws InterruptedException {
        return onFx(() -> {
            long start = System.nanoTime();
            video.present(frame);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            HandOverlay.draw(video.overlay(), video.transform(), hands);
            meshes.show(hands.stream().map(HandResult::mesh).toList());
            long updated = System.nanoTime();
            scene.snapshot(target);
            return new Timing(updated - start, System.nanoTime() - updated);
        });
    }

    private <T> T onFx(java.util.concurrent.Callable<T> work) throws InterruptedException {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("drawing failed: " + e.getCause(), e.getCause());
        }
    }
}
