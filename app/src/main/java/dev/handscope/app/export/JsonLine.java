package dev.handscope.app.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** One JSON value on one line, written through Jackson (so strings are escaped and the text is always valid). */
public final class JsonLine {
    private static final JsonFactory JSON = new JsonFactory();

    /** What writes the value, given the generator. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private JsonLine() {
    }

    /** The text {@code body} writes, without a line break. */
    public static String of(Body body) {
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e); // a StringWriter does not fail
        }
        return text.toString();
    }
}
