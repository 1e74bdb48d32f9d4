package dev.handscope.render.hud;

/**
 * One update of the status bar.
 *
 * @param state         short state word (Playing, Paused, Ended, No camera, ...)
 * @param severity      how the state word is coloured
 * @param source        what is open
 * @param width         frame width, 0 when no frame yet
 * @param height        frame height
 * @param captureFps    frames per second handed on by the capture thread
 * @param displayFps    frames per second shown
 * @param droppedFrames frames replaced before they were shown
 * @param frameSequence sequence number of the frame on screen, -1 for none
 * @param pipelineFps   frames per second through hand tracking, or -1 when tracking is off
 * @param hands         hands on screen
 * @param tracking      what tracking runs on (model, device), or why it does not
 */
public record StatusReadings(String state, Severity severity, String source, int width, int height, double captureFps,
                             double displayFps, long droppedFrames, long frameSequence, double pipelineFps, int hands,
                             String tracking) {

    /** Green for normal operation, amber for waiting or paused, red for failures. */
    public enum Severity {
        OK, WAITING, PROBLEM
    }
}
