package dev.handscope.engine.family.yolo;

import dev.handscope.engine.imaging.Letterbox;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.model.HandRegion;
import dev.handscope.engine.palm.LetterboxGeometry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class YoloPoseTranslatorTest {
    private static final long[] SHAPE = {1, 4 + 2 + 63, 3};

    static Path womanHands() {
        Path path = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata", "media",
                "woman_hands.jpg");
        assertTrue(Files.isRegularFile(path), "shared test data missing: " + path.toAbsolutePath());
        return path;
    }

    /** Image-normalised x of an input pixel, for an image letterboxed (centred, aspect kept) into 160x128. */
    static double expectedX(double u, int imageWidth, int imageHeight) {
        double scale = Math.min(YoloOutputs.WIDTH / (double) imageWidth, YoloOutputs.HEIGHT / (double) imageHeight);
        double padX = (YoloOutputs.WIDTH - imageWidth * scale) / 2;
        return (u - padX) / scale / imageWidth;
    }

    static double expectedY(double v, int imageWidth, int imageHeight) {
        double scale = Math.min(YoloOutputs.WIDTH / (double) imageWidth, YoloOutputs.HEIGHT / (double) imageHeight);
        double padY = (YoloOutputs.HEIGHT - imageHeight * scale) / 2;
        return (v - padY) / scale / imageHeight;
    }

    @Test
    void letterboxPadsWith114ScaledLikeThePixels() {
        YoloPoseOptions options = YoloOutputs.options(List.of("left", "right"), 21, false, KeypointMap.identity());
        try (RgbImage image = RgbImage.read(womanHands());
             YoloPoseTranslator translator = new YoloPoseTranslator(options, SHAPE)) {
            assertNotNull(image);
            // A portrait photo: 640x960 into 160x128 is scale 2/15, 85.3 columns of image, 37.3 of padding each side.
            assertEquals(640, image.width());
            assertEquals(960, image.height());
            float[] input = new float[YoloOutputs.WIDTH * YoloOutputs.HEIGHT * 3];
            translator.processInput(translator.request(image, 0, 0.5f), input);
            float pad = 114 * (1f / 255);
            for (int y = 0; y < YoloOutputs.HEIGHT; y++) {
                for (int x : new int[] {0, 36, 123, 159}) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(pad, input[(y * YoloOutputs.WIDTH + x) * 3 + c], 1e-7, "pixel " + x + "," + y);
                    }
                }
            }
            boolean imageInside = false;
            for (int y = 0; y < YoloOutputs.HEIGHT; y++) {
                int i = (y * YoloOutputs.WIDTH + 80) * 3;
                imageInside |= Math.abs(input[i] - pad) > 1e-3;
            }
            assertTrue(imageInside, "the middle row shows the image");
        }
    }

    @Test
    void squareLetterboxMatchesThePalmDetectorsOne() {
        for (double rotation : new double[] {0, Math.PI / 2, 0.3, -Math.PI}) {
            assertArrayEquals(new LetterboxGeometry(960, 640, rotation, 192).modelToImageAffine(),
                    new Letterbox(960, 640, rotation, 192, 192).modelToImageAffine(), 1e-9);
        }
        Letterbox wide = new Letterbox(960, 640, 0, 160, 128);
        assertEquals(1 / 6.0, wide.scale(), 1e-12);
        assertEquals(0.5, wide.normalizedX(80, 64), 1e-12);
        assertEquals(0.5, wide.normalizedY(80, 64), 1e-12);
        assertEquals(expectedY(20, 960, 640), wide.normalizedY(3, 20), 1e-12);
    }

    @Test
    void candidatesBecomeRegionsInTheImageWithHandedness() {
        YoloPoseOptions options = YoloOutputs.options(List.of("left", "right"), 21, false, KeypointMap.identity());
        YoloOutputs out = new YoloOutputs(2, 21).add(50, 60, 40, 50, 0.1f, 0.9f).add(120, 64, 30, 40, 0.6f, 0.2f);
        try (YoloPoseTranslator translator = new YoloPoseTranslator(options, SHAPE)) {
            assertTrue(translator.givesHandedness());
            Letterbox box = new Letterbox(960, 640, 0, YoloOutputs.WIDTH, YoloOutputs.HEIGHT);
            List<YoloPoseDecoder.Candidate> found = new YoloPoseDecoder(options).decode(
                    out.array(YoloPoseDecoder.Layout.CANDIDATES_FIRST), new long[] {1, 2, 69}, 0.25f);
            HandRegion right = translator.toRegion(found.get(0), box);
            assertRegion(right, 50, 60, 40, 50);
            assertEquals(Handedness.RIGHT, right.handedness().label());
            assertEquals(0.9 / (0.1f + 0.9f), right.handedness().score(), 1e-6);
            assertEquals(0.9f, right.score());
            assertEquals(0.9f, (float) right.landmarks().presence());
            assertEquals(right.handedness(), right.landmarks().handedness());
            assertEquals(0, right.keypointCount());
            HandRegion left = translator.toRegion(found.get(1), box);
            assertRegion(left, 120, 64, 30, 40);
            assertEquals(new Handedness(Handedness.LEFT, 0.6 / (0.6f + 0.2f)).label(), left.handedness().label());
            assertEquals(0.6f / (0.6f + 0.2f), left.handedness().score(), 1e-6);

            HandLandmarks hand = right.landmarks();
            float[] world = hand.worldLandmarks().toArray();
            assertEquals(0, world[0]);
            assertEquals(0, world[1]);
            int mcp = 3 * HandTopology.MIDDLE_MCP;
            assertEquals(YoloPoseTranslator.PALM_LENGTH_METRES, Math.hypot(world[mcp], world[mcp + 1]), 1e-6);
            for (int l = 0; l < 21; l++) {
                assertEquals(0, hand.z(l));
                assertEquals(0, world[3 * l + 2]);
                // World keeps the image's shape: same direction as in image pixels.
                double dx = (hand.x(l) - hand.x(0)) * 960;
                double dy = (hand.y(l) - hand.y(0)) * 640;
                assertEquals(world[3 * l] * dy, world[3 * l + 1] * dx, 1e-4);
                assertTrue(world[3 * l] * dx >= 0 && world[3 * l + 1] * dy >= 0, "landmark " + l + " keeps its side");
            }
        }
    }

    @Test
    void aSingleHandClassGivesNoHandedness() {
        YoloPoseOptions options = YoloOutputs.options(List.of("hand"), 21, true, KeypointMap.identity());
        YoloOutputs out = new YoloOutputs(1, 21).add(50, 60, 40, 50, 0.8f).normalize();
        try (YoloPoseTranslator translator = new YoloPoseTranslator(options, new long[] {1, 68, 1})) {
            assertTrue(!translator.givesHandedness());
            YoloPoseDecoder.Candidate c = new YoloPoseDecoder(options).decode(
                    out.array(YoloPoseDecoder.Layout.VALUES_FIRST), new long[] {1, 68, 1}, 0.25f).get(0);
            HandRegion region = translator.toRegion(c, new Letterbox(960, 640, 0, 160, 128));
            assertNull(region.handedness());
            assertEquals(new Handedness(Handedness.RIGHT, 0.5), region.landmarks().handedness());
            assertRegion(region, 50, 60, 40, 50);
        }
    }

    static void assertRegion(HandRegion region, float cx, float cy, float w, float h) {
        assertRegion(region, cx, cy, w, h, 960, 640);
    }

    /** The region and its landmarks are where an image letterboxed into 160x128 puts the input-pixel box. */
    static void assertRegion(HandRegion region, float cx, float cy, float w, float h, int imageWidth, int imageHeight) {
        double scale = Math.min(YoloOutputs.WIDTH / (double) imageWidth, YoloOutputs.HEIGHT / (double) imageHeight);
        double delta = 1e-4;
        assertEquals(expectedX(cx - w / 2, imageWidth, imageHeight), region.xmin(), delta);
        assertEquals(expectedY(cy - h / 2, imageWidth, imageHeight), region.ymin(), delta);
        assertEquals(w / scale / imageWidth, region.width(), delta);
        assertEquals(h / scale / imageHeight, region.height(), delta);
        assertEquals(expectedX(cx, imageWidth, imageHeight), region.crop().centerX(), delta);
        assertEquals(expectedY(cy, imageWidth, imageHeight), region.crop().centerY(), delta);
        assertEquals(0, region.crop().rotation());
        for (int l = 0; l < 21; l++) {
            float[] p = YoloOutputs.point(cx, cy, w, h, l, 21);
            assertEquals(expectedX(p[0], imageWidth, imageHeight), region.landmarks().x(l), delta, "landmark " + l);
            assertEquals(expectedY(p[1], imageWidth, imageHeight), region.landmarks().y(l), delta, "landmark " + l);
        }
    }
}
