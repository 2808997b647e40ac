package dev.arrayjit.codegen.llvm;

import static dev.arrayjit.codegen.llvm.Ir.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.arrayjit.typeinfer.backend.Abi;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.Fill;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayTest {
    private final Sites sites = new Sites();
    private final ErrorSite oob = sites.add(ExcKind.IndexError, "index {0} is out of bounds for axis {1} with size {2}");

    /** get(a, i, j) = a[i, j] for a 2-D float64 array of the given layout. */
    private Kernel get2d(Layout layout) {
        Fn f = new Fn("get", F64);
        Var a = f.param("a", array(F64, 2, layout)), i = f.param("i", I64), j = f.param("j", I64);
        return Kernel.compile(unit(sites, f.body(ret(at(load(a), oob, load(i), load(j))))));
    }

    /** put(a, i, j, v): a[i, j] = v. */
    private Kernel put2d(Layout layout) {
        Fn f = new Fn("put", Types.NONE);
        Var a = f.param("a", array(F64, 2, layout)), i = f.param("i", I64), j = f.param("j", I64), v = f.param("v", F64);
        return Kernel.compile(unit(sites, f.body(store(load(a), oob, load(v), load(i), load(j)))));
    }

    private static void fill(NdArray a) {
        for (long i = 0; i < a.shape()[0]; i++) for (long j = 0; j < a.shape()[1]; j++) a.set(i * 10.0 + j, i, j);
    }

    @Test void twoDimensionalAccessInEveryLayout() {
        try (Arena arena = Arena.ofConfined();
             Kernel getC = get2d(Layout.C); Kernel getF = get2d(Layout.F); Kernel getA = get2d(Layout.A);
             Kernel putC = put2d(Layout.C); Kernel putF = put2d(Layout.F); Kernel putA = put2d(Layout.A)) {
            NdArray c = NdArray.c(arena, F64, 3, 4);
            NdArray fo = NdArray.fortran(arena, F64, 3, 4);
            fill(c);
            fill(fo);
            // A non-contiguous view: every other column of a 3x8 C array, and a transposed view.
            NdArray wide = NdArray.c(arena, F64, 3, 8);
            NdArray strided = wide.view(8, new long[] {3, 4}, new long[] {64, 16});
            fill(strided);
            NdArray transposed = c.view(0, new long[] {4, 3}, new long[] {8, 32});
            for (long i = 0; i < 3; i++) {
                for (long j = 0; j < 4; j++) {
                    assertEquals(i * 10.0 + j, getC.call(c, i, j));
                    assertEquals(i * 10.0 + j, getF.call(fo, i, j));
                    assertEquals(i * 10.0 + j, getA.call(strided, i, j));
                    assertEquals(i * 10.0 + j, getA.call(transposed, j, i));
                }
            }
            putC.call(c, 1L, 2L, -1.0);
            putF.call(fo, 2L, 3L, -2.0);
            putA.call(strided, 0L, 3L, -3.0);
            assertEquals(-1.0, c.getDouble(1, 2));
            assertEquals(-2.0, fo.getDouble(2, 3));
            assertEquals(-3.0, wide.getDouble(0, 7));
            assertEquals(0.0, wide.getDouble(0, 6));
        }
    }

    @Test void negativeIndicesWrapAndOutOfBoundsRaisesWithPayload() {
        try (Arena arena = Arena.ofConfined(); Kernel get = get2d(Layout.C); Kernel put = put2d(Layout.C)) {
            NdArray c = NdArray.c(arena, F64, 3, 4);
            fill(c);
            assertEquals(23.0, get.call(c, -1L, -1L));
            assertEquals(0.0, get.call(c, -3L, -4L));
            Kernel.Raised r = assertThrows(Kernel.Raised.class, () -> get.call(c, 1L, 4L));
            assertEquals(oob.id(), r.site);
            assertArrayEquals(new long[] {4, 1, 4}, r.payload);
            r = assertThrows(Kernel.Raised.class, () -> get.call(c, -4L, 0L));
            assertArrayEquals(new long[] {-4, 0, 3}, r.payload);
            r = assertThrows(Kernel.Raised.class, () -> put.call(c, 0L, Long.MIN_VALUE, 1.0));
            assertArrayEquals(new long[] {Long.MIN_VALUE, 1, 4}, r.payload);
        }
    }

    @Test void elementTypesOfEveryWidth() {
        for (Type dtype : List.of(Types.INT8, Types.UINT16, Types.INT32, Types.FLOAT32, Types.INT64)) {
            // inc(a, i): a[i] = a[i] + 1 (computed in the dtype); return a[i]
            Fn f = new Fn("inc", dtype);
            Var a = f.param("a", array(dtype, 1, Layout.C)), i = f.param("i", I64);
            TypedFunction fn = f.body(
                    store(load(a), oob, add(at(load(a), oob, load(i)), c(dtype, dtype.isFloat() ? (Object) 1.0 : (Object) 1L)), load(i)),
                    ret(at(load(a), oob, load(i))));
            try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, fn))) {
                NdArray arr = NdArray.c(arena, dtype, 4);
                arr.set(41L, 2);
                Object result = k.call(arr, 2L);
                if (dtype.isFloat()) assertEquals(42.0, result);
                else assertEquals(42L, result);
                assertEquals(0L, arr.getLong(1));
                assertEquals(0L, arr.getLong(3));
            }
        }
    }

    @Test void boolArraysHoldOneBytePerElement() {
        // flip(a, i): a[i] = not a[i]; return a[i]
        Fn f = new Fn("flip", BOOL);
        Var a = f.param("a", array(BOOL, 1, Layout.C)), i = f.param("i", I64);
        TypedFunction fn = f.body(
                store(load(a), oob, unary(dev.arrayjit.typeinfer.ir.UnOp.NOT, at(load(a), oob, load(i))), load(i)),
                ret(at(load(a), oob, load(i))));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, fn))) {
            NdArray arr = NdArray.c(arena, BOOL, 3);
            assertEquals(true, k.call(arr, 1L));
            assertEquals(1L, arr.getLong(1));
            assertEquals(0L, arr.getLong(0));
            assertEquals(0L, arr.getLong(2));
            assertEquals(false, k.call(arr, 1L));
        }
    }

    @Test void shapeAndSize() {
        Fn f = new Fn("shape", new Type.Tuple(List.of(I64, I64, I64)));
        Var a = f.param("a", array(F64, 2, Layout.A));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, f.body(ret(tuple(dim(load(a), 0), dim(load(a), 1), size(load(a)))))))) {
            assertEquals(List.of(3L, 5L, 15L), k.call(NdArray.c(arena, F64, 3, 5)));
        }
    }

    @Test void allocatedArraysAreReturnedWithTheirBlock() {
        ErrorSite negative = sites.add(ExcKind.ValueError, "negative dimensions are not allowed");
        Fn f = new Fn("zeros", array(F64, 2, Layout.C));
        Var n = f.param("n", I64), m = f.param("m", I64), r = f.local("r", array(F64, 2, Layout.C));
        TypedFunction fn = f.body(
                assign(r, alloc(F64, Fill.ZEROS, negative, load(n), load(m))),
                store(load(r), oob, f(7.5), i(1), i(2)),
                ret(load(r)));
        try (Kernel k = Kernel.compile(unit(sites, fn))) {
            NdArray out = (NdArray) k.call(3L, 4L);
            assertArrayEquals(new long[] {3, 4}, out.shape());
            assertArrayEquals(new long[] {32, 8}, out.strides());
            assertNotEquals(MemorySegment.NULL, out.meminfo());
            assertEquals(out.meminfo().address(), out.data().address());
            assertEquals(0, out.data().address() % 64, "64-byte aligned");
            assertEquals(List.of(out.meminfo().address()), k.allocations.stream().map(MemorySegment::address).toList());
            double sum = 0;
            for (long i = 0; i < 3; i++) for (long j = 0; j < 4; j++) sum += out.getDouble(i, j);
            assertEquals(7.5, sum);
            assertEquals(7.5, out.getDouble(1, 2));
            Kernel.Raised raised = assertThrows(Kernel.Raised.class, () -> k.call(3L, -2L));
            assertEquals(negative.id(), raised.site);
            assertEquals(-2L, raised.payload[0]);
            raised = assertThrows(Kernel.Raised.class, () -> k.call(0L, 5L)); // r[1, 2] of a 0x5 array
            assertArrayEquals(new long[] {1, 0, 0}, raised.payload);
            raised = assertThrows(Kernel.Raised.class, () -> k.call(1L << 40, 1L << 40));
            assertEquals(Abi.SITE_NO_MEMORY, raised.site);
        }
    }

    @Test void onesOfEveryKindAndAGrowingAllocationList() {
        for (Type dtype : List.of(F64, F32, I64, Types.INT16, BOOL, Types.COMPLEX128)) {
            Fn f = new Fn("ones", array(dtype, 1, Layout.C));
            Var n = f.param("n", I64);
            try (Kernel k = Kernel.compile(unit(sites, f.body(ret(alloc(dtype, Fill.ONES, null, load(n))))))) {
                assertArrayEquals(new long[] {0}, ((NdArray) k.call(0L)).shape());
                NdArray out = (NdArray) k.call(37L);
                for (long i = 0; i < 37; i++) {
                    if (dtype.isFloat() || dtype instanceof Type.Complex) assertEquals(1.0, out.getDouble(i), dtype + "[" + i + "]");
                    else assertEquals(1L, out.getLong(i), dtype + "[" + i + "]");
                }
            }
        }
        // 40 allocations in a loop: the list grows past its first capacity; the last one is returned.
        Fn f = new Fn("many", array(I64, 1, Layout.C));
        Var n = f.param("n", I64), r = f.local("r", array(I64, 1, Layout.C)), i = f.local("i", I64);
        TypedFunction fn = f.body(
                range(i, load(n), assign(r, alloc(I64, Fill.EMPTY, null, i(4))), store(load(r), oob, load(i), i(0))),
                ret(load(r)));
        try (Kernel k = Kernel.compile(unit(sites, fn))) {
            NdArray out = (NdArray) k.call(40L);
            assertEquals(39L, out.getLong(0));
            assertEquals(40, k.allocations.size());
            assertEquals(out.meminfo().address(), k.allocations.get(39).address());
        }
    }

    @Test void returnedInputArraysKeepTheirNullMeminfo() {
        Fn f = new Fn("id", array(F64, 1, Layout.C));
        Var a = f.param("a", array(F64, 1, Layout.C));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, f.body(ret(load(a)))))) {
            NdArray in = NdArray.of(arena, 1, 2, 3);
            NdArray out = (NdArray) k.call(in);
            assertEquals(MemorySegment.NULL, out.meminfo());
            assertEquals(in.data().address(), out.data().address());
            assertTrue(k.allocations.isEmpty());
        }
    }

    @Test void uncheckedAccessStillWrapsNegativeIndices() {
        Fn f = new Fn("last", F64);
        Var a = f.param("a", array(F64, 1, Layout.C));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(null, f.body(ret(at(load(a), null, i(-1))))))) {
            assertEquals(3.0, k.call(NdArray.of(arena, 1, 2, 3)));
        }
    }
}
