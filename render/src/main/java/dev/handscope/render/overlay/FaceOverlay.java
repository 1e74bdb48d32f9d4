package dev.handscope.render.overlay;

import dev.handscope.engine.face.FaceTopology;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.headpose.HeadPose;
import dev.handscope.engine.result.FaceResult;
import dev.handscope.render.video.DisplayTransform;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Faces over the video, after the hands: the face's outline (or all 468 landmarks), the head-pose
 * axes at the nose tip (red x, green y, blue z) and the angles. Angles are those of the unmirrored
 * image, whichever way the video is shown.
 */
public final class FaceOverlay {
    private static final Color[] AXIS_COLOURS = {Color.web("#ff4d4d"), Color.web("#4dff6a"), Color.web("#4d9dff")};
    private static final Color OUTLINE = Color.web("#f5f5f5", 0.8);
    private static final Font LABEL_FONT = Font.font("System", FontWeight.BOLD, 13);
    private static final int[] OVAL = FaceTopology.oval();

    private FaceOverlay() {
    }

    /**
     * Draws over what the canvas holds.
     *
     * @param allLandmarks all 468 points instead of the outline
     * @param fovDegrees   the camera's horizontal field of view, for the axes
     */
    public static void draw(Canvas canvas, DisplayTransform view, List<FaceResult> faces, boolean allLandmarks,
                            double fovDegrees) {
        if (view == null || faces.isEmpty()) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (FaceResult face : faces) {
            Landmarks p = face.landmarks();
            g.setStroke(OUTLINE);
            g.setFill(OUTLINE);
            g.setLineWidth(1.5);
            if (allLandmarks) {
                for (int i = 0; i < p.count(); i++) {
                    g.fillOval(view.toViewX(p.x(i)) - 1, view.toViewY(p.y(i)) - 1, 2, 2);
                }
            } else {
                for (int i = 0; i < OVAL.length; i++) {
                    int a = OVAL[i];
                    int b = OVAL[(i + 1) % OVAL.length];
                    g.strokeLine(view.toViewX(p.x(a)), view.toViewY(p.y(a)), view.toViewX(p.x(b)), view.toViewY(p.y(b)));
                }
            }
            HeadPose pose = face.pose();
            if (pose == null) {
                continue;
            }
            double[] axes = AxisGizmo.endpoints(pose, p.x(FaceTopology.NOSE_TIP), p.y(FaceTopology.NOSE_TIP),
                    view.imageWidth(), view.imageHeight(), fovDegrees);
            if (axes != null) {
                g.setLineWidth(3);
                for (int axis = 0; axis < 3; axis++) {
                    g.setStroke(AXIS_COLOURS[axis]);
                    g.strokeLine(view.toViewX(axes[0]), view.toViewY(axes[1]), view.toViewX(axes[2 + 2 * axis]),
                            view.toViewY(axes[3 + 2 * axis]));
                }
            }
            g.setFont(LABEL_FONT);
            g.setFill(Color.WHITE);
            // Under the chin: the hands are more often above and beside the face than below it.
            g.fillText(label(pose), view.toViewX(p.x(FaceTopology.CHIN)) - 70, view.toViewY(p.y(FaceTopology.CHIN)) + 20);
        }
    }

    /** "yaw 12° · pitch -5° · roll 3°". */
    public static String label(HeadPose pose) {
        return String.format(Locale.ROOT, "yaw %.0f° · pitch %.0f° · roll %.0f°", pose.yaw(), pose.pitch(),
                pose.roll());
    }
}
