package dev.handscope.app.eval;

import dev.handscope.engine.eval.HandScore;
import dev.handscope.engine.eval.LabelledHand;
import dev.handscope.engine.hand.HandTopology;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws one scored hand for the report: the labelled hand (thin white skeleton) on the left, the
 * model's answer (finger colours) on the right, both on the same enlarged crop, with the error.
 */
final class FailureGallery {
    /** Side of each of the two panels, pixels: small hands (10–30 px in COCO-WholeBody) are enlarged to it. */
    static final int PANEL = 280;
    private static final int CAPTION = 22;
    /** The crop around a labelled box, as a multiple of its longer side. */
    private static final double CONTEXT = 1.6;

    private FailureGallery() {
    }

    /** Writes the drawing of {@code score} (over the image file {@code picture}) as a PNG at {@code target}. */
    static void write(HandScore score, Path picture, String caption, Path target) throws IOException {
        BufferedImage source = ImageIO.read(picture.toFile());
        if (source == null) {
            throw new IOException(picture + " is not an image Java can read");
        }
        LabelledHand label = score.label();
        double[] box = label.box();
        double side = Math.max(label.size() * CONTEXT, 8);
        double x0 = box[0] + box[2] / 2 - side / 2;
        double y0 = box[1] + box[3] / 2 - side / 2;
        double scale = PANEL / side;
        BufferedImage out = new BufferedImage(2 * PANEL, PANEL + CAPTION, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            for (int panel = 0; panel < 2; panel++) {
                int left = panel * PANEL;
                g.setClip(left, 0, PANEL, PANEL);
                g.drawImage(source, left - (int) Math.round(x0 * scale), -(int) Math.round(y0 * scale),
                        (int) Math.round(source.getWidth() * scale), (int) Math.round(source.getHeight() * scale), null);
                if (panel == 0) {
                    drawHand(g, label.keypoints(), label.labelled(), left, x0, y0, scale, null);
                } else if (score.prediction() != null) {
                    drawHand(g, score.prediction().keypoints(), null, left, x0, y0, scale, HandTopology.FINGER_COLOURS);
                } else {
                    g.setColor(new Color(0xff5050));
                    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
                    g.drawString("missed", left + PANEL / 2 - 32, PANEL / 2);
                }
            }
            g.setClip(null);
            g.setColor(new Color(0x222222));
            g.fillRect(0, PANEL, 2 * PANEL, CAPTION);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(caption, 6, PANEL + 15);
        } finally {
            g.dispose();
        }
        Files.createDirectories(target.getParent());
        ImageIO.write(out, "png", target.toFile());
    }

    /** "labels | prediction · mean error 0.12 of the box (14.3 px)". */
    static String caption(HandScore score) {
        if (!score.detected()) {
            return "labels | prediction · missed";
        }
        return String.format(Locale.ROOT, "labels | prediction · mean error %.3f of the box (%.1f px)",
                score.meanNormalisedError(), score.meanErrorPx());
    }

    /** A skeleton; {@code colours} null draws the labels' thin white one, else finger colours for the prediction. */
    private static void drawHand(Graphics2D g, float[] points, boolean[] present, int left, double x0, double y0,
                                 double scale, String[] colours) {
        g.setStroke(new BasicStroke(colours == null ? 1.2f : 2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int bone = 0; bone < HandTopology.BONES.length; bone++) {
            int a = HandTopology.BONES[bone][0];
            int b = HandTopology.BONES[bone][1];
            if (present != null && !(present[a] && present[b])) {
                continue;
            }
            g.setColor(colours == null ? Color.WHITE : colour(colours, bone));
            g.draw(new Line2D.Double(left + (points[2 * a] - x0) * scale, (points[2 * a + 1] - y0) * scale,
                    left + (points[2 * b] - x0) * scale, (points[2 * b + 1] - y0) * scale));
        }
        double r = colours == null ? 2.0 : 3.0;
        for (int joint = 0; joint < HandTopology.LANDMARKS; joint++) {
            if (present != null && !present[joint]) {
                continue;
            }
            g.setColor(colours == null ? Color.WHITE : new Color(0xff3b3b));
            g.fill(new Ellipse2D.Double(left + (points[2 * joint] - x0) * scale - r,
                    (points[2 * joint + 1] - y0) * scale - r, 2 * r, 2 * r));
        }
    }

    private static Color colour(String[] colours, int bone) {
        return HandTopology.isPalmBone(bone) ? Color.decode(HandTopology.PALM_COLOUR)
                : Color.decode(colours[HandTopology.fingerOf(bone)]);
    }
}
