package dev.arrayjit.runtime.format;

/**
 * Python's {@code repr(float)} and NumPy's {@code repr(np.float32)}: the shortest digits that read
 * back, positional for decimal exponents in [-4, 16), else scientific with a two-digit exponent.
 * {@code 0.1}, {@code 1e-05}, {@code 10000000000.0}, {@code 1e+16}, {@code inf}, {@code nan}, {@code -0.0}.
 */
public final class FloatRepr {
    private FloatRepr() {}

    public static String repr(double v) { return repr(v, false, true); }

    /** NumPy's repr of a float32 scalar: positional for 1e-4 <= |v| < 1e16 by value ({@code float32(1e-4)} is below). */
    public static String repr(float v) { return repr(v, true, true); }

    /**
     * @param f32 use the shortest float32 digits ({@code v} must be a float32 value)
     * @param addDot append {@code .0} to integral positional values, as {@code repr(float)} does
     *        and the parts of {@code repr(complex)} do not
     */
    static String repr(double v, boolean f32, boolean addDot) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return ((1 / v < 0) ? "-0" : "0") + (addDot ? ".0" : "");
        Digits d = f32 ? Digits.shortest((float) v) : Digits.shortest(v);
        // Python decides by the digits' exponent, NumPy's float32 by the value.
        boolean scientific = f32 ? !(Math.abs(v) >= 1e-4 && Math.abs(v) < 1e16) : d.point() <= -4 || d.point() > 16;
        return format(v < 0, d, scientific, addDot);
    }

    private static String format(boolean negative, Digits d, boolean scientific, boolean addDot) {
        String sign = negative ? "-" : "";
        if (scientific) {
            String m = d.digits().length() == 1 ? d.digits() : d.digits().charAt(0) + "." + d.digits().substring(1);
            return sign + m + exponent(d.point() - 1, 2);
        }
        String p = d.positional();
        return sign + (p.indexOf('.') < 0 && addDot ? p + ".0" : p);
    }

    /** {@code e+05}, {@code e-123}: sign always, at least {@code minDigits} digits. */
    static String exponent(int e, int minDigits) {
        String digits = Integer.toString(Math.abs(e));
        if (digits.length() < minDigits) digits = "0".repeat(minDigits - digits.length()) + digits;
        return "e" + (e < 0 ? "-" : "+") + digits;
    }
}
