package dev.handscope.engine.palm;

import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.tracking.HandRects;

/** Where the landmark model should look for a palm the detector found (MediaPipe's constants). */
public final class PalmCrop {
    private PalmCrop() {
    }

    /** Palm -> crop: rotation wrist -> middle-finger MCP; scaled 2.6, shifted up by half, squared. */
    public static RotatedRect of(PalmDetection palm, int width, int height) {
        double rotation = HandRects.rotation(palm.keypointX(0) * width, palm.keypointY(0) * height,
                palm.keypointX(2) * width, palm.keypointY(2) * height);
        RotatedRect box = new RotatedRect(palm.centerX(), palm.centerY(), palm.width(), palm.height(), rotation);
        return HandRects.transform(box, width, height, 2.6, 0, -0.5);
    }
}
