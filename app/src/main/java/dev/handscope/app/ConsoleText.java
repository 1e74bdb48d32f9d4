package dev.handscope.app;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * Text for a console that may not take UTF-8 (LANG unset or C): there, HandScope's symbols become
 * ASCII ("→" becomes "->") instead of the "?" the encoder would print.
 */
public final class ConsoleText {
    private static final Map<Character, String> ASCII = Map.of('→', "->", '←', "<-", '·', "-", '…', "...",
            '°', " deg", '×', "x", '–', "-", '—', "-", '⚠', "!");

    private ConsoleText() {
    }

    /** The console's charset: stdout.encoding (Java 18+), sun.stdout.encoding, else the default (LANG's on 17). */
    public static Charset consoleCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    /** {@code text} with the symbols {@code charset} cannot encode spelled in ASCII. */
    static String fit(String text, Charset charset) {
        if (charset.newEncoder().canEncode(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> out.append(ASCII.getOrDefault((char) c, String.valueOf((char) c))));
        return out.toString();
    }

    /** A print stream in {@code charset} that spells HandScope's symbols in ASCII where the charset lacks them. */
    public static PrintStream printStream(OutputStream out, Charset charset) {
        return new PrintStream(out, true, charset) {
            @Override
            public void print(String s) {
                super.print(fit(String.valueOf(s), charset));
            }

            @Override
            public void print(Object o) {
                print(String.valueOf(o));
            }

            @Override
            public void print(char c) {
                print(String.valueOf(c));
            }

            @Override
            public void print(char[] s) {
                print(new String(s));
            }

            @Override
            public void println(String s) {
                synchronized (this) {
                    print(s);
                    println();
                }
            }

            @Override
            public void println(Object o) {
                println(String.valueOf(o));
            }
        };
    }

    /** A writer for picocli over such a stream: every character goes through the stream's print. */
    public static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                stream.print(new String(buffer, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }
}
