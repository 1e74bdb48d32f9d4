package dev.handscope.app.ui;

import dev.handscope.engine.eval.HandScore;
import dev.handscope.engine.eval.ImageResult;
import dev.handscope.engine.eval.JointClass;
import dev.handscope.engine.eval.JointFilter;
import dev.handscope.engine.eval.LabelledImage;
import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.result.HandResult;
import dev.handscope.render.video.DisplayTransform;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;

/**
 * The label over the video that a click on a joint shows: its coordinates and the hand's scores, or,
 * on a dataset's image, a labelled joint's error.
 */
final class JointInfo extends Label {
    /** How near a click must land to a joint, in view pixels. */
    private static final double REACH = 14;

    JointInfo() {
        setId("joint-info");
        getStyleClass().addAll("hud", "hud-text");
        setPadding(new Insets(6, 8, 6, 8));
        setVisible(false);
        setManaged(false);
    }

    /**
     * Shows the joint nearest a click at ({@code x}, {@code y}) in the view, or hides the label when
     * the click is near none.
     *
     * @param width     the frame's size in pixels, with {@code height}
     * @param areaWidth the width the label must stay within
     */
    void showNearest(DisplayTransform view, List<HandResult> hands, int width, int height, double x, double y,
                     double areaWidth) {
        setVisible(false);
        if (view == null) {
            return;
        }
        double best = REACH;
        HandResult found = null;
        int joint = -1;
        for (HandResult hand : hands) {
            float[] p = hand.landmarks().toArray();
            for (int i = 0; i < HandTopology.LANDMARKS; i++) {
                double d = Math.hypot(view.toViewX(p[3 * i]) - x, view.toViewY(p[3 * i + 1]) - y);
                if (d < best) {
                    best = d;
                    found = hand;
                    joint = i;
                }
            }
        }
        if (found == null) {
            return;
        }
        float[] p = found.landmarks().toArray();
        float[] w = found.worldLandmarks().toArray();
        place(String.format(Locale.ROOT,
                "hand #%d · joint %d %s%nimage x %.4f  y %.4f  z %.4f  (%d, %d px)%nworld %.1f, %.1f, %.1f mm%n%s %.2f · presence %.2f",
                found.id(), joint, HandTopology.displayName(joint), p[3 * joint], p[3 * joint + 1], p[3 * joint + 2],
                Math.round(p[3 * joint] * width), Math.round(p[3 * joint + 1] * height),
                w[3 * joint] * 1000, w[3 * joint + 1] * 1000, w[3 * joint + 2] * 1000,
                found.handedness().label(), found.handedness().score(), found.presence()), x, y, areaWidth);
    }

    /**
     * Shows the labelled joint of {@code result} nearest a click, among those {@code filter} keeps:
     * its name and class, its error in pixels and as a fraction of the label's box.
     *
     * @return false (nothing shown) when the click is near none
     */
    boolean showLabelError(DisplayTransform view, ImageResult result, JointFilter filter, double x, double y,
                           double areaWidth) {
        setVisible(false);
        if (view == null || result == null) {
            return false;
        }
        LabelledImage image = result.image();
        double best = REACH;
        HandScore found = null;
        int joint = -1;
        for (HandScore hand : result.hands()) {
            for (int j = 0; j < HandTopology.LANDMARKS; j++) {
                if (!filter.includes(j) || !hand.label().labelled()[j]) {
                    continue;
                }
                double d = Math.hypot(view.toViewX(hand.label().x(j) / image.width()) - x,
                        view.toViewY(hand.label().y(j) / image.height()) - y);
                if (d < best) {
                    best = d;
                    found = hand;
                    joint = j;
                }
            }
        }
        if (found == null) {
            return false;
        }
        String error = found.detected() ? String.format(Locale.ROOT, "error %.1f px · %.3f of the box",
                found.errorPx()[joint], found.normalisedError(joint)) : "missed: no prediction matched this hand";
        place(String.format(Locale.ROOT, "label #%d · joint %d %s (%s)%n%s%nhand: %s", found.label().id(), joint,
                HandTopology.displayName(joint), JointClass.of(joint), error,
                found.detected() ? String.format(Locale.ROOT, "%.3f of the box", found.meanNormalisedError())
                        : "missed"), x, y, areaWidth);
        return true;
    }

    private void place(String text, double x, double y, double areaWidth) {
        setText(text);
        autosize();
        relocate(Math.min(x + 12, areaWidth - getWidth() - 4), Math.max(4, y - 40));
        setVisible(true);
    }
}
