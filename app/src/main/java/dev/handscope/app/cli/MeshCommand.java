package dev.handscope.app.cli;

import dev.handscope.app.export.MeshExport;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.mesh.HandMesh;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.stage.FrameStage;
import dev.handscope.engine.stage.MeshStage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
            description = "Horizontal field of view of the camera that took the image, 10 to 150 degrees."
                    + " Default: ${DEFAULT-VALUE}.")
    double fov;

    @Option(names = "--mano", paramLabel = "DIR", description = "Folder with your own MANO_RIGHT.pkl and MANO_LEFT.pkl.")
    Path mano;

    @Mixin
    PipelineOptions options;

    @Mixin
    CameraOptions camera;

    @Spec
    CommandSpec spec;

    /** A --fov value: a real camera's horizontal field of view (0 or 180 and beyond collapse the placement). */
    static double fov(double degrees) {
        return OptionRanges.number("--fov", degrees, 10, 150, "degrees");
    }

    @Override
    public Integer call() throws IOException {
        options.check();
        fov(fov);
        OutputTargets.requireFolder(out);
        PrintWriter err = spec.commandLine().getErr();
        try (RgbImage picture = ImageArgument.read(image, "mesh", err)) {
            if (picture == null) {
                return 1;
            }
            try (HandPipeline pipeline = options.loadPipeline(spec.commandLine().getErr())) {
                HandMesher mesher = options.setup(fov, mano).mesher(camera.camera(fov), camera.handSizeMetres(),
                        warning -> err.println("handscope mesh: " + warning));
                MeshStage meshing = new MeshStage(mesher);
                FrameResult found = pipeline.process(picture, 0, 0);
                List<HandResult> hands = meshing.apply(found, new FrameStage.Input(null, picture)).hands();
                List<HandResult> written = new ArrayList<>();
                for (HandResult hand : hands) {
                    HandMesh mesh = hand.mesh();
                    Path obj = out.resolve(MeshExport.objName(hand));
                    if (!write(mesh, obj, MeshExport.title(hand, image.toString()), err)) {
                        continue;
                    }
                    written.add(hand);
                    spec.commandLine().getOut().printf(Locale.ROOT,
                            "hand %d: %s (model %.2f, geometric %s %.2f%s), reprojection %.1f px -> %s%n",
                            hand.id(), hand.handedness().label(), hand.handedness().score(),
                            mesh.geometric().handedness().label(), mesh.geometric().handedness().score(),
                            mesh.handednessDisagrees() ? ", DISAGREE" : "", mesh.placement().meanErrorPx(), obj);
                }
                Path json = out.resolve("hands.json");
                try {
                    MeshExport.writeJson(json, image.toString(), picture.width(), picture.height(), fov, written);
                } catch (IOException e) {
                    throw OutputTargets.cannotWrite(json, e, "");
                }
                spec.commandLine().getOut().println(written.size() + " hand(s) written to " + out);
                return written.size() == hands.size() ? 0 : 1;
            } catch (ModelLoadException e) {
                err.println("handscope mesh: " + e.getMessage());
                return 1;
            }
        }
    }

    /** Writes one OBJ; false (after saying why) when the fit is not finite, so nothing is claimed for it. */
    private static boolean write(HandMesh mesh, Path obj, String title, PrintWriter err) {
        try {
            MeshExport.writeObj(mesh, obj, title);
            return true;
        } catch (IllegalStateException e) {
            err.println("handscope mesh: " + e.getMessage() + " (the fitted mesh is degenerate); not written");
            return false;
        } catch (IOException e) {
            throw OutputTargets.cannotWrite(obj, e, "");
        }
    }
}
