package dev.handscope.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of one JSON object's fields, each failing with a message that names the file and the
 * object ("image 7", "annotation 42") so the user can find the entry to fix.
 */
final class JsonFields {
    private final String file;
    private final String owner;
    private final JsonNode node;

    JsonFields(String file, String owner, JsonNode node) {
        this.file = file;
        this.owner = owner;
        this.node = node;
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    long integer(String field) throws DatasetException {
        JsonNode value = required(field);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw fail(field + " is " + value + ", it should be a whole number");
        }
        return value.asLong();
    }

    String text(String field) throws DatasetException {
        JsonNode value = required(field);
        if (!value.isTextual()) {
            throw fail(field + " is " + value + ", it should be a string");
        }
        return value.asText();
    }

    /** A JSON boolean, or 0/1 as some exports write it. */
    boolean flag(String field) throws DatasetException {
        JsonNode value = required(field);
        if (value.isBoolean() || value.isIntegralNumber()) {
            return value.asBoolean();
        }
        throw fail(field + " is " + value + ", it should be true or false");
    }

    /**
     * The numbers of an array, flat or one level nested ([x, y, v, ...] or [[x, y, v], ...]).
     *
     * @param expected how many numbers the field must hold
     * @param meaning  what those numbers are, for the message when the count is wrong
     */
    double[] numbers(String field, int expected, String meaning) throws DatasetException {
        JsonNode value = required(field);
        if (!value.isArray()) {
            throw fail(field + " is " + value + ", it should be a list of numbers");
        }
        List<JsonNode> flat = new ArrayList<>();
        for (JsonNode element : value) {
            if (element.isArray()) {
                element.forEach(flat::add);
            } else {
                flat.add(element);
            }
        }
        if (flat.size() != expected) {
            throw fail(field + " has " + flat.size() + " numbers, " + meaning);
        }
        double[] out = new double[expected];
        for (int i = 0; i < expected; i++) {
            JsonNode number = flat.get(i);
            if (!number.isNumber()) {
                throw fail(field + " holds " + number + " at position " + i + ", it should hold numbers only");
            }
            out[i] = number.doubleValue();
        }
        return out;
    }

    /** The object under {@code field}, read the same way. */
    JsonFields object(String field) throws DatasetException {
        JsonNode value = required(field);
        if (!value.isObject()) {
            throw fail(field + " is " + value + ", it should be an object");
        }
        return new JsonFields(file, owner + " " + field, value);
    }

    DatasetException fail(String problem) {
        return new DatasetException(file + ": " + owner + ": " + problem + "; fix or remove that entry");
    }

    private JsonNode required(String field) throws DatasetException {
        if (!has(field)) {
            throw fail("has no " + field);
        }
        return node.get(field);
    }
}
