package dev.handscope.app.setup;

import dev.handscope.engine.capture.CaptureOptions;
import dev.handscope.engine.capture.SourceSpec;
import dev.handscope.engine.mining.MiningOptions;
import java.nio.file.Path;

/**
 * How the window starts.
 *
 * @param source        what to open first
 * @param mirror        mirror the display; null means the default: on for cameras, off otherwise
 * @param capture       pacing, looping and retry settings
 * @param snapshot      write a PNG of the window here after {@code snapshotAfter} frames, then exit;
 *                      null for a normal interactive run
 * @param snapshotAfter frames to show before the snapshot
 * @param tracking      hand tracking settings
 * @param serve         where and to whom to stream hands and events over WebSocket, or null
 * @param mining        when failure mining (E) saves a snapshot
 * @param dataset       a labelled dataset to browse instead of {@code source}, or null
 * @param outputs       the OSC and VMC outputs the command line asked for (they win over the saved ones), or
 *                      none
 */
public record WindowOptions(SourceSpec source, Boolean mirror, CaptureOptions capture, Path snapshot, int snapshotAfter,
                            TrackingSetup tracking, dev.handscope.app.stream.StreamOptions serve,
                            MiningOptions mining, DatasetSource dataset,
                            dev.handscope.app.osc.UdpOutputSettings outputs) {

    /** Exit codes of a --snapshot run. */
    public static final int SNAPSHOT_OK = 0;
    public static final int SNAPSHOT_SOURCE_FAILED = 2;
    public static final int SNAPSHOT_TIMED_OUT = 3;
    public static final int SNAPSHOT_WRITE_FAILED = 4;

    public WindowOptions(SourceSpec source, Boolean mirror, CaptureOptions capture, Path snapshot, int snapshotAfter,
                         TrackingSetup tracking) {
        this(source, mirror, capture, snapshot, snapshotAfter, tracking, null);
    }

    /** Failure mining at its default thresholds, no dataset. */
    public WindowOptions(SourceSpec source, Boolean mirror, CaptureOptions capture, Path snapshot, int snapshotAfter,
                         TrackingSetup tracking, dev.handscope.app.stream.StreamOptions serve) {
        this(source, mirror, capture, snapshot, snapshotAfter, tracking, serve, MiningOptions.defaults(), null,
                dev.handscope.app.osc.UdpOutputSettings.none());
    }

    /** The same, mining failures with {@code options}. */
    public WindowOptions withMining(MiningOptions options) {
        return new WindowOptions(source, mirror, capture, snapshot, snapshotAfter, tracking, serve, options, dataset,
                outputs);
    }

    /** These options with {@code value} as the dataset to browse. */
    public WindowOptions withDataset(DatasetSource value) {
        return new WindowOptions(source, mirror, capture, snapshot, snapshotAfter, tracking, serve, mining, value,
                outputs);
    }

    /** These options with the command line's OSC and VMC outputs. */
    public WindowOptions withOutputs(dev.handscope.app.osc.UdpOutputSettings value) {
        return new WindowOptions(source, mirror, capture, snapshot, snapshotAfter, tracking, serve, mining, dataset,
                value);
    }

    public WindowOptions {
        if (snapshotAfter < 1) {
            throw new IllegalArgumentException("--snapshot-after must be at least 1, got " + snapshotAfter);
        }
    }

    /** Whether a source is shown mirrored: selfie view for cameras, as recorded for files. */
    public boolean mirrorFor(SourceSpec spec) {
        return mirror != null ? mirror : spec.isCamera();
    }
}
