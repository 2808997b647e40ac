package dev.arrayjit.typeinfer.ir;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.typeinfer.types.Type;
import java.util.List;

/**
 * One specialization of a kernel for one argument-type tuple. {@code symbol} is unique within its
 * unit and safe as a native symbol name. {@code locals} lists every variable of the body, params first.
 */
public record TypedFunction(String name, String symbol, List<Var> params, Type returnType, List<Var> locals,
                            List<TStmt> body, Flags flags, Span span) {}
