package dev.handscope.engine.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;

/** The images of one folder, in file-name order, one per frame. */
public final class ImageFolderSource implements FrameSource {
    private final List<Path> images;
    private final SourceInfo info;
    private final Mat scratch = new Mat();
    private int next;

    private ImageFolderSource(Path folder, List<Path> images, int width, int height) {
        this.images = images;
        this.info = new SourceInfo(SourceKind.IMAGE_FOLDER, folder.toString(), width, height, 0, images.size());
    }

    public static ImageFolderSource open(Path folder) throws CaptureException {
        List<Path> images;
        try (Stream<Path> entries = Files.list(folder)) {
            images = entries.filter(Files::isRegularFile).filter(SourceSpec::isImage).sorted().toList();
        } catch (IOException e) {
            throw new CaptureException(folder + ": cannot list the folder (" + VideoFileSource.reason(e) + ").", e);
        }
        if (images.isEmpty()) {
            throw new CaptureException(folder + ": the folder holds no images ("
                    + String.join(", ", SourceSpec.IMAGE_EXTENSIONS) + ").");
        }
        try (Mat first = StillImages.readBgr(images.get(0))) {
            return new ImageFolderSource(folder, images, first.cols(), first.rows());
        }
    }

    /** The image files this source plays, in order. */
    public List<Path> images() {
        return images;
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public boolean read(Frame target) throws CaptureException {
        if (next >= images.size()) {
            return false;
        }
        try (Mat bgr = StillImages.readBgr(images.get(next))) {
            RgbCopy.fromBgrMat(bgr, scratch, target);
        }
        target.setSourceMicros(next);
        next++;
        return true;
    }

    @Override
    public void rewind() {
        next = 0;
    }

    @Override
    public void close() {
        scratch.close();
    }
}
