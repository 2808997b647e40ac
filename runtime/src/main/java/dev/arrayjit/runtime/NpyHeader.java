package dev.arrayjit.runtime;

import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header dictionary of a {@code .npy} file: {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3,), }}.
 * Parses the Python literal NumPy writes (and older writers' variants) and formats it exactly as
 * NumPy 1.24's {@code _write_array_header} does.
 */
record NpyHeader(Type dtype, boolean bigEndian, boolean fortranOrder, long[] shape) {
    /** Header space NumPy reserves so the first axis can grow in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    /** The dictionary text, without padding. */
    String format() {
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr()).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': ").append(shapeRepr()).append(", }");
        if (shape.length > 0) {
            long growAxis = shape[fortranOrder ? shape.length - 1 : 0];
            sb.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(growAxis).length()));
        }
        return sb.toString();
    }

    private String shapeRepr() {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? ", " : "").append(shape[i]);
        return sb.append(')').toString();
    }

    String descr() {
        int size = Types.sizeOf(dtype);
        char order = size == 1 ? '|' : bigEndian ? '>' : '<';
        char kind = switch (dtype) {
            case Type.Bool b -> 'b';
            case Type.Int i -> i.signed() ? 'i' : 'u';
            case Type.Float f -> 'f';
            case Type.Complex c -> 'c';
            default -> throw new IllegalArgumentException(dtype.toString());
        };
        return "" + order + kind + size;
    }

    /** Parses the dictionary; {@code problem} receives the reason on failure. */
    static NpyHeader parse(String text, String file) throws NpyFormatException {
        Map<String, Object> dict;
        try {
            Object v = new Literal(text.strip()).parseAll();
            if (!(v instanceof Map<?, ?> m)) throw new IllegalArgumentException("the header is not a dictionary");
            @SuppressWarnings("unchecked") Map<String, Object> mm = (Map<String, Object>) m;
            dict = mm;
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException(file, "bad header: " + e.getMessage() + " in " + abbreviate(text));
        }
        if (!dict.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
            throw new NpyFormatException(file, "bad header: expected the keys 'descr', 'fortran_order' and 'shape', found "
                    + dict.keySet());
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new NpyFormatException(file, "unsupported dtype " + abbreviate(String.valueOf(dict.get("descr")))
                    + " (structured arrays are not supported)");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new NpyFormatException(file, "bad header: 'fortran_order' is not True or False");
        }
        if (!(dict.get("shape") instanceof List<?> dims)) {
            throw new NpyFormatException(file, "bad header: 'shape' is not a tuple of integers");
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long d) || d < 0) {
                throw new NpyFormatException(file, "bad header: 'shape' is not a tuple of non-negative integers");
            }
            shape[i] = d;
        }
        return parseDescr(descr, file, fortran, shape);
    }

    private static NpyHeader parseDescr(String descr, String file, boolean fortran, long[] shape) throws NpyFormatException {
        if (descr.length() >= 3 && "<>|=".indexOf(descr.charAt(0)) >= 0) {
            char order = descr.charAt(0);
            String code = descr.substring(1);
            Type t = switch (code) {
                case "b1" -> Types.BOOL;
                case "i1" -> Types.INT8; case "i2" -> Types.INT16; case "i4" -> Types.INT32; case "i8" -> Types.INT64;
                case "u1" -> Types.UINT8; case "u2" -> Types.UINT16; case "u4" -> Types.UINT32; case "u8" -> Types.UINT64;
                case "f4" -> Types.FLOAT32; case "f8" -> Types.FLOAT64;
                case "c8" -> Types.COMPLEX64; case "c16" -> Types.COMPLEX128;
                default -> null;
            };
            if (t != null) return new NpyHeader(t, order == '>' && Types.sizeOf(t) > 1, fortran, shape);
        }
        throw new NpyFormatException(file, "unsupported dtype '" + descr
                + "' (supported: bool, int8-64, uint8-64, float32/64, complex64/128)");
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() > 80 ? "'" + one.substring(0, 77) + "...'" : "'" + one + "'";
    }

    /** A reader of the Python literals a header holds: dict, str, int, bool, None, tuple/list. */
    private static final class Literal {
        private final String s;
        private int pos;

        Literal(String s) { this.s = s; }

        Object parseAll() {
            Object v = value();
            skipSpace();
            if (pos != s.length()) throw error("unexpected text after the dictionary");
            return v;
        }

        private Object value() {
            skipSpace();
            if (pos >= s.length()) throw error("unexpected end");
            char c = s.charAt(pos);
            if (c == '{') return dict();
            if (c == '(') return sequence('(', ')');
            if (c == '[') {
                Object list = sequence('[', ']');
                return new Unsupported("[" + list + "]"); // lists only occur in structured dtypes
            }
            if (c == '\'' || c == '"') return string();
            if (c == '-' || Character.isDigit(c)) return integer();
            if (s.startsWith("True", pos)) { pos += 4; return Boolean.TRUE; }
            if (s.startsWith("False", pos)) { pos += 5; return Boolean.FALSE; }
            if (s.startsWith("None", pos)) { pos += 4; return new Unsupported("None"); }
            throw error("unexpected character '" + c + "'");
        }

        private Map<String, Object> dict() {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            while (true) {
                skipSpace();
                if (peek() == '}') { pos++; return m; }
                Object key = value();
                if (!(key instanceof String k)) throw error("a dictionary key is not a string");
                skipSpace();
                expect(':');
                m.put(k, value());
                skipSpace();
                if (peek() == ',') pos++;
                else if (peek() != '}') throw error("expected ',' or '}'");
            }
        }

        private List<Object> sequence(char open, char close) {
            List<Object> items = new ArrayList<>();
            pos++;
            while (true) {
                skipSpace();
                if (peek() == close) { pos++; return items; }
                items.add(value());
                skipSpace();
                if (peek() == ',') pos++;
                else if (peek() != close) throw error("expected ',' or '" + close + "'");
            }
        }

        private String string() {
            char q = s.charAt(pos++);
            int end = s.indexOf(q, pos);
            if (end < 0) throw error("unterminated string");
            String v = s.substring(pos, end);
            pos = end + 1;
            return v;
        }

        private Long integer() {
            int start = pos;
            if (s.charAt(pos) == '-') pos++;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            String digits = s.substring(start, pos);
            if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) pos++; // Python 2 longs
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("bad integer '" + digits + "'");
            }
        }

        private char peek() {
            if (pos >= s.length()) throw error("unexpected end");
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) throw error("expected '" + c + "'");
            pos++;
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + pos);
        }
    }

    /** A value the header may hold but we do not support (a structured descr, None). */
    private record Unsupported(String text) {
        @Override public String toString() { return text; }
    }
}
