package dev.handscope.render.overlay;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where a hand's label goes on the overlay (canvas pixels): centred on the wrist, a gap away on the
 * side away from the fingers. Panels over the video (the HUD, the readouts) hide what lies under
 * them, so a label that would fall under one takes the wrist's other side instead, or else moves to
 * just below the panel.
 */
final class LabelPlacement {
    private static final double MARGIN = 4;

    private LabelPlacement() {
    }

    /**
     * @param awayFromFingers 1 when the fingers point up from the wrist (label below it), -1 when down
     * @param keepClear       panels the label must not fall under
     */
    static Rectangle2D place(double wristX, double wristY, int awayFromFingers, double gap, double width,
                             double height, List<Rectangle2D> keepClear) {
        Rectangle2D preferred = centredAt(wristX, wristY + awayFromFingers * gap, width, height);
        if (hit(preferred, keepClear) == null) {
            return preferred;
        }
        Rectangle2D otherSide = centredAt(wristX, wristY - awayFromFingers * gap, width, height);
        if (hit(otherSide, keepClear) == null) {
            return otherSide;
        }
        Rectangle2D label = preferred;
        for (Rectangle2D panel = hit(label, keepClear); panel != null; panel = hit(label, keepClear)) {
            label = new Rectangle2D(label.getMinX(), panel.getMaxY() + MARGIN, width, height);
        }
        return label;
    }

    private static Rectangle2D centredAt(double x, double y, double width, double height) {
        return new Rectangle2D(x - width / 2, y - height / 2, width, height);
    }

    private static Rectangle2D hit(Rectangle2D label, List<Rectangle2D> panels) {
        return panels.stream().filter(label::intersects).findFirst().orElse(null);
    }
}
