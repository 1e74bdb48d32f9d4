package dev.handscope.app.ui;

import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.models.catalogue.ModelVariant;

/**
 * Hand tracking in the window.
 *
 * @param enabled    run the models at all (off: video only)
 * @param variant    full or lite models
 * @param runtime    device and threads
 * @param tracker    hands, thresholds, smoothing
 * @param fovDegrees horizontal field of view assumed for the camera (mesh placement, 3D view)
 */
public record TrackingSetup(boolean enabled, ModelVariant variant, RuntimeOptions runtime, TrackerOptions tracker,
                            double fovDegrees) {

    public static TrackingSetup disabled() {
        return new TrackingSetup(false, ModelVariant.FULL, RuntimeOptions.defaults(), TrackerOptions.defaults(), 60);
    }

    public static TrackingSetup defaults() {
        return new TrackingSetup(true, ModelVariant.FULL, RuntimeOptions.defaults(), TrackerOptions.defaults(), 60);
    }
}
