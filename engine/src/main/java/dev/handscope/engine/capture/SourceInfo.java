package dev.handscope.engine.capture;

/**
 * What an opened source reports about itself.
 *
 * @param kind        camera, video file, image or image folder
 * @param description human-readable name: the camera, or the file or folder path
 * @param width       frame width in pixels (of the first frame for folders)
 * @param height      frame height in pixels
 * @param frameRate   native frames per second, or 0 when the source does not say
 * @param frameCount  frames in the source, or -1 when unknown or endless
 */
public record SourceInfo(SourceKind kind, String description, int width, int height, double frameRate, long frameCount) {
}
