package dev.handscope.app.ui.viewmodel;

import java.nio.file.Path;

/**
 * One trigger failure mining saved a snapshot for, as the window lists it.
 *
 * @param trigger the trigger's key ("landmark_jump")
 * @param handId  the track it fired on
 * @param detail  what was measured
 * @param timeMs  the frame's time
 * @param folder  where the snapshot is
 */
public record MinedSnapshot(String trigger, int handId, String detail, long timeMs, Path folder) {

    /** The list's line: trigger, hand, time. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "%s · hand %d · %.1f s", trigger, handId, timeMs / 1000.0);
    }
}
