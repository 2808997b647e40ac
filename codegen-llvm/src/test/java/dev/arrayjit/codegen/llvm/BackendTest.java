package dev.arrayjit.codegen.llvm;

import static dev.arrayjit.codegen.llvm.Ir.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.arrayjit.typeinfer.backend.Backend;
import dev.arrayjit.typeinfer.backend.CompileOptions;
import dev.arrayjit.typeinfer.backend.CompiledUnit;
import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.Var;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BackendTest {
    /** f(a) = a * k + 1 for a constant k (so that units differ). */
    private static CompileUnit small(long k) {
        Fn f = new Fn("small" + k, I64);
        Var a = f.param("a", I64);
        return unit(null, f.body(ret(add(mul(load(a), i(k)), i(1)))));
    }

    @Test void foundThroughServiceLoader() {
        List<Backend> backends = ServiceLoader.load(Backend.class).stream().map(ServiceLoader.Provider::get).toList();
        assertTrue(backends.stream().anyMatch(b -> b.name().equals("cpu") && b instanceof LlvmBackend), backends.toString());
    }

    @Test void dumpsOnlyWhatWasAskedFor() {
        LlvmBackend backend = new LlvmBackend();
        try (CompiledUnit plain = backend.compile(small(3), CompileOptions.DEFAULT);
             CompiledUnit all = backend.compile(small(3), CompileOptions.DEFAULT.withDumps(Set.of("llvm", "llvm-opt", "asm")))) {
            assertNull(plain.dump("llvm"));
            assertNull(plain.dump("llvm-opt"));
            assertTrue(all.dump("llvm").contains("alloca i64"), all.dump("llvm"));
            assertFalse(all.dump("llvm-opt").contains("alloca"), all.dump("llvm-opt"));
            assertTrue(all.dump("asm").contains("imul") || all.dump("asm").contains("lea"), all.dump("asm"));
        }
    }

    @Test void irIsPrintedWhenTheDumpPropertyIsSet() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty("arrayjit.dumpIr", "true");
        try {
            System.setErr(new PrintStream(captured, true));
            new LlvmBackend().compile(small(5), CompileOptions.DEFAULT).close();
        } finally {
            System.setErr(saved);
            System.clearProperty("arrayjit.dumpIr");
        }
        String text = captured.toString();
        assertTrue(text.contains("; ==== arrayjit llvm ====") && text.contains("; ==== arrayjit llvm-opt ===="), text);
    }

    @Test void closingFreesTheCodeAndInvalidatesTheAddress() {
        Kernel k = Kernel.compile(small(7));
        assertEquals(15L, k.call(2L));
        k.close();
        assertThrows(IllegalStateException.class, k.compiled::entryAddress);
        k.compiled.close(); // idempotent
        // Many units compiled and closed: each gets a fresh, unique entry symbol.
        for (int n = 0; n < 50; n++) {
            try (Kernel again = Kernel.compile(small(7))) {
                assertEquals(15L, again.call(2L));
            }
        }
    }

    @Test void unsupportedIrIsAnInternalCompilerError() {
        Fn f = new Fn("bad", I64);
        Var a = f.param("a", I64);
        CompileUnit u = unit(null, f.body(ret(new TExpr.Binary(ArithOp.DIV, load(a), load(a), I64, null, null))));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new LlvmBackend().compile(u, CompileOptions.DEFAULT));
        assertTrue(e.getMessage().contains("internal compiler error"), e.getMessage());
    }

    @Test void compilesInParallelThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int n = 0; n < 24; n++) {
                long k = n;
                results.add(pool.submit(() -> {
                    // Each thread compiles a unit with a loop, so that optimisation takes a while.
                    Fn f = new Fn("sum" + k, I64);
                    Var a = f.param("a", I64), s = f.local("s", I64), i = f.local("i", I64);
                    CompileUnit u = unit(null, f.body(assign(s, i(0)),
                            range(i, load(a),
                                    ifThen(cmp(CmpOp.NE, bin(ArithOp.MOD, load(i), i(3)), i(0)), assign(s, add(load(s), mul(load(i), i(k)))))),
                            ret(load(s))));
                    try (Kernel kernel = Kernel.compile(u, CompileOptions.DEFAULT)) {
                        return (Long) kernel.call(100L);
                    }
                }));
            }
            for (int n = 0; n < results.size(); n++) {
                long expected = 0;
                for (int i = 0; i < 100; i++) if (i % 3 != 0) expected += (long) i * n;
                assertEquals(expected, results.get(n).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test void warmCompileOfASmallFunctionTakesMilliseconds() {
        LlvmBackend backend = new LlvmBackend();
        for (int n = 0; n < 20; n++) backend.compile(small(n), CompileOptions.DEFAULT).close(); // warm up
        long[] nanos = new long[40];
        for (int n = 0; n < nanos.length; n++) {
            CompileUnit u = small(100 + n);
            long start = System.nanoTime();
            CompiledUnit c = backend.compile(u, CompileOptions.DEFAULT);
            c.entryAddress();
            nanos[n] = System.nanoTime() - start;
            c.close();
        }
        Arrays.sort(nanos);
        double medianMs = nanos[nanos.length / 2] / 1e6;
        System.out.printf("warm compile of a small function: median %.2f ms, min %.2f ms%n", medianMs, nanos[0] / 1e6);
        assertTrue(medianMs < 100, "median warm compile " + medianMs + " ms");
    }
}
