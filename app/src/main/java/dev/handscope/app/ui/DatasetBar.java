package dev.handscope.app.ui;

import dev.handscope.app.ui.viewmodel.DatasetViewModel;
import dev.handscope.engine.eval.JointFilter;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The strip above the status bar while a dataset is open: the joint filter and where the image stands. */
final class DatasetBar extends HBox {
    final ChoiceBox<JointFilter> filter = new ChoiceBox<>();
    final Label status = new Label();

    DatasetBar(DatasetViewModel vm) {
        super(8);
        setId("dataset-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 8, 3, 8));
        filter.setId("dataset-filter");
        filter.getItems().setAll(JointFilter.choices());
        filter.valueProperty().bindBidirectional(vm.filter);
        filter.setFocusTraversable(false); // ↑ / ↓ step the images, not the choice
        status.setId("dataset-status");
        status.textProperty().bind(vm.status);
        getChildren().setAll(new Label("errors over"), filter, status);
        visibleProperty().bind(vm.dataset.isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
