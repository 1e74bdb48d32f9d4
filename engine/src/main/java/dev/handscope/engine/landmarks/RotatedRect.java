package dev.handscope.engine.landmarks;

/**
 * A rotated rectangle on the image, normalised to it: centre and size as fractions of the image
 * width and height, rotation in radians (positive turns clockwise on screen, since y points down).
 */
public record RotatedRect(double centerX, double centerY, double width, double height, double rotation) {

    /** Parses "cx,cy,w,h,rot" (the --roi option). */
    public static RotatedRect parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 5) {
            throw new IllegalArgumentException("a rectangle is cx,cy,w,h,rotation (5 numbers), got '" + text + "'");
        }
        double[] v = new double[5];
        for (int i = 0; i < 5; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[i].trim() + "' in '" + text + "' is not a number");
            }
        }
        if (!(v[2] > 0 && v[3] > 0)) {
            throw new IllegalArgumentException("rectangle width and height must be positive, got '" + text + "'");
        }
        return new RotatedRect(v[0], v[1], v[2], v[3], v[4]);
    }
}
