package dev.handscope.render.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Hand labels stay readable: none lands under a panel over the video. */
class LabelPlacementTest {
    /** The HUD's box in the woman_hands.jpg snapshot, top-left of the video. */
    private static final Rectangle2D HUD = new Rectangle2D(10, 46, 355, 226);

    @Test
    void labelBesideTheWristAwayFromTheFingersWhenNothingIsThere() {
        Rectangle2D label = LabelPlacement.place(500, 300, 1, 22, 120, 22, List.of(HUD));
        assertEquals(new Rectangle2D(440, 311, 120, 22), label);
    }

    @Test
    void labelThatWouldFallUnderTheHudTakesTheWristsOtherSide() {
        // The raised right hand of woman_hands.jpg: wrist just below the HUD, fingers pointing down-right.
        Rectangle2D label = LabelPlacement.place(300, 278, -1, 22, 120, 22, List.of(HUD));
        assertFalse(label.intersects(HUD), label.toString());
        assertEquals(289, label.getMinY(), 1e-9);
    }

    @Test
    void labelWithBothSidesUnderPanelsMovesBelowThem() {
        Rectangle2D label = LabelPlacement.place(100, 150, 1, 22, 120, 22,
                List.of(HUD, new Rectangle2D(0, 270, 200, 30)));
        assertFalse(label.intersects(HUD), label.toString());
        assertTrue(label.getMinY() >= 300, label.toString());
    }
}
