package dev.handscope.render.overlay;

import dev.handscope.engine.result.HandResult;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Thumbnails of the exact 224x224 crops the landmark model saw this frame, one per hand (images reused). */
public final class CropStrip extends HBox {
    /** MediaPipe's landmark model input; other models' crops get their own size. */
    private static final int DEFAULT_SIDE = 224;
    private final List<WritableImage> images = new ArrayList<>();
    private final List<VBox> tiles = new ArrayList<>();
    private final List<Label> captions = new ArrayList<>();

    public CropStrip() {
        setId("crop-strip");
        setSpacing(6);
        setPadding(new Insets(6));
        getStyleClass().add("hud");
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setMouseTransparent(true);
        StackPane.setAlignment(this, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(this, new Insets(10));
    }

    public void show(List<HandResult> hands) {
        List<HandResult> withCrops = hands.stream().filter(h -> h.debug() != null).toList();
        while (images.size() < withCrops.size()) {
            WritableImage image = new WritableImage(DEFAULT_SIDE, DEFAULT_SIDE);
            ImageView view = new ImageView(image);
            view.setFitWidth(112);
            view.setFitHeight(112);
            Label caption = new Label();
            caption.getStyleClass().add("hud-text");
            images.add(image);
            captions.add(caption);
            tiles.add(new VBox(2, view, caption));
        }
        getChildren().setAll(tiles.subList(0, withCrops.size()));
        for (int i = 0; i < withCrops.size(); i++) {
            HandResult hand = withCrops.get(i);
            int side = hand.debug().side();
            if (images.get(i).getWidth() != side) { // another model's input size
                images.set(i, new WritableImage(side, side));
                ((ImageView) tiles.get(i).getChildren().get(0)).setImage(images.get(i));
            }
            images.get(i).getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getByteRgbInstance(),
                    hand.debug().crop(), 0, side * 3);
            captions.get(i).setText("#" + hand.id() + " crop");
        }
    }
}
