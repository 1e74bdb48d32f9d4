package dev.handscope.engine.landmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MediaPipe's golden files in ../shared/testdata/mediapipe (text protos). */
public final class Goldens {
    public static final Path DIR = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata", "mediapipe");
    private static final Pattern LANDMARK = Pattern.compile(
            "landmark\\s*\\{\\s*x:\\s*([-0-9.eE]+)\\s*y:\\s*([-0-9.eE]+)(?:\\s*z:\\s*([-0-9.eE]+))?");

    private static final Pattern BOX = Pattern.compile("score:\\s*([-0-9.eE]+).*?xmin:\\s*([-0-9.eE]+)\\s*"
            + "ymin:\\s*([-0-9.eE]+)\\s*width:\\s*([-0-9.eE]+)\\s*height:\\s*([-0-9.eE]+)", Pattern.DOTALL);
    private static final Pattern RECT = Pattern.compile("hand_rects\\s*\\{\\s*x_center:\\s*([-0-9.eE]+)\\s*"
            + "y_center:\\s*([-0-9.eE]+)\\s*height:\\s*([-0-9.eE]+)\\s*width:\\s*([-0-9.eE]+)\\s*"
            + "rotation:\\s*([-0-9.eE]+)");

    /** A palm box of a detector golden: score, xmin, ymin, width, height. */
    public record Box(float score, float xmin, float ymin, float width, float height) {
    }

    private Goldens() {
    }

    public static List<Box> boxes(String file) throws IOException {
        Matcher m = BOX.matcher(Files.readString(DIR.resolve(file)));
        List<Box> boxes = new ArrayList<>();
        while (m.find()) {
            boxes.add(new Box(f(m, 1), f(m, 2), f(m, 3), f(m, 4), f(m, 5)));
        }
        return boxes;
    }

    /** The hand rectangles of a detector golden. */
    public static List<RotatedRect> handRects(String file) throws IOException {
        Matcher m = RECT.matcher(Files.readString(DIR.resolve(file)));
        List<RotatedRect> rects = new ArrayList<>();
        while (m.find()) {
            rects.add(new RotatedRect(f(m, 1), f(m, 2), f(m, 4), f(m, 3), f(m, 5)));
        }
        return rects;
    }

    private static float f(Matcher m, int group) {
        return Float.parseFloat(m.group(group));
    }

    /** x, y of each landmark in a NormalizedLandmarkList text proto. */
    public static float[] landmarks(String file) throws IOException {
        Matcher m = LANDMARK.matcher(Files.readString(DIR.resolve(file)));
        List<Float> values = new ArrayList<>();
        while (m.find()) {
            values.add(Float.parseFloat(m.group(1)));
            values.add(Float.parseFloat(m.group(2)));
        }
        float[] xy = new float[values.size()];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = values.get(i);
        }
        return xy;
    }
}
