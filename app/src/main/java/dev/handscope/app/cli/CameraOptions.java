package dev.handscope.app.cli;

import dev.handscope.app.settings.CalibrationStore;
import dev.handscope.engine.calibration.CameraCalibration;
import dev.handscope.engine.mesh.CameraModel;
import java.io.IOException;
import picocli.CommandLine.Option;

/**
 * {@code --camera-name NAME} (a saved calibration, used instead of {@code --fov}) and
 * {@code --hand-size MM} (fixes the hand's scale, hence its distance): what metric 3D needs.
 */
final class CameraOptions {
    @Option(names = "--camera-name", paramLabel = "NAME",
            description = "Use the calibration saved for this camera by 'handscope calibrate' (focal length, principal"
                    + " point, lens distortion) instead of --fov.")
    String cameraName;

    @Option(names = "--hand-size", paramLabel = "MM",
            description = "Your hand's wrist to middle-knuckle (MCP) distance, 40 to 200 mm, for metric 3D. Default:"
                    + " the landmark model's own metric scale (an average adult hand).")
    Double handSizeMm;

    /** The camera these options and {@code fov} describe: the calibration, else the field of view. */
    CameraModel camera(double fov) {
        CameraCalibration calibration = calibration();
        return calibration != null ? calibration : CameraModel.fieldOfView(MeshCommand.fov(fov));
    }

    /** The calibration saved for --camera-name, or null without the option. */
    CameraCalibration calibration() {
        if (cameraName == null) {
            return null;
        }
        if (!CalibrationStore.isName(cameraName)) {
            throw new UserError(UserError.USAGE, "--camera-name " + cameraName + ": letters, digits, '.', '-' or '_'");
        }
        CalibrationStore store = CalibrationStore.standard();
        try {
            return store.load(cameraName).orElseThrow(() -> new UserError(UserError.FAILED, "--camera-name "
                    + cameraName + ": no calibration saved for it (" + store.file(cameraName) + "); run 'handscope"
                    + " calibrate --camera-name " + cameraName + "' first"));
        } catch (IOException e) {
            throw new UserError(UserError.FAILED, "--camera-name " + cameraName + ": " + e.getMessage(), e);
        }
    }

    /** The hand size in metres, NaN when not given. */
    double handSizeMetres() {
        if (handSizeMm == null) {
            return Double.NaN;
        }
        return OptionRanges.number("--hand-size", handSizeMm, 40, 200, "mm") / 1000;
    }
}
