package dev.handscope.app.ui;

import dev.handscope.render.mesh.HandMeshView;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** Where the 3D view is: beside the video, hidden, or in a window of its own (closing it brings the view back). */
final class MeshViewPlacement {
    private final HandMeshView meshView;
    private final SplitPane split;
    private final Stage owner;
    private final boolean enabled;
    private Stage detached;
    private boolean wanted;

    /** @param enabled whether there is tracking, hence meshes, to show at all */
    MeshViewPlacement(HandMeshView meshView, SplitPane split, Stage owner, boolean enabled) {
        this.meshView = meshView;
        this.split = split;
        this.owner = owner;
        this.enabled = enabled;
    }

    /** Shows or hides the view beside the video (a detached view stays in its window until that closes). */
    void show(boolean show) {
        wanted = show;
        if (detached != null) {
            return;
        }
        if (show && enabled && !split.getItems().contains(meshView)) {
            split.getItems().add(meshView); // always after the video, which is the first item
            split.setDividerPositions(0.62);
        } else if (!show) {
            split.getItems().remove(meshView);
        }
    }

    void detach() {
        if (detached != null || !enabled) {
            return;
        }
        split.getItems().remove(meshView);
        detached = new Stage();
        detached.setTitle("HandScope — 3D hands");
        Scene scene = new Scene(new StackPane(meshView), 640, 480);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        detached.setScene(scene);
        detached.setOnHidden(event -> {
            ((StackPane) detached.getScene().getRoot()).getChildren().clear();
            detached = null;
            show(wanted);
        });
        detached.show();
    }

    void close() {
        if (detached != null) {
            detached.close();
        }
    }
}
