package dev.handscope.app.concurrent;

/** A piece of background work started by {@link TaskExecutor#execute}: what its starter can do with it later. */
public interface Task {

    /**
     * Gives up on the work: neither of its callbacks runs after this (a late result is ignored, and
     * closed when it is {@link AutoCloseable}). Work not started yet never runs; running work is
     * left to finish, not interrupted.
     *
     * @return true when the work never ran and never will; false when it has already started or
     *         finished, or was cancelled before
     */
    boolean cancel();

    /** Whether {@link #cancel} was called. */
    boolean isCancelled();
}
