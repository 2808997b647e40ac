package dev.arrayjit.runtime;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.Span;
import dev.arrayjit.runtime.call.EntryPoint;
import dev.arrayjit.typeinfer.backend.Backend;
import dev.arrayjit.typeinfer.backend.CompileOptions;
import dev.arrayjit.typeinfer.backend.CompiledUnit;
import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.ir.Flags;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the backend on a background thread while the main thread parses and types the file, and
 * compiles a tiny kernel with it: the first compilation in a process loads LLVM and most of the code
 * generator (hundreds of milliseconds), and creating the first downcall handle costs tens more.
 * Overlapping them with parsing shortens the first call; a failure here is ignored, since the real
 * compilation reports it.
 */
final class Warmup {
    private Warmup() {}

    private static final ConcurrentHashMap<String, CompletableFuture<Backend>> BACKENDS = new ConcurrentHashMap<>();

    /** Starts (once per target) finding and warming the backend. */
    static void start(String target) {
        BACKENDS.computeIfAbsent(target, t -> CompletableFuture.supplyAsync(() -> {
            Backend b = KernelModule.findBackend(t);
            try {
                EntryPoint.warmUp();
                try (CompiledUnit c = b.compile(sumKernel(), CompileOptions.DEFAULT)) {
                    c.entryAddress();
                }
            } catch (RuntimeException | LinkageError e) {
                // the real compilation will meet (and report) the same problem
            }
            return b;
        }, r -> {
            Thread th = new Thread(r, "arrayjit-warmup");
            th.setDaemon(true);
            th.start();
        }));
    }

    /** The backend for a target, from the warm-up when one was started. */
    static Backend backend(String target) {
        CompletableFuture<Backend> f = BACKENDS.get(target);
        if (f == null) return KernelModule.findBackend(target);
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            BACKENDS.remove(target, f);
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** {@code def sum(a): s = 0.0; for i in range(a.shape[0]): s = s + a[i]; return s} over float64[::1]. */
    private static CompileUnit sumKernel() {
        SourceFile src = new SourceFile("<warmup>", "def sum(a):\n    return 0.0\n");
        Span sp = new Span(src, 0, 3);
        Type.Array arr = new Type.Array(Types.FLOAT64, 1, Layout.C, false);
        Var a = new Var("a", arr, 0), s = new Var("s", Types.FLOAT64, 1), i = new Var("i", Types.INT64, 2);
        TExpr load = new TExpr.ArrayLoad(new TExpr.Load(a, sp), List.of(new TExpr.Load(i, sp)), null, sp);
        List<TStmt> body = List.of(
                new TStmt.Assign(s, new TExpr.Const(Types.FLOAT64, 0.0, sp), sp),
                new TStmt.ForRange(i, new TExpr.Const(Types.INT64, 0L, sp), new TExpr.ArrayDim(new TExpr.Load(a, sp), 0, sp),
                        new TExpr.Const(Types.INT64, 1L, sp),
                        List.of(new TStmt.Assign(s, new TExpr.Binary(ArithOp.ADD, new TExpr.Load(s, sp), load, Types.FLOAT64, null, sp), sp)),
                        null, sp),
                new TStmt.Return(new TExpr.Load(s, sp), sp));
        TypedFunction f = new TypedFunction("sum", "arrayjit_warmup_sum", List.of(a), Types.FLOAT64, List.of(a, s, i), body,
                Flags.DEFAULT, sp);
        return new CompileUnit(f, List.of(f), List.of());
    }
}
