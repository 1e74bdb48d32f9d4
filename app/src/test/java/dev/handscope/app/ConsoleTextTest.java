package dev.handscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What reaches a console that cannot take UTF-8 (LANG unset or C): ASCII for our symbols, never "?". */
class ConsoleTextTest {
    private static final String LINE = "hand 0 → hand-0.obj · 60° · 640×480 – done… — ok";

    private static String printed(Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = ConsoleText.printStream(bytes, charset);
        PrintWriter writer = ConsoleText.writer(stream);
        stream.println(LINE);
        stream.printf("%s%n", LINE);
        writer.println(LINE); // picocli's path
        writer.printf("%s%n", LINE);
        return bytes.toString(charset);
    }

    @Test
    void aSevenBitConsoleGetsAsciiForOurSymbols() {
        String ascii = "hand 0 -> hand-0.obj - 60 deg - 640x480 - done... - ok" + System.lineSeparator();
        assertEquals(ascii.repeat(4), printed(StandardCharsets.US_ASCII));
        // The plain JDK stream shows what users saw before: question marks.
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        new PrintStream(plain, true, StandardCharsets.US_ASCII).print("→");
        assertEquals("?", plain.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void aUtf8ConsoleGetsTheSymbolsUnchanged() {
        assertEquals((LINE + System.lineSeparator()).repeat(4), printed(StandardCharsets.UTF_8));
    }
}
