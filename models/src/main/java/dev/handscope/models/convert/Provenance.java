package dev.handscope.models.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The origin and licence lines of a PROVENANCE file ("package: …", "version: …", "licence: …").
 */
record Provenance(String origin, String licence) {

    static Provenance read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new Provenance("unknown", "unknown");
        }
        String pkg = "";
        String version = "";
        String licence = "unknown";
        for (String line : Files.readAllLines(file)) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.startsWith("#")) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "package" -> pkg = value;
                case "version" -> version = value;
                case "licence" -> licence = value.split(" ")[0];
                default -> { }
            }
        }
        return new Provenance(pkg.isEmpty() ? "unknown" : version.isEmpty() ? pkg : pkg + "@" + version, licence);
    }
}
