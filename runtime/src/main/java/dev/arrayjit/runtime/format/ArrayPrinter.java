package dev.arrayjit.runtime.format;

import dev.arrayjit.runtime.Complex;
import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * NumPy 1.24's {@code str(array)} and {@code repr(array)} with default print options (line width 75,
 * summarised with 3 edge items beyond 1000 elements), following {@code numpy/core/arrayprint.py}.
 */
public final class ArrayPrinter {
    private ArrayPrinter() {}

    private static final int LINE_WIDTH = 75;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;

    /** {@code str(a)}: {@code [1. 2. 3.]}, {@code [[1 2]\n [3 4]]}; a 0-d array prints as its scalar. */
    public static String str(NDArray a) {
        if (a.ndim() == 0) return PyRepr.numpyScalar(a.get());
        if (a.size() == 0) return "[]";
        return array2string(a, " ", "", "");
    }

    /** {@code repr(a)}: {@code array([1., 2.])}, {@code array([1, 2], dtype=int32)}. */
    public static String repr(NDArray a) {
        Type dt = a.dtype();
        boolean implied = dt.equals(Types.FLOAT64) || dt.equals(Types.INT64) || dt.equals(Types.BOOL)
                || dt.equals(Types.COMPLEX128);
        boolean skipDtype = implied && a.size() > 0;
        String prefix = "array(";
        String suffix = skipDtype ? ")" : ",";
        String body;
        if (a.size() > 0 || (a.ndim() == 1 && a.shape(0) == 0)) {
            body = a.size() == 0 ? "[]" : array2string(a, ", ", prefix, suffix);
        } else {
            body = "[], shape=" + shapeRepr(a);
        }
        String s = prefix + body + suffix;
        if (skipDtype) return s;
        String dtype = "dtype=" + Types.numpyName(dt) + ")";
        int lastLine = s.length() - (s.lastIndexOf('\n') + 1);
        String spacer = lastLine + dtype.length() + 1 > LINE_WIDTH ? "\n" + " ".repeat(prefix.length()) : " ";
        return s + spacer + dtype;
    }

    static String shapeRepr(NDArray a) {
        if (a.ndim() == 1) return "(" + a.shape(0) + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < a.ndim(); i++) sb.append(i > 0 ? ", " : "").append(a.shape(i));
        return sb.append(')').toString();
    }

    private static String array2string(NDArray a, String separator, String prefix, String suffix) {
        boolean summarise = a.size() > THRESHOLD;
        List<long[]> shown = new ArrayList<>();
        collect(a, summarise, new long[a.ndim()], 0, shown);
        Function<long[], String> fmt = formatter(a, shown);
        int width = LINE_WIDTH - suffix.length();
        String nextLinePrefix = " " + " ".repeat(prefix.length());
        return new Recurser(a, fmt, separator, summarise ? "..." : null).format(new long[a.ndim()], 0, nextLinePrefix, width);
    }

    /** The indices of the elements that will print (NumPy's {@code _leading_trailing}). */
    private static void collect(NDArray a, boolean summarise, long[] idx, int axis, List<long[]> out) {
        if (axis == a.ndim()) {
            out.add(idx.clone());
            return;
        }
        long n = a.shape(axis);
        boolean cut = summarise && n > 2L * EDGE_ITEMS;
        for (long i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) i = n - EDGE_ITEMS;
            idx[axis] = i;
            collect(a, summarise, idx, axis + 1, out);
        }
    }

    private static Function<long[], String> formatter(NDArray a, List<long[]> shown) {
        Type dt = a.dtype();
        switch (dt) {
            case Type.Bool b -> {
                boolean pad = a.ndim() > 0;
                return i -> a.getBoolean(i) ? (pad ? " True" : "True") : "False";
            }
            case Type.Int t -> {
                boolean u64 = t.bits() == 64 && !t.signed();
                Function<long[], String> text = i -> u64 ? Long.toUnsignedString(a.getLong(i)) : Long.toString(a.getLong(i));
                int w = 0;
                for (long[] i : shown) w = Math.max(w, text.apply(i).length());
                int width = w;
                return i -> {
                    String s = text.apply(i);
                    return " ".repeat(Math.max(0, width - s.length())) + s;
                };
            }
            case Type.Float f -> {
                double[] values = new double[shown.size()];
                for (int k = 0; k < values.length; k++) values[k] = a.getDouble(shown.get(k));
                FloatingFormat ff = new FloatingFormat(values, f.bits() == 32, false);
                return i -> ff.format(a.getDouble(i));
            }
            case Type.Complex c -> {
                double[] re = new double[shown.size()], im = new double[shown.size()];
                for (int k = 0; k < re.length; k++) {
                    Complex z = a.getComplex(shown.get(k));
                    re[k] = z.re();
                    im[k] = z.im();
                }
                FloatingFormat fr = new FloatingFormat(re, c.bits() == 64, false);
                FloatingFormat fi = new FloatingFormat(im, c.bits() == 64, true);
                return i -> {
                    Complex z = a.getComplex(i);
                    String r = fr.format(z.re()), s = fi.format(z.im());
                    int end = s.stripTrailing().length();
                    return r + s.substring(0, end) + "j" + s.substring(end);
                };
            }
            default -> throw new IllegalArgumentException("not a dtype: " + dt);
        }
    }

    /** NumPy's {@code _formatArray}: nested brackets, rows wrapped at the line width. */
    private record Recurser(NDArray a, Function<long[], String> fmt, String separator, String summaryInsert) {
        String format(long[] idx, int axis, String hangingIndent, int currWidth) {
            int axesLeft = a.ndim() - axis;
            if (axesLeft == 0) return fmt.apply(idx.clone());
            String nextHanging = hangingIndent + " ";
            int nextWidth = currWidth - 1;
            long len = a.shape(axis);
            boolean summary = summaryInsert != null && 2L * EDGE_ITEMS < len;
            long leading = summary ? EDGE_ITEMS : 0;
            long trailing = summary ? EDGE_ITEMS : len;
            StringBuilder s = new StringBuilder();
            if (axesLeft == 1) {
                int elemWidth = currWidth - Math.max(separator.stripTrailing().length(), 1);
                StringBuilder line = new StringBuilder(hangingIndent);
                for (long i = 0; i < leading; i++) {
                    idx[axis] = i;
                    line = extend(s, line, format(idx, axis + 1, nextHanging, nextWidth), elemWidth, hangingIndent);
                    line.append(separator);
                }
                if (summary) {
                    line = extend(s, line, summaryInsert, elemWidth, hangingIndent);
                    line.append(separator);
                }
                for (long i = trailing; i > 1; i--) {
                    idx[axis] = len - i;
                    line = extend(s, line, format(idx, axis + 1, nextHanging, nextWidth), elemWidth, hangingIndent);
                    line.append(separator);
                }
                idx[axis] = len - 1;
                line = extend(s, line, format(idx, axis + 1, nextHanging, nextWidth), elemWidth, hangingIndent);
                s.append(line);
            } else {
                String lineSep = separator.stripTrailing() + "\n".repeat(axesLeft - 1);
                for (long i = 0; i < leading; i++) {
                    idx[axis] = i;
                    s.append(hangingIndent).append(format(idx, axis + 1, nextHanging, nextWidth)).append(lineSep);
                }
                if (summary) s.append(hangingIndent).append(summaryInsert).append(lineSep);
                for (long i = trailing; i > 1; i--) {
                    idx[axis] = len - i;
                    s.append(hangingIndent).append(format(idx, axis + 1, nextHanging, nextWidth)).append(lineSep);
                }
                idx[axis] = len - 1;
                s.append(hangingIndent).append(format(idx, axis + 1, nextHanging, nextWidth));
            }
            idx[axis] = 0;
            return "[" + s.substring(hangingIndent.length()) + "]";
        }

        /** NumPy's {@code _extendLine}: wrap before a word that would pass the width, unless that cannot help. */
        private static StringBuilder extend(StringBuilder s, StringBuilder line, String word, int width, String nextLinePrefix) {
            boolean wrap = line.length() + word.length() > width && line.length() > nextLinePrefix.length();
            if (wrap) {
                s.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(nextLinePrefix);
            }
            return line.append(word);
        }
    }
}
