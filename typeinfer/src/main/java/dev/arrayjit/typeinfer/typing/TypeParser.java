package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the printed form of a type back ({@code int64}, {@code float64[:, ::1]},
 * {@code UniTuple(int64 x 2)}, {@code Tuple(int64, float32)}): for tools and tests that name types.
 */
public final class TypeParser {
    private TypeParser() {}

    public static Type parse(String s) {
        s = s.trim();
        boolean readonly = s.startsWith("readonly ");
        if (readonly) s = s.substring(9).trim();
        if (s.endsWith("]")) {
            int b = s.indexOf('[');
            Type dtype = Types.scalar(s.substring(0, b).trim());
            if (dtype == null) throw new IllegalArgumentException("unknown dtype in " + s);
            String dims = s.substring(b + 1, s.length() - 1).trim();
            if (dims.isEmpty()) return new Type.Array(dtype, 0, Layout.C, readonly);
            String[] parts = dims.split(",");
            int nd = parts.length;
            Layout layout = Layout.A;
            if (parts[nd - 1].trim().equals("::1")) layout = Layout.C;
            else if (parts[0].trim().equals("::1")) layout = Layout.F;
            return new Type.Array(dtype, nd, layout, readonly);
        }
        if (s.startsWith("UniTuple(")) {
            String inner = s.substring(9, s.length() - 1);
            int x = inner.lastIndexOf(" x ");
            Type el = parse(inner.substring(0, x));
            int n = Integer.parseInt(inner.substring(x + 3).trim());
            return new Type.Tuple(java.util.Collections.nCopies(n, el));
        }
        if (s.startsWith("Tuple(")) {
            List<Type> els = new ArrayList<>();
            String inner = s.substring(6, s.length() - 1);
            if (!inner.isBlank()) for (String p : splitTopLevel(inner)) els.add(parse(p));
            return new Type.Tuple(els);
        }
        if (s.equals("none")) return Types.NONE;
        Type t = Types.scalar(s);
        if (t == null) throw new IllegalArgumentException("unknown type '" + s + "'");
        return t;
    }

    /** Splits at commas outside brackets and parentheses. */
    public static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') depth--;
            else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(s.substring(start).trim());
        return out;
    }
}
