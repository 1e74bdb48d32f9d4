package dev.handscope.app.cli;

import dev.handscope.engine.capture.CameraDiscovery;
import dev.handscope.engine.capture.CameraInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handscope cameras}: the cameras on this machine, without waiting seconds per index. */
@Command(name = "cameras", mixinStandardHelpOptions = true,
        description = "List the cameras found: index, device, default resolution and name.")
final class CamerasCommand implements Callable<Integer> {

    @Option(names = "--no-probe", description = "Do not open the cameras to read their resolution (faster).")
    boolean noProbe;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<CameraInfo> cameras = CameraDiscovery.list(!noProbe);
        if (cameras.isEmpty()) {
            out.println("No cameras found. Connect one, or run HandScope on a file: handscope --source FILE");
            return 0;
        }
        out.printf("%-6s %-14s %-11s %s%n", "INDEX", "DEVICE", "RESOLUTION", "NAME");
        for (CameraInfo camera : cameras) {
            out.printf("%-6d %-14s %-11s %s%n", camera.index(), camera.device().isEmpty() ? "-" : camera.device(),
                    camera.resolution().isEmpty() ? "?" : camera.resolution(), camera.name());
        }
        return 0;
    }
}
