package dev.handscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HandScope under a locale that is not UTF-8 (LANG unset or C), as a real process. */
class LocaleTest {

    private record Result(int exit, String err) {
    }

    private static Result runUnderCLocale(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), err);
    }

    @Test
    void aUnicodePathTheLocaleCannotHoldIsExplained(@TempDir Path dir) throws Exception {
        Result result = runUnderCLocale("detect", "--image", dir + File.separator + "ünï.jpg");
        assertEquals(2, result.exit(), result.err());
        String message = result.err().strip();
        assertTrue(message.startsWith("handscope detect: --image " + dir + File.separator), message);
        assertTrue(message.endsWith("is not a valid path here: it holds characters this system's locale (LC_ALL=C)"
                + " cannot represent; run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8"), message);
        assertFalse(message.contains("InvalidPathException") || message.contains("Usage:"), message);
    }
}
