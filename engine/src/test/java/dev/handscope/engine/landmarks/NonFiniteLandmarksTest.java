package dev.handscope.engine.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.pipeline.NativeLibraries;
import dev.handscope.engine.testmodels.ConstantModels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A landmark model whose output holds NaN answers "no hand" and counts it: nothing garbage reaches a drawing. */
class NonFiniteLandmarksTest {

    @Test
    void aNaNOutputIsPresenceZeroAndCounted(@TempDir Path dir) throws Exception {
        NativeLibraries.load(true);
        float[] landmarks = new float[63];
        landmarks[10] = Float.NaN;
        Map<String, ConstantModels.Output> outputs = new LinkedHashMap<>();
        outputs.put("landmarks", new ConstantModels.Output(new long[] {1, 63}, landmarks));
        outputs.put("presence", new ConstantModels.Output(new long[] {1, 1}, new float[] {0.99f}));
        outputs.put("handedness", new ConstantModels.Output(new long[] {1, 1}, new float[] {0.9f}));
        outputs.put("world_landmarks", new ConstantModels.Output(new long[] {1, 63}, new float[63]));
        Path model = ConstantModels.export(dir, HandLandmarkModel.INPUT_SIZE, outputs);
        try (HandLandmarkModel landmarker = HandLandmarkModel.load(model,
                RuntimeOptions.defaults().withDevice(InferenceDevice.CPU));
             RgbImage image = RgbImage.read(Path.of(System.getProperty("handscope.shared", "../../shared"),
                     "testdata", "media", "woman_hands.jpg"))) {
            HandLandmarks hand = landmarker.landmark(image, new RotatedRect(0.5, 0.5, 0.3, 0.2, 0));
            assertEquals(0, hand.presence(), "presence 0: the tracker drops the hand");
            assertEquals(0.5, hand.x(8), 1e-6, "landmarks at the crop's centre, not NaN");
            assertEquals(1, landmarker.nonFiniteOutputs());
        }
    }
}
