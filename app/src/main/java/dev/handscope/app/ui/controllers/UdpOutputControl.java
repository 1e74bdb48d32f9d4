package dev.handscope.app.ui.controllers;

import dev.handscope.app.concurrent.Task;
import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.osc.UdpOutputSettings;
import dev.handscope.app.osc.UdpOutputs;
import dev.handscope.app.osc.UdpSender;
import dev.handscope.app.osc.UdpTarget;
import dev.handscope.app.osc.VmcFrameMessages;
import dev.handscope.app.settings.Settings;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import dev.handscope.engine.result.FrameResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The window's OSC and VMC outputs: follows the view model's switches and targets (the command
 * line's for this run when it named any, else the saved ones), reopens the senders when they change,
 * feeds them from the inference thread, and reports their packet rate and drops with each status
 * refresh. Switches and refreshes on the FX thread; the feed methods on the inference thread.
 */
public final class UdpOutputControl implements AutoCloseable {
    private final WindowViewModel vm;
    private final TaskExecutor executor;
    private final double oscRate;
    private Task opening;
    private volatile UdpOutputs running;
    private long lastPackets;
    private long lastNanos;

    public UdpOutputControl(UdpOutputSettings commandLine, WindowViewModel vm, TaskExecutor executor) {
        this.vm = vm;
        this.executor = executor;
        this.oscRate = commandLine.oscRate();
        Settings saved = vm.settings.get();
        if (commandLine.any()) {
            vm.oscOn.set(!commandLine.osc().isEmpty());
            vm.oscTargets.set(commandLine.osc().isEmpty() ? saved.oscTargets()
                    : commandLine.osc().stream().map(UdpTarget::text).collect(Collectors.joining(", ")));
            vm.vmcOn.set(commandLine.vmc() != null);
            vm.vmcTarget.set(commandLine.vmc() == null ? saved.vmcTarget() : commandLine.vmc().text());
        } else {
            vm.oscOn.set(saved.osc());
            vm.oscTargets.set(saved.oscTargets());
            vm.vmcOn.set(saved.vmc());
            vm.vmcTarget.set(saved.vmcTarget());
        }
        reopen();
        vm.oscOn.addListener((obs, was, on) -> reopen());
        vm.oscTargets.addListener((obs, was, now) -> reopen());
        vm.vmcOn.addListener((obs, was, on) -> reopen());
        vm.vmcTarget.addListener((obs, was, now) -> reopen());
    }

    /** On the inference thread, from the outputs stage. */
    public void beforeMesh(FrameResult result) {
        UdpOutputs outputs = running;
        if (outputs != null) {
            outputs.acceptBeforeMesh(result);
        }
    }

    /** On the inference thread, after the mesh stage. */
    public void afterMesh(FrameResult result) {
        UdpOutputs outputs = running;
        if (outputs != null) {
            outputs.acceptAfterMesh(result);
        }
    }

    /** Closes the senders and opens them for the view model's choice; host lookups run in the background. */
    private void reopen() {
        close();
        boolean oscOn = vm.oscOn.get();
        boolean vmcOn = vm.vmcOn.get();
        String oscTargets = vm.oscTargets.get();
        String vmcTarget = vm.vmcTarget.get();
        if (!oscOn && !vmcOn) {
            vm.outputStatus.set("");
            return;
        }
        vm.outputStatus.set("Opening…");
        opening = executor.execute(() -> open(oscOn ? oscTargets : null, vmcOn ? vmcTarget : null), opened -> {
            opening = null;
            running = opened;
            lastPackets = 0;
            lastNanos = System.nanoTime();
            vm.outputStatus.set("Sending…");
        }, failure -> {
            opening = null;
            vm.outputStatus.set("Not sending: " + failure.getMessage());
        });
    }

    /** In the background: the targets looked up and their senders open. */
    private UdpOutputs open(String oscTargets, String vmcTarget) throws IOException {
        List<UdpTarget> osc = new ArrayList<>();
        if (oscTargets != null) {
            for (String text : oscTargets.split(",")) {
                osc.add(UdpTarget.parse(text, 0));
            }
        }
        UdpTarget vmc = vmcTarget == null ? null : UdpTarget.parse(vmcTarget, VmcFrameMessages.DEFAULT_PORT);
        try {
            return UdpOutputs.open(new UdpOutputSettings(osc, oscRate, vmc));
        } catch (IOException e) {
            throw new IOException("no UDP socket (" + e.getMessage() + ")", e);
        }
    }

    /** With each status refresh: packets a second since the last refresh, and drops so far. */
    public void refresh(long now) {
        UdpOutputs outputs = running;
        if (outputs == null || now - lastNanos < 500_000_000L) {
            return;
        }
        long packets = outputs.packets();
        double rate = (packets - lastPackets) * 1e9 / (now - lastNanos);
        lastPackets = packets;
        lastNanos = now;
        String targets = outputs.senders().stream().map(UdpSender::protocol).distinct()
                .map(name -> name.toUpperCase(Locale.ROOT)).collect(Collectors.joining(" + "));
        vm.outputStatus.set(String.format(Locale.ROOT, "%s: %.0f packets/s, %d dropped", targets, rate,
                outputs.dropped()));
    }

    /** Stops sending; a lookup still under way is cancelled (its senders, when they come, are closed). */
    @Override
    public void close() {
        if (opening != null) {
            opening.cancel();
            opening = null;
        }
        UdpOutputs outputs = running;
        running = null;
        if (outputs != null) {
            outputs.close();
        }
    }
}
