package dev.handscope.engine.calibration;

/**
 * A printed checkerboard by its inner corners (a board of 10 x 7 squares has 9 x 6 inner corners,
 * OpenCV's convention) and the side of one square.
 *
 * @param columns      inner corners along a row
 * @param rows         inner corners along a column
 * @param squareMetres side of a square, metres
 */
public record Checkerboard(int columns, int rows, double squareMetres) {

    public Checkerboard {
        if (columns < 3 || rows < 3 || columns == rows) {
            throw new IllegalArgumentException("a board has at least 3 x 3 inner corners, more along one side than"
                    + " the other (so its orientation is unambiguous), got " + columns + "x" + rows);
        }
        if (!(squareMetres > 0)) {
            throw new IllegalArgumentException("the square size is above 0, got " + squareMetres);
        }
    }

    /** "9x6" (inner corners) and the square side in millimetres. */
    public static Checkerboard parse(String corners, double squareMm) {
        String[] parts = corners.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a board is COLUMNSxROWS of inner corners, like 9x6; got '" + corners
                    + "'");
        }
        try {
            return new Checkerboard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                    squareMm / 1000);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a board is COLUMNSxROWS of inner corners, like 9x6; got '" + corners
                    + "'", e);
        }
    }

    public int corners() {
        return columns * rows;
    }

    /** The inner corners on the board's plane (z = 0), row by row, metres: OpenCV's corner order. */
    public float[] objectPoints() {
        float[] points = new float[3 * corners()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int at = 3 * (r * columns + c);
                points[at] = (float) (c * squareMetres);
                points[at + 1] = (float) (r * squareMetres);
            }
        }
        return points;
    }
}
