package dev.handscope.engine.capture;

/**
 * Files a folder source could not read and plays past.
 *
 * @param count  how many files were skipped
 * @param total  files in the source
 * @param first  the first skipped file and why ("b.png: not a readable image ..."), or empty
 */
public record SkippedFiles(int count, int total, String first) {
    public static final SkippedFiles NONE = new SkippedFiles(0, 0, "");

    /** A sentence for the user, empty when nothing was skipped. */
    public String message(String where) {
        if (count == 0) {
            return "";
        }
        return "Skipped " + count + " of the " + total + " images in " + where + " that could not be read; the others"
                + " play. " + (count == 1 ? "It is " : "The first is ") + first;
    }
}
