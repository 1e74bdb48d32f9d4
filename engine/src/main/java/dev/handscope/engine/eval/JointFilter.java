package dev.handscope.engine.eval;

import dev.handscope.engine.hand.HandTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which joints an error is taken over: all of them, one {@link JointClass} or one {@link Finger}.
 *
 * @param jointClass the class kept, or null
 * @param finger     the finger kept, or null (both null: every joint)
 */
public record JointFilter(JointClass jointClass, Finger finger) {
    public static final JointFilter ALL = new JointFilter(null, null);

    public JointFilter {
        if (jointClass != null && finger != null) {
            throw new IllegalArgumentException("a joint filter keeps a class or a finger, not both");
        }
    }

    public static JointFilter of(JointClass jointClass) {
        return new JointFilter(jointClass, null);
    }

    public static JointFilter of(Finger finger) {
        return new JointFilter(null, finger);
    }

    /** Every filter, in the choice box's order: all joints, the five classes, the five fingers. */
    public static List<JointFilter> choices() {
        List<JointFilter> choices = new ArrayList<>(List.of(ALL));
        for (JointClass c : JointClass.values()) {
            choices.add(of(c));
        }
        for (Finger f : Finger.values()) {
            choices.add(of(f));
        }
        return choices;
    }

    /** Whether joint {@code joint} (MediaPipe's order) is kept. */
    public boolean includes(int joint) {
        if (jointClass != null) {
            return JointClass.of(joint) == jointClass;
        }
        return finger == null || Finger.of(joint) == finger;
    }

    /** How many of the 21 joints are kept. */
    public int count() {
        int n = 0;
        for (int j = 0; j < HandTopology.LANDMARKS; j++) {
            n += includes(j) ? 1 : 0;
        }
        return n;
    }

    /** "all joints", a class in capitals ("TIP"), or a finger ("index"). */
    @Override
    public String toString() {
        if (jointClass != null) {
            return jointClass.name();
        }
        return finger == null ? "all joints" : finger.name().toLowerCase(Locale.ROOT);
    }
}
