package dev.handscope.app.export.recording;

import dev.handscope.engine.mesh.HandPose;
import dev.handscope.engine.mesh.HandSkeleton;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.joml.Quaternionf;
import org.joml.Vector3f;

/**
 * One hand track as BVH: the hand skeleton's 16 joints (MANO order and hierarchy, offsets from the
 * template's rest pose in centimetres, fingertips as End Sites) and one frame per recorded frame at
 * the recording's median frame interval. The root carries the camera-space wrist (centimetres)
 * and every joint its local rotation as Z, X, Y Euler angles in degrees (BVH's usual order: the
 * rotation is Rz * Rx * Ry). Frames where the hand is not seen repeat its last pose.
 */
public final class BvhExport {
    private static final String[] NAMES = {"wrist", "index1", "index2", "index3", "middle1", "middle2", "middle3",
        "pinky1", "pinky2", "pinky3", "ring1", "ring2", "ring3", "thumb1", "thumb2", "thumb3"};
    private static final double CM = 100;

    private BvhExport() {
    }

    public static void write(Recording recording, HandTrack track, Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            float[] rest = track.template().joints();
            out.println("HIERARCHY");
            joint(out, track, rest, 0, "");
            out.println("MOTION");
            long firstFrame = track.poses().get(0).frame().frame();
            long lastFrame = track.poses().get(track.poses().size() - 1).frame().frame();
            out.println("Frames: " + (lastFrame - firstFrame + 1));
            out.printf(Locale.ROOT, "Frame Time: %.6f%n", recording.medianFrameMs() / 1000);
            int next = 0;
            HandPose pose = track.poses().get(0).pose();
            for (long frame = firstFrame; frame <= lastFrame; frame++) {
                if (next < track.poses().size() && track.poses().get(next).frame().frame() == frame) {
                    pose = track.poses().get(next++).pose();
                }
                out.println(motionLine(pose));
            }
            if (out.checkError()) {
                throw new IOException(file + ": could not write");
            }
        }
    }

    private static void joint(PrintWriter out, HandTrack track, float[] rest, int j, String indent) {
        int parent = HandSkeleton.PARENTS[j];
        out.println(indent + (parent < 0 ? "ROOT " : "JOINT ") + NAMES[j]);
        out.println(indent + "{");
        String inner = indent + "  ";
        Vector3f offset = parent < 0 ? new Vector3f() : offset(rest, j, parent);
        out.println(inner + "OFFSET " + triple(offset));
        out.println(inner + (parent < 0 ? "CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation"
                : "CHANNELS 3 Zrotation Xrotation Yrotation"));
        boolean hasChild = false;
        for (int child = 0; child < HandSkeleton.JOINTS; child++) {
            if (HandSkeleton.PARENTS[child] == j) {
                joint(out, track, rest, child, inner);
                hasChild = true;
            }
        }
        if (!hasChild) {
            int tip = tipOf(j);
            float[] tips = track.template().vertices();
            int v = track.template().tips()[tip];
            Vector3f end = new Vector3f(tips[3 * v] - rest[3 * j], tips[3 * v + 1] - rest[3 * j + 1],
                    tips[3 * v + 2] - rest[3 * j + 2]).mul((float) CM);
            out.println(inner + "End Site");
            out.println(inner + "{");
            out.println(inner + "  OFFSET " + triple(end));
            out.println(inner + "}");
        }
        out.println(indent + "}");
    }

    private static int tipOf(int joint) {
        for (int tip = 0; tip < HandSkeleton.TIPS; tip++) {
            if (HandSkeleton.tipParent(tip) == joint) {
                return tip;
            }
        }
        throw new IllegalArgumentException("joint " + joint + " ends no finger");
    }

    private static Vector3f offset(float[] rest, int j, int parent) {
        return new Vector3f(rest[3 * j] - rest[3 * parent], rest[3 * j + 1] - rest[3 * parent + 1],
                rest[3 * j + 2] - rest[3 * parent + 2]).mul((float) CM);
    }

    private static String motionLine(HandPose pose) {
        StringBuilder line = new StringBuilder();
        Vector3f t = pose.translation();
        line.append(String.format(Locale.ROOT, "%.4f %.4f %.4f", t.x * CM, t.y * CM, t.z * CM));
        Vector3f euler = new Vector3f();
        for (Quaternionf rotation : pose.rotations()) {
            rotation.getEulerAnglesZXY(euler);
            line.append(String.format(Locale.ROOT, " %.5f %.5f %.5f", Math.toDegrees(euler.z),
                    Math.toDegrees(euler.x), Math.toDegrees(euler.y)));
        }
        return line.toString();
    }

    private static String triple(Vector3f v) {
        return String.format(Locale.ROOT, "%.5f %.5f %.5f", v.x, v.y, v.z);
    }
}
