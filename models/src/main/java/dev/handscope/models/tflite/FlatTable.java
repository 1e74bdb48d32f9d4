package dev.handscope.models.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A table in a FlatBuffer (little-endian): reads scalar fields, strings, vectors and sub-tables
 * by field index, with the defaults of absent fields. Every offset and length is bounds-checked
 * before anything is allocated, and what a file's tables make the reader allocate is bounded by
 * its size, so that a corrupt file fails with {@link TfliteFormatException} rather than an index
 * error or an out-of-memory error deep inside.
 */
final class FlatTable {
    /** Java heap charged for each table element read (the objects the caller builds from it). */
    private static final int TABLE_COST = 256;

    private final ByteBuffer data;
    private final ReadBudget budget;
    private final int position;
    private final int vtable;
    private final int vtableSize;

    private FlatTable(ByteBuffer data, ReadBudget budget, int position) {
        this.data = data;
        this.budget = budget;
        this.position = check(data, position, 4);
        this.vtable = check(data, position - data.getInt(position), 4);
        this.vtableSize = data.getShort(vtable) & 0xffff;
        check(data, vtable, vtableSize);
    }

    /** The root table of a buffer. */
    static FlatTable root(ByteBuffer buffer) {
        ByteBuffer data = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (data.limit() < 8) {
            throw new TfliteFormatException("file too short to be a FlatBuffer (" + data.limit() + " bytes)");
        }
        return new FlatTable(data, new ReadBudget(data.limit()), data.getInt(0));
    }

    private static int check(ByteBuffer data, int offset, long length) {
        if (offset < 0 || length < 0 || (long) offset + length > data.limit()) {
            throw new TfliteFormatException("offset " + offset + " (+" + length + ") outside the file ("
                    + data.limit() + " bytes): the file is truncated or corrupt");
        }
        return offset;
    }

    /** Absolute position of a field, or 0 when it is absent. */
    private int field(int index) {
        int slot = 4 + 2 * index;
        if (slot >= vtableSize) {
            return 0;
        }
        int relative = data.getShort(vtable + slot) & 0xffff;
        return relative == 0 ? 0 : position + relative;
    }

    boolean has(int index) {
        return field(index) != 0;
    }

    int getByte(int index, int defaultValue) {
        int at = field(index);
        return at == 0 ? defaultValue : data.get(check(data, at, 1));
    }

    int getInt(int index, int defaultValue) {
        int at = field(index);
        return at == 0 ? defaultValue : data.getInt(check(data, at, 4));
    }

    long getLong(int index, long defaultValue) {
        int at = field(index);
        return at == 0 ? defaultValue : data.getLong(check(data, at, 8));
    }

    boolean getBool(int index) {
        return getByte(index, 0) != 0;
    }

    /** Follows the offset stored in a field; 0 when the field is absent. */
    private int target(int index) {
        int at = field(index);
        if (at == 0) {
            return 0;
        }
        return check(data, at + data.getInt(check(data, at, 4)), 4);
    }

    String getString(int index) {
        int at = target(index);
        if (at == 0) {
            return "";
        }
        int length = data.getInt(at);
        check(data, at + 4, length);
        budget.charge(2L * length, "strings");
        byte[] bytes = new byte[length];
        data.get(at + 4, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    FlatTable getTable(int index) {
        int at = target(index);
        return at == 0 ? null : new FlatTable(data, budget, at);
    }

    /** Length of a vector of 4-byte elements (tables or ints), checked to lie inside the file. */
    int vectorLength(int index) {
        int at = target(index);
        if (at == 0) {
            return 0;
        }
        int length = data.getInt(at);
        check(data, at + 4, 4L * length);
        return length;
    }

    /** Element {@code i} of a vector of tables. */
    FlatTable getTableElement(int index, int i) {
        int element = vectorElement(index, i, 4);
        budget.charge(TABLE_COST, "tables");
        return new FlatTable(data, budget, check(data, element + data.getInt(element), 4));
    }

    int[] getIntVector(int index) {
        int length = vectorLength(index);
        budget.charge(4L * length, "int vectors");
        int[] values = new int[length];
        for (int i = 0; i < length; i++) {
            values[i] = data.getInt(vectorElement(index, i, 4));
        }
        return values;
    }

    /** A vector of bytes as a little-endian view (no copy); empty when absent. */
    ByteBuffer getByteVector(int index) {
        int at = target(index);
        if (at == 0) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        int length = data.getInt(at);
        check(data, at + 4, length);
        return data.duplicate().position(at + 4).limit(at + 4 + length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private int vectorElement(int index, int i, int size) {
        int at = target(index);
        int length = at == 0 ? 0 : data.getInt(at);
        if (i < 0 || i >= length) {
            throw new TfliteFormatException("vector index " + i + " outside length " + length);
        }
        return check(data, at + 4 + i * size, size);
    }
}
