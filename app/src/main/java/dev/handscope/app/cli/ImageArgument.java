package dev.handscope.app.cli;

import dev.handscope.engine.imaging.RgbImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a command's --image, saying which file is missing or unreadable. */
final class ImageArgument {
    private ImageArgument() {
    }

    /** The decoded image, or null after printing why not ("handscope COMMAND: FILE: ..."). */
    static RgbImage read(Path image, String command, PrintWriter err) {
        if (!Files.isRegularFile(image)) {
            err.println("handscope " + command + ": " + image + ": no such file");
            return null;
        }
        RgbImage picture = RgbImage.read(image);
        if (picture == null) {
            err.println("handscope " + command + ": " + image + ": not a readable image");
        }
        return picture;
    }
}
