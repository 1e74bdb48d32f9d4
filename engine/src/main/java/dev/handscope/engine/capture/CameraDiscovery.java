package dev.handscope.engine.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;


/**
 * Lists cameras without waiting seconds per index: on Linux the names come straight from sysfs;
 * elsewhere the first indices are probed in parallel with VideoCapture, which answers within a
 * second when nothing is there.
 */
public final class CameraDiscovery {
    private static final Path V4L_CLASS = Path.of("/sys/class/video4linux");
    private static final int PROBED_INDICES = 6;
    private static final long PROBE_TIMEOUT_MS = 4000;

    private CameraDiscovery() {
    }

    /** The cameras found; with {@code probe}, each is opened briefly to learn its default resolution. */
    public static List<CameraInfo> list(boolean probe) {
        if (!Platforms.isLinux()) {
            return probeIndices(IntStream.range(0, PROBED_INDICES).boxed().toList());
        }
        // No video4linux class at all means the kernel has no video devices.
        List<CameraInfo> found = Files.isDirectory(V4L_CLASS) ? fromSysfs() : List.of();
        return probe ? probeAll(found) : found;
    }

    /** Video4Linux capture nodes (metadata nodes, whose sysfs index is not 0, are skipped). */
    private static List<CameraInfo> fromSysfs() {
        List<CameraInfo> cameras = new ArrayList<>();
        try (Stream<Path> nodes = Files.list(V4L_CLASS)) {
            for (Path node : nodes.toList()) {
                String dir = node.getFileName().toString();
                if (!dir.matches("video\\d+") || !"0".equals(readSysfs(node.resolve("index"), "0"))) {
                    continue;
                }
                int index = Integer.parseInt(dir.substring("video".length()));
                cameras.add(new CameraInfo(index, "/dev/" + dir, readSysfs(node.resolve("name"), "camera " + index), ""));
            }
        } catch (IOException e) {
            return List.of();
        }
        cameras.sort(Comparator.comparingInt(CameraInfo::index));
        return cameras;
    }

    private static String readSysfs(Path file, String fallback) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? fallback : text;
        } catch (IOException e) {
            return fallback;
        }
    }

    private static List<CameraInfo> probeAll(List<CameraInfo> cameras) {
        List<CameraInfo> probed = probeIndices(cameras.stream().map(CameraInfo::index).toList());
        return cameras.stream().map(camera -> probed.stream()
                        .filter(p -> p.index() == camera.index()).findFirst()
                        .map(p -> new CameraInfo(camera.index(), camera.device(), camera.name(), p.resolution()))
                        .orElse(camera))
                .toList();
    }

    /** Opens the given indices in parallel; those that answer are returned with their resolution. */
    private static List<CameraInfo> probeIndices(List<Integer> indices) {
        if (indices.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(indices.size(), runnable -> {
            Thread thread = new Thread(runnable, "handscope-camera-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<CameraInfo>> answers = indices.stream().map(i -> pool.submit(() -> probe(i))).toList();
            List<CameraInfo> cameras = new ArrayList<>();
            long deadline = System.currentTimeMillis() + PROBE_TIMEOUT_MS;
            for (Future<CameraInfo> answer : answers) {
                try {
                    CameraInfo camera = answer.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                    if (camera != null) {
                        cameras.add(camera);
                    }
                } catch (Exception e) {
                    // A camera that does not answer in time is left out of the list.
                }
            }
            return cameras;
        } finally {
            pool.shutdownNow();
        }
    }

    private static CameraInfo probe(int index) {
        try (VideoCapture capture = new VideoCapture(index, Platforms.cameraBackend()); Mat image = new Mat()) {
            if (!capture.isOpened()) {
                return null;
            }
            String resolution = capture.read(image) && !image.empty() ? image.cols() + "x" + image.rows() : "";
            capture.release();
            return new CameraInfo(index, "", "camera " + index, resolution);
        }
    }
}
