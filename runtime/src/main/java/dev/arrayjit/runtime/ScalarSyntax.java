package dev.arrayjit.runtime;

import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scalar arguments as the CLI contract writes them: a Python integer literal ({@code -3}, {@code 0x1f}, {@code 1_000}) an int64 (a uint64 beyond
 * int64's range, as Numba's typeof does); a float literal ({@code 2.5}, {@code 1e-3}, {@code inf},
 * {@code -nan}) a float64; {@code True}/{@code False} a bool; {@code TYPE:VALUE} ({@code float32:1.5},
 * {@code uint8:3}, {@code complex128:1+2j}) a scalar of that NumPy type, range-checked.
 */
final class ScalarSyntax {
    private ScalarSyntax() {}

    private static final Pattern INT = Pattern.compile(
            "([+-]?)(?:(0[xX](?:_?[0-9a-fA-F])+)|(0[oO](?:_?[0-7])+)|(0[bB](?:_?[01])+)|([0-9](?:_?[0-9])*))");
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:" + DIGITS + ")?\\.(?:" + DIGITS + ")?(?:[eE][+-]?" + DIGITS + ")?|" + DIGITS + "[eE][+-]?" + DIGITS + ")");
    private static final Pattern SPECIAL = Pattern.compile("([+-]?)(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    /** The value of a scalar token; {@link ArgumentException} says what is wrong with a bad one. */
    static Object parse(String text) {
        if (text.equals("True")) return Boolean.TRUE;
        if (text.equals("False")) return Boolean.FALSE;
        int colon = text.indexOf(':');
        if (colon > 0 && Types.scalar(text.substring(0, colon)) != null) {
            return typed(Types.scalar(text.substring(0, colon)), text.substring(colon + 1), text);
        }
        BigInteger i = integer(text);
        if (i != null) {
            if (i.bitLength() < 64) return i.longValue();
            if (i.signum() > 0 && i.bitLength() == 64) return Scalar.of(Types.UINT64, i.longValue());
            throw new ArgumentException("integer argument '" + text + "' does not fit in 64 bits");
        }
        Double d = floating(text);
        if (d != null) return d;
        throw new ArgumentException("bad argument '" + text + "': expected an integer, a float, True or False, "
                + "TYPE:VALUE (such as float32:1.5 or uint8:3) or a path ending in .npy");
    }

    /** A Python integer literal's value, or null if the text is not one. */
    static BigInteger integer(String text) {
        Matcher m = INT.matcher(text);
        if (!m.matches()) return null;
        BigInteger v;
        if (m.group(2) != null) v = new BigInteger(m.group(2).substring(2).replace("_", ""), 16);
        else if (m.group(3) != null) v = new BigInteger(m.group(3).substring(2).replace("_", ""), 8);
        else if (m.group(4) != null) v = new BigInteger(m.group(4).substring(2).replace("_", ""), 2);
        else v = new BigInteger(m.group(5).replace("_", ""));
        return m.group(1).equals("-") ? v.negate() : v;
    }

    /** A Python float literal's value (as {@code float()} reads it), or null. */
    static Double floating(String text) {
        Matcher s = SPECIAL.matcher(text);
        if (s.matches()) {
            boolean neg = s.group(1).equals("-");
            if (s.group(2).toLowerCase(Locale.ROOT).startsWith("inf")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return Double.NaN;
        }
        if (!FLOAT.matcher(text).matches() || text.replaceAll("[+-]", "").equals(".")) return null;
        return Double.parseDouble(text.replace("_", ""));
    }

    private static Scalar typed(Type t, String value, String text) {
        switch (t) {
            case Type.Bool b -> {
                return switch (value) {
                    case "True", "true", "1" -> Scalar.of(t, true);
                    case "False", "false", "0" -> Scalar.of(t, false);
                    default -> throw new ArgumentException("bad argument '" + text + "': a bool is True or False");
                };
            }
            case Type.Int i -> {
                BigInteger v = integer(value);
                if (v == null) throw new ArgumentException("bad argument '" + text + "': '" + value + "' is not an integer");
                BigInteger min = i.signed() ? BigInteger.ONE.shiftLeft(i.bits() - 1).negate() : BigInteger.ZERO;
                BigInteger max = (i.signed() ? BigInteger.ONE.shiftLeft(i.bits() - 1) : BigInteger.ONE.shiftLeft(i.bits()))
                        .subtract(BigInteger.ONE);
                if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                    throw new ArgumentException("bad argument '" + text + "': " + v + " is out of range for " + t
                            + " (" + min + " to " + max + ")");
                }
                return Scalar.of(t, v.longValue());
            }
            case Type.Float f -> {
                Double d = floating(value);
                BigInteger i = d == null ? integer(value) : null;
                if (d == null && i == null) throw new ArgumentException("bad argument '" + text + "': '" + value + "' is not a number");
                return Scalar.of(t, d != null ? d : i.doubleValue());
            }
            case Type.Complex c -> {
                Complex z = complex(value);
                if (z == null) throw new ArgumentException("bad argument '" + text + "': '" + value + "' is not a complex number such as 1+2j");
                return Scalar.of(t, z);
            }
            default -> throw new ArgumentException("bad argument '" + text + "': " + t + " is not a scalar type");
        }
    }

    /** A Python complex literal: {@code 1+2j}, {@code (1-2.5j)}, {@code 2j}, {@code 1.5}. */
    static Complex complex(String text) {
        String s = text.strip();
        if (s.startsWith("(") && s.endsWith(")")) s = s.substring(1, s.length() - 1).strip();
        if (!s.endsWith("j") && !s.endsWith("J")) {
            Double re = number(s);
            return re == null ? null : new Complex(re, 0);
        }
        String body = s.substring(0, s.length() - 1);
        // The imaginary part starts at the last sign not belonging to an exponent.
        for (int k = body.length() - 1; k > 0; k--) {
            char c = body.charAt(k);
            if ((c == '+' || c == '-') && body.charAt(k - 1) != 'e' && body.charAt(k - 1) != 'E') {
                Double re = number(body.substring(0, k)), im = imag(body.substring(k));
                return re == null || im == null ? null : new Complex(re, im);
            }
        }
        Double im = imag(body);
        return im == null ? null : new Complex(0, im);
    }

    private static Double imag(String s) {
        if (s.equals("+") || s.isEmpty()) return 1.0;
        if (s.equals("-")) return -1.0;
        return number(s);
    }

    private static Double number(String s) {
        Double d = floating(s);
        if (d != null) return d;
        BigInteger i = integer(s);
        return i == null ? null : i.doubleValue();
    }
}
