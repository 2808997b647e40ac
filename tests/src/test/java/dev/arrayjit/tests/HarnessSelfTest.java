package dev.arrayjit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The checking logic of {@link RunCorpusTest}, without the compiler: Numba's own results must pass
 * {@link CaseCheck} for every case of the corpus, and perturbed results must fail.
 */
class HarnessSelfTest {

    /** The outcome Numba produced, rebuilt from the golden data. */
    static Outcome numbaOutcome(Corpus.Case c, Corpus.Archive data, List<Corpus.Arg> args) {
        if (c.raises() != null) return new Outcome.Raised(c.raises(), c.message());
        List<NpyData> values = new ArrayList<>();
        java.util.Set<Integer> lists = new java.util.HashSet<>();
        for (Corpus.Value v : c.result()) {
            if (v.list()) lists.add(values.size());
            values.add(data.npy(v.member()));
        }
        Map<Integer, NpyData> after = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof Corpus.ArrayArg a) after.put(i, data.npy(c.mutated().getOrDefault(i, a.member())));
        }
        return new Outcome.Returned(values, "none".equals(c.returns()), "tuple".equals(c.returns()), lists, after);
    }

    @Test
    void numbasOwnResultsPass() {
        int n = 0;
        List<String> failures = new ArrayList<>();
        for (Corpus.RunFile f : Corpus.runFiles()) {
            Corpus.Archive data = f.archive();
            for (Corpus.Case c : f.cases()) {
                List<Corpus.Arg> args = Corpus.args(c.rawArgs(), data);
                List<String> p = CaseCheck.check(c, data, args, numbaOutcome(c, data, args));
                if (!p.isEmpty()) failures.add(f.name() + " " + c.label() + ": " + p);
                n++;
            }
        }
        if (!failures.isEmpty()) throw new AssertionFailedError(String.join("\n", failures));
        assertTrue(n > 500);
    }

    private static Corpus.Case find(String file, String call) {
        return Corpus.runFile(TestPaths.runDir().resolve(file + ".py")).cases().stream()
                .filter(c -> c.call().equals(call)).findFirst().orElseThrow();
    }

    private static Corpus.Archive data(String file) {
        return Corpus.runFile(TestPaths.runDir().resolve(file + ".py")).archive();
    }

    @Test
    void wrongDtypeFails() {
        Corpus.Case c = find("arith_float32", "f32_plus_literal(np.float32(0.1))"); // float64 in Numba
        NpyData want = data("arith_float32").npy(c.result().get(0).member());
        assertEquals("float64", want.dtype());
        NpyData asF32 = NpyData.scalar("float32", Float.floatToRawIntBits((float) want.getDouble(0)));
        List<String> p = CaseCheck.check(c, data("arith_float32"), List.of(),
                new Outcome.Returned(List.of(asF32), false, false, Map.of()));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("dtype float32, Numba gives float64"), p.get(0));
    }

    @Test
    void oneUlpOffFailsExactCasesButPassesToleratedOnes() {
        NpyData x = NpyData.scalar("float64", Double.doubleToRawLongBits(0.1));
        NpyData y = NpyData.scalar("float64", Double.doubleToRawLongBits(Math.nextUp(0.1)));
        assertNotNull(Compare.diff("r", x, y, 0, false));
        assertNull(Compare.diff("r", x, y, 4, false));
        assertNull(Compare.diff("r", x, y, 0, true), "unspecified: value not compared");
        NpyData zero = NpyData.scalar("float64", Double.doubleToRawLongBits(0.0));
        NpyData negZero = NpyData.scalar("float64", Double.doubleToRawLongBits(-0.0));
        assertNotNull(Compare.diff("r", zero, negZero, 0, false), "sign of zero is checked");
        NpyData nan1 = NpyData.scalar("float64", 0x7ff8000000000000L);
        NpyData nan2 = NpyData.scalar("float64", 0xfff8000000000001L);
        assertNull(Compare.diff("r", nan1, nan2, 0, false), "any nan matches any nan");
        NpyData f1 = NpyData.scalar("float32", Float.floatToRawIntBits(1.0f));
        NpyData f2 = NpyData.scalar("float32", Float.floatToRawIntBits(Math.nextUp(Math.nextUp(1.0f))));
        assertEquals(2, Compare.ulps("float32", f1.bits(0), f2.bits(0)));
        assertEquals(0, Compare.ulps("float64", zero.bits(0), negZero.bits(0)));
    }

    @Test
    void raisingCasesNeedTheRightKindAndMessage() {
        Corpus.Case c = find("exc_value_error", "safe_log2_int(0)");
        Corpus.Archive d = data("exc_value_error");
        assertTrue(CaseCheck.check(c, d, List.of(), new Outcome.Raised("ValueError",
                "safe_log2_int: n must be positive")).isEmpty());
        assertFalse(CaseCheck.check(c, d, List.of(), new Outcome.Raised("ValueError", "other text")).isEmpty());
        assertFalse(CaseCheck.check(c, d, List.of(), new Outcome.Raised("IndexError", "")).isEmpty());
        // A library error may instead carry NumPy's wording of the same failure.
        Corpus.Case b = find("np_broadcast", "add(np.arange(3.0), np.arange(4.0))");
        Corpus.Archive bd = data("np_broadcast");
        assertTrue(CaseCheck.check(b, bd, List.of(), new Outcome.Raised("ValueError",
                "operands could not be broadcast together with shapes (3,) (4,) ")).isEmpty());
        assertFalse(CaseCheck.check(b, bd, List.of(), new Outcome.Raised("ValueError", "shapes differ")).isEmpty());
        assertFalse(CaseCheck.check(c, d, List.of(), new Outcome.Returned(List.of(NpyData.scalar("int64", 0)), false, false,
                Map.of())).isEmpty());
    }

    @Test
    void unexpectedMutationFails() {
        Corpus.Case c = find("k_sum_reduce", "total(np.arange(100.0))");
        Corpus.Archive d = data("k_sum_reduce");
        List<Corpus.Arg> args = Corpus.args(c.rawArgs(), d);
        Outcome.Returned ok = (Outcome.Returned) numbaOutcome(c, d, args);
        NpyData in = ok.argsAfter().get(0);
        byte[] changed = in.data().clone();
        changed[3] ^= 1;
        Outcome.Returned bad = new Outcome.Returned(ok.values(), false, false,
                Map.of(0, new NpyData(in.dtype(), in.shape(), changed)));
        List<String> p = CaseCheck.check(c, d, args, bad);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("argument 0 (must be unchanged)"), p.get(0));
    }

    @Test
    void fortranOrderFilesReadInLogicalOrder() {
        Corpus.Case c = find("k_transpose", "transpose(np.asfortranarray(np.arange(12, dtype=np.int16).reshape(3, 4)))");
        Corpus.Archive d = data("k_transpose");
        NpyData in = d.npy(((Corpus.ArrayArg) Corpus.args(c.rawArgs(), d).get(0)).member());
        assertEquals("int16", in.dtype());
        for (int k = 0; k < 12; k++) assertEquals(Integer.toString(k), in.format(k), "element " + k);
        NpyData out = d.npy(c.result().get(0).member());
        assertEquals("[4, 3]", java.util.Arrays.toString(out.shape()));
        assertEquals("float64", out.dtype());
        assertEquals("4.0", out.format(1)); // t[0, 1] = a[1, 0] = 4
    }
}
