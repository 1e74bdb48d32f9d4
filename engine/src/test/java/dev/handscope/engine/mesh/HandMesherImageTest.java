package dev.handscope.engine.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.Goldens;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.pipeline.TestPipelines;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.tracking.TrackerOptions;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Meshes fitted to real hands: their joints project back onto the image landmarks (measured: mean
 * 6.5-7.2 px, max 18 px on hands about 300 px tall; the rigid palm is what keeps it from zero) and
 * their geometry alone tells left from right.
 */
class HandMesherImageTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"left_hands.jpg, Left", "right_hands.jpg, Right"})
    void fittedMeshReprojectsOntoTheLandmarksAndGeometryGivesTheLabel(String image, String label) throws Exception {
        HandMesher mesher = new HandMesher(HandTemplateFile.bundled(), 60);
        try (HandPipeline pipeline = TestPipelines.full(TrackerOptions.defaults());
             RgbImage picture = RgbImage.read(Goldens.DIR.resolve(image))) {
            List<HandResult> hands = pipeline.process(picture, 0, 0).hands();
            assertEquals(2, hands.size());
            for (HandResult hand : hands) {
                HandMesh mesh = mesher.mesh(hand, picture.width(), picture.height());
                System.out.printf(Locale.ROOT, "%s hand %d: reprojection mean %.1f px, max %.1f px, depth %.2f m,"
                                + " geometric %s %.2f (lean %.3f), fit %.2f ms%n", image, hand.id(),
                        mesh.placement().meanErrorPx(), mesh.placement().maxErrorPx(), mesh.pose().translation().z,
                        mesh.geometric().handedness().label(), mesh.geometric().handedness().score(),
                        mesh.geometric().lean(), mesh.fitNanos() / 1e6);
                assertTrue(mesh.placement().meanErrorPx() < 8, "mean reprojection " + mesh.placement().meanErrorPx());
                assertTrue(mesh.pose().translation().z > 0.1, "in front of the camera");
                assertEquals(label, mesh.geometric().handedness().label(), "geometric handedness");
                assertEquals(HandTemplate.VERTICES * 3, mesh.vertices().length);
            }
        }
    }
}
