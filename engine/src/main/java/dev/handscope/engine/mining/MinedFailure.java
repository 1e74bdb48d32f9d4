package dev.handscope.engine.mining;

/**
 * One trigger fired on one frame.
 *
 * @param trigger   what fired
 * @param handId    the track it fired on (for an overlap, the lower of the two ids)
 * @param detail    what was measured, for people ("index PIP–index DIP bone 1.9x its longest so far")
 * @param sequence  the frame's sequence number
 * @param timeNanos the frame's time
 */
public record MinedFailure(FailureTrigger trigger, int handId, String detail, long sequence, long timeNanos) {
}
