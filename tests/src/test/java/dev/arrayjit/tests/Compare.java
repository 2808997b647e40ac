package dev.arrayjit.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares a result with Numba's golden value.
 * <ul>
 *   <li>dtype and shape must be equal (the dtype is Numba's: int64 vs int32, float32 vs float64 ...);</li>
 *   <li>integers and bools: exactly equal;</li>
 *   <li>floats with {@code ulp == 0}: bit-identical, except that any NaN matches any NaN (so -0.0 and
 *       0.0 differ: Numba's sign of zero is part of its semantics);</li>
 *   <li>floats with {@code ulp > 0}: at most {@code ulp} units in the last place of the dtype apart
 *       (the corpus uses 4 for transcendental math, which vector math libraries compute to 4 ulp);</li>
 *   <li>{@code unspecified}: Numba's value is undefined behaviour (float to int casts of nan/inf):
 *       only dtype and shape are checked.</li>
 * </ul>
 * Memory order is not compared: both sides are in C order here.
 */
final class Compare {
    private Compare() {}

    private static final int MAX_REPORTED = 6;

    /** Null when {@code actual} matches {@code expected}, else a description of the differences. */
    static String diff(String what, NpyData expected, NpyData actual, int ulp, boolean unspecified) {
        if (actual == null) return what + ": expected " + expected + ", got nothing";
        if (!expected.dtype().equals(actual.dtype())) {
            return what + ": dtype " + actual.dtype() + ", Numba gives " + expected.dtype()
                    + " (expected " + expected.preview() + ", got " + actual.preview() + ")";
        }
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            return what + ": shape " + Arrays.toString(actual.shape()) + ", expected " + Arrays.toString(expected.shape());
        }
        if (unspecified) return null;
        List<String> bad = new ArrayList<>();
        long mismatches = 0;
        for (long k = 0; k < expected.size(); k++) {
            String why = element(expected, actual, k, ulp);
            if (why == null) continue;
            mismatches++;
            if (bad.size() < MAX_REPORTED) {
                bad.add((expected.shape().length == 0 ? "" : "at " + expected.index(k) + ": ")
                        + "expected " + expected.format(k) + ", got " + actual.format(k) + why);
            }
        }
        if (mismatches == 0) return null;
        StringBuilder sb = new StringBuilder(what).append(": ");
        if (expected.shape().length > 0) {
            sb.append(mismatches).append(" of ").append(expected.size()).append(" elements differ")
              .append(ulp > 0 ? " (tolerance " + ulp + " ulp)" : "").append("\n    ");
        }
        sb.append(String.join("\n    ", bad));
        if (mismatches > bad.size()) sb.append("\n    ...");
        return sb.toString();
    }

    private static String element(NpyData e, NpyData a, long k, int ulp) {
        long eb = e.bits(k), ab = a.bits(k);
        if (eb == ab) return null;
        if (!e.isFloat()) return "";
        double ev = e.getDouble(k), av = a.getDouble(k);
        if (Double.isNaN(ev) && Double.isNaN(av)) return null;
        if (ulp == 0) return Double.compare(ev, av) == 0 ? null : distanceNote(e, eb, ab);
        if (Double.isNaN(ev) || Double.isNaN(av) || Double.isInfinite(ev) || Double.isInfinite(av)) return "";
        long dist = ulps(e.dtype(), eb, ab);
        return dist <= ulp ? null : " (" + dist + " ulp apart, tolerance " + ulp + ")";
    }

    private static String distanceNote(NpyData e, long eb, long ab) {
        long d = ulps(e.dtype(), eb, ab);
        return d <= 1_000_000 ? " (" + d + " ulp apart)" : "";
    }

    /** Distance in units in the last place; +0.0 and -0.0 are 0 apart. */
    static long ulps(String dtype, long eb, long ab) {
        long x = ordered(dtype, eb), y = ordered(dtype, ab);
        return Math.abs(x - y);
    }

    private static long ordered(String dtype, long bits) {
        if (dtype.equals("float32")) {
            int b = (int) bits;
            return b < 0 ? -(long) (b & 0x7fffffff) : b;
        }
        return bits < 0 ? -(bits & 0x7fffffffffffffffL) : bits;
    }
}
