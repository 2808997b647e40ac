package dev.arrayjit.runtime.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A positive finite decimal {@code 0.d1d2d3... × 10^point}: {@code digits} has no leading or trailing
 * zeros, {@code point} is where the decimal point goes (Python's {@code decpt}).
 */
record Digits(String digits, int point) {
    /** The shortest digits that read back as {@code abs(v)} (nonzero, finite), nearest when several are shortest. */
    static Digits shortest(double v) {
        Digits d = of(new BigDecimal(Double.toString(Math.abs(v))));
        // Java prints at least two digits (4.9E-324 where 5e-324 also reads back): try one.
        if (d.digits.length() == 2) {
            BigDecimal one = new BigDecimal(Math.abs(v)).round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(one.toString()) == Math.abs(v)) return of(one);
        }
        return d;
    }

    /** As {@link #shortest(double)} for a float32 value. */
    static Digits shortest(float v) {
        Digits d = of(new BigDecimal(Float.toString(Math.abs(v))));
        if (d.digits.length() == 2) {
            BigDecimal one = new BigDecimal((double) Math.abs(v)).round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (Float.parseFloat(one.toString()) == Math.abs(v)) return of(one);
        }
        return d;
    }

    static Digits of(BigDecimal positive) {
        BigDecimal s = positive.stripTrailingZeros();
        String digits = s.unscaledValue().toString();
        return new Digits(digits, digits.length() - s.scale());
    }

    /** Digits after the decimal point in positional notation. */
    int fractionDigits() { return Math.max(0, digits.length() - point); }

    /** Positional text without sign: {@code 12.5}, {@code 0.001}, {@code 100} (no trailing point). */
    String positional() {
        if (point <= 0) return "0." + "0".repeat(-point) + digits;
        if (point >= digits.length()) return digits + "0".repeat(point - digits.length());
        return digits.substring(0, point) + "." + digits.substring(point);
    }
}
