package dev.handscope.app.ui.controllers;

import dev.handscope.app.concurrent.Task;
import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.eval.CocoKeypointReader;
import dev.handscope.app.setup.DatasetSource;
import dev.handscope.app.ui.viewmodel.DatasetViewModel;
import dev.handscope.engine.capture.CaptureStatus;
import dev.handscope.engine.capture.SourceSpec;
import dev.handscope.engine.eval.Dataset;
import dev.handscope.engine.eval.Evaluator;
import dev.handscope.engine.eval.ImageResult;
import dev.handscope.engine.result.FrameResult;
import java.util.function.Consumer;

/**
 * A labelled dataset as the window's source: reads it in the background, then shows its images one
 * at a time as stills through the source controller (so the live model answers, drawn as usual).
 *
 * <p>A first pass shows each image in the file's order and scores the first tracked result for it
 * (tracking starts afresh on each image, so that is the detector's answer, as {@code eval} scores
 * it); then the images are browsed worst first. One pass with the window's own model keeps the
 * scores equal to what is drawn, and needs no second model in memory. With tracking off the images
 * are browsed unscored in the file's order. Used on the FX thread only.
 */
public final class DatasetController {
    private final TaskExecutor executor;
    private final DatasetViewModel vm;
    private final SourceController source;
    private final WindowNotices notices;
    private final boolean tracking;
    private final Consumer<String> failed;
    private Task reading;
    /** The shown image still waits for its first tracked result. */
    private boolean awaitingResult;

    /**
     * @param tracking whether results come (else the images are browsed unscored)
     * @param failed   told why the dataset could not be read (a --snapshot run exits on it)
     */
    public DatasetController(TaskExecutor executor, DatasetViewModel vm, SourceController source, WindowNotices notices,
                             boolean tracking, Consumer<String> failed) {
        this.executor = executor;
        this.vm = vm;
        this.source = source;
        this.notices = notices;
        this.tracking = tracking;
        this.failed = failed;
    }

    /** Reads the dataset in the background, then starts the scoring pass on its first image. */
    public void open(DatasetSource dataset) {
        if (reading != null) {
            reading.cancel();
        }
        vm.status.set("reading " + dataset + " …");
        reading = executor.execute(() -> CocoKeypointReader.read(dataset.annotations(), dataset.images(),
                dataset.order()), this::start, error -> {
                    reading = null;
                    vm.status.set("");
                    notices.message("Dataset not opened", error.getMessage());
                    failed.accept(error.getMessage());
                });
    }

    private void start(Dataset dataset) {
        reading = null;
        vm.load(dataset);
        if (!tracking) {
            vm.browse(false);
        }
        show(0);
    }

    /** A tracked result on screen: it is the shown image's, since a new image detaches the old inference. */
    public void tracked(FrameResult result) {
        if (!awaitingResult || vm.shownImage() == null) {
            return;
        }
        awaitingResult = false;
        int index = vm.shown.get();
        vm.scored(index, ImageResult.of(vm.shownImage(), Evaluator.predictions(result), 0));
        if (!vm.browsing.get()) {
            next();
        }
    }

    /** The shown image's source status: one that cannot be read is passed over by the pass (it stays unscored). */
    public void status(CaptureStatus update) {
        if (update.state() == CaptureStatus.State.FAILED && awaitingResult && !vm.browsing.get()) {
            awaitingResult = false;
            next();
        }
    }

    /** The pass goes on to the next image, or, after the last, browses from the worst. */
    private void next() {
        int following = vm.shown.get() + 1;
        if (following < vm.dataset.get().images().size()) {
            show(following);
            return;
        }
        vm.browse(true);
        show(vm.order().get(0));
    }

    /** ↓ / ↑: the next or previous image in the order (worst first; it stops at the ends); false while scoring. */
    public boolean step(int steps) {
        if (!vm.browsing.get()) {
            return false;
        }
        int target = vm.stepped(steps);
        if (target != vm.shown.get()) {
            show(target);
        }
        return true;
    }

    private void show(int index) {
        var image = vm.dataset.get().images().get(index);
        awaitingResult = tracking && vm.result(index) == null;
        vm.shown.set(index);
        source.open(SourceSpec.parse(vm.dataset.get().imageFolder().resolve(image.fileName()).toString()));
    }

    /** Whether the dataset is being read or scored: its images flash by and the order is not known yet. */
    public boolean busy() {
        return reading != null || (vm.dataset.get() != null && !vm.browsing.get());
    }
}
