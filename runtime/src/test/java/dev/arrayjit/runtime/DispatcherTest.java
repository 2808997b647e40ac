package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DispatcherTest {
    private static Specialization fake(List<Type> types) {
        return new Specialization(types, Types.NONE, List.of(), null, null, 0);
    }

    @Test
    void sixteenThreadsAskingForOneNewSignatureCompileItOnce() throws Exception {
        List<List<Type>> compiled = new CopyOnWriteArrayList<>();
        Dispatcher d = new Dispatcher("f", List.of("x", "y"), List.of(), types -> {
            compiled.add(types);
            try {
                Thread.sleep(200); // a slow compilation, so every thread arrives while it runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return fake(types);
        });
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Specialization>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return d.resolve(new Object[] {1L, NDArray.zeros(Types.FLOAT32, 3)});
            }));
        }
        start.countDown();
        Specialization first = results.get(0).get();
        for (Future<Specialization> r : results) assertSame(first, r.get());
        pool.shutdown();
        assertEquals(1, d.compileCount());
        assertEquals(List.of(List.of(Types.INT64, new Type.Array(Types.FLOAT32, 1, Layout.C, false))), compiled);

        d.resolve(new Object[] {2.0, NDArray.zeros(Types.FLOAT32, 3)});
        d.resolve(new Object[] {5, NDArray.zeros(Types.FLOAT32, 7)}); // Integer is a Python int: same key as before
        assertEquals(2, d.compileCount());
    }

    @Test
    void aFailedCompilationIsNotCached() {
        AtomicInteger calls = new AtomicInteger();
        Dispatcher d = new Dispatcher("f", List.of("x"), List.of(), types -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("first try fails");
            return fake(types);
        });
        assertThrows(IllegalStateException.class, () -> d.resolve(new Object[] {1L}));
        d.resolve(new Object[] {1L});
        assertEquals(2, d.compileCount());
    }

    @Test
    void argumentCountAndUnsupportedValuesAreArgumentErrors() {
        Dispatcher d = new Dispatcher("f", List.of("x", "y"), List.of(), DispatcherTest::fake);
        var e = assertThrows(ArgumentException.class, () -> d.resolve(new Object[] {1L}));
        assertEquals("f() takes 2 positional arguments but 1 was given", e.getMessage());
        var e2 = assertThrows(ArgumentException.class, () -> d.resolve(new Object[] {1L, "text"}));
        assertTrue(e2.getMessage().contains("argument 'y' of f()"), e2.getMessage());
    }

    @Test
    void eagerSignaturesConvertLikeNumba() {
        List<Type> ints = List.of(Types.INT64), floats = List.of(Types.FLOAT64);
        Dispatcher d = new Dispatcher("k", List.of("x"), List.of(ints, floats), DispatcherTest::fake);
        assertEquals(ints, d.resolve(new Object[] {Scalar.of(Types.INT32, 3)}).argTypes(), "int32 promotes to int64");
        assertEquals(floats, d.resolve(new Object[] {1.5f}).argTypes(), "float32 promotes to float64");
        assertEquals(floats, d.resolve(new Object[] {Scalar.of(Types.UINT64, 3)}).argTypes(), "uint64 -> float64 is safe");
        var e = assertThrows(ArgumentException.class, () -> d.resolve(new Object[] {true}));
        assertEquals("ambiguous overloading of k() for argument type(s) (bool)", e.getMessage(), "as in Numba");
        assertEquals(2, d.compileCount());

        Dispatcher only = new Dispatcher("h", List.of("x"), List.of(ints), DispatcherTest::fake);
        assertEquals(ints, only.resolve(new Object[] {1.7}).argTypes(), "float64 -> int64 is unsafe but allowed, as in Numba");
        assertEquals(1, only.compileCount());
    }

    @Test
    void eagerSignaturesRejectWhatCannotConvert() {
        Type f8 = new Type.Array(Types.FLOAT64, 1, Layout.A, false);
        Dispatcher d = new Dispatcher("s", List.of("a"), List.of(List.of(f8)), DispatcherTest::fake);
        assertEquals(List.of(f8), d.resolve(new Object[] {NDArray.of(1.0, 2.0)}).argTypes(), "C converts to A");
        var e = assertThrows(ArgumentException.class, () -> d.resolve(new Object[] {NDArray.of(1f, 2f)}));
        assertEquals("no matching definition for argument type(s) (float32[::1]) of s(); its signatures are (float64[:])",
                e.getMessage());
        assertEquals(1, d.compileCount());
    }

    @Test
    void eagerSignaturesCanCompileAhead() {
        Dispatcher d = new Dispatcher("k", List.of("x"), List.of(List.of(Types.INT64), List.of(Types.FLOAT64)), DispatcherTest::fake);
        d.compileEager();
        assertEquals(2, d.compileCount());
        assertEquals(2, d.specializations().size());
    }
}
