package dev.handscope.engine.result;

/** How long one stage after tracking took on one frame. */
public record StageTime(String stage, long nanos) {
}
