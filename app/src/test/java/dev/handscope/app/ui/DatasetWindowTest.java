package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.eval.CocoKeypointReader;
import dev.handscope.app.setup.DatasetSource;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.app.ui.viewmodel.DatasetViewModel;
import dev.handscope.engine.eval.Dataset;
import dev.handscope.engine.eval.HandScore;
import dev.handscope.engine.eval.ImageResult;
import dev.handscope.engine.eval.JointClass;
import dev.handscope.engine.eval.JointFilter;
import dev.handscope.engine.eval.KeypointOrder;
import dev.handscope.engine.eval.LabelledImage;
import dev.handscope.render.video.VideoView;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on the RHD test dataset (--source test_rhd.json --order rhd): each image scored once by
 * the live model, then browsed worst first with ↓ / ↑, its labels drawn, the filter reordering.
 */
@ExtendWith(ApplicationExtension.class)
class DatasetWindowTest {
    private static final Path RHD = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "datasets", "rhd", "test_rhd.json");

    @org.junit.jupiter.api.io.TempDir
    static Path data;

    @org.junit.jupiter.api.io.TempDir
    static Path config;

    private TestWindow opened;

    @Start
    void start(Stage stage) {
        System.setProperty("handscope.data", data.toString());
        WindowOptions options = TestWindow.trackingStill(RHD.resolveSibling("00111.png"))
                .withDataset(DatasetSource.of(RHD, null, KeypointOrder.RHD));
        opened = TestWindow.open(stage, config, options);
    }

    @Stop
    void stop() {
        opened.close();
    }

    /** The worst-first error of image {@code index}, from HandScore directly (the worst hand, missed worst). */
    private static double independentError(ImageResult result, LabelledImage image, JointFilter filter) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int h = 0; h < image.hands().size(); h++) {
            HandScore again = HandScore.score(image, image.hands().get(h), result.hands().get(h).prediction());
            worst = Math.max(worst, again.detected() ? meanOver(again, filter) : Double.POSITIVE_INFINITY);
        }
        return worst;
    }

    private static double meanOver(HandScore score, JointFilter filter) {
        double sum = 0;
        int n = 0;
        for (int j = 0; j < 21; j++) {
            if (filter.includes(j) && score.label().labelled()[j]) {
                sum += score.errorPx()[j];
                n++;
            }
        }
        return sum / n / score.label().size();
    }

    private static void assertWorstFirst(DatasetViewModel vm, JointFilter filter) {
        List<Integer> order = vm.order();
        for (int k = 1; k < order.size(); k++) {
            int before = order.get(k - 1);
            int after = order.get(k);
            double a = independentError(vm.result(before), vm.dataset.get().images().get(before), filter);
            double b = independentError(vm.result(after), vm.dataset.get().images().get(after), filter);
            assertTrue(a >= b, "worst first over " + filter + ": " + a + " then " + b + " in " + order);
        }
    }

    @Test
    void browsesTheDatasetWorstFirstWithItsLabels(FxRobot robot) throws Exception {
        DatasetViewModel vm = opened.window.dataset();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.browsing.get());
        Dataset independent = CocoKeypointReader.read(RHD, RHD.getParent(), KeypointOrder.RHD);
        assertEquals(independent.images().size(), vm.order().size());
        for (int i = 0; i < vm.order().size(); i++) {
            assertTrue(vm.result(i) != null, "every image is scored by the pass: " + i);
        }
        assertWorstFirst(vm, JointFilter.ALL);

        int worst = vm.order().get(0);
        assertEquals(worst, vm.shown.get(), "browsing starts at the worst image");
        assertEquals(independent.images().get(worst).hands().size(), opened.window.labelsDrawn().size(),
                "the shown image's labels are drawn");
        Label status = robot.lookup("#dataset-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("image 1/3 · worst first"));
        assertTrue(status.getText().endsWith("filter: all joints"), status.getText());

        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(vm.order().get(1), vm.shown.get(), "↓ steps to the next worst");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("image 2/3"));
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(worst, vm.shown.get(), "↑ steps back");

        String allJoints = status.getText();
        robot.interact(() -> vm.filter.set(JointFilter.of(JointClass.TIP)));
        assertWorstFirst(vm, JointFilter.of(JointClass.TIP));
        assertTrue(status.getText().endsWith("filter: TIP"), status.getText());
        assertTrue(status.getText().startsWith("image " + (vm.order().indexOf(worst) + 1) + "/3"),
                "the shown image keeps its place in the new order: " + status.getText());
        if (!status.getText().contains("missed")) {
            assertNotEquals(allJoints.replace("filter: all joints", ""), status.getText().replace("filter: TIP", ""),
                    "the error is taken over the tips now");
        }
    }

    @Test
    void clickingALabelledJointShowsItsError(FxRobot robot) throws Exception {
        DatasetViewModel vm = opened.window.dataset();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.browsing.get());
        VideoView video = robot.lookup(".video-view").queryAs(VideoView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> video.transform() != null);
        var result = vm.shownResult();
        var hand = result.image().hands().get(0);
        int joint = 8; // index tip
        robot.interact(() -> {
            var view = video.transform();
            opened.window.showJoint(view.toViewX(hand.x(joint) / result.image().width()) + 1,
                    view.toViewY(hand.y(joint) / result.image().height()) - 1);
        });
        Label info = robot.lookup("#joint-info").queryAs(Label.class);
        assertTrue(info.isVisible());
        assertTrue(info.getText().contains("joint 8") && info.getText().contains("(TIP)"), info.getText());
        assertTrue(info.getText().contains("px") || info.getText().contains("missed"), info.getText());
        robot.interact(() -> opened.window.showJoint(0, 0));
        assertFalse(info.isVisible(), "a click near no joint hides it");
        var shownAt = video.transform();
        robot.moveTo(video.localToScreen(shownAt.toViewX(hand.x(joint) / result.image().width()) + 1,
                shownAt.toViewY(hand.y(joint) / result.image().height()) - 1));
        WaitForAsyncUtils.waitForFxEvents();
        // The robot's move reaches the window as native events, after the FX events above on a busy machine.
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, info::isVisible);
        } catch (java.util.concurrent.TimeoutException e) {
            // reported by the assertion below, with the label's text
        }
        // the pointer lands on whole screen pixels, so a neighbouring joint of a small hand may be the nearest
        assertTrue(info.isVisible() && info.getText().contains("of the box"), "hovering shows an error too: "
                + info.getText());
        robot.interact(() -> vm.filter.set(JointFilter.of(JointClass.MCP)));
        robot.interact(() -> {
            var view = video.transform();
            opened.window.showJoint(view.toViewX(hand.x(joint) / result.image().width()) + 1,
                    view.toViewY(hand.y(joint) / result.image().height()) - 1);
        });
        assertFalse(info.isVisible() && info.getText().contains("(TIP)"), "a tip is not offered under the MCP filter");
    }
}
