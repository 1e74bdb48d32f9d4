package dev.handscope.app.ui.viewmodel;

import dev.handscope.engine.eval.Dataset;
import dev.handscope.engine.eval.ImageResult;
import dev.handscope.engine.eval.JointFilter;
import dev.handscope.engine.eval.LabelledImage;
import dev.handscope.engine.eval.WorstFirst;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A labelled dataset being browsed: its images' scores, the order they are stepped through (worst
 * first over the filter's joints, once all are scored), which one is on screen, and the readout.
 * Used on the FX thread only.
 */
public final class DatasetViewModel {
    /** The dataset open, or null. */
    public final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    /** Which joints are marked with their errors and the order is taken over. */
    public final ObjectProperty<JointFilter> filter = new SimpleObjectProperty<>(this, "filter", JointFilter.ALL);
    /** The dataset index of the image on screen; -1 for none. */
    public final IntegerProperty shown = new SimpleIntegerProperty(this, "shown", -1);
    /** How many images are scored: a change means new errors to draw. */
    public final IntegerProperty scoredCount = new SimpleIntegerProperty(this, "scoredCount");
    /** The first pass is over: the order is worst first and the arrow keys step through it. */
    public final BooleanProperty browsing = new SimpleBooleanProperty(this, "browsing");
    /** "image 3/10 · worst first · hand error 0.18 of the box · filter: TIP", or the pass's progress. */
    public final StringProperty status = new SimpleStringProperty(this, "status", "");

    private final List<ImageResult> results = new ArrayList<>();
    private List<Integer> order = List.of();
    private boolean worstFirst;

    public DatasetViewModel() {
        filter.addListener((obs, was, now) -> {
            sort();
            refresh();
        });
        shown.addListener((obs, was, now) -> refresh());
    }

    /** A dataset read: nothing scored, file order until {@link #browse} sorts it. */
    public void load(Dataset value) {
        results.clear();
        results.addAll(Arrays.asList(new ImageResult[value.images().size()]));
        order = IntStream.range(0, results.size()).boxed().toList();
        worstFirst = false;
        browsing.set(false);
        scoredCount.set(0);
        dataset.set(value);
        shown.set(-1);
        refresh();
    }

    /** The pass is over: browse worst first when {@code sorted}, else (nothing scored) in file order. */
    public void browse(boolean sorted) {
        worstFirst = sorted;
        sort();
        browsing.set(true);
        refresh();
    }

    /** Image {@code index}'s score; while browsing worst first, the order is sorted again around the shown image. */
    public void scored(int index, ImageResult result) {
        results.set(index, result);
        sort();
        scoredCount.set(scoredCount.get() + 1);
        refresh();
    }

    /** Worst first again (stepping goes on from the shown image, wherever it now stands). */
    private void sort() {
        if (worstFirst) {
            order = WorstFirst.order(results, filter.get());
        }
    }

    /** The dataset indices in stepping order. */
    public List<Integer> order() {
        return order;
    }

    /** The score of image {@code index}, or null while unscored. */
    public ImageResult result(int index) {
        return results.get(index);
    }

    /** The image on screen, or null. */
    public LabelledImage shownImage() {
        return shown.get() < 0 ? null : dataset.get().images().get(shown.get());
    }

    /** The score of the image on screen, or null. */
    public ImageResult shownResult() {
        return shown.get() < 0 ? null : results.get(shown.get());
    }

    /** The dataset index {@code steps} away from the shown image in stepping order, clamped to the ends. */
    public int stepped(int steps) {
        int at = Math.max(0, order.indexOf(shown.get()));
        return order.get(Math.max(0, Math.min(order.size() - 1, at + steps)));
    }

    /** The readout: progress while reading and scoring, else where the shown image stands. */
    public void refresh() {
        Dataset open = dataset.get();
        if (open == null || shown.get() < 0) {
            return;
        }
        int count = open.images().size();
        if (!browsing.get()) {
            status.set("scoring image " + (shown.get() + 1) + "/" + count + " · " + open.name());
            return;
        }
        StringBuilder line = new StringBuilder("image ").append(order.indexOf(shown.get()) + 1).append('/').append(count)
                .append(worstFirst ? " · worst first" : " · file order");
        ImageResult result = shownResult();
        if (result != null) {
            double error = WorstFirst.imageError(result, filter.get());
            line.append(" · hand error ").append(Double.isInfinite(error) ? "missed"
                    : Double.isNaN(error) ? "none labelled" : String.format(Locale.ROOT, "%.2f of the box", error));
        } else {
            line.append(" · not scored");
        }
        status.set(line.append(" · filter: ").append(filter.get()).toString());
    }
}
