package dev.handscope.app.ui;

import dev.handscope.app.ui.controllers.FailureMining;
import dev.handscope.app.ui.viewmodel.MinedSnapshot;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** The side panel's list of what failure mining saved: trigger, hand, time; selecting one says its folder. */
final class MinedFailuresPanel extends VBox {

    MinedFailuresPanel(WindowViewModel vm) {
        setId("mined-failures-panel");
        setSpacing(8);
        setPadding(new Insets(12));
        Label count = new Label();
        count.setId("mined-count");
        count.textProperty().bind(vm.minedCount.asString(
                "%d saved this session (at most " + FailureMining.LIMIT + "); E turns mining on and off"));
        count.setWrapText(true);
        ListView<MinedSnapshot> list = new ListView<>(vm.minedFailures);
        list.setId("mined-failures");
        list.setPrefHeight(160);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(MinedSnapshot item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.line());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, picked) -> {
            if (picked != null) {
                vm.say(picked.detail() + " · " + picked.folder());
            }
        });
        getChildren().addAll(SettingsPanel.heading("Mined failures"), count, list);
    }
}
