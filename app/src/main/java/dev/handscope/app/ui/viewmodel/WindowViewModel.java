package dev.handscope.app.ui.viewmodel;

import dev.handscope.app.settings.Settings;
import dev.handscope.engine.capture.CaptureStatus;
import dev.handscope.engine.capture.SourceSpec;
import dev.handscope.render.hud.StatusReadings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The main window's state, as properties: the controllers and actions write them, the view binds
 * its controls to them. Knows no control or layout; used on the FX thread only.
 */
public final class WindowViewModel {
    // The source.
    /** What is open (or opening). */
    public final ObjectProperty<SourceSpec> source = new SimpleObjectProperty<>(this, "source");
    /** The source's latest status; null while it opens. */
    public final ObjectProperty<CaptureStatus> status = new SimpleObjectProperty<>(this, "status");
    public final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    /** Mirrors the display only; tracking always sees the real image. */
    public final BooleanProperty mirrored = new SimpleBooleanProperty(this, "mirrored");
    public final StringBinding title = Bindings.createStringBinding(
            () -> source.get() == null ? "HandScope" : "HandScope — " + source.get(), source);

    // Tracking, the A/B comparison, recording.
    /** Model and device, or why there is no tracking ("loading models…", "tracking off"). */
    public final StringProperty trackingState = new SimpleStringProperty(this, "trackingState", "");
    /** The models are loaded (tracking may still wait for a source). */
    public final BooleanProperty modelsLoaded = new SimpleBooleanProperty(this, "modelsLoaded");
    /** Tracking runs, is off, or failed: what --snapshot-after starts counting frames at. */
    public final BooleanProperty trackingSettled = new SimpleBooleanProperty(this, "trackingSettled");
    /** A/B: the other landmark model runs beside the first. */
    public final BooleanProperty compare = new SimpleBooleanProperty(this, "compare");
    public final BooleanProperty recording = new SimpleBooleanProperty(this, "recording");
    /** Faces are tracked beside the hands, with their head pose. */
    public final BooleanProperty headPose = new SimpleBooleanProperty(this, "headPose");
    /** Failure mining: a snapshot, with what triggered it, wherever tracking looks wrong. */
    public final BooleanProperty mineFailures = new SimpleBooleanProperty(this, "mineFailures");
    /** What mining saved, oldest first: one entry per trigger. */
    public final ObservableList<MinedSnapshot> minedFailures = FXCollections.observableArrayList();
    /** Snapshots mining saved in this mining session (one frame may hold several triggers). */
    public final IntegerProperty minedCount = new SimpleIntegerProperty(this, "minedCount");
    /** "Calibrate camera": the frames on screen are looked at for a checkerboard. */
    public final BooleanProperty calibrating = new SimpleBooleanProperty(this, "calibrating");
    /** How far the running "Export recording…" is, 0..1; -1 while none runs. */
    public final DoubleProperty exportProgress = new SimpleDoubleProperty(this, "exportProgress", -1);
    /** The last thing said in the status bar (saved, recorded, cannot …); empty for nothing. */
    public final StringProperty lastMessage = new SimpleStringProperty(this, "lastMessage", "");
    /** OSC out (HandScope's address space) on. */
    public final BooleanProperty oscOn = new SimpleBooleanProperty(this, "oscOn");
    /** Where OSC goes: targets separated by commas. */
    public final StringProperty oscTargets = new SimpleStringProperty(this, "oscTargets", "");
    /** VMC out (humanoid hand bones) on. */
    public final BooleanProperty vmcOn = new SimpleBooleanProperty(this, "vmcOn");
    public final StringProperty vmcTarget = new SimpleStringProperty(this, "vmcTarget", "");
    /** The UDP outputs' live packet rate and drops, or why one is not sending; refreshed with the status bar. */
    public final StringProperty outputStatus = new SimpleStringProperty(this, "outputStatus", "");
    /** The saved settings in effect. */
    public final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(this, "settings");

    // What is shown: the 3D view, the panels over the video, the debug layers.
    public final BooleanProperty show3d = new SimpleBooleanProperty(this, "show3d");
    public final BooleanProperty wireframe = new SimpleBooleanProperty(this, "wireframe");
    public final BooleanProperty skeleton = new SimpleBooleanProperty(this, "skeleton");
    public final BooleanProperty guides = new SimpleBooleanProperty(this, "guides");
    public final BooleanProperty centred = new SimpleBooleanProperty(this, "centred");
    public final BooleanProperty hud = new SimpleBooleanProperty(this, "hud");
    public final BooleanProperty readouts = new SimpleBooleanProperty(this, "readouts");
    public final BooleanProperty palms = new SimpleBooleanProperty(this, "palms");
    public final BooleanProperty crops = new SimpleBooleanProperty(this, "crops");
    public final BooleanProperty indices = new SimpleBooleanProperty(this, "indices");
    public final BooleanProperty thumbnails = new SimpleBooleanProperty(this, "thumbnails");

    /** A message for the status bar; it stays until the next one. */
    public void say(String line) {
        lastMessage.set(line);
    }

    /** The status bar's first word: Opening, Playing, Paused, No camera, Lost, Ended, Failed, Stopped. */
    public String stateWord() {
        CaptureStatus current = status.get();
        if (current == null) {
            return "Opening";
        }
        return switch (current.state()) {
            case OPENING -> "Opening";
            case RUNNING -> paused.get() ? "Paused" : "Playing";
            case RETRYING -> source.get().isCamera() ? "No camera" : "Lost";
            case ENDED -> "Ended";
            case FAILED -> "Failed";
            case STOPPED -> "Stopped";
        };
    }

    /** How the status bar colours that word. */
    public StatusReadings.Severity severity() {
        CaptureStatus current = status.get();
        if (current == null) {
            return StatusReadings.Severity.WAITING;
        }
        return switch (current.state()) {
            case RUNNING -> paused.get() ? StatusReadings.Severity.WAITING : StatusReadings.Severity.OK;
            case FAILED, RETRYING -> StatusReadings.Severity.PROBLEM;
            case OPENING, ENDED, STOPPED -> StatusReadings.Severity.WAITING;
        };
    }

    /** The source played to its end (a file; Space plays it again). */
    public boolean ended() {
        return status.get() != null && status.get().state() == CaptureStatus.State.ENDED;
    }

    /** The status line's tail: the tracking state, then the last message. */
    public String statusLine() {
        String message = lastMessage.get();
        return message.isEmpty() ? trackingState.get() : trackingState.get() + " · " + message;
    }
}
