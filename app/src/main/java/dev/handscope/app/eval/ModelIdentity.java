package dev.handscope.app.eval;

import dev.handscope.models.convert.ModelManifest;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Which model file ran, so a report's figures can be tied to exact weights.
 *
 * @param role    detector or landmarks
 * @param folder  the SavedModel folder
 * @param name    the manifest's model name
 * @param kind    the manifest's family
 * @param sha256  the hash of the file it was converted from (the weights' identity)
 */
public record ModelIdentity(String role, Path folder, String name, String kind, String sha256) {

    /** Reads a model folder's manifest; a folder without one is named with what is missing. */
    public static ModelIdentity read(String role, Path folder) {
        try {
            ModelManifest manifest = ModelManifest.read(folder);
            return new ModelIdentity(role, folder, manifest.name(), manifest.kind().id(),
                    manifest.source() == null ? "unknown" : manifest.source().sha256());
        } catch (IOException e) {
            return new ModelIdentity(role, folder, String.valueOf(folder.getFileName()), "unknown", "unknown");
        }
    }
}
