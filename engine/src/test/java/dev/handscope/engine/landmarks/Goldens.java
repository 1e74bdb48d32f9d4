package dev.handscope.engine.landmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MediaPipe's golden files in ../shared/testdata/mediapipe (text protos). */
final class Goldens {
    static final Path DIR = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata", "mediapipe");
    private static final Pattern LANDMARK = Pattern.compile(
            "landmark\\s*\\{\\s*x:\\s*([-0-9.eE]+)\\s*y:\\s*([-0-9.eE]+)(?:\\s*z:\\s*([-0-9.eE]+))?");

    private Goldens() {
    }

    /** x, y of each landmark in a NormalizedLandmarkList text proto. */
    static float[] landmarks(String file) throws IOException {
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
