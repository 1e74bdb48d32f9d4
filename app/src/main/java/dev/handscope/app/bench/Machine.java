package dev.handscope.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The machine a benchmark ran on, so figures from different machines are not compared as if alike:
 * cores, the CPU's model name and the vector extensions the kernels can use.
 *
 * @param flags the SIMD flags present among those that decide convolution speed (avx2, fma, avx512f…)
 */
public record Machine(int cores, String cpu, List<String> flags) {
    private static final Set<String> VECTOR_FLAGS = Set.of("sse4_2", "avx", "avx2", "fma", "f16c", "avx512f",
            "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_tile", "neon", "asimd");

    public Machine {
        flags = List.copyOf(flags);
    }

    /** This machine: /proc/cpuinfo where there is one (Linux), else the JVM's view. */
    public static Machine current() {
        int cores = Runtime.getRuntime().availableProcessors();
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) {
            return new Machine(cores, System.getProperty("os.arch"), List.of());
        }
        try {
            String cpu = System.getProperty("os.arch");
            List<String> flags = new ArrayList<>();
            for (String line : Files.readAllLines(info)) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (key.equals("model name")) {
                    cpu = value;
                } else if ((key.equals("flags") || key.equals("Features")) && flags.isEmpty()) {
                    for (String flag : value.split("\\s+")) {
                        if (VECTOR_FLAGS.contains(flag)) {
                            flags.add(flag);
                        }
                    }
                }
                if (!flags.isEmpty() && !cpu.equals(System.getProperty("os.arch"))) {
                    break; // the first processor says it for all
                }
            }
            return new Machine(cores, cpu, flags);
        } catch (IOException e) {
            return new Machine(cores, System.getProperty("os.arch"), List.of());
        }
    }
}
