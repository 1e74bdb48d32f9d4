package dev.handscope.models.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The origin and licence lines of a PROVENANCE file ("package: …", "version: …", "licence: …").
 * A file may hold several packages, each starting at its "package:" line and listing its models
 * in a table ("name.tflite | taken from | sha256"); a model takes the origin of the section that
 * lists it, or of the first section when none does.
 */
record Provenance(String origin, String licence) {

    static Provenance read(Path file) throws IOException {
        return read(file, null);
    }

    /** The provenance of {@code modelFile} (e.g. face_landmark.tflite); null: the file's first package. */
    static Provenance read(Path file, String modelFile) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new Provenance("unknown", "unknown");
        }
        List<String> lines = Files.readAllLines(file);
        Provenance first = null;
        Section section = null;
        for (String line : lines) {
            String trimmed = line.trim();
            int colon = line.indexOf(':');
            if (colon >= 0 && !line.startsWith("#") && line.substring(0, colon).trim().equals("package")) {
                if (section != null) {
                    Provenance done = section.provenance();
                    first = first == null ? done : first;
                    if (section.listsModel) {
                        return done;
                    }
                }
                section = new Section();
            }
            if (section == null) {
                section = new Section();
            }
            if (modelFile != null && trimmed.startsWith(modelFile + " |")) {
                section.listsModel = true;
            }
            if (colon < 0 || line.startsWith("#") || trimmed.contains("|")) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "package" -> section.pkg = value;
                case "version" -> section.version = value;
                case "licence" -> section.licence = value.split(" ")[0];
                default -> { }
            }
        }
        if (section == null) {
            return new Provenance("unknown", "unknown");
        }
        Provenance last = section.provenance();
        return section.listsModel || first == null ? last : first;
    }

    private static final class Section {
        String pkg = "";
        String version = "";
        String licence = "unknown";
        boolean listsModel;

        Provenance provenance() {
            return new Provenance(pkg.isEmpty() ? "unknown" : version.isEmpty() ? pkg : pkg + "@" + version, licence);
        }
    }
}
