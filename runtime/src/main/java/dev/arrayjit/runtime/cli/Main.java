package dev.arrayjit.runtime.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code arrayjit} command line (the contract is {@code CONTRACT.md}). User errors print a message
 * and exit 1 (compile), 2 (usage) or 3 (the kernel raised); anything else is a bug in arrayjit and
 * prints "internal compiler error" with the stack trace, exit 70.
 */
@Command(name = "arrayjit", mixinStandardHelpOptions = true, version = "arrayjit 0.1.0",
        description = "A JIT compiler for Numba array kernels.")
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_COMPILE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_RAISED = 3;
    public static final int EXIT_INTERNAL = 70;

    private final PrintStream err;

    private Main(PrintStream err) { this.err = err; }

    @Override public void run() {
        err.println("error: missing command (try 'arrayjit run FILE.py FUNCTION [ARG ...]' or 'arrayjit --help')");
        throw new MissingCommand();
    }

    /** Anything but a user error is a bug in arrayjit: say so, with the stack trace for the report. */
    static int internalError(Throwable ex, PrintStream err) {
        err.println("internal compiler error: " + ex);
        ex.printStackTrace(err);
        err.println("(this is a bug in arrayjit; please report it with the file and the command line)");
        return EXIT_INTERNAL;
    }

    private static final class MissingCommand extends RuntimeException {
        MissingCommand() { super(null, null, false, false); }
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the CLI in-process; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main(err));
        cl.addSubcommand("run", new RunCommand(out, err));
        cl.addSubcommand("aot", new AotCommand(out, err));
        // Kernel arguments such as -3 or -inf are values, not options.
        cl.setUnmatchedOptionsArePositionalParams(true);
        cl.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage());
            err.println("aot".equals(ex.getCommandLine().getCommandName())
                    ? "usage: arrayjit aot FILE.py -o OUT.so [--export NAME:SIGNATURE ...] [--cpu baseline|native|NAME] [--header OUT.h]"
                    : "usage: arrayjit run FILE.py FUNCTION [ARG ...] [--target cpu|parallel|opencl] [--out DIR] [--repeat N]");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> ex instanceof MissingCommand ? EXIT_USAGE : internalError(ex, err));
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            return internalError(e, err);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
