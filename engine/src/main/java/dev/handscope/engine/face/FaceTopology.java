package dev.handscope.engine.face;

/** The parts of MediaPipe's 468-point face mesh that HandScope names (its FACEMESH_FACE_OVAL loop, the nose tip). */
public final class FaceTopology {
    public static final int LANDMARKS = 468;
    /** The nose tip: where the head-pose axes are drawn from. */
    public static final int NOSE_TIP = 1;
    /** The bottom of the chin (on the outline). */
    public static final int CHIN = 152;
    /** The face's outline, in order around the face (a closed loop). */
    private static final int[] OVAL = {10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378,
        400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109};

    private FaceTopology() {
    }

    /** The outline's landmark indices, in order (a copy). */
    public static int[] oval() {
        return OVAL.clone();
    }
}
