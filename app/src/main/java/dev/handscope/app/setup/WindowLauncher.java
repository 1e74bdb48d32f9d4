package dev.handscope.app.setup;


/**
 * Opens the window and returns its exit code once it closes. The command line starts the window
 * through this, so it needs no part of the user interface itself.
 */
@FunctionalInterface
public interface WindowLauncher {
    int run(WindowOptions options);
}
