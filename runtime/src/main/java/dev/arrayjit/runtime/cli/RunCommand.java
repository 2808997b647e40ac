package dev.arrayjit.runtime.cli;

import dev.arrayjit.frontend.diag.CompileException;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.runtime.ArgumentException;
import dev.arrayjit.runtime.ArrayJit;
import dev.arrayjit.runtime.KernelException;
import dev.arrayjit.runtime.KernelFunction;
import dev.arrayjit.runtime.KernelModule;
import dev.arrayjit.runtime.NoSuchKernelException;
import dev.arrayjit.runtime.Ufunc;
import dev.arrayjit.runtime.format.PyRepr;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arrayjit run FILE.py FUNCTION [ARG ...] [--target cpu|parallel|opencl] [--out DIR] [--repeat N]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Compile a kernel of a Numba source file, call it with the arguments and print the result.",
        footer = {"", "Exit codes: 0 ok, 1 compile error, 2 usage error, 3 the kernel raised, 70 internal error."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.py", description = "Numba source file.")
    Path file;

    @Parameters(index = "1", paramLabel = "FUNCTION", description = "Kernel to call; a @cuda.jit kernel with its launch: NAME[BLOCKS,THREADS].")
    String function;

    @Parameters(index = "2..*", paramLabel = "ARG",
            description = "Arguments: FILE.npy, an int, a float, True/False, or TYPE:VALUE such as float32:1.5.")
    List<String> args = new ArrayList<>();

    @Option(names = "--target", paramLabel = "cpu|parallel|opencl", description = "Override the decorator's target.")
    String target;

    @Option(names = "--out", paramLabel = "DIR", description = "Write return.npy and arg<i>.npy (array arguments) to DIR.")
    Path out;

    @Option(names = "--dump-after", split = ",", paramLabel = "PASS",
            description = "Print a pass's output on stderr: typed (typed IR), lowered (after lower-arrays), llvm, llvm-opt, asm or opencl. Repeatable.")
    List<String> dumpAfter = new ArrayList<>();

    @Option(names = "--timings", description = "Print each compiler pass's time on stderr.")
    boolean timings;

    @Option(names = "--repeat", paramLabel = "N", description = "Call N more times and print a timing line on stderr.")
    Integer repeat;

    private final PrintStream stdout;
    private final PrintStream stderr;

    RunCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override public Integer call() {
        try {
            return run();
        } catch (UsageException e) {
            stderr.println("error: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (CompileException e) {
            for (Diagnostic d : e.diagnostics()) stderr.print(d.render());
            return Main.EXIT_COMPILE;
        } catch (KernelException e) {
            stderr.print(e.render());
            return Main.EXIT_RAISED;
        }
    }

    private int run() throws UsageException {
        String tgt = target == null ? "cpu" : target;
        switch (tgt) {
            case "cpu", "parallel" -> { }
            case "opencl" -> {
                String why = Ufunc.offloadUnavailable();
                if (why != null) throw new UsageException("--target opencl: " + why);
            }
            default -> throw new UsageException("unknown target '" + tgt + "' (expected cpu, parallel or opencl)");
        }
        LaunchConfig launch = LaunchConfig.present(function) ? LaunchConfig.parse(function) : null;
        if (repeat != null && repeat < 0) throw new UsageException("--repeat must be 0 or more, not " + repeat);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("cannot read '" + file + "': " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) values[i] = ArgParser.parse(args.get(i));

        dev.arrayjit.runtime.KernelPrint.setSink(text -> {
            stdout.print(text);
            stdout.flush();
        });
        long t0 = System.nanoTime();
        KernelModule module = load();
        KernelFunction fn = kernel(module, launch == null ? function : launch.name());
        if (launch != null && !fn.isGpuKernel()) {
            throw new UsageException("'" + launch.name() + "' is not a @cuda.jit kernel, so it takes no launch configuration; run it as '"
                    + launch.name() + "'");
        }
        if (fn.isGpuKernel()) {
            if (launch == null) {
                throw new UsageException("'" + function + "' is a @cuda.jit kernel: give its launch configuration, e.g. '" + function
                        + "[4,256]' (blocks, threads per block)");
            }
            if (target != null && !target.equals("opencl")) throw new UsageException("@cuda.jit kernels run on the OpenCL device, not --target " + target);
        } else if ("opencl".equals(target) && !fn.isUfunc()) {
            throw new UsageException("--target opencl runs @vectorize functions and @cuda.jit kernels; '" + function + "' is neither");
        }
        KernelFunction.Launch grid = launch == null ? null : fn.configure(launch.grid(), launch.block());
        Object result = callOnce(fn, grid, values);
        long t1 = System.nanoTime();

        // With --repeat the printed and written result is the last call's, and arguments are written as
        // the last call left them (they are the same unless the kernel mutates its arguments).
        double[] times = new double[repeat == null ? 0 : repeat];
        for (int i = 0; i < times.length; i++) {
            long s = System.nanoTime();
            result = callOnce(fn, grid, values);
            times[i] = (System.nanoTime() - s) / 1e6;
        }
        stdout.println(PyRepr.print(result));
        stdout.flush();
        if (out != null) {
            try {
                OutputFiles.write(out, result, values);
            } catch (IOException e) {
                throw new UsageException("cannot write to '" + out + "': " + describe(e));
            }
        }
        if (repeat != null) {
            double compileMs = (module.loadNanos() + fn.compileNanos()) / 1e6;
            stderr.println(new Timing(compileMs, (t1 - t0) / 1e6, times).line());
        }
        return Main.EXIT_OK;
    }

    private KernelModule load() throws UsageException {
        try {
            for (String d : dumpAfter) {
                if (!ArrayJit.Options.DUMPABLE.contains(d)) {
                    throw new UsageException("unknown pass '" + d + "' for --dump-after (expected one of "
                            + String.join(", ", ArrayJit.Options.DUMPABLE) + ")");
                }
            }
            ArrayJit.Options options = (target == null ? ArrayJit.Options.DEFAULT : ArrayJit.Options.DEFAULT.withTarget(target))
                    .withDiagnostics(new HashSet<>(dumpAfter), timings, text -> stderr.print(text.endsWith("\n") ? text : text + "\n"));
            return ArrayJit.load(file, options);
        } catch (IOException e) {
            throw new UsageException("cannot read '" + file + "': " + describe(e));
        }
    }

    private KernelFunction kernel(KernelModule module, String function) throws UsageException {
        try {
            return module.function(function);
        } catch (NoSuchKernelException e) {
            List<String> close = Suggestions.closeTo(function, e.available());
            String hint = close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close.stream().map(n -> "'" + n + "'").toList()) + "?";
            String list = e.available().isEmpty() ? " (the file has no kernels: decorate functions with @njit)"
                    : " (kernels: " + String.join(", ", e.available()) + ")";
            throw new UsageException(e.getMessage() + hint + list);
        }
    }

    private static Object callOnce(KernelFunction fn, KernelFunction.Launch grid, Object[] values) throws UsageException {
        try {
            if (grid != null) {
                grid.call(values);
                return null;
            }
            return fn.call(values);
        } catch (ArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
