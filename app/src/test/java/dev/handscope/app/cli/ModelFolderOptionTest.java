package dev.handscope.app.cli;

import static dev.handscope.app.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --model DIR: a model folder runs where a bundled variant would, and a folder HandScope cannot run says why. */
class ModelFolderOptionTest {
    private static final Path SHARED = Path.of(System.getProperty("handscope.shared", "../../shared"));
    private static final String IMAGE = SHARED.resolve("testdata/media/woman_hands.jpg").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLandmarkModelFolderTracksExactlyAsTheSameBundledModel(@TempDir Path dir) throws Exception {
        // The user's folder: a copy of the bundled full landmark model (paired with the bundled full palm detector).
        Path folder = dir.resolve("my-landmarks");
        Files.createDirectories(folder);
        Path full = ModelCatalogue.bundled().handLandmarks(ModelVariant.FULL);
        try (var files = Files.list(full)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        CommandRun own = run("detect", "--image", IMAGE, "--model", folder.toString(), "--device", "cpu");
        assertEquals(0, own.exit(), own.err());
        CommandRun bundled = run("detect", "--image", IMAGE, "--model", "full", "--device", "cpu");
        JsonNode ownHands = JSON.readTree(own.out()).get("hands");
        assertEquals(2, ownHands.size());
        assertEquals(JSON.readTree(bundled.out()).get("hands"), ownHands, "the same weights give the same hands");
    }

    @Test
    void aFolderWithoutAManifestOrOfAnUnsupportedKindIsRefusedByName(@TempDir Path dir) throws Exception {
        CommandRun missing = run("detect", "--image", IMAGE, "--model", dir.toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains(dir.resolve("model.json").toString()) && missing.err().contains("missing"),
                missing.err());
        Files.writeString(dir.resolve("model.json"), """
                {"format": "handscope-model/2", "name": "mystery", "kind": "generic", "signature": "serving_default",
                 "input": {"name": "image", "shape": [1, 256, 256, 3], "dtype": "float32"}, "outputs": []}
                """);
        CommandRun unsupported = run("detect", "--image", IMAGE, "--model", dir.toString());
        assertEquals(1, unsupported.exit());
        assertTrue(unsupported.err().contains(dir.toString()) && unsupported.err().contains("generic"),
                unsupported.err());
        assertTrue(!unsupported.err().contains("Exception"), "no stack trace: " + unsupported.err());
    }
}
