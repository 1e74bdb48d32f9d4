package dev.handscope.app.eval;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.engine.eval.CameraIntrinsics;
import dev.handscope.engine.eval.Dataset;
import dev.handscope.engine.eval.KeypointOrder;
import dev.handscope.engine.eval.LabelledHand;
import dev.handscope.engine.eval.LabelledImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads labelled hands from COCO-keypoint JSON as pose toolkits (mmpose) write it: {@code images}
 * (id, file_name, width, height, optional {@code cam_param} {focal, princpt}) and {@code annotations},
 * either hand annotations or COCO-WholeBody persons (see {@link HandAnnotations}). Joints are mapped
 * to MediaPipe's order with the dataset's {@link KeypointOrder}, so every metric compares like with
 * like. Anything that would make a report wrong or empty fails with a {@link DatasetException};
 * image files that are absent do not, since an evaluation can skip and count them
 * ({@link #missingImages}).
 */
public final class CocoKeypointReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CocoKeypointReader() {
    }

    /** The dataset in {@code annotations}, its images in {@code imageFolder}. */
    public static Dataset read(Path annotations, Path imageFolder, KeypointOrder order) throws DatasetException {
        return load(annotations, imageFolder, order).dataset();
    }

    /** As {@link #read}, with the counts of hands and images that were left out unlabelled. */
    public static DatasetReading load(Path annotations, Path imageFolder, KeypointOrder order)
            throws DatasetException {
        String file = annotations.toString();
        JsonNode root = parse(annotations);
        if (!Files.isDirectory(imageFolder)) {
            throw new DatasetException("image folder " + imageFolder + " does not exist; pass the folder that holds "
                    + "the images named by the file_name entries of " + file);
        }
        Map<Long, ImageEntry> images = images(file, array(file, root, "images"));
        int unlabelled = 0;
        for (JsonNode node : array(file, root, "annotations")) {
            JsonFields annotation = new JsonFields(file, "an annotation", node);
            long id = annotation.integer("id");
            JsonFields named = new JsonFields(file, "annotation " + id, node);
            long imageId = named.integer("image_id");
            ImageEntry image = images.get(imageId);
            if (image == null) {
                throw named.fail("image_id " + imageId + " is not among the images");
            }
            for (LabelledHand hand : HandAnnotations.hands(named, id, order)) {
                if (hand.labelledCount() == 0) {
                    unlabelled++;
                } else {
                    image.hands().add(hand);
                }
            }
        }
        List<LabelledImage> labelled = new ArrayList<>();
        for (ImageEntry image : images.values()) {
            if (!image.hands().isEmpty()) {
                labelled.add(new LabelledImage(image.id(), image.fileName(), image.width(), image.height(),
                        image.camera(), image.hands()));
            }
        }
        if (labelled.isEmpty()) {
            throw new DatasetException(file + " holds no labelled hand (" + images.size() + " images, "
                    + unlabelled + " hands without a labelled joint); pass an annotation file with hand keypoints");
        }
        Dataset dataset = new Dataset(annotations.getFileName().toString(), labelled, imageFolder);
        return new DatasetReading(dataset, unlabelled, images.size() - labelled.size());
    }

    /** The dataset's images whose file is not in its image folder, in the dataset's order. */
    public static List<LabelledImage> missingImages(Dataset dataset) {
        return dataset.images().stream()
                .filter(image -> !Files.isRegularFile(dataset.imageFolder().resolve(image.fileName())))
                .toList();
    }

    private static JsonNode parse(Path annotations) throws DatasetException {
        if (!Files.isRegularFile(annotations)) {
            throw new DatasetException("annotation file " + annotations + " does not exist; pass the dataset's "
                    + "COCO-keypoint JSON file");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(annotations)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new DatasetException(annotations + " is not valid JSON" + where + " (" + e.getOriginalMessage()
                    + "); pass a COCO-keypoint JSON file");
        } catch (IOException e) {
            throw new DatasetException("annotation file " + annotations + " cannot be read (" + e.getMessage()
                    + "); check that it is a readable file");
        }
        if (root == null || !root.isObject()) {
            throw new DatasetException(annotations + " is not a COCO-keypoint file: it should hold one JSON object "
                    + "with images and annotations");
        }
        return root;
    }

    private static JsonNode array(String file, JsonNode root, String field) throws DatasetException {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray()) {
            throw new DatasetException(file + " has no " + field + " list; a COCO-keypoint file needs both images "
                    + "and annotations");
        }
        return node;
    }

    private static Map<Long, ImageEntry> images(String file, JsonNode list) throws DatasetException {
        Map<Long, ImageEntry> images = new LinkedHashMap<>();
        for (JsonNode node : list) {
            long id = new JsonFields(file, "an image", node).integer("id");
            JsonFields image = new JsonFields(file, "image " + id, node);
            CameraIntrinsics camera = image.has("cam_param") ? camera(image.object("cam_param")) : null;
            ImageEntry entry = new ImageEntry(id, image.text("file_name"), (int) image.integer("width"),
                    (int) image.integer("height"), camera, new ArrayList<>());
            if (images.putIfAbsent(id, entry) != null) {
                throw image.fail("the id appears more than once among the images");
            }
        }
        return images;
    }

    private static CameraIntrinsics camera(JsonFields camParam) throws DatasetException {
        double[] focal = camParam.numbers("focal", 2, "a camera needs 2 (fx, fy)");
        double[] principal = camParam.numbers("princpt", 2, "a camera needs 2 (cx, cy)");
        return new CameraIntrinsics(focal[0], focal[1], principal[0], principal[1]);
    }

    /** An image while its hands are gathered. */
    private record ImageEntry(long id, String fileName, int width, int height, CameraIntrinsics camera,
                              List<LabelledHand> hands) {
    }
}
