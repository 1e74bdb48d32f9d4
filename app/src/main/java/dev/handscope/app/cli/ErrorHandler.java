package dev.handscope.app.cli;

import dev.handscope.app.settings.FileProblems;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where a failure becomes what the user reads: "handscope COMMAND: message" and an
 * exit code. The stack trace is printed only with --debug (or HANDSCOPE_DEBUG=1).
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    /** Something HandScope did not expect: a bug to report (sysexits' EX_SOFTWARE). */
    public static final int INTERNAL_ERROR = 70;

    private ErrorHandler() {
    }

    /** A path option's value that cannot be a path here; its message says why. */
    private static final class UnusablePath extends CommandLine.TypeConversionException {
        UnusablePath(InvalidPathException e) {
            super(e.getInput() + " is not a valid path here: " + explain(e));
        }
    }

    /** Installs the handlers (and the path converter whose failures they explain) on the root command line. */
    public static void install(CommandLine commandLine) {
        commandLine.registerConverter(Path.class, text -> {
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new UnusablePath(e);
            }
        });
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        CommandLine.IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((error, args) -> {
            // Just the reason, not picocli's "Invalid value ... cannot convert" and the whole usage text.
            if (error.getCause() instanceof UnusablePath path && error.getArgSpec() instanceof OptionSpec option) {
                CommandLine failed = error.getCommandLine();
                failed.getErr().println(prefix(failed) + option.longestName() + " " + path.getMessage());
                return UserError.USAGE;
            }
            return usage.handleParseException(error, args);
        });
    }

    @Override
    public int handleExecutionException(Exception error, CommandLine failed, ParseResult parsed) {
        PrintWriter err = failed.getErr();
        int exit;
        if (error instanceof UserError user) {
            err.println(prefix(failed) + user.getMessage());
            exit = user.exitCode();
        } else if (error instanceof InvalidPathException path) {
            err.println(prefix(failed) + path.getInput() + " is not a valid path here: " + explain(path));
            exit = UserError.USAGE;
        } else if (error instanceof IllegalArgumentException || error instanceof ParameterException) {
            err.println(prefix(failed) + error.getMessage()); // an option value the parsing code refused, with why
            exit = UserError.USAGE;
        } else if (error instanceof IOException io) {
            err.println(prefix(failed) + describe(io));
            exit = UserError.FAILED;
        } else {
            err.println(prefix(failed) + "internal error: " + error.getClass().getSimpleName() + ": " + error.getMessage()
                    + (debug(parsed) ? "" : " (run with --debug for details)"));
            exit = INTERNAL_ERROR;
        }
        if (debug(parsed)) {
            error.printStackTrace(err);
        }
        err.flush();
        return exit;
    }

    /** An I/O failure no command caught itself: the file it names and the reason. */
    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + FileProblems.reason(e, Path.of(fs.getFile()));
        }
        return String.valueOf(e.getMessage());
    }

    /** Why a path cannot exist on this system, and what to do. */
    static String explain(InvalidPathException e) {
        String names = System.getProperty("sun.jnu.encoding", "UTF-8"); // how the JVM spells file names
        boolean utf8 = Charset.isSupported(names) && Charset.forName(names).equals(StandardCharsets.UTF_8);
        if (!utf8 && e.getInput().chars().anyMatch(c -> c > 127)) {
            String variable = localeVariable();
            String value = System.getenv(variable);
            return "it holds characters this system's locale (" + variable + (value == null ? " unset" : "=" + value)
                    + ") cannot represent; run with a UTF-8 locale, e.g. " + variable + "=C.UTF-8";
        }
        return e.getReason();
    }

    /** The environment variable that decides the locale: LC_ALL over LC_CTYPE over LANG. */
    private static String localeVariable() {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = System.getenv(name);
            if (value != null && !value.isEmpty()) {
                return name;
            }
        }
        return "LANG";
    }

    private static String prefix(CommandLine failed) {
        return failed.getParent() == null ? "handscope: " : "handscope " + failed.getCommandName() + ": ";
    }

    private static boolean debug(ParseResult parsed) {
        String env = System.getenv("HANDSCOPE_DEBUG");
        if (env != null && !env.isEmpty() && !env.equals("0")) {
            return true;
        }
        for (ParseResult result = parsed; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
