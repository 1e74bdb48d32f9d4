package dev.handscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level mapping from what went wrong to what the user reads and the exit code. */
class ErrorHandlerTest {

    @Command(name = "handscope", subcommands = Failing.class)
    static final class Root {
        @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT)
        boolean debug;
    }

    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        static Exception next;

        @Override
        public Integer call() throws Exception {
            throw next;
        }
    }

    private record Run(int exit, String err) {
    }

    private static Run fail(Exception error, String... extra) {
        Failing.next = error;
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Root());
        commandLine.setErr(new PrintWriter(err, true));
        ErrorHandler.install(commandLine);
        String[] args = new String[extra.length + 1];
        args[0] = "fail";
        System.arraycopy(extra, 0, args, 1, extra.length);
        return new Run(commandLine.execute(args), err.toString());
    }

    @Test
    void eachKindOfFailureHasItsMessageAndExitCode() {
        assertEquals(new Run(4, "handscope fail: cannot write the snapshot x.png: permission denied\n"),
                fail(new UserError(4, "cannot write the snapshot x.png: permission denied")));
        assertEquals(new Run(2, "handscope fail: --device must be auto, cpu or gpu\n"),
                fail(new IllegalArgumentException("--device must be auto, cpu or gpu")));
        assertEquals(new Run(1, "handscope fail: /nowhere/x: the folder /nowhere does not exist\n"),
                fail(new NoSuchFileException("/nowhere/x")));
        assertEquals(new Run(1, "handscope fail: the disk went away\n"), fail(new IOException("the disk went away")));
    }

    @Test
    void theUnexpectedIsAnInternalErrorWithItsTraceOnlyOnRequest() {
        Run quiet = fail(new NullPointerException("x is null"));
        assertEquals(ErrorHandler.INTERNAL_ERROR, quiet.exit());
        assertEquals("handscope fail: internal error: NullPointerException: x is null (run with --debug for details)\n",
                quiet.err());
        Run loud = fail(new NullPointerException("x is null"), "--debug");
        assertEquals(ErrorHandler.INTERNAL_ERROR, loud.exit());
        assertTrue(loud.err().startsWith("handscope fail: internal error: NullPointerException: x is null\n"), loud.err());
        assertTrue(loud.err().contains("\tat dev.handscope.app.cli.ErrorHandlerTest.theUnexpected"), loud.err());
        assertFalse(quiet.err().contains("\tat "));
    }
}
