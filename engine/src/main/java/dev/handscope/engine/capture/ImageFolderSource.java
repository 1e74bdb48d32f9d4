package dev.handscope.engine.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The images of one folder, in file-name order, one per frame. Files that cannot be read are
 * skipped and counted (each once, also when looping); only a folder with no readable image fails.
 */
public final class ImageFolderSource implements FrameSource {
    private final List<Path> images;
    private final SourceInfo info;
    private final Mat scratch = new Mat();
    private final Set<Path> unreadable = new HashSet<>();
    private volatile SkippedFiles skipped = SkippedFiles.NONE;
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
        CaptureException firstProblem = null;
        for (Path image : images) {
            try (Mat first = StillImages.readBgr(image)) {
                return new ImageFolderSource(folder, images, first.cols(), first.rows());
            } catch (CaptureException e) {
                firstProblem = firstProblem == null ? e : firstProblem;
            }
        }
        throw new CaptureException(folder + ": none of its " + images.size() + " images can be read. The first: "
                + firstProblem.getMessage(), firstProblem);
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
    public SkippedFiles skippedFiles() {
        return skipped;
    }

    @Override
    public boolean read(Frame target) throws CaptureException {
        while (next < images.size()) {
            Path image = images.get(next++);
            if (unreadable.contains(image)) {
                continue;
            }
            try (Mat bgr = StillImages.readBgr(image)) {
                RgbCopy.fromBgrMat(bgr, scratch, target);
            } catch (CaptureException e) {
                skip(image, e);
                continue;
            }
            target.setSourceMicros(next - 1);
            return true;
        }
        if (unreadable.size() == images.size()) {
            throw new CaptureException(info.description() + ": none of its " + images.size()
                    + " images can be read any more. " + skipped.first());
        }
        return false;
    }

    private void skip(Path image, CaptureException why) {
        unreadable.add(image);
        String first = skipped.count() == 0 ? why.getMessage() : skipped.first();
        skipped = new SkippedFiles(unreadable.size(), images.size(), first);
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
