package dev.handscope.app.settings;

/**
 * What a user sets in the window and expects back next time.
 *
 * @param numHands          most hands tracked
 * @param model             "full" or "lite"
 * @param minDetection      palm probability to start a hand
 * @param minPresence       hand presence to keep one
 * @param minTracking       overlap that makes two detections one hand
 * @param smoothing         One Euro smoothing on
 * @param smoothingCutoff   its min cutoff in Hz (lower is steadier)
 * @param show3d            the 3D view beside the video
 * @param wireframe         meshes as wireframes
 * @param skeleton          skeletons in the 3D view
 * @param guides            grid and axes in the 3D view
 * @param centred           each hand centred in the 3D view
 * @param hud               the latency HUD
 * @param readouts          the left/right readouts
 * @param cameraSize        frame size asked of cameras ("1280x720"), or "default"
 * @param headPose          faces tracked with their head pose (unless --head-pose or --faces says otherwise)
 * @param mineFailures      failure mining: automatic snapshots where tracking looks wrong (off in older files)
 * @param osc               OSC out on (off in older files; --osc wins for its run)
 * @param oscTargets        where OSC goes: HOST:PORT, :PORT or PORT, several separated by commas
 * @param vmc               VMC out on (off in older files; --vmc wins for its run)
 * @param vmcTarget         where VMC goes: HOST:PORT, HOST (port 39539) or PORT
 */
public record Settings(int numHands, String model, double minDetection, double minPresence, double minTracking,
                       boolean smoothing, double smoothingCutoff, boolean show3d, boolean wireframe, boolean skeleton,
                       boolean guides, boolean centred, boolean hud, boolean readouts, String cameraSize,
                       boolean headPose, boolean mineFailures, boolean osc, String oscTargets, boolean vmc,
                       String vmcTarget) {
    public static final String DEFAULT_OSC_TARGETS = "127.0.0.1:9000";
    public static final String DEFAULT_VMC_TARGET = "127.0.0.1:39539";

    /** Settings with both UDP outputs off, at their default targets. */
    public Settings(int numHands, String model, double minDetection, double minPresence, double minTracking,
                    boolean smoothing, double smoothingCutoff, boolean show3d, boolean wireframe, boolean skeleton,
                    boolean guides, boolean centred, boolean hud, boolean readouts, String cameraSize,
                    boolean headPose, boolean mineFailures) {
        this(numHands, model, minDetection, minPresence, minTracking, smoothing, smoothingCutoff, show3d, wireframe,
                skeleton, guides, centred, hud, readouts, cameraSize, headPose, mineFailures, false,
                DEFAULT_OSC_TARGETS, false, DEFAULT_VMC_TARGET);
    }

    public static Settings defaults() {
        return new Settings(2, "full", 0.5, 0.5, 0.5, true, 0.05, true, false, true, true, false, true, true, "default",
                false, false);
    }

    /** These settings with the UDP outputs as given. */
    public Settings withOutputs(boolean oscOn, String osc, boolean vmcOn, String vmc) {
        return new Settings(numHands, model, minDetection, minPresence, minTracking, smoothing, smoothingCutoff, show3d,
                wireframe, skeleton, guides, centred, hud, readouts, cameraSize, headPose, mineFailures, oscOn, osc,
                vmcOn, vmc);
    }

    /** Rejects values no control could have produced (a hand-edited or damaged file). */
    public Settings validated() {
        if (numHands < 1 || numHands > 4) {
            throw new IllegalArgumentException("numHands must be 1 to 4, is " + numHands);
        }
        if (!"full".equals(model) && !"lite".equals(model)) {
            throw new IllegalArgumentException("model must be \"full\" or \"lite\", is " + model);
        }
        for (double p : new double[] {minDetection, minPresence, minTracking}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("confidences must be between 0 and 1, found " + p);
            }
        }
        if (!(smoothingCutoff > 0 && smoothingCutoff <= 10)) {
            throw new IllegalArgumentException("smoothingCutoff must be in (0, 10] Hz, is " + smoothingCutoff);
        }
        dev.handscope.engine.capture.SourceSpec.parseSize(cameraSize);
        if (oscTargets == null || vmcTarget == null) {
            throw new IllegalArgumentException("oscTargets and vmcTarget must be text");
        }
        return this;
    }
}
