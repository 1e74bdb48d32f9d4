package dev.handscope.app.ui;

import static dev.handscope.app.ui.actions.WindowAction.*;

import dev.handscope.app.ui.actions.ActionMap;
import dev.handscope.app.ui.actions.WindowAction;
import dev.handscope.app.ui.controllers.SourceController;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import dev.handscope.engine.capture.CameraInfo;
import dev.handscope.engine.capture.SourceSpec;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/** The toolbar: sources, pause and step, the view's toggles, the 3D and debug menus. Every control runs a {@link WindowAction}. */
final class WindowToolbar {
    final ToggleButton settingsButton = new ToggleButton("Settings");
    private final WindowViewModel vm;
    private final ActionMap actions;
    private final SourceController source;
    private final ComboBox<CameraInfo> cameraBox = new ComboBox<>();
    private boolean choosingCamera;

    WindowToolbar(WindowViewModel vm, ActionMap actions, SourceController source) {
        this.vm = vm;
        this.actions = actions;
        this.source = source;
    }

    ToolBar build() {
        Button openFile = button(new Button("Open file…"), "open-file", OPEN_FILE);
        Button openFolder = new Button("Open folder…");
        openFolder.setId("open-folder");
        openFolder.setOnAction(event -> actions.run(OPEN_FOLDER));
        cameraBox.setId("camera-choice");
        cameraBox.setPromptText("Camera");
        cameraBox.setCellFactory(list -> new CameraCell());
        cameraBox.setButtonCell(new CameraCell());
        cameraBox.setOnShowing(event -> refreshCameras());
        cameraBox.valueProperty().addListener((obs, was, camera) -> {
            if (camera != null && !choosingCamera) {
                source.open(camera.device().isEmpty() ? SourceSpec.camera(camera.index()) : SourceSpec.parse(camera.device()));
            }
        });
        ToggleButton pause = toggle("Pause", "pause", TOGGLE_PAUSE, vm.paused);
        Button step = button(new Button("Step ▸"), "step", NEXT_FRAME);
        step.disableProperty().bind(vm.paused.not());
        ToggleButton mirror = toggle("Mirror", "mirror", MIRROR, vm.mirrored);
        ToggleButton mesh = toggle("3D", "mesh-toggle", TOGGLE_3D, vm.show3d);
        Button saveMeshes = button(new Button("Save meshes"), "save-meshes", SAVE_MESHES);
        MenuButton view3d = new MenuButton("3D view", null, check(SKELETON, vm.skeleton), check(WIREFRAME, vm.wireframe),
                check(GUIDES, vm.guides), check(CENTRED, vm.centred), item(RESET_3D), item(DETACH_3D));
        view3d.setId("view-3d");
        CheckMenuItem compare = check(COMPARE, vm.compare);
        compare.setId("compare");
        CheckMenuItem record = check(RECORD, vm.recording);
        record.setId("record");
        MenuButton debug = new MenuButton("Debug", null, check(PALMS, vm.palms), check(CROPS, vm.crops),
                check(INDICES, vm.indices), check(THUMBNAILS, vm.thumbnails), compare, check(HEAD_POSE, vm.headPose),
                new SeparatorMenuItem(),
                item(FAILURE_SNAPSHOT), check(MINE_FAILURES, vm.mineFailures), record, check(CALIBRATE, vm.calibrating), exportItem());
        debug.setId("debug-menu");
        ProgressBar exporting = new ProgressBar();
        exporting.setId("export-progress");
        exporting.progressProperty().bind(vm.exportProgress);
        exporting.visibleProperty().bind(vm.exportProgress.greaterThanOrEqualTo(0));
        exporting.managedProperty().bind(exporting.visibleProperty());
        exporting.setTooltip(new Tooltip("Exporting a recording"));
        settingsButton.setId("settings-toggle");
        return new ToolBar(openFile, openFolder, cameraBox, new Separator(), pause, step,
                new Separator(), mirror, mesh, view3d, saveMeshes, debug, settingsButton, exporting);
    }

    private <B extends ButtonBase> B button(B button, String id, WindowAction action) {
        button.setId(id);
        button.setTooltip(new Tooltip(action.label()));
        button.setOnAction(event -> actions.run(action));
        return button;
    }

    /** A toggle that shows and sets {@code state}; its action (the key's) flips the same property. */
    private ToggleButton toggle(String text, String id, WindowAction action, BooleanProperty state) {
        ToggleButton toggle = button(new ToggleButton(text), id, action);
        toggle.setOnAction(null); // a click flips the bound state already
        toggle.selectedProperty().bindBidirectional(state);
        return toggle;
    }

    private MenuItem exportItem() {
        MenuItem item = item(EXPORT_RECORDING);
        item.setId("export-recording");
        return item;
    }

    private MenuItem item(WindowAction action) {
        MenuItem item = new MenuItem(action.label());
        item.setOnAction(event -> actions.run(action));
        return item;
    }

    private static CheckMenuItem check(WindowAction action, BooleanProperty state) {
        CheckMenuItem item = new CheckMenuItem(action.label());
        item.selectedProperty().bindBidirectional(state);
        return item;
    }

    void refreshCameras() {
        source.listCameras(this::showCameras, error -> cameraBox.setPromptText("Cameras unavailable"));
    }

    private void showCameras(List<CameraInfo> cameras) {
        choosingCamera = true;
        try {
            CameraInfo selected = cameraBox.getValue();
            cameraBox.getItems().setAll(cameras);
            cameraBox.setPromptText(cameras.isEmpty() ? "No camera found" : "Camera");
            cameraBox.setValue(selected != null && cameras.contains(selected) ? selected : null);
        } finally {
            choosingCamera = false;
        }
    }

    /** Shows cameras as "0  Integrated Camera (/dev/video0)". */
    private static final class CameraCell extends ListCell<CameraInfo> {
        @Override
        protected void updateItem(CameraInfo camera, boolean empty) {
            super.updateItem(camera, empty);
            if (empty || camera == null) {
                setText(null);
                return;
            }
            String where = camera.device().isEmpty() ? "" : " (" + camera.device() + ")";
            setText(camera.index() + "  " + camera.name() + where);
        }
    }
}
