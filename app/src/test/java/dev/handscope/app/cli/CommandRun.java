package dev.handscope.app.cli;

import dev.handscope.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line as a user starts it (through Main, with its error handling), and what it printed. */
public record CommandRun(int exit, String out, String err) {

    public static CommandRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
