package dev.arrayjit.typeinfer.ir;

import java.util.List;

/**
 * What a backend compiles: an entry specialization, every function it calls (transitively, entry
 * included), and the table of error sites its code may raise (indexed by {@link ErrorSite#id()}).
 */
public record CompileUnit(TypedFunction entry, List<TypedFunction> functions, List<ErrorSite> sites) {
    public TypedFunction function(String symbol) {
        for (TypedFunction f : functions) if (f.symbol().equals(symbol)) return f;
        throw new IllegalArgumentException("no function " + symbol);
    }
}
