package dev.arrayjit.runtime.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * NumPy 1.24's {@code FloatingFormat} for arrays (floatmode 'maxprec', precision 8): one format for all
 * printed elements, positional unless the magnitudes call for scientific notation, padded so that the
 * decimal points line up. Digits are the shortest that read back, cut to 8 fractional (positional) or
 * 8 mantissa (scientific) digits with the exact value rounded half-even, as Dragon4 does.
 */
final class FloatingFormat {
    private static final int PRECISION = 8;

    private final boolean f32;
    private final boolean plusSign;
    private boolean expFormat;
    private int padLeft;
    private int padRight;
    private int precision = PRECISION;
    private int expSize = -1;

    /** {@code values} are the elements that will be printed; {@code f32}: they are float32 values. */
    FloatingFormat(double[] values, boolean f32, boolean plusSign) {
        this.f32 = f32;
        this.plusSign = plusSign;
        List<Double> finite = new ArrayList<>();
        boolean nonFinite = false, negInf = false;
        double max = 0, min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite.add(v);
                double a = Math.abs(v);
                if (a != 0) {
                    max = Math.max(max, a);
                    min = Math.min(min, a);
                }
            } else {
                nonFinite = true;
                negInf |= v == Double.NEGATIVE_INFINITY;
            }
        }
        if (max > 0) {
            // NumPy compares float32 data with float32 thresholds (0.0001 as float32 is below 1e-4).
            expFormat = f32 ? (max >= 1e8 || (float) min < 1e-4f || (float) (max / min) > 1000f)
                    : (max >= 1e8 || min < 1e-4 || max / min > 1000.0);
        }
        if (finite.isEmpty()) {
            padLeft = 0;
            padRight = 0;
        } else if (expFormat) {
            int maxFrac = 0, maxInt = 0, maxExp = 0;
            for (double v : finite) {
                Sci s = scientific(v);
                maxFrac = Math.max(maxFrac, s.frac.length());
                maxInt = Math.max(maxInt, s.intPart.length());
                maxExp = Math.max(maxExp, Math.max(2, Integer.toString(Math.abs(s.exp)).length()));
            }
            expSize = maxExp;
            precision = maxFrac;
            padLeft = maxInt;
            padRight = expSize + 2 + precision;
        } else {
            for (double v : finite) {
                String[] p = positional(v);
                padLeft = Math.max(padLeft, p[0].length());
                padRight = Math.max(padRight, p[1].length());
            }
        }
        if (nonFinite) {
            int infLen = 3 + (plusSign || negInf ? 1 : 0);
            int offset = padRight + 1;
            padLeft = Math.max(padLeft, Math.max(3 - offset, infLen - offset));
        }
    }

    String format(double v) {
        if (!Double.isFinite(v)) {
            String s = Double.isNaN(v) ? (plusSign ? "+nan" : "nan") : v < 0 ? "-inf" : plusSign ? "+inf" : "inf";
            return pad(padLeft + padRight + 1 - s.length()) + s;
        }
        if (expFormat) {
            // Second pass (min_digits = precision): every element shows precision digits after the
            // point, digits of its exact value (Dragon4 continues past the shortest digits, no zero padding).
            String sign = sign(v);
            String digits = "0", frac = "0".repeat(precision);
            int exp = 0;
            if (v != 0) {
                Digits d = Digits.of(new BigDecimal(Math.abs(v)).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN)));
                String all = d.digits() + "0".repeat(precision + 1 - d.digits().length());
                digits = all.substring(0, 1);
                frac = all.substring(1);
                exp = d.point() - 1;
            }
            return pad(padLeft - sign.length() - 1) + sign + digits + "." + frac + FloatRepr.exponent(exp, expSize);
        }
        String[] p = positional(v);
        return pad(padLeft - p[0].length()) + p[0] + "." + p[1] + pad(padRight - p[1].length());
    }

    private static String pad(int n) { return n > 0 ? " ".repeat(n) : ""; }

    private String sign(double v) {
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        return negative ? "-" : plusSign ? "+" : "";
    }

    private Digits shortest(double v) { return f32 ? Digits.shortest((float) v) : Digits.shortest(v); }

    /** Integer part with sign, and fraction digits without trailing zeros. */
    private String[] positional(double v) {
        String sign = sign(v);
        if (v == 0) return new String[] {sign + "0", ""};
        Digits d = shortest(v);
        if (d.fractionDigits() > precision) {
            BigDecimal r = new BigDecimal(Math.abs(v)).setScale(precision, RoundingMode.HALF_EVEN);
            if (r.signum() == 0) return new String[] {sign + "0", ""};
            d = Digits.of(r);
        }
        String p = d.positional();
        int dot = p.indexOf('.');
        return dot < 0 ? new String[] {sign + p, ""} : new String[] {sign + p.substring(0, dot), p.substring(dot + 1)};
    }

    private record Sci(String intPart, String frac, int exp) {}

    private Sci scientific(double v) {
        String sign = sign(v);
        if (v == 0) return new Sci(sign + "0", "", 0);
        Digits d = shortest(v);
        if (d.digits().length() - 1 > PRECISION) {
            d = Digits.of(new BigDecimal(Math.abs(v)).round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN)));
        }
        return new Sci(sign + d.digits().charAt(0), d.digits().substring(1), d.point() - 1);
    }
}
