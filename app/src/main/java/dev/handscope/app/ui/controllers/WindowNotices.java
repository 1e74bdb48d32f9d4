package dev.handscope.app.ui.controllers;

/** What the controllers tell the user beyond the status bar; the window decides how it shows. */
public interface WindowNotices {

    /** A message over everything, dismissed with OK: settings, MANO, the stream, the A/B model, a recording. */
    void message(String title, String text);

    /** Over the video: tracking cannot run (the video plays on); offers another file. */
    void trackingUnavailable(String text);

    /** Over the video: tracking stopped while it ran; offers to try again. */
    void trackingStopped(String text);
}
