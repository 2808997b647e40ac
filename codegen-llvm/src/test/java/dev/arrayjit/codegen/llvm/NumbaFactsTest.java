package dev.arrayjit.codegen.llvm;

import static dev.arrayjit.codegen.llvm.Ir.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden data: every {@code a OP b} row of numba-facts/semantics.json with int/float arguments,
 * compiled with Numba's operand promotion and run; the result must be Numba's value or raise.
 * Rows where we define what Numba leaves to the machine are listed in {@link #DEFINED_HERE}.
 */
class NumbaFactsTest {
    private static final Map<String, String> OPS = Map.ofEntries(Map.entry("+", "ADD"), Map.entry("-", "SUB"),
            Map.entry("*", "MUL"), Map.entry("/", "DIV"), Map.entry("//", "FLOORDIV"), Map.entry("%", "MOD"),
            Map.entry("**", "POW"), Map.entry("<<", "LSHIFT"), Map.entry(">>", "RSHIFT"), Map.entry("==", "EQ"),
            Map.entry("!=", "NE"), Map.entry("<", "LT"), Map.entry("<=", "LE"), Map.entry(">", "GT"), Map.entry(">=", "GE"));

    /** expr|args -> our value, where Numba's is x86 or LLVM undefined behaviour (see LlvmGenerator). */
    private static final Map<String, Object> DEFINED_HERE = Map.ofEntries(
            Map.entry("a // b|-9223372036854775808,-1", Long.MIN_VALUE), // wraps (Numba: 0)
            Map.entry("a ** b|3,40", -6289078614652622815L),             // exact wrap (Numba rounds via float64)
            Map.entry("a << b|1,64", 0L), Map.entry("a >> b|1,64", 0L),
            Map.entry("a << b|1,65", 0L), Map.entry("a << b|1,100", 0L), Map.entry("a << b|1,67", 0L),
            Map.entry("a << b|1,-1", 0L), Map.entry("a << b|-1,64", 0L), Map.entry("a << b|-8,70", 0L));

    @Test void binaryOperatorsMatchNumba() throws Exception {
        // A copy of numba-facts/semantics.json, the values Numba 0.56 computed for these operators.
        String text;
        try (var in = NumbaFactsTest.class.getResourceAsStream("/numba-facts/semantics.json")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) ((Map<?, ?>) new Json(text).value()).get("cases");
        Map<String, Kernel> kernels = new HashMap<>();
        int checked = 0;
        try {
            for (Map<String, Object> c : cases) {
                String expr = (String) c.get("expr");
                String[] parts = expr.split(" ");
                List<?> argTypes = (List<?>) c.get("argtypes");
                if (parts.length != 3 || !parts[0].equals("a") || !parts[2].equals("b") || !OPS.containsKey(parts[1])) continue;
                if (!argTypes.stream().allMatch(t -> t.equals("int") || t.equals("float"))) continue;
                List<?> args = (List<?>) c.get("args");
                boolean numpyModel = "div_by_zero_numpy".equals(c.get("group"));
                boolean floats = argTypes.contains("float") || parts[1].equals("/");
                String key = expr + "|" + floats + "|" + numpyModel;
                Kernel k = kernels.computeIfAbsent(key, x -> compile(parts[1], floats, !numpyModel));
                Object a = parse((String) args.get(0), floats), b = parse((String) args.get(1), floats);
                @SuppressWarnings("unchecked")
                Map<String, Object> numba = (Map<String, Object>) c.get("numba");
                String what = expr + " with " + args + (numpyModel ? " (numpy errors)" : "");
                String override = expr + "|" + args.get(0) + "," + args.get(1);
                if (numba.containsKey("raises")) {
                    assertThrows(Kernel.Raised.class, () -> k.call(a, b), what);
                } else if (DEFINED_HERE.containsKey(override)) {
                    assertEquals(DEFINED_HERE.get(override), k.call(a, b), what);
                } else {
                    assertResult((String) numba.get("value"), k.call(a, b), what);
                }
                checked++;
            }
        } finally {
            kernels.values().forEach(Kernel::close);
        }
        assertTrue(checked > 100, "only " + checked + " rows checked");
    }

    private static Kernel compile(String symbol, boolean floats, boolean raising) {
        Sites sites = new Sites();
        String op = OPS.get(symbol);
        // Numba raises for int 0 ** -n but gives inf for float 0.0 ** -1.0: only int ** has the site.
        boolean site = raising && !(op.equals("POW") && floats);
        ErrorSite zd = site ? sites.add(ExcKind.ZeroDivisionError, "division by zero") : null;
        Type t = floats ? F64 : I64;
        boolean comparison = op.length() == 2;
        Fn f = new Fn("fact", comparison ? BOOL : t);
        Var a = f.param("a", t), b = f.param("b", t);
        TExpr body = comparison ? cmp(CmpOp.valueOf(op), load(a), load(b)) : bin(ArithOp.valueOf(op), load(a), load(b), zd);
        return Kernel.compile(unit(sites, f.body(ret(body))));
    }

    private static Object parse(String text, boolean asFloat) {
        if (!asFloat) return Long.parseLong(text);
        return switch (text) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static void assertResult(String expected, Object actual, String what) {
        switch (actual) {
            case Boolean z -> assertEquals(Boolean.parseBoolean(expected.toLowerCase()), z, what);
            case Long l -> assertEquals(Long.parseLong(expected), l, what);
            case Double d -> {
                double want = (Double) parse(expected, true);
                if (Double.isNaN(want)) assertTrue(Double.isNaN(d), what + ": " + d);
                else assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(d), what + ": " + d);
            }
            default -> fail(what + ": unexpected " + actual);
        }
    }

    /** Just enough JSON for the facts files: objects, arrays, strings, numbers, true/false/null. */
    private static final class Json {
        private final String s;
        private int i;

        Json(String s) { this.s = s; }

        Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') { i++; return m; }
                while (true) {
                    skip();
                    String k = string();
                    skip();
                    i++; // ':'
                    m.put(k, value());
                    skip();
                    if (s.charAt(i++) == '}') return m;
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') { i++; return l; }
                while (true) {
                    l.add(value());
                    skip();
                    if (s.charAt(i++) == ']') return l;
                }
            }
            if (c == '"') return string();
            int start = i;
            while (i < s.length() && ",}] \n\t\r".indexOf(s.charAt(i)) < 0) i++;
            String word = s.substring(start, i);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.parseDouble(word);
            };
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return out.toString();
                if (c != '\\') { out.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> { out.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> out.append(e);
                }
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }
    }
}
