import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws HandScope's icon (a hand skeleton in the overlay's finger colours on a dark tile) and writes
 * it in the three desktop formats: handscope.png (Linux, 256 px), handscope.ico (Windows: PNG
 * entries of 16-256 px) and handscope.icns (macOS: 128-512 px PNG entries), plus the window icons.
 * Run from the repository root: java packaging/icons/IconMaker.java
 */
public final class IconMaker {
    /** An upright right hand, palm to the viewer: MediaPipe's 21 landmarks in a unit square. */
    private static final double[][] HAND = {
        {0.50, 0.90}, {0.36, 0.82}, {0.26, 0.70}, {0.19, 0.60}, {0.13, 0.51},
        {0.39, 0.52}, {0.36, 0.37}, {0.345, 0.27}, {0.335, 0.17},
        {0.50, 0.50}, {0.50, 0.33}, {0.50, 0.22}, {0.50, 0.11},
        {0.60, 0.53}, {0.62, 0.38}, {0.63, 0.28}, {0.64, 0.19},
        {0.69, 0.59}, {0.73, 0.48}, {0.755, 0.41}, {0.78, 0.33}};
    private static final int[][] PALM = {{0, 1}, {0, 5}, {5, 9}, {9, 13}, {13, 17}, {0, 17}};
    private static final Color[] FINGERS = {new Color(0xff8a3d), new Color(0xffd23f), new Color(0x3ddc84),
        new Color(0x3db2ff), new Color(0xb57bff)};

    public static void main(String[] args) throws IOException {
        Path packaging = Path.of("packaging", "icons");
        Path window = Path.of("assets", "src", "main", "resources", "dev", "handscope", "assets", "icons");
        Files.createDirectories(window);
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            png.put(size, encode(draw(size)));
        }
        Files.write(packaging.resolve("handscope.png"), png.get(256));
        for (int size : new int[] {16, 32, 64, 256}) {
            Files.write(window.resolve("handscope-" + size + ".png"), png.get(size));
        }
        Files.write(packaging.resolve("handscope.ico"), ico(png, 16, 32, 48, 256));
        Files.write(packaging.resolve("handscope.icns"), icns(png));
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size;
        g.setPaint(new GradientPaint(0, 0, new Color(0x2a2d34), 0, (float) s, new Color(0x121317)));
        g.fill(new RoundRectangle2D.Double(s * 0.03, s * 0.03, s * 0.94, s * 0.94, s * 0.22, s * 0.22));
        double bone = Math.max(1.2, s * 0.034);
        g.setStroke(new BasicStroke((float) bone, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0xe8e8e8));
        for (int[] edge : PALM) {
            line(g, s, edge[0], edge[1]);
        }
        for (int finger = 0; finger < 5; finger++) {
            g.setColor(FINGERS[finger]);
            int base = finger == 0 ? 1 : 1 + 4 * finger;
            for (int k = 0; k < 3; k++) {
                line(g, s, base + k, base + k + 1);
            }
        }
        if (size >= 32) {
            double r = s * 0.028;
            g.setColor(Color.WHITE);
            for (double[] p : HAND) {
                g.fill(new Ellipse2D.Double(p[0] * s - r, p[1] * s - r, 2 * r, 2 * r));
            }
        }
        g.dispose();
        return image;
    }

    private static void line(Graphics2D g, double s, int a, int b) {
        g.draw(new Line2D.Double(HAND[a][0] * s, HAND[a][1] * s, HAND[b][0] * s, HAND[b][1] * s));
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** ICO: a directory of PNG images (Windows Vista and later read PNG entries). */
    private static byte[] ico(Map<Integer, byte[]> png, int... sizes) {
        int offset = 6 + 16 * sizes.length;
        int total = offset;
        for (int size : sizes) {
            total += png.get(size).length;
        }
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int size : sizes) {
            byte[] data = png.get(size);
            out.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)).put((byte) 0).put((byte) 0);
            out.putShort((short) 1).putShort((short) 32).putInt(data.length).putInt(offset);
            offset += data.length;
        }
        for (int size : sizes) {
            out.put(png.get(size));
        }
        return out.array();
    }

    /** ICNS: big-endian chunks of PNG data (ic07 128 px, ic08 256 px, ic09 512 px). */
    private static byte[] icns(Map<Integer, byte[]> png) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream chunks = new DataOutputStream(body);
        String[][] types = {{"ic07", "128"}, {"ic08", "256"}, {"ic09", "512"}};
        for (String[] type : types) {
            byte[] data = png.get(Integer.parseInt(type[1]));
            chunks.writeBytes(type[0]);
            chunks.writeInt(8 + data.length);
            chunks.write(data);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + body.size());
        header.write(body.toByteArray());
        return file.toByteArray();
    }
}
