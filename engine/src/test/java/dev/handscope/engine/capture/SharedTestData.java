package dev.handscope.engine.capture;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's shared test data, reached by relative path from the repository root. */
final class SharedTestData {
    private SharedTestData() {
    }

    static Path media(String name) {
        Path path = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata", "media", name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("shared test data missing: " + path.toAbsolutePath());
        }
        return path;
    }

    static Path video() {
        return media("hand_landmarker_test_video.mp4");
    }
}
