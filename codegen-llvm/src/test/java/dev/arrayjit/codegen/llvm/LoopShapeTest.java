package dev.arrayjit.codegen.llvm;

import static dev.arrayjit.codegen.llvm.Ir.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.Fill;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shape of hot loops after O3 with the host TargetMachine (see {@code LlvmGenerator.loopLatch}
 * and {@code allocHelper}): scalar loops are not runtime-unrolled, versioned loops run unchecked,
 * large arrays ask for huge pages.
 */
class LoopShapeTest {
    private final Sites sites = new Sites();
    private final ErrorSite oob = sites.add(ExcKind.IndexError, "index {0} is out of bounds for axis {1} with size {2}");
    private static final Type VEC = array(I64, 1, Layout.C);
    private static final Type MAT = array(F64, 2, Layout.C);
    private static final Type NONE = dev.arrayjit.typeinfer.types.Types.NONE;
    private static final Pattern LABEL = Pattern.compile("^([-\\w.$]+):", Pattern.MULTILINE);

    /** Basic blocks of the optimized IR: label to text (labels repeat across functions; all are kept). */
    private static List<String[]> blocks(String ir) {
        List<String[]> out = new ArrayList<>();
        Matcher m = LABEL.matcher(ir);
        int start = -1;
        String label = null;
        while (m.find()) {
            if (label != null) out.add(new String[] {label, ir.substring(start, m.start())});
            label = m.group(1);
            start = m.start();
        }
        if (label != null) out.add(new String[] {label, ir.substring(start)});
        return out;
    }

    /** Whether the block's terminator branches back to the block itself. */
    private static boolean selfLoop(String[] block) {
        return Pattern.compile("label %" + Pattern.quote(block[0]) + "(?![-\\w.$])").matcher(block[1]).find();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) n++;
        return n;
    }

    /**
     * bubble_sort(a): for i in range(n): for j in range(n - 1 - i): if a[j] > a[j + 1]: swap.
     * The compare-and-swap branch stays a branch (stores are not speculated); what matters is that
     * the loop is not runtime-unrolled into 8 copies of that data-dependent branch.
     */
    @Test void bubbleSortInnerLoopIsNotRuntimeUnrolled() {
        Fn f = new Fn("bubble", NONE);
        Var a = f.param("a", VEC);
        Var n = f.local("n", I64), i = f.local("i", I64), j = f.local("j", I64), t = f.local("t", I64);
        TypedFunction fn = f.body(
                assign(n, dim(load(a), 0)),
                range(i, load(n),
                        range(j, sub(sub(load(n), i(1)), load(i)),
                                ifThen(cmp(CmpOp.GT, at(load(a), oob, load(j)), at(load(a), oob, add(load(j), i(1)))),
                                        assign(t, at(load(a), oob, load(j))),
                                        store(load(a), oob, at(load(a), oob, add(load(j), i(1))), load(j)),
                                        store(load(a), oob, load(t), add(load(j), i(1)))))));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, fn))) {
            // Every back edge carries its own loop id asking for no runtime unrolling.
            FileCheck.check(k.ir(), """
                    CHECK: for.unchecked:
                    CHECK: !llvm.loop
                    CHECK: distinct !{
                    CHECK: !{!"llvm.loop.unroll.runtime.disable"}
                    """);
            int latches = 0;
            for (String line : k.ir().split("\n")) if (line.contains("label %for.body") && line.contains("!llvm.loop")) latches++;
            assertTrue(latches >= 3, "outer loop and both clones of the inner loop are marked:\n" + k.ir());
            String opt = k.optimizedIr();
            for (String remainder : List.of("unroll_iter", "xtraiter", ".epil", ".prol")) {
                assertFalse(opt.contains(remainder), "runtime-unrolled (" + remainder + "):\n" + opt);
            }
            // The hot loop: one element load and one compare per iteration.
            boolean found = false;
            for (String[] block : blocks(opt)) {
                if (block[1].contains("icmp sgt i64") && block[1].contains("load i64") && !block[1].contains("raise")) {
                    assertEquals(1, count(block[1], "load i64"), "one new element per iteration:\n" + block[1]);
                    found = true;
                }
            }
            assertTrue(found, "no compare block in:\n" + opt);

            Random rnd = new Random(7);
            for (int size : new int[] {0, 1, 2, 7, 8, 9, 100, 257}) {
                long[] values = rnd.longs(size, -1000, 1000).toArray();
                NdArray arr = NdArray.ofLongs(arena, values);
                k.call(arr);
                long[] sorted = values.clone();
                java.util.Arrays.sort(sorted);
                for (int q = 0; q < size; q++) assertEquals(sorted[q], arr.getLong(q), "size " + size + " at " + q);
            }
        }
    }

    /**
     * matmul(a, b): c = np.zeros((n, m)); for i, j: s = 0.0; for k in range(p): s += a[i, k] * b[k, j].
     * The k loop runs in its unchecked clone as one fmul + fadd per iteration (no runtime unrolling,
     * no bounds checks; the float reduction keeps its order, so no vectors without fastmath), and a
     * b with too few rows still raises at the exact element.
     */
    @Test void matmulInnerLoopIsUncheckedAndNotUnrolled() {
        ErrorSite negative = sites.add(ExcKind.ValueError, "negative dimensions are not allowed");
        Fn f = new Fn("matmul", MAT);
        Var a = f.param("a", MAT), b = f.param("b", MAT);
        Var n = f.local("n", I64), p = f.local("p", I64), m = f.local("m", I64), c = f.local("c", MAT);
        Var i = f.local("i", I64), j = f.local("j", I64), kk = f.local("k", I64), s = f.local("s", F64);
        TypedFunction fn = f.body(
                assign(n, dim(load(a), 0)), assign(p, dim(load(a), 1)), assign(m, dim(load(b), 1)),
                assign(c, alloc(F64, Fill.ZEROS, negative, load(n), load(m))),
                range(i, load(n),
                        range(j, load(m),
                                assign(s, f(0.0)),
                                range(kk, load(p),
                                        assign(s, add(load(s), mul(at(load(a), oob, load(i), load(kk)),
                                                at(load(b), oob, load(kk), load(j)))))),
                                store(load(c), oob, load(s), load(i), load(j)))),
                ret(load(c)));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, fn))) {
            FileCheck.check(k.ir(), """
                    CHECK: for.unchecked:
                    CHECK: for.checked:
                    CHECK: for.body
                    CHECK-NOT: raise
                    CHECK: fmul double
                    CHECK: fadd double
                    CHECK: !llvm.loop
                    CHECK: raise
                    """);
            String opt = k.optimizedIr();
            boolean hot = false;
            for (String[] block : blocks(opt)) {
                String text = block[1];
                if (text.contains("fmul double") && text.contains("fadd double") && selfLoop(block)) {
                    assertFalse(text.contains("raise"), "bounds checks in the hot loop:\n" + text);
                    assertEquals(1, count(text, "fadd double"), "unrolled:\n" + text);
                    hot = true;
                }
            }
            assertTrue(hot, "no single-block k loop in:\n" + opt);
            assertFalse(opt.contains("unroll_iter"), opt);

            int rows = 5, inner = 7, cols = 6;
            NdArray x = NdArray.c(arena, F64, rows, inner), y = NdArray.c(arena, F64, inner, cols);
            for (int r = 0; r < rows; r++) for (int q = 0; q < inner; q++) x.set(Math.sin(r * 7 + q) * 3.1, r, q);
            for (int q = 0; q < inner; q++) for (int col = 0; col < cols; col++) y.set(Math.cos(q * 5 + col) / 1.7, q, col);
            NdArray out = (NdArray) k.call(x, y);
            for (int r = 0; r < rows; r++) {
                for (int col = 0; col < cols; col++) {
                    double sum = 0.0;
                    for (int q = 0; q < inner; q++) sum += x.getDouble(r, q) * y.getDouble(q, col);
                    assertEquals(sum, out.getDouble(r, col), "c[" + r + ", " + col + "]"); // bit-identical order
                }
            }
            // b has 4 rows where a has 7 columns: the checked clone raises at b[4, 0] (i = 0, j = 0, k = 4).
            NdArray shortB = NdArray.c(arena, F64, 4, cols);
            Kernel.Raised raised = assertThrows(Kernel.Raised.class, () -> k.call(x, shortB));
            assertEquals(oob.id(), raised.site);
            assertArrayEquals(new long[] {4, 0, 4}, raised.payload);
        }
    }

    /** np.empty(n) of 4 MiB or more: a 2 MiB aligned block advised MADV_HUGEPAGE; small ones unchanged. */
    @Test void largeArraysAskForHugePages() {
        Fn f = new Fn("empty", array(F64, 1, Layout.C));
        Var n = f.param("n", I64), r = f.local("r", array(F64, 1, Layout.C)), i = f.local("i", I64);
        TypedFunction fn = f.body(
                assign(r, alloc(F64, Fill.EMPTY, null, load(n))),
                range(i, load(n), store(load(r), oob, cast(load(i), F64), load(i))),
                ret(load(r)));
        try (Kernel k = Kernel.compile(unit(sites, fn))) {
            boolean linux = System.getProperty("os.name").toLowerCase().contains("linux");
            if (linux) {
                FileCheck.check(k.ir(), """
                        CHECK: define internal ptr @aj.alloc(ptr %0, i64 %1)
                        CHECK: %huge = icmp uge i64 %1, 4194304
                        CHECK: select i1 %huge, i64 2097152, i64 64
                        CHECK: call ptr @aligned_alloc(
                        CHECK: madvise:
                        CHECK: call i32 @madvise(ptr
                        CHECK: i32 14)
                        CHECK: declare i32 @madvise(ptr, i64, i32)
                        """);
            }
            long big = (5L << 20) / 8 + 3; // 5 MiB + 24 bytes
            NdArray out = (NdArray) k.call(big);
            if (linux) assertEquals(0, out.data().address() % (2L << 20), "2 MiB aligned");
            assertEquals(0.0, out.getDouble(0));
            assertEquals(big - 1.0, out.getDouble(big - 1));
            assertEquals(12345.0, out.getDouble(12345));
            NdArray small = (NdArray) k.call(1000L);
            assertEquals(0, small.data().address() % 64, "64-byte aligned");
            assertEquals(999.0, small.getDouble(999));
        }
    }
}
