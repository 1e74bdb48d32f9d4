package dev.handscope.engine.eval;

import java.util.List;

/**
 * How detected hands' labelled joints' pixel errors, as fractions of the hand's size, spread: bins
 * 0.01 wide from 0, the last one ({@code [0.29, inf)}) open so every error is counted, for the
 * report's chart. Missed hands have no error to place and are left out.
 */
public final class ErrorHistogram {
    public static final int BINS = 30;
    private static final int BINS_PER_UNIT = 100; // bins 0.01 wide; edges are bin / 100, exactly 0.29 and not 29 * 0.01

    private final long[] counts;

    private ErrorHistogram(long[] counts) {
        this.counts = counts;
    }

    static ErrorHistogram of(List<HandScore> hands) {
        long[] counts = new long[BINS];
        for (HandScore hand : hands) {
            if (!hand.detected()) {
                continue;
            }
            for (int j = 0; j < hand.errorPx().length; j++) {
                if (hand.label().labelled()[j]) {
                    counts[(int) Math.min(BINS - 1, Math.floor(hand.normalisedError(j) * BINS_PER_UNIT))]++;
                }
            }
        }
        return new ErrorHistogram(counts);
    }

    /** The joints in bin {@code bin}: errors in {@code [bin * 0.01, (bin + 1) * 0.01)}, the last bin unbounded. */
    public long count(int bin) {
        return counts[bin];
    }

    /** The bin's smallest error, a fraction of the hand's size. */
    public double lowerEdge(int bin) {
        return (double) bin / BINS_PER_UNIT;
    }

    public long total() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }
}
