package dev.handscope.app;

import dev.handscope.app.cli.HandScopeCommand;
import picocli.CommandLine;

/** Entry point. Deliberately not a JavaFX Application, so JavaFX loads from the class path. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "handscope: %5$s%6$s%n");
        }
        CommandLine commandLine = new CommandLine(new HandScopeCommand());
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
            if (error instanceof IllegalArgumentException) {
                cmd.getErr().println("handscope: " + error.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            throw error;
        });
        System.exit(commandLine.execute(args));
    }
}
