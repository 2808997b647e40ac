package dev.arrayjit.runtime.cli;

import dev.arrayjit.frontend.diag.CompileException;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.runtime.aot.AotCompiler;
import dev.arrayjit.runtime.aot.AotException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arrayjit aot FILE.py -o OUT.so [--export NAME:SIGNATURE ...] [--cpu baseline|native|NAME] [--header OUT.h]}. */
@Command(name = "aot", mixinStandardHelpOptions = true,
        description = "Compile kernels of a Numba source file ahead of time into a shared library with a C header.",
        footer = {"", "Exports: --export, else the file's pycc exports (@cc.export), else every eager @njit signature.",
                "Exit codes: 0 ok, 1 compile or link error (nothing written), 2 usage error, 70 internal error."})
final class AotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.py", description = "Numba source file.")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.so", description = "The shared library to write.")
    Path out;

    @Option(names = "--export", paramLabel = "NAME:SIGNATURE", description = "Export kernel NAME for a Numba signature, e.g. mult:f8(f8,f8). Repeatable.")
    List<String> exports = new ArrayList<>();

    @Option(names = "--cpu", paramLabel = "baseline|native|NAME", defaultValue = "baseline",
            description = "Target CPU: baseline (portable x86-64, the default), native (this machine) or an LLVM CPU name.")
    String cpu;

    @Option(names = "--header", paramLabel = "OUT.h", description = "The C header to write (default: OUT.h beside OUT.so).")
    Path header;

    private final PrintStream stdout;
    private final PrintStream stderr;

    AotCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override public Integer call() {
        if (!Files.isRegularFile(file)) {
            stderr.println("error: cannot read '" + file + "': " + (Files.exists(file) ? "not a regular file" : "no such file"));
            return Main.EXIT_USAGE;
        }
        if (!cpu.matches("[A-Za-z0-9_.+-]+")) {
            stderr.println("error: --cpu " + cpu + ": expected baseline, native or a CPU name such as x86-64-v3 or skylake");
            return Main.EXIT_USAGE;
        }
        Path h = header != null ? header : out.resolveSibling(out.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".h");
        try {
            AotCompiler.Result r = AotCompiler.build(file, exports, cpu, out, h);
            stdout.println("wrote " + r.library() + " and " + r.header() + ": " + String.join(", ", r.exports()) + " (" + r.millis() + " ms)");
            return Main.EXIT_OK;
        } catch (CompileException e) {
            for (Diagnostic d : e.diagnostics()) stderr.print(d.render());
            return Main.EXIT_COMPILE;
        } catch (AotException e) {
            stderr.println("error: " + e.getMessage());
            return e.usage() ? Main.EXIT_USAGE : Main.EXIT_COMPILE;
        } catch (IOException e) {
            stderr.println("error: " + e.getMessage());
            return Main.EXIT_COMPILE;
        }
    }
}
