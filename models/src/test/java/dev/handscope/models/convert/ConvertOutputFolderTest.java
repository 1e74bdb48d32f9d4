package dev.handscope.models.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** convert only ever replaces a new, empty or HandScope SavedModel folder; everything else survives. */
class ConvertOutputFolderTest {
    private static final int LOGISTIC = 14;
    private static final int RELU = 19;
    private static final int SOFTMAX = 25;

    private static Path model(Path dir, String name, int builtinCode) throws IOException {
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), ConverterErrorsTest.oneOperatorModel(builtinCode));
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertRefused(Path output, String why, OutputFolderException error) {
        assertTrue(error.getMessage().startsWith(output.toString() + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(why), error.getMessage());
        assertTrue(error.getMessage().endsWith("Choose a new or empty folder."), error.getMessage());
    }

    @Test
    void folderHoldingTheInputIsRefusedAndKept(@TempDir Path dir) throws Exception {
        Path work = dir.resolve("some_folder");
        Path input = model(work, "m.tflite", LOGISTIC);
        byte[] bytes = Files.readAllBytes(input);
        Files.writeString(work.resolve("notes.txt"), "mine");
        OutputFolderException error = assertThrows(OutputFolderException.class,
                () -> TfliteConverter.convert(input, work, "test", "test"));
        assertRefused(work, "holds the input model m.tflite", error);
        assertArrayEquals(bytes, Files.readAllBytes(input));
        assertEquals("mine", Files.readString(work.resolve("notes.txt")));
        assertEquals(List.of("some_folder"), entries(dir), "no staging folder is left beside it");
    }

    @Test
    void currentFolderIsRefused(@TempDir Path dir) throws Exception {
        Path input = model(dir.resolve("models"), "m.tflite", LOGISTIC);
        Path current = Files.createDirectory(dir.resolve("empty"));
        OutputFolderException error = assertThrows(OutputFolderException.class,
                () -> OutputFolder.requireReplaceable(current, input, current));
        assertRefused(current, "is the current folder", error);
        assertTrue(Files.isDirectory(current));
    }

    @Test
    void folderWithOtherFilesIsRefusedAndKept(@TempDir Path dir) throws Exception {
        Path input = model(dir, "m.tflite", LOGISTIC);
        Path output = Files.createDirectory(dir.resolve("photos"));
        Files.writeString(output.resolve("holiday.jpg"), "jpeg");
        OutputFolderException error = assertThrows(OutputFolderException.class,
                () -> TfliteConverter.convert(input, output, "test", "test"));
        assertRefused(output, "is not empty and is not a HandScope SavedModel (it holds holiday.jpg)", error);
        assertEquals("jpeg", Files.readString(output.resolve("holiday.jpg")));
    }

    @Test
    void regularFileIsRefusedAndKept(@TempDir Path dir) throws Exception {
        Path input = model(dir, "m.tflite", LOGISTIC);
        Path output = Files.writeString(dir.resolve("report.txt"), "keep me");
        OutputFolderException error = assertThrows(OutputFolderException.class,
                () -> TfliteConverter.convert(input, output, "test", "test"));
        assertRefused(output, "is a file, not a folder", error);
        assertEquals("keep me", Files.readString(output));
    }

    @Test
    void emptyFolderIsUsed(@TempDir Path dir) throws Exception {
        Path input = model(dir, "m.tflite", LOGISTIC);
        Path output = Files.createDirectory(dir.resolve("out"));
        TfliteConverter.convert(input, output, "test", "test");
        assertEquals(List.of("model.json", "model.onnx", "saved_model.pb"), entries(output));
    }

    @Test
    void handScopeSavedModelIsReplacedWithoutLeftovers(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("out");
        TfliteConverter.convert(model(dir.resolve("a"), "sigmoid.tflite", LOGISTIC), output, "test", "test");
        TfliteConverter.convert(model(dir.resolve("b"), "relu.tflite", RELU), output, "test", "test");
        assertEquals("relu", ModelManifest.read(output).name());
        assertEquals(List.of("a", "b", "out"), entries(dir), "no staging or old folder is left beside it");
    }

    @Test
    void handScopeSavedModelWithOtherFilesIsRefused(@TempDir Path dir) throws Exception {
        Path input = model(dir.resolve("src"), "m.tflite", LOGISTIC);
        Path output = dir.resolve("out");
        TfliteConverter.convert(input, output, "test", "test");
        Files.writeString(output.resolve("notes.txt"), "mine");
        OutputFolderException error = assertThrows(OutputFolderException.class,
                () -> TfliteConverter.convert(input, output, "test", "test"));
        assertRefused(output, "(it holds notes.txt)", error);
        assertEquals("mine", Files.readString(output.resolve("notes.txt")));
    }

    @Test
    void failedConversionKeepsTheOldModel(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("out");
        TfliteConverter.convert(model(dir.resolve("a"), "sigmoid.tflite", LOGISTIC), output, "test", "test");
        byte[] graph = Files.readAllBytes(output.resolve("saved_model.pb"));
        Path unsupported = model(dir.resolve("b"), "softmax.tflite", SOFTMAX);
        assertThrows(ConversionException.class, () -> TfliteConverter.convert(unsupported, output, "test", "test"));
        assertArrayEquals(graph, Files.readAllBytes(output.resolve("saved_model.pb")));
        assertEquals("sigmoid", ModelManifest.read(output).name());
        assertEquals(List.of("a", "b", "out"), entries(dir));
    }
}
