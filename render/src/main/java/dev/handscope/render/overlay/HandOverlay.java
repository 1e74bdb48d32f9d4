package dev.handscope.render.overlay;

import dev.handscope.engine.tracking.TrackedHand;
import dev.handscope.render.video.DisplayTransform;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Draws hand skeletons on the video's overlay canvas: bones coloured per finger, joints as dots,
 * the hand's outline in its handedness colour, and a "Left 0.97" label at the wrist, kept out from
 * under the panels over the video (see {@link LabelPlacement}). Coordinates go
 * through the {@link DisplayTransform}, so drawings follow the video's fit and mirror; text is
 * never mirrored.
 */
public final class HandOverlay {
    /** Bones as landmark pairs, with the finger (0 palm, 1 thumb ... 5 pinky) that colours them. */
    private static final int[][] BONES = {
        {0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1},
        {0, 5, 0}, {5, 6, 2}, {6, 7, 2}, {7, 8, 2},
        {5, 9, 0}, {9, 10, 3}, {10, 11, 3}, {11, 12, 3},
        {9, 13, 0}, {13, 14, 4}, {14, 15, 4}, {15, 16, 4},
        {13, 17, 0}, {0, 17, 0}, {17, 18, 5}, {18, 19, 5}, {19, 20, 5},
    };
    private static final Color[] FINGER_COLOURS = {
        Color.web("#e8e8e8"), Color.web("#ff8a3d"), Color.web("#ffd23f"), Color.web("#3ddc84"),
        Color.web("#3db2ff"), Color.web("#b57bff"),
    };
    public static final Color LEFT_COLOUR = Color.web("#ff5c8a");
    public static final Color RIGHT_COLOUR = Color.web("#4cc9f0");
    private static final Font LABEL_FONT = Font.font("System", FontWeight.BOLD, 14);

    private HandOverlay() {
    }

    public static Color colourOf(String handedness) {
        return "Left".equals(handedness) ? LEFT_COLOUR : RIGHT_COLOUR;
    }

    /** What the debug layer shows on top of the skeletons. */
    public record DebugLayers(boolean palms, boolean crops, boolean indices) {
        public static final DebugLayers NONE = new DebugLayers(false, false, false);
    }

    /** Clears the canvas and draws the hands. */
    public static void draw(Canvas canvas, DisplayTransform view, List<TrackedHand> hands) {
        draw(canvas, view, hands, List.of(), DebugLayers.NONE, List.of());
    }

    /**
     * Clears the canvas and draws the hands, then the chosen debug layers (palms found this frame, crops, indices).
     *
     * @param keepClear the panels over the video, in canvas pixels: no hand label goes under them
     */
    public static void draw(Canvas canvas, DisplayTransform view, List<TrackedHand> hands,
                            List<dev.handscope.engine.palm.PalmDetection> palms, DebugLayers debug,
                            List<Rectangle2D> keepClear) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (view == null) {
            return;
        }
        double scale = Math.max(0.6, Math.min(2.0, view.shownHeight() / 480));
        g.setLineCap(StrokeLineCap.ROUND);
        for (TrackedHand hand : hands) {
            float[] p = hand.landmarks();
            Color colour = colourOf(hand.handedness().label());
            // Halo in the handedness colour under the bones: the hand's outline at a glance.
            g.setStroke(colour.deriveColor(0, 1, 1, 0.55));
            g.setLineWidth(9 * scale);
            strokeBones(g, view, p, -1);
            for (int finger = 0; finger < FINGER_COLOURS.length; finger++) {
                g.setStroke(FINGER_COLOURS[finger]);
                g.setLineWidth(3.2 * scale);
                strokeBones(g, view, p, finger);
            }
            double radius = 3.6 * scale;
            for (int i = 0; i < 21; i++) {
                double x = view.toViewX(p[3 * i]);
                double y = view.toViewY(p[3 * i + 1]);
                g.setFill(Color.WHITE);
                g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
                g.setStroke(colour.darker());
                g.setLineWidth(1.2);
                g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
            }
            String gesture = hand.gesture() == null || "none".equals(hand.gesture().name()) ? ""
                    : " · " + hand.gesture().name().replace('_', ' ');
            label(g, view, p, colour, String.format(Locale.ROOT, "%s %.2f%s", hand.handedness().label(),
                    hand.handedness().score(), gesture), scale, keepClear);
            if (debug.crops()) {
                drawRect(g, view, hand.rect(), Color.web("#ffd23f"));
            }
            if (debug.indices()) {
                g.setFont(Font.font("Monospaced", 10 * Math.max(1, scale)));
                g.setFill(Color.WHITE);
                for (int i = 0; i < 21; i++) {
                    g.fillText(Integer.toString(i), view.toViewX(p[3 * i]) + 5, view.toViewY(p[3 * i + 1]) - 5);
                }
            }
        }
        if (debug.palms()) {
            for (var palm : palms) {
                drawPalm(g, view, palm);
            }
        }
    }

    /**
     * A/B view: the second model's skeleton for each hand, dashed, with the mean distance between
     * the two models' 21 landmarks in image pixels. Draws over what {@link #draw} left.
     */
    public static void drawComparison(Canvas canvas, DisplayTransform view, List<TrackedHand> hands,
                                      List<dev.handscope.engine.landmarks.HandLandmarks> second, String secondName) {
        if (view == null || second.isEmpty()) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.6);
        g.setLineDashes(5, 4);
        for (int h = 0; h < Math.min(hands.size(), second.size()); h++) {
            float[] b = second.get(h).landmarks();
            strokeBones(g, view, b, -1);
            float[] a = hands.get(h).raw().landmarks();
            double sum = 0;
            for (int i = 0; i < 21; i++) {
                sum += Math.hypot((a[3 * i] - b[3 * i]) * view.imageWidth(), (a[3 * i + 1] - b[3 * i + 1]) * view.imageHeight());
            }
            g.setLineDashes((double[]) null);
            g.setFont(LABEL_FONT);
            g.setFill(Color.WHITE);
            g.fillText(String.format(Locale.ROOT, "A/B vs %s: %.1f px", secondName, sum / 21),
                    view.toViewX(b[3 * 12]) + 8, view.toViewY(b[3 * 12 + 1]));
            g.setLineDashes(5, 4);
        }
        g.setLineDashes((double[]) null);
    }

    /** A rotated crop rectangle (image-normalised, rotation clockwise on screen). */
    private static void drawRect(GraphicsContext g, DisplayTransform view, dev.handscope.engine.landmarks.RotatedRect r,
                                 Color colour) {
        double w = r.width() * view.imageWidth();
        double h = r.height() * view.imageHeight();
        double cos = Math.cos(r.rotation());
        double sin = Math.sin(r.rotation());
        double[] xs = new double[4];
        double[] ys = new double[4];
        double[][] corners = {{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}};
        for (int k = 0; k < 4; k++) {
            double dx = corners[k][0] * w;
            double dy = corners[k][1] * h;
            double x = r.centerX() * view.imageWidth() + cos * dx - sin * dy;
            double y = r.centerY() * view.imageHeight() + sin * dx + cos * dy;
            xs[k] = view.toViewX(x / view.imageWidth());
            ys[k] = view.toViewY(y / view.imageHeight());
        }
        g.setStroke(colour);
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        g.strokePolygon(xs, ys, 4);
        g.setLineDashes((double[]) null);
        // Mark the crop's top edge (where the fingers should point).
        g.strokeLine(xs[0], ys[0], xs[1], ys[1]);
    }

    private static void drawPalm(GraphicsContext g, DisplayTransform view, dev.handscope.engine.palm.PalmDetection palm) {
        double x0 = view.toViewX(palm.xmin());
        double x1 = view.toViewX(palm.xmin() + palm.width());
        double y0 = view.toViewY(palm.ymin());
        double y1 = view.toViewY(palm.ymin() + palm.height());
        g.setStroke(Color.web("#ff7b72"));
        g.setLineWidth(1.5);
        g.strokeRect(Math.min(x0, x1), y0, Math.abs(x1 - x0), y1 - y0);
        g.setFill(Color.web("#ff7b72"));
        for (int k = 0; k < dev.handscope.engine.palm.PalmDetection.KEYPOINTS; k++) {
            double x = view.toViewX(palm.keypointX(k));
            double y = view.toViewY(palm.keypointY(k));
            g.fillOval(x - 3, y - 3, 6, 6);
            g.fillText(Integer.toString(k), x + 4, y + 12);
        }
        g.setFont(Font.font("Monospaced", FontWeight.BOLD, 12));
        g.fillText(String.format(Locale.ROOT, "palm %.2f", palm.score()), Math.min(x0, x1), y0 - 4);
    }

    private static void strokeBones(GraphicsContext g, DisplayTransform view, float[] p, int finger) {
        for (int[] bone : BONES) {
            if (finger >= 0 && bone[2] != finger) {
                continue;
            }
            g.strokeLine(view.toViewX(p[3 * bone[0]]), view.toViewY(p[3 * bone[0] + 1]),
                    view.toViewX(p[3 * bone[1]]), view.toViewY(p[3 * bone[1] + 1]));
        }
    }

    /** The label sits beside the wrist, away from the fingers. */
    private static void label(GraphicsContext g, DisplayTransform view, float[] p, Color colour, String text,
                              double scale, List<Rectangle2D> keepClear) {
        double wristY = view.toViewY(p[1]);
        int awayFromFingers = wristY >= view.toViewY(p[28]) ? 1 : -1;
        g.setFont(LABEL_FONT);
        Rectangle2D box = LabelPlacement.place(view.toViewX(p[0]), wristY, awayFromFingers, 22 * scale,
                text.length() * 8.2 + 12, 22, keepClear);
        double x = box.getMinX();
        double y = box.getMinY();
        g.setFill(Color.rgb(15, 15, 18, 0.8));
        g.fillRoundRect(x, y, box.getWidth(), box.getHeight(), 8, 8);
        g.setStroke(colour);
        g.setLineWidth(1.5);
        g.strokeRoundRect(x, y, box.getWidth(), box.getHeight(), 8, 8);
        g.setFill(colour);
        g.fillText(text, x + 6, y + 16);
    }
}
