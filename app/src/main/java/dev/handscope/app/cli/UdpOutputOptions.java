package dev.handscope.app.cli;

import dev.handscope.app.osc.UdpOutputSettings;
import dev.handscope.app.osc.UdpTarget;
import dev.handscope.app.osc.VmcFrameMessages;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --osc}, {@code --osc-rate} and {@code --vmc}, shared by the window and {@code track}. */
final class UdpOutputOptions {

    @Option(names = "--osc", paramLabel = "HOST:PORT",
            description = "Send hands, signals and events as OSC over UDP to HOST:PORT (:PORT or PORT: 127.0.0.1)."
                    + " Repeatable. See docs/osc.md.")
    List<String> osc = new ArrayList<>();

    @Option(names = "--osc-rate", paramLabel = "HZ", defaultValue = "0",
            description = "At most this many OSC frames a second to each target, 0 (default) for every frame.")
    double oscRate;

    @Option(names = "--vmc", paramLabel = "HOST:PORT",
            description = "Send the hand and finger bones with the VMC protocol (default port 39539, host 127.0.0.1).")
    String vmc;

    /** Whether any of these options was given. */
    boolean given() {
        return !osc.isEmpty() || vmc != null;
    }

    /** The targets, resolved and checked; a warning on {@code err} for each that leaves this machine. */
    UdpOutputSettings settings(PrintWriter err) {
        OptionRanges.number("--osc-rate", oscRate, 0, 1000, "frames a second");
        List<UdpTarget> targets = new ArrayList<>();
        for (String text : osc) {
            targets.add(target("--osc", text, 0, err));
        }
        UdpTarget vmcTarget = vmc == null ? null : target("--vmc", vmc, VmcFrameMessages.DEFAULT_PORT, err);
        return new UdpOutputSettings(targets, oscRate, vmcTarget);
    }

    private static UdpTarget target(String option, String text, int defaultPort, PrintWriter err) {
        UdpTarget target;
        try {
            target = UdpTarget.parse(text, defaultPort);
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.USAGE, option + ": " + e.getMessage());
        }
        if (!target.isLoopback()) {
            err.println("handscope: warning: " + option + " " + text + " sends your hands to another machine,"
                    + " unencrypted.");
        }
        return target;
    }
}
