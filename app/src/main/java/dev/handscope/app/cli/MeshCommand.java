package dev.handscope.app.cli;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.app.export.MeshExport;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.tracking.TrackedHand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handscope mesh --image FILE --out DIR}: one OBJ per hand plus a JSON of joints, rotations, handedness. */
@Command(name = "mesh", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a 778-vertex mesh to each hand in an image; write hand-<id>.obj per hand and hands.json.")
final class MeshCommand implements Callable<Integer> {
    static final double DEFAULT_FOV = 60;

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "The image.")
    Path image;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the OBJ files and hands.json.")
    Path out;

    @Option(names = "--fov", paramLabel = "DEGREES", defaultValue = "60",
            description = "Horizontal field of view of the camera that took the image. Default: ${DEFAULT-VALUE}.")
    double fov;

    @Option(names = "--mano", paramLabel = "DIR", description = "Folder with your own MANO_RIGHT.pkl and MANO_LEFT.pkl.")
    Path mano;

    @Mixin
    PipelineOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (RgbImage picture = ImageArgument.read(image, "mesh", spec.commandLine().getErr())) {
            if (picture == null) {
                return 1;
            }
            try (HandPipeline pipeline = options.loadPipeline()) {
                List<TrackedHand> hands = pipeline.process(picture, 0, 0).hands();
                HandMesher mesher = new dev.handscope.app.ui.TrackingSetup(true, options.variant(), options.runtime(),
                        options.tracker(), fov, mano, true, null, null).mesher(warning -> spec.commandLine().getErr().println(
                        "handscope mesh: " + warning));
                List<HandMesher.HandMesh> meshes = new java.util.ArrayList<>();
                for (TrackedHand hand : hands) {
                    HandMesher.HandMesh mesh = mesher.mesh(hand, picture.width(), picture.height());
                    meshes.add(mesh);
                    spec.commandLine().getOut().printf(Locale.ROOT,
                            "hand %d: %s (model %.2f, geometric %s %.2f%s), reprojection %.1f px -> %s%n",
                            hand.id(), hand.handedness().label(), hand.handedness().score(),
                            mesh.geometric().handedness().label(), mesh.geometric().handedness().score(),
                            mesh.handednessDisagrees() ? ", DISAGREE" : "", mesh.placement().meanErrorPx(),
                            out.resolve("hand-" + hand.id() + ".obj"));
                }
                MeshExport.save(out, image.toString(), picture.width(), picture.height(), fov, hands, meshes);
                spec.commandLine().getOut().println(hands.size() + " hand(s) written to " + out);
                return 0;
            } catch (ModelLoadException e) {
                spec.commandLine().getErr().println("handscope mesh: " + e.getMessage());
                return 1;
            }
        }
    }
}
