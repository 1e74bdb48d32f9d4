package dev.handscope.render.overlay;

import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.model.HandRegion;
import dev.handscope.engine.result.HandResult;
import dev.handscope.render.HandColours;
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

    /** A label is drawn twice: a dark halo, then the thin white line over it. */
    private static final Color[] LABEL_PASSES = {Color.rgb(0, 0, 0, 0.55), Color.WHITE};

    /** Clears the canvas and draws the hands. */
    public static void draw(Canvas canvas, DisplayTransform view, List<HandResult> hands) {
        draw(canvas, view, hands, List.of(), List.of(), DebugLayers.NONE, List.of());
    }

    /**
     * Clears the canvas and draws the labelled hands (thin white skeletons), the predicted hands over
     * them, then the chosen debug layers (palms found this frame, crops, indices).
     *
     * @param labels    ground truth to draw under the hands; empty for none
     * @param keepClear the panels over the video, in canvas pixels: no hand label goes under them
     */
    public static void draw(Canvas canvas, DisplayTransform view, List<HandResult> hands, List<LabelHand> labels,
                            List<HandRegion> palms, DebugLayers debug,
                            List<Rectangle2D> keepClear) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (view == null) {
            return;
        }
        double scale = Math.max(0.6, Math.min(2.0, view.shownHeight() / 480));
        g.setLineCap(StrokeLineCap.ROUND);
        for (LabelHand label : labels) {
            drawLabel(g, view, label, scale);
        }
        for (HandResult hand : hands) {
            float[] p = hand.landmarks().toArray();
            Color colour = colourOf(hand.handedness().label());
            // Halo in the handedness colour under the bones: the hand's outline at a glance.
            g.setStroke(colour.deriveColor(0, 1, 1, 0.55));
            g.setLineWidth(9 * scale);
            strokeSkeleton(g, view, p);
            g.setLineWidth(3.2 * scale);
            g.setStroke(HandColours.palm());
            strokeLines(g, view, p, HandTopology.PALM_OUTLINE);
            for (int finger = 0; finger < HandTopology.FINGER_COUNT; finger++) {
                g.setStroke(HandColours.finger(finger));
                strokeFingerBones(g, view, p, finger);
            }
            double radius = 3.6 * scale;
            for (int i = 0; i < HandTopology.LANDMARKS; i++) {
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
                drawRect(g, view, hand.region(), Color.web("#ffd23f"));
            }
            if (debug.indices()) {
                g.setFont(Font.font("Monospaced", 10 * Math.max(1, scale)));
                g.setFill(Color.WHITE);
                for (int i = 0; i < HandTopology.LANDMARKS; i++) {
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
    public static void drawComparison(Canvas canvas, DisplayTransform view, List<HandResult> hands,
                                      String secondName) {
        if (view == null) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.6);
        g.setLineDashes(5, 4);
        for (HandResult hand : hands) {
            if (hand.comparison() == null) {
                continue;
            }
            float[] b = hand.comparison().landmarks().toArray();
            strokeSkeleton(g, view, b);
            float[] a = hand.model().landmarks().toArray();
            double sum = 0;
            for (int i = 0; i < HandTopology.LANDMARKS; i++) {
                sum += Math.hypot((a[3 * i] - b[3 * i]) * view.imageWidth(), (a[3 * i + 1] - b[3 * i + 1]) * view.imageHeight());
            }
            g.setLineDashes((double[]) null);
            g.setFont(LABEL_FONT);
            g.setFill(Color.WHITE);
            g.fillText(String.format(Locale.ROOT, "A/B vs %s: %.1f px", secondName, sum / HandTopology.LANDMARKS),
                    view.toViewX(b[3 * HandTopology.MIDDLE_TIP]) + 8, view.toViewY(b[3 * HandTopology.MIDDLE_TIP + 1]));
            g.setLineDashes(5, 4);
        }
        g.setLineDashes((double[]) null);
    }

    /**
     * A label: its bones thin and white over a dark halo (so they read on skin and under a good
     * prediction), its marked joints as rings wider than the prediction's dots, with a dashed line to
     * where the prediction put them (the error).
     */
    private static void drawLabel(GraphicsContext g, DisplayTransform view, LabelHand label, double scale) {
        float[] p = label.points();
        for (Color stroke : LABEL_PASSES) {
            boolean halo = stroke != Color.WHITE;
            g.setStroke(stroke);
            g.setLineWidth(halo ? 3.4 : 1.4);
            for (int[] bone : HandTopology.BONES) {
                if (label.labelled()[bone[0]] && label.labelled()[bone[1]]) {
                    g.strokeLine(view.toViewX(p[2 * bone[0]]), view.toViewY(p[2 * bone[0] + 1]),
                            view.toViewX(p[2 * bone[1]]), view.toViewY(p[2 * bone[1] + 1]));
                }
            }
            double radius = ringRadius(view, label, scale);
            for (int j = 0; j < HandTopology.LANDMARKS; j++) {
                if (!label.labelled()[j] || !label.marked()[j]) {
                    continue;
                }
                double x = view.toViewX(p[2 * j]);
                double y = view.toViewY(p[2 * j + 1]);
                if (label.predicted() != null && !halo) {
                    g.setLineDashes(3, 3);
                    g.strokeLine(x, y, view.toViewX(label.predicted()[2 * j]),
                            view.toViewY(label.predicted()[2 * j + 1]));
                    g.setLineDashes((double[]) null);
                }
                g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
            }
        }
    }

    /** Rings wider than the prediction's dots, but small enough on a small hand not to merge into a blob. */
    private static double ringRadius(DisplayTransform view, LabelHand label, double scale) {
        float[] p = label.points();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int j = 0; j < HandTopology.LANDMARKS; j++) {
            if (label.labelled()[j]) {
                minX = Math.min(minX, view.toViewX(p[2 * j]));
                maxX = Math.max(maxX, view.toViewX(p[2 * j]));
                minY = Math.min(minY, view.toViewY(p[2 * j + 1]));
                maxY = Math.max(maxY, view.toViewY(p[2 * j + 1]));
            }
        }
        double extent = Math.max(maxX - minX, maxY - minY);
        return Math.max(1.5, Math.min(4.5 * scale, extent / 14));
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

    private static void drawPalm(GraphicsContext g, DisplayTransform view, HandRegion palm) {
        double x0 = view.toViewX(palm.xmin());
        double x1 = view.toViewX(palm.xmin() + palm.width());
        double y0 = view.toViewY(palm.ymin());
        double y1 = view.toViewY(palm.ymin() + palm.height());
        g.setStroke(Color.web("#ff7b72"));
        g.setLineWidth(1.5);
        g.strokeRect(Math.min(x0, x1), y0, Math.abs(x1 - x0), y1 - y0);
        g.setFill(Color.web("#ff7b72"));
        for (int k = 0; k < palm.keypointCount(); k++) {
            double x = view.toViewX(palm.keypointX(k));
            double y = view.toViewY(palm.keypointY(k));
            g.fillOval(x - 3, y - 3, 6, 6);
            g.fillText(Integer.toString(k), x + 4, y + 12);
        }
        g.setFont(Font.font("Monospaced", FontWeight.BOLD, 12));
        g.fillText(String.format(Locale.ROOT, "palm %.2f", palm.score()), Math.min(x0, x1), y0 - 4);
    }

    /**
     * The whole 2D skeleton in the current stroke, finger by finger: the palm's outline edges that
     * reach its knuckle, then its bones. (Translucent strokes round differently in another order.)
     */
    private static void strokeSkeleton(GraphicsContext g, DisplayTransform view, float[] p) {
        for (int finger = 0; finger < HandTopology.FINGER_COUNT; finger++) {
            for (int[] edge : HandTopology.PALM_OUTLINE) {
                if (edge[1] == HandTopology.KNUCKLES[finger]) {
                    strokeLine(g, view, p, edge);
                }
            }
            strokeFingerBones(g, view, p, finger);
        }
    }

    /** A finger's bones, less the one inside the palm (the palm's outline stands for it). */
    private static void strokeFingerBones(GraphicsContext g, DisplayTransform view, float[] p, int finger) {
        for (int bone = 0; bone < HandTopology.BONES.length; bone++) {
            if (HandTopology.fingerOf(bone) == finger && !HandTopology.isPalmBone(bone)) {
                strokeLine(g, view, p, HandTopology.BONES[bone]);
            }
        }
    }

    private static void strokeLines(GraphicsContext g, DisplayTransform view, float[] p, int[][] lines) {
        for (int[] line : lines) {
            strokeLine(g, view, p, line);
        }
    }

    private static void strokeLine(GraphicsContext g, DisplayTransform view, float[] p, int[] line) {
        g.strokeLine(view.toViewX(p[3 * line[0]]), view.toViewY(p[3 * line[0] + 1]),
                view.toViewX(p[3 * line[1]]), view.toViewY(p[3 * line[1] + 1]));
    }

    /** The label sits beside the wrist, away from the fingers. */
    private static void label(GraphicsContext g, DisplayTransform view, float[] p, Color colour, String text,
                              double scale, List<Rectangle2D> keepClear) {
        int wrist = 3 * HandTopology.WRIST;
        double wristY = view.toViewY(p[wrist + 1]);
        int awayFromFingers = wristY >= view.toViewY(p[3 * HandTopology.MIDDLE_MCP + 1]) ? 1 : -1;
        g.setFont(LABEL_FONT);
        Rectangle2D box = LabelPlacement.place(view.toViewX(p[wrist]), wristY, awayFromFingers, 22 * scale,
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
