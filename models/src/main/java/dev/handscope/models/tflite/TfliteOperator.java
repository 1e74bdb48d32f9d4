package dev.handscope.models.tflite;

/**
 * One operator of the graph.
 *
 * @param index   position in the subgraph's operator list (execution order)
 * @param code    builtin operator code
 * @param inputs  tensor indices (-1 for an omitted optional input)
 * @param outputs tensor indices
 * @param options the builtin options table, read by field index
 */
public record TfliteOperator(int index, int code, int[] inputs, int[] outputs, Options options) {

    public String name() {
        return BuiltinOperator.name(code);
    }

    /** The operator's builtin options; absent fields read as their schema defaults. */
    public static final class Options {
        private final FlatTable table;

        Options(FlatTable table) {
            this.table = table;
        }

        public int getInt(int field, int defaultValue) {
            return table == null ? defaultValue : table.getInt(field, defaultValue);
        }

        public int getByte(int field, int defaultValue) {
            return table == null ? defaultValue : table.getByte(field, defaultValue);
        }

        public boolean getBool(int field) {
            return table != null && table.getBool(field);
        }

        public int[] getIntVector(int field) {
            return table == null ? new int[0] : table.getIntVector(field);
        }
    }
}
