package dev.handscope.models.tflite;

/**
 * How much Java heap reading one file may take. A valid file's strings, vectors and tables each
 * occupy their own bytes, so what they cost is proportional to the file; a corrupt one can point
 * many tables at the same huge string, and is stopped here instead of exhausting memory.
 */
final class ReadBudget {
    private static final long FILE_SIZE_FACTOR = 4;
    private static final long BASE_BYTES = 1 << 20;

    private final long limit;
    private long used;

    ReadBudget(int fileSize) {
        this.limit = FILE_SIZE_FACTOR * fileSize + BASE_BYTES;
    }

    void charge(long bytes, String what) {
        used += bytes;
        if (used > limit) {
            throw new TfliteFormatException("its " + what + " add up to more data than a file of this size can "
                    + "hold: the file is corrupt");
        }
    }
}
