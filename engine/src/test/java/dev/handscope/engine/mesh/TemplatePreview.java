package dev.handscope.engine.mesh;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Draws the template (front and side views, shaded by normal) into a PNG, to look at it. */
final class TemplatePreview {
    private TemplatePreview() {
    }

    static void write(HandTemplate t, File file) throws Exception {
        int size = 700;
        BufferedImage image = new BufferedImage(size * 2, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size * 2, size);
        for (int view = 0; view < 2; view++) {
            // view 0: looking at the palm (from +z); view 1: from the side (+x), y up.
            double yaw = view == 0 ? 0 : Math.PI / 2.6;
            double cos = Math.cos(yaw);
            double sin = Math.sin(yaw);
            int faces = t.faceCount();
            Integer[] order = new Integer[faces];
            double[] depth = new double[faces];
            for (int f = 0; f < faces; f++) {
                order[f] = f;
                for (int k = 0; k < 3; k++) {
                    int v = t.faces()[3 * f + k];
                    depth[f] += -t.vertices()[3 * v] * sin + t.vertices()[3 * v + 2] * cos;
                }
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(depth[a], depth[b]));
            for (int f : order) {
                int[] xs = new int[3];
                int[] ys = new int[3];
                double[][] p = new double[3][3];
                for (int k = 0; k < 3; k++) {
                    int v = t.faces()[3 * f + k];
                    double x = t.vertices()[3 * v] * cos + t.vertices()[3 * v + 2] * sin;
                    double z = -t.vertices()[3 * v] * sin + t.vertices()[3 * v + 2] * cos;
                    double y = t.vertices()[3 * v + 1];
                    p[k] = new double[] {x, y, z};
                    xs[k] = (int) (size * view + size / 2.0 + x * 3000);
                    ys[k] = (int) (size * 0.85 - y * 3000);
                }
                double ax = p[1][0] - p[0][0], ay = p[1][1] - p[0][1], az = p[1][2] - p[0][2];
                double bx = p[2][0] - p[0][0], by = p[2][1] - p[0][1], bz = p[2][2] - p[0][2];
                double nz = ax * by - ay * bx;
                double nx = ay * bz - az * by;
                double ny = az * bx - ax * bz;
                double len = Math.sqrt(nx * nx + ny * ny + nz * nz) + 1e-12;
                if (nz / len <= 0) {
                    continue; // back-facing
                }
                float shade = (float) Math.max(0.15, (0.3 * nx + 0.4 * ny + 0.85 * nz) / len);
                g.setColor(new Color(0.95f * shade, 0.75f * shade, 0.62f * shade));
                g.fillPolygon(xs, ys, 3);
                g.setColor(new Color(0, 0, 0, 40));
                g.setStroke(new BasicStroke(0.6f));
                g.drawPolygon(xs, ys, 3);
            }
        }
        g.dispose();
        ImageIO.write(image, "png", file);
    }
}
