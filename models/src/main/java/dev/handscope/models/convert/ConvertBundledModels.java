package dev.handscope.models.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step: converts every .tflite in a folder into SavedModels under an output folder, skipping
 * those already converted from the same bytes by the same converter version. Reads the folder's
 * PROVENANCE file for the origin and licence recorded in each manifest (per model: the package
 * section that lists it).
 *
 * <p>Usage: {@code ConvertBundledModels TFLITE_DIR OUTPUT_DIR}
 */
public final class ConvertBundledModels {
    private ConvertBundledModels() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ConvertBundledModels TFLITE_DIR OUTPUT_DIR");
            System.exit(64);
        }
        Path sources = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<Path> models;
        try (Stream<Path> files = Files.list(sources)) {
            models = files.filter(f -> f.getFileName().toString().endsWith(".tflite")).sorted().toList();
        }
        if (models.isEmpty()) {
            throw new IOException(sources + ": no .tflite models to convert");
        }
        for (Path model : models) {
            String name = model.getFileName().toString().replaceFirst("\\.tflite$", "");
            Path target = output.resolve(name);
            if (TfliteConverter.isUpToDate(model, target)) {
                System.out.println("models: " + name + " is up to date");
                continue;
            }
            long start = System.nanoTime();
            Provenance provenance = Provenance.read(sources.resolve("PROVENANCE"), model.getFileName().toString());
            ModelManifest manifest = TfliteConverter.convert(model, target, provenance.origin(), provenance.licence());
            System.out.printf("models: converted %s (%s) in %.1f s%n", name, manifest.kind().id(),
                    (System.nanoTime() - start) / 1e9);
        }
        BundledIndex.write(output);
    }
}
