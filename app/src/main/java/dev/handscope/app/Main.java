package dev.handscope.app;

import dev.handscope.app.cli.ErrorHandler;
import dev.handscope.app.cli.HandScopeCommand;
import dev.handscope.app.ui.HandScopeApp;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/** Entry point. Deliberately not a JavaFX Application, so JavaFX loads from the class path. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "handscope: %5$s%6$s%n");
        }
        // Everything printed, by picocli, the commands, the window or the log, goes through these.
        Charset console = ConsoleText.consoleCharset();
        PrintStream out = ConsoleText.printStream(new FileOutputStream(FileDescriptor.out), console);
        PrintStream err = ConsoleText.printStream(new FileOutputStream(FileDescriptor.err), console);
        System.setOut(out);
        System.setErr(err);
        System.exit(execute(args, ConsoleText.writer(out), ConsoleText.writer(err)));
    }

    /** Runs one command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new HandScopeCommand(HandScopeApp::run));
        commandLine.setOut(out);
        commandLine.setErr(err);
        ErrorHandler.install(commandLine);
        return commandLine.execute(args);
    }
}
