package dev.handscope.engine.capture;

/** Opens the source a {@link SourceSpec} names. */
public final class FrameSources {
    private FrameSources() {
    }

    public static FrameSource open(SourceSpec spec) throws CaptureException {
        return switch (spec.kind()) {
            case CAMERA -> CameraSource.open(spec);
            case VIDEO_FILE -> VideoFileSource.open(spec.path());
            case IMAGE -> ImageSource.open(spec.path());
            case IMAGE_FOLDER -> ImageFolderSource.open(spec.path());
        };
    }
}
