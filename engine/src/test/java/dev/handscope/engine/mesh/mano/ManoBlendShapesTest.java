package dev.handscope.engine.mesh.mano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.handscope.engine.mesh.HandPose;
import dev.handscope.engine.mesh.HandTemplate;
import dev.handscope.engine.mesh.HandTemplateGenerator;
import dev.handscope.engine.mesh.Skinning;
import java.nio.file.Files;
import java.nio.file.Path;
import org.joml.Matrix3f;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MANO's blend shapes, on a MANO-structured model the test writes: shape from bone lengths and pose correctives. */
class ManoBlendShapesTest {

    private static HandTemplate loadMano(Path dir) throws Exception {
        HandTemplate ours = HandTemplateGenerator.generate();
        Path file = dir.resolve("MANO_RIGHT.pkl");
        Files.write(file, PickleWriter.dict(ManoLoaderTest.fullSize(ours)));
        HandTemplate mano = ManoLoader.load(file).toHandTemplate();
        assertNotNull(mano.blend());
        return mano;
    }

    @Test
    void shapeFromBoneLengthsRecoversKnownBetas(@TempDir Path dir) throws Exception {
        HandTemplate mano = loadMano(dir);
        ShapeFit fit = new ShapeFit(mano);
        double[] truth = {0.8, -1.5, 0, 0, 0, 0, 0, 0, 0, 0};
        float[] vertices = new float[778 * 3];
        float[] joints = new float[48];
        float[] points = new float[63];
        fit.apply(truth, vertices, joints, points);
        double[] found = fit.fit(points, 1.0);
        assertEquals(truth[0], found[0], 0.01);
        assertEquals(truth[1], found[1], 0.01);
    }

    @Test
    void poseBlendShapesAddTheirCorrectiveOffsets(@TempDir Path dir) throws Exception {
        HandTemplate mano = loadMano(dir);
        HandTemplate plain = new HandTemplate(mano.vertices(), mano.faces(), mano.joints(), mano.tips(), mano.weights());
        HandPose pose = HandPose.rest();
        pose.rotations()[1].rotateZ(0.6f); // index MCP: feature 0 is R[0][0] - 1
        float[] withBlend = new Skinning(mano).pose(pose).skin(new float[778 * 3]);
        float[] without = new Skinning(plain).pose(pose).skin(new float[778 * 3]);
        Matrix3f r = pose.rotations()[1].get(new Matrix3f());
        double feature = r.m00() - 1;
        // Vertex 100 moves by 0.01 * feature along x in the rest pose, then skinning carries that offset.
        double moved = 0;
        for (int c = 0; c < 3; c++) {
            moved += Math.pow(withBlend[300 + c] - without[300 + c], 2);
        }
        assertEquals(Math.abs(0.01 * feature), Math.sqrt(moved), 1e-5);
        for (int v = 0; v < 778; v++) {
            if (v != 100) {
                assertEquals(without[3 * v], withBlend[3 * v], 1e-7);
            }
        }
    }
}
