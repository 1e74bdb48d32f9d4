package dev.handscope.app.ui;

import dev.handscope.app.osc.UdpTarget;
import dev.handscope.app.osc.VmcFrameMessages;
import dev.handscope.app.settings.Settings;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import javafx.beans.property.StringProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The settings panel's OSC and VMC outputs: a switch and a target field each (checked when typed:
 * Enter or leaving the field; a bad target is named under it and not taken), and the outputs' live
 * packet rate and drops. Holds what is saved: the user's own choices, not a command line's.
 */
final class OutputsSection extends VBox {
    final CheckBox osc = new CheckBox("OSC out");
    final TextField oscTargets = new TextField();
    final CheckBox vmc = new CheckBox("VMC out (avatars)");
    final TextField vmcTarget = new TextField();
    final Label problem = new Label();
    private boolean savedOsc;
    private String savedOscTargets;
    private boolean savedVmc;
    private String savedVmcTarget;

    OutputsSection(Settings initial, WindowViewModel vm, Runnable changed) {
        setSpacing(6);
        osc.setId("settings-osc");
        oscTargets.setId("settings-osc-targets");
        oscTargets.setPromptText("HOST:PORT, …");
        vmc.setId("settings-vmc");
        vmcTarget.setId("settings-vmc-target");
        vmcTarget.setPromptText("HOST:PORT (39539)");
        problem.setId("settings-output-problem");
        problem.setWrapText(true);
        Label status = new Label();
        status.setId("settings-output-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.outputStatus);
        getChildren().addAll(osc, oscTargets, vmc, vmcTarget, problem, status);
        savedOsc = initial.osc();
        savedOscTargets = initial.oscTargets();
        savedVmc = initial.vmc();
        savedVmcTarget = initial.vmcTarget();
        // What the run uses (a command line's, else the saved) is shown; from here on, the user's edits are saved.
        osc.selectedProperty().bindBidirectional(vm.oscOn);
        vmc.selectedProperty().bindBidirectional(vm.vmcOn);
        oscTargets.setText(vm.oscTargets.get());
        vmcTarget.setText(vm.vmcTarget.get());
        osc.selectedProperty().addListener((obs, was, on) -> {
            savedOsc = on;
            changed.run();
        });
        vmc.selectedProperty().addListener((obs, was, on) -> {
            savedVmc = on;
            changed.run();
        });
        commitOnEnterOrLeave(oscTargets, vm.oscTargets, 0, () -> {
            savedOscTargets = vm.oscTargets.get();
            changed.run();
        });
        commitOnEnterOrLeave(vmcTarget, vm.vmcTarget, VmcFrameMessages.DEFAULT_PORT, () -> {
            savedVmcTarget = vm.vmcTarget.get();
            changed.run();
        });
    }

    private void commitOnEnterOrLeave(TextField field, StringProperty target, int defaultPort, Runnable saved) {
        Runnable commit = () -> {
            String text = field.getText().trim();
            if (text.equals(target.get())) {
                return;
            }
            try {
                for (String one : text.split(",")) {
                    UdpTarget.checkForm(one, defaultPort); // the host is looked up in the background
                }
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage());
                return;
            }
            problem.setText("");
            target.set(text);
            saved.run();
        };
        field.setOnAction(event -> commit.run());
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit.run();
            }
        });
    }

    /** {@code base} with the outputs as the user last chose them. */
    Settings saved(Settings base) {
        return base.withOutputs(savedOsc, savedOscTargets, savedVmc, savedVmcTarget);
    }

    /** Takes up saved settings (another window's, a reset), without counting as a user edit. */
    void apply(Settings s) {
        savedOsc = s.osc();
        savedOscTargets = s.oscTargets();
        savedVmc = s.vmc();
        savedVmcTarget = s.vmcTarget();
    }
}
