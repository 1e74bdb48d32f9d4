package dev.handscope.app.eval;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place on the terminal; silent when output is not a terminal
 * (pipes, CI logs, tests), where carriage returns would only make noise.
 */
public final class TerminalProgress implements EvaluationRun.Progress, AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final long start = System.nanoTime();
    private boolean drawn;

    private TerminalProgress(PrintWriter out) {
        this.out = out;
    }

    /** A bar on {@code out} when the process has a console, else one that draws nothing. */
    public static TerminalProgress onConsole(PrintWriter out) {
        return new TerminalProgress(System.console() != null ? out : null);
    }

    @Override
    public void imageDone(int done, int total) {
        if (out == null || total == 0) {
            return;
        }
        int filled = (int) ((long) WIDTH * done / total);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        double left = (total - done) / Math.max(rate, 1e-9);
        out.printf("\r[%s%s] %d/%d images  %.1f/s  %.0f s left ", "#".repeat(filled), " ".repeat(WIDTH - filled), done,
                total, rate, left);
        out.flush();
        drawn = true;
    }

    /** Ends the bar's line (idempotent). */
    @Override
    public void close() {
        if (drawn) {
            out.println();
            out.flush();
            drawn = false;
        }
    }
}
