package dev.handscope.app.export.recording;

import java.util.List;

/**
 * One line of a recording's results, as {@code FrameJson.resultLine} wrote it.
 *
 * @param frame  the frame number in the recording
 * @param timeMs the tracker's time for the frame, milliseconds from the recording's start
 * @param width  image width in pixels
 * @param height image height in pixels
 * @param hands  the hands found in the frame
 */
public record RecordedFrame(long frame, double timeMs, int width, int height, List<RecordedHand> hands) {
}
