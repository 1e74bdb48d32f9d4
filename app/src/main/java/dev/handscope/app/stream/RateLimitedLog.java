package dev.handscope.app.stream;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Console lines about clients, at most a few a second, so that a client sending junk cannot flood
 * the console; lines left out are counted and the count is printed with the next line, or by
 * {@link #printLeftOut()}.
 */
final class RateLimitedLog {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final int linesPerSecond;
    private final LongSupplier nanoTime;
    private final Consumer<String> out;
    private long secondStart;
    private int linesThisSecond;
    private long leftOut;

    RateLimitedLog(int linesPerSecond, LongSupplier nanoTime, Consumer<String> out) {
        this.linesPerSecond = linesPerSecond;
        this.nanoTime = nanoTime;
        this.out = out;
        this.secondStart = nanoTime.getAsLong();
    }

    /** Prints the line unless this second's lines are used up (then it is only counted, not even built). */
    synchronized void print(Supplier<String> line) {
        long now = nanoTime.getAsLong();
        if (now - secondStart >= SECOND) {
            secondStart = now;
            linesThisSecond = 0;
        }
        if (linesThisSecond >= linesPerSecond) {
            leftOut++;
            return;
        }
        linesThisSecond++;
        out.accept(line.get() + leftOutNote());
    }

    /** Prints how many lines were left out since the last line, if any. */
    synchronized void printLeftOut() {
        if (leftOut > 0) {
            out.accept("handscope serve:" + leftOutNote());
        }
    }

    private String leftOutNote() {
        String note = leftOut == 0 ? "" : " (" + leftOut + " similar line" + (leftOut == 1 ? "" : "s") + " left out)";
        leftOut = 0;
        return note;
    }
}
