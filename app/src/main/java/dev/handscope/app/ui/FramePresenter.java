package dev.handscope.app.ui;

import dev.handscope.app.ui.viewmodel.ShownFrame;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import dev.handscope.engine.capture.CaptureSession;
import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.eval.ImageResult;
import dev.handscope.engine.eval.JointFilter;
import dev.handscope.engine.eval.LabelledImage;
import dev.handscope.engine.headpose.CanonicalFace;
import dev.handscope.engine.metrics.RateMeter;
import dev.handscope.engine.pipeline.InferenceLoop;
import dev.handscope.engine.pipeline.ProcessedFrame;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.HandResult;
import dev.handscope.render.hud.HandReadouts;
import dev.handscope.render.hud.Hud;
import dev.handscope.render.mesh.HandMeshView;
import dev.handscope.render.overlay.CropStrip;
import dev.handscope.render.overlay.FaceOverlay;
import dev.handscope.render.overlay.HandOverlay;
import dev.handscope.render.overlay.LabelHand;
import dev.handscope.render.video.VideoView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.layout.Region;

/**
 * Turns what the source and tracking deliver ({@link ProcessedFrame}, or bare frames while
 * tracking is off) into what the window shows: the video, the overlay, the 3D meshes, the
 * readouts, the crops; and keeps the last seconds for stepping back. Used on the FX thread only.
 */
final class FramePresenter {

    final VideoView video = new VideoView();
    final HandMeshView meshView = new HandMeshView();
    final Hud hud = new Hud().placed();
    final HandReadouts readouts = new HandReadouts();
    final CropStrip cropStrip = new CropStrip();
    final JointInfo jointInfo = new JointInfo();
    final RecentEvents recentEvents = new RecentEvents();
    final StageLatencies latencies = new StageLatencies();
    final StartupTimes startup = new StartupTimes();

    private final WindowViewModel vm;
    private final GesturePanel gestures;
    private final Region area;
    private final Supplier<String> comparisonName;
    private final Runnable shownChanged;
    private final double fovDegrees;
    private CanonicalFace canonical;
    private int[] canonicalTriangles = new int[0];
    /** One vertex buffer per face shown in 3D, reused frame after frame. */
    private final List<float[]> posedFaces = new ArrayList<>();
    private boolean canonicalMissing;
    /** The last seconds of frames (up to 150, within 200 MB) for stepping back while paused. */
    private final FrameHistory history = new FrameHistory(200L << 20, 150);
    private final RateMeter displayRate = RateMeter.perSecond();
    /** How many frames back from the newest is shown; -1 while live. */
    private int historyCursor = -1;
    private ShownFrame shown = ShownFrame.NONE;
    private long shownFrames;
    /** Frames shown since tracking settled (running, off, or failed): what --snapshot-after counts. */
    private long settledFrames;
    /** Told of each tracked result shown (a dataset scores its image with it). */
    private Consumer<FrameResult> tracked = result -> { };
    /** A dataset image's labels, drawn under the hands, and its scores for a click on a labelled joint. */
    private List<LabelHand> labels = List.of();
    private ImageResult labelScores;
    private JointFilter labelFilter = JointFilter.ALL;

    /**
     * @param area           the video's area, whose width the joint info keeps within
     * @param comparisonName the A/B model's name, for its labels
     * @param shownChanged   run when stepping through the history changed the frame on screen
     */
    /**
     * @param fovDegrees the camera's horizontal field of view (head-pose axes)
     */
    FramePresenter(WindowViewModel vm, GesturePanel gestures, Region area, Supplier<String> comparisonName,
                   Runnable shownChanged, double fovDegrees) {
        this.fovDegrees = fovDegrees;
        this.vm = vm;
        this.gestures = gestures;
        this.area = area;
        this.comparisonName = comparisonName;
        this.shownChanged = shownChanged;
        video.mirroredProperty().bindBidirectional(vm.mirrored);
        hud.visibleProperty().bindBidirectional(vm.hud);
        readouts.visibleProperty().bindBidirectional(vm.readouts);
        cropStrip.visibleProperty().bind(vm.thumbnails);
        meshView.wireframeProperty().bind(vm.wireframe);
        meshView.mirroredProperty().bind(vm.mirrored);
        meshView.skeletonProperty().bind(vm.skeleton);
        meshView.guidesProperty().bind(vm.guides);
        meshView.centredProperty().bind(vm.centred);
        video.setOnMouseClicked(event -> showJoint(event.getX(), event.getY()));
        video.setOnMouseMoved(event -> hoverLabel(event.getX(), event.getY()));
        // Redraw the skeletons when the view changes size or mirror, or a layer shows or hides (also while paused);
        // labels make room for the HUD and the readouts, and take it back when they hide.
        for (var redraws : List.of(vm.palms, vm.crops, vm.indices, video.mirroredProperty(), hud.visibleProperty(),
                readouts.visibleProperty())) {
            redraws.addListener((obs, was, now) -> redrawOverlay());
        }
        video.layoutBoundsProperty().addListener((obs, was, now) -> redrawOverlay());
        vm.compare.addListener((obs, was, on) -> {
            if (!on) {
                shown = shown.withoutComparison();
                redrawOverlay();
            }
        });
    }

    /** {@code listener} is told of each tracked result as it is shown. */
    void onTracked(Consumer<FrameResult> listener) {
        tracked = listener;
    }

    /**
     * A dataset's image: its labels drawn under the hands, with the errors of {@code filter}'s joints
     * once {@code scores} is known; a null {@code image} draws none.
     */
    void showLabels(LabelledImage image, ImageResult scores, JointFilter filter) {
        labels = image == null ? List.of() : DatasetLabels.of(image, scores, filter);
        labelScores = scores;
        labelFilter = filter;
        redrawOverlay();
    }

    /** The labels drawn under the hands now. */
    List<LabelHand> labels() {
        return labels;
    }

    /** What is on screen now. */
    ShownFrame shown() {
        return shown;
    }

    /** Frames shown since the window opened, and since tracking settled. */
    long shownFrames() {
        return shownFrames;
    }

    long settledFrames() {
        return settledFrames;
    }

    double displayRate(long now) {
        return displayRate.rate(now);
    }

    /** One display pulse: the newest result of {@code inference} when it runs, else the newest frame of {@code source}. */
    void pulse(long now, InferenceLoop inference, CaptureSession source) {
        latencies.pulse(now);
        if (inference != null) {
            ProcessedFrame output = inference.results().poll();
            if (output != null) {
                try {
                    show(output, now);
                } finally {
                    output.release();
                }
            }
            return;
        }
        Frame frame = source == null ? null : source.frames().poll();
        if (frame != null) {
            try {
                historyCursor = -1;
                history.add(frame, FrameResult.untracked(frame.sequence(), 0, frame.width(), frame.height()));
                present(frame, now);
                startup.frameShown(0);
            } finally {
                frame.release();
            }
        }
    }

    private void show(ProcessedFrame output, long now) {
        vm.trackingSettled.set(true);
        long renderStart = System.nanoTime();
        historyCursor = -1;
        history.add(output.frame(), output.result());
        present(output.frame(), now);
        shown = new ShownFrame(shown.sequence(), shown.width(), shown.height(), output.result());
        List<HandResult> hands = shown.hands();
        startup.frameShown(hands.size());
        redrawOverlay();
        if (cropStrip.isVisible()) {
            cropStrip.show(hands);
        }
        meshView.show(shown.meshes());
        showFaces3d();
        recentEvents.update(now);
        readouts.update(readoutRows());
        gestures.onFrame(hands, now);
        long done = System.nanoTime();
        latencies.record(output, done - renderStart, done);
        tracked.accept(output.result());
    }

    private void present(Frame frame, long now) {
        video.present(frame);
        shown = shown.withFrame(frame.sequence(), frame.width(), frame.height());
        shownFrames++;
        if (vm.trackingSettled.get()) {
            settledFrames++;
        }
        displayRate.record(now);
    }

    /** A new source: nothing shown, nothing to step back to. */
    void clear() {
        shown = ShownFrame.NONE;
        history.clear();
        historyCursor = -1;
        video.clear();
    }

    /** →: forward through the history; false when live (then the source's next frame is what comes). */
    boolean historyForward() {
        if (historyCursor > 0) {
            showHistory(historyCursor - 1);
            return true;
        }
        historyCursor = -1;
        return false;
    }

    /** ←: the frame before the one on screen, with its results, from the history. */
    void historyBack() {
        int target = historyCursor < 0 ? 1 : historyCursor + 1;
        if (history.back(target) != null) {
            showHistory(target);
        } else {
            vm.say("start of the history (" + history.size() + " frames)");
        }
    }

    private void showHistory(int back) {
        FrameHistory.Entry entry = history.back(back);
        if (entry == null) {
            return;
        }
        historyCursor = back;
        video.present(entry.rgb, entry.width, entry.height);
        shown = new ShownFrame(entry.sequence, shown.width(), shown.height(), entry.result);
        redrawOverlay();
        meshView.show(shown.meshes());
        showFaces3d();
        readouts.update(readoutRows());
        if (cropStrip.isVisible()) {
            cropStrip.show(shown.hands());
        }
        vm.say(back == 0 ? "" : "history: " + back + " frame(s) back");
        shownChanged.run();
    }

    /** The canonical face posed for each face with a head pose, in the 3D view beside the hands. */
    private void showFaces3d() {
        FrameResult result = shown.result();
        List<float[]> posed = new ArrayList<>();
        if (result != null && !result.faces().isEmpty() && canonicalFace() != null) {
            for (var face : result.faces()) {
                if (face.pose() != null) {
                    if (posedFaces.size() <= posed.size()) {
                        posedFaces.add(new float[CanonicalFace.VERTICES * 3]);
                    }
                    posed.add(canonical.posed(face.pose(), posedFaces.get(posed.size())));
                }
            }
        }
        meshView.showFaces(canonicalTriangles, posed);
    }

    /** Read once, when the first face is shown; null if it cannot be read (the 3D view then shows no face). */
    private CanonicalFace canonicalFace() {
        if (canonical == null && !canonicalMissing) {
            try {
                canonical = CanonicalFace.bundled();
                canonicalTriangles = canonical.triangles();
            } catch (java.io.IOException e) {
                canonicalMissing = true;
                vm.say("no face in the 3D view: " + e.getMessage());
            }
        }
        return canonical;
    }

    private List<HandReadouts.Row> readoutRows() {
        List<HandReadouts.Row> rows = new ArrayList<>();
        long now = System.nanoTime();
        for (HandResult hand : shown.hands()) {
            var mesh = hand.mesh();
            if (mesh == null) {
                continue;
            }
            String gesture = hand.gesture() == null || "none".equals(hand.gesture().name()) ? null : hand.gesture().name();
            String event = recentEvents.of(hand.id(), now);
            if (event != null) {
                gesture = gesture == null ? event : gesture + " · " + event;
            }
            rows.add(new HandReadouts.Row(hand.id(), hand.handedness().label(), hand.handedness().score(),
                    mesh.geometric().handedness().label(), mesh.geometric().handedness().score(),
                    mesh.handednessDisagrees(), hand.presence(), HandOverlay.colourOf(hand.handedness().label()),
                    hand.comparison() != null ? meanDistancePx(hand.model().landmarks().toArray(),
                            hand.comparison().landmarks().toArray()) : -1,
                    gesture));
        }
        return rows;
    }

    /** Mean distance between two models' 21 landmarks, in image pixels. */
    private double meanDistancePx(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < 21; i++) {
            sum += Math.hypot((a[3 * i] - b[3 * i]) * shown.width(), (a[3 * i + 1] - b[3 * i + 1]) * shown.height());
        }
        return sum / 21;
    }

    /** The HUD's rates and state, when it shows. */
    void showRates(long now, double captureFps, double trackingFps) {
        if (hud.isVisible()) {
            latencies.showOn(hud, now, String.format(Locale.ROOT, "capture %.1f · tracking %.1f · display %.1f fps",
                    captureFps, trackingFps, displayRate.rate(now)), vm.trackingState.get() + " · hands " + shown.hands().size());
        }
    }

    /** On a dataset's image, hovering over a labelled joint shows its error as a click does. */
    private void hoverLabel(double x, double y) {
        if (labelScores != null) {
            jointInfo.showLabelError(video.transform(), labelScores, labelFilter, x, y, area.getWidth());
        }
    }

    /** Click on a joint: its coordinates and the hand's scores; a click elsewhere hides them. */
    void showJoint(double x, double y) {
        if (jointInfo.showLabelError(video.transform(), labelScores, labelFilter, x, y, area.getWidth())) {
            return;
        }
        jointInfo.showNearest(video.transform(), shown.hands(), shown.width(), shown.height(), x, y, area.getWidth());
    }

    private void redrawOverlay() {
        FrameResult result = shown.result();
        HandOverlay.draw(video.overlay(), video.transform(), shown.hands(), labels, result == null ? List.of() : result.detections(),
                new HandOverlay.DebugLayers(vm.palms.get(), vm.crops.get(), vm.indices.get()), panelsOverVideo());
        if (vm.compare.get()) {
            HandOverlay.drawComparison(video.overlay(), video.transform(), shown.hands(), comparisonName.get());
        }
        if (result != null) {
            FaceOverlay.draw(video.overlay(), video.transform(), result.faces(), vm.indices.get(), fovDegrees);
        }
    }

    /** The HUD and the readouts where they show, in the overlay canvas's pixels: hand labels avoid them. */
    private List<Rectangle2D> panelsOverVideo() {
        List<Rectangle2D> panels = new ArrayList<>();
        for (Region panel : List.of(hud, readouts)) {
            if (panel.isVisible()) {
                Bounds b = video.overlay().sceneToLocal(panel.localToScene(panel.getLayoutBounds()));
                panels.add(new Rectangle2D(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()));
            }
        }
        return panels;
    }
}
