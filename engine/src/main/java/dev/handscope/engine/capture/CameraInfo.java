package dev.handscope.engine.capture;

/**
 * A camera found on this machine.
 *
 * @param index      the index to open it with ({@code --source INDEX})
 * @param device     the device path where the OS has one (Linux: /dev/videoN), else empty
 * @param name       the name the driver reports, or "camera N"
 * @param resolution the size it delivers by default, e.g. "1280x720", or empty when not probed
 */
public record CameraInfo(int index, String device, String name, String resolution) {
}
