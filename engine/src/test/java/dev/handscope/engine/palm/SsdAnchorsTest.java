package dev.handscope.engine.palm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsdAnchorsTest {

    @Test
    void generatedAnchorsMatchTheReferenceTable() throws Exception {
        List<String> rows = Files.readAllLines(Path.of(System.getProperty("handscope.shared", "../../shared"),
                "reference", "mediapipe-hands", "palm_anchors_192.csv"));
        List<SsdAnchors.Anchor> anchors = SsdAnchors.generate(SsdAnchors.PALM_192);
        assertEquals(2016, anchors.size());
        assertEquals(rows.size() - 1, anchors.size());
        for (int i = 0; i < anchors.size(); i++) {
            String[] v = rows.get(i + 1).split(",");
            SsdAnchors.Anchor a = anchors.get(i);
            assertEquals(Float.parseFloat(v[0]), a.x(), 1e-6, "x of anchor " + i);
            assertEquals(Float.parseFloat(v[1]), a.y(), 1e-6, "y of anchor " + i);
            assertEquals(Float.parseFloat(v[2]), a.width(), 1e-6, "width of anchor " + i);
            assertEquals(Float.parseFloat(v[3]), a.height(), 1e-6, "height of anchor " + i);
        }
    }
}
