package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Keyword;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Matches a call's positional and keyword arguments against a library function's parameter names. */
final class CallArguments {
    private CallArguments() {}

    /** Arguments by name after matching positions and keywords against a NumPy signature; null on error. */
    static Map<String, Expr> bind(FunctionTyper t, Expr.Call c, String fn, List<String> names, int required) {
        Map<String, Expr> out = new LinkedHashMap<>();
        if (c.args().size() > names.size()) {
            t.error("type.call.arity", c.span(), fn + "() takes at most " + names.size() + " arguments (" + String.join(", ", names)
                    + "), got " + c.args().size(), "");
            return null;
        }
        for (int i = 0; i < c.args().size(); i++) out.put(names.get(i), c.args().get(i));
        for (Keyword kw : c.keywords()) {
            if (!names.contains(kw.name())) {
                t.error("unsupported.keyword", kw.span(), fn + "() has no supported argument '" + kw.name() + "'",
                        "supported: " + String.join(", ", names));
                return null;
            }
            if (out.put(kw.name(), kw.value()) != null) {
                t.error("type.call.keyword", kw.span(), fn + "() got two values for '" + kw.name() + "'", "");
                return null;
            }
        }
        for (int i = 0; i < required; i++) {
            if (!out.containsKey(names.get(i))) {
                t.error("type.call.arity", c.span(), fn + "() is missing the argument '" + names.get(i) + "'", "");
                return null;
            }
        }
        return out;
    }
}
