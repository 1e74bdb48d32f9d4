package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import dev.handscope.app.osc.OscReceiver;
import dev.handscope.app.osc.UdpOutputSettings;
import dev.handscope.app.osc.UdpTarget;
import dev.handscope.app.setup.WindowOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The window with --osc and --vmc: a receiver gets the hands, bones included, and the panel shows the rate. */
@ExtendWith(ApplicationExtension.class)
class OutputsWindowTest {
    private static final Path IMAGE = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "media", "woman_hands.jpg");

    @org.junit.jupiter.api.io.TempDir
    static Path config;

    private OscReceiver osc;
    private OscReceiver vmc;
    private TestWindow opened;

    @Start
    void start(Stage stage) throws IOException {
        osc = new OscReceiver();
        vmc = new OscReceiver();
        UdpOutputSettings outputs = new UdpOutputSettings(List.of(UdpTarget.parse(":" + osc.port(), 0)), 0,
                UdpTarget.parse(Integer.toString(vmc.port()), 39539));
        opened = TestWindow.open(stage, config, TestWindow.trackingStill(IMAGE).withOutputs(outputs));
    }

    @Stop
    void stop() throws Exception {
        opened.close();
        osc.close();
        vmc.close();
    }

    private static boolean has(List<OSCMessage> messages, String address, String firstArgument) {
        return messages.stream().anyMatch(m -> m.getAddress().equals(address)
                && (firstArgument == null || firstArgument.equals(m.getArguments().get(0))));
    }

    @Test
    void theReceiversGetTheHandsAndThePanelShowsThePacketRate(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> has(osc.messages(), "/handscope/hand/0/pinch", null)
                && has(vmc.messages(), "/VMC/Ext/Bone/Pos", null));
        assertTrue(has(vmc.messages(), "/VMC/Ext/OK", null));
        robot.clickOn(robot.lookup("#settings-toggle").queryAs(javafx.scene.control.ToggleButton.class));
        assertTrue(robot.lookup("#settings-osc").queryAs(CheckBox.class).isSelected(), "the command line's switch");
        assertTrue(robot.lookup("#settings-vmc").queryAs(CheckBox.class).isSelected());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settings-output-status")
                .queryAs(Label.class).getText().matches("OSC \\+ VMC: [1-9][0-9]* packets/s, [0-9]+ dropped"));
    }
}
