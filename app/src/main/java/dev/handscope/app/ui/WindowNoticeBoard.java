package dev.handscope.app.ui;

import dev.handscope.app.ui.actions.ActionMap;
import dev.handscope.app.ui.actions.WindowAction;
import dev.handscope.app.ui.controllers.WindowNotices;
import dev.handscope.engine.capture.CaptureStatus;
import dev.handscope.engine.capture.SourceSpec;
import dev.handscope.render.video.NoticePane;
import javafx.scene.control.Button;

/**
 * The window's two notice panes: one over the video for the source's and tracking's state (with
 * what to do next), and one over everything for app-level messages that a source's status must
 * not hide (settings, MANO, the stream), dismissed with OK.
 */
final class WindowNoticeBoard implements WindowNotices {
    final NoticePane notice = new NoticePane("notice");
    final NoticePane message = new NoticePane("message");
    private final ActionMap actions;

    WindowNoticeBoard(ActionMap actions) {
        this.actions = actions;
    }

    @Override
    public void message(String title, String text) {
        message.show(title, text, button("OK", "message-ok", message::hide));
    }

    @Override
    public void trackingUnavailable(String text) {
        notice.show("Hand tracking unavailable", text, openFile());
    }

    @Override
    public void trackingStopped(String text) {
        notice.show("Hand tracking stopped", text, retry());
    }

    /** What the source's new status says to the user, if anything. */
    void sourceStatus(SourceSpec source, CaptureStatus update) {
        switch (update.state()) {
            case OPENING -> notice.hide();
            case RUNNING -> {
                notice.hide();
                if (!update.message().isEmpty()) { // a folder's unreadable images, skipped
                    message("Some images skipped", update.message());
                }
            }
            case RETRYING -> notice.show(source.isCamera() ? "No camera" : "Source lost", update.message(), openFile(),
                    button("Open folder…", null, () -> actions.run(WindowAction.OPEN_FOLDER)));
            case FAILED -> notice.show("Cannot play " + source, update.message(), openFile(), retry());
            case ENDED, STOPPED -> { }
        }
    }

    private Button openFile() {
        Button button = button("Open file…", "notice-open-file", () -> actions.run(WindowAction.OPEN_FILE));
        button.setDefaultButton(true);
        return button;
    }

    private Button retry() {
        return button(WindowAction.RETRY.label(), "notice-retry", () -> actions.run(WindowAction.RETRY));
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        if (id != null) {
            button.setId(id);
        }
        button.setOnAction(event -> action.run());
        return button;
    }
}
