package dev.arrayjit.typeinfer.ir;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.typeinfer.types.Type;
import java.util.List;

/**
 * Typed expressions. Typing has already inserted every conversion: the operands of a node have the
 * types the node expects (see each record), so a backend never decides a promotion itself.
 */
public sealed interface TExpr {
    Type type();
    Span span();

    /**
     * A constant scalar. {@code value} is a {@link Long} for every integer type (uint64 as its bit
     * pattern), a {@link Double} for floats, a {@link Boolean} for bool; {@code null} for none.
     */
    record Const(Type type, Object value, Span span) implements TExpr {}

    record Load(Var var, Span span) implements TExpr {
        @Override public Type type() { return var.type(); }
    }

    /**
     * A numeric conversion as NumPy's {@code astype} does it: integers wrap or extend by the source's
     * signedness, floats truncate toward zero into integers, anything to bool is {@code != 0}.
     */
    record Cast(TExpr value, Type type, Span span) implements TExpr {}

    /**
     * {@code left op right}: both operands have {@code type} (shifts: the count may be any integer).
     * {@code zeroDivision} is non-null when a zero divisor must raise (DIV, FLOORDIV, MOD under the
     * python error model); otherwise integer division by zero gives 0 and float gives inf/nan.
     */
    record Binary(ArithOp op, TExpr left, TExpr right, Type type, ErrorSite zeroDivision, Span span) implements TExpr {}

    /** A comparison of two operands of one scalar type; bool result. */
    record Compare(CmpOp op, TExpr left, TExpr right, Span span) implements TExpr {
        @Override public Type type() { return dev.arrayjit.typeinfer.types.Types.BOOL; }
    }

    record Unary(UnOp op, TExpr operand, Type type, Span span) implements TExpr {}

    /** Truth value of a scalar ({@code != 0}); bool result. */
    record Truth(TExpr value, Span span) implements TExpr {
        @Override public Type type() { return dev.arrayjit.typeinfer.types.Types.BOOL; }
    }

    /**
     * Python's short-circuit {@code and}/{@code or}, returning an operand: both operands already have
     * {@code type}; the left one is tested with {@code != 0}.
     */
    record Logical(boolean isAnd, TExpr left, TExpr right, Type type, Span span) implements TExpr {}

    /** {@code ifTrue if cond else ifFalse}, evaluating only the chosen branch; cond is bool. */
    record Select(TExpr cond, TExpr ifTrue, TExpr ifFalse, Type type, Span span) implements TExpr {}

    /** A math function; arguments have the float operand type; result as {@link MathFn} says. */
    record MathCall(MathFn fn, List<TExpr> args, Type type, Span span) implements TExpr {}

    /** A call of another typed function of the same unit, by its symbol; may raise. */
    record Call(String symbol, List<TExpr> args, Type type, Span span) implements TExpr {}

    /**
     * An element read. Indices are int64; negative ones count from the end. {@code outOfBounds} is
     * non-null when bounds are checked; its payload is (index, axis, extent).
     */
    record ArrayLoad(TExpr array, List<TExpr> indices, ErrorSite outOfBounds, Span span) implements TExpr {
        @Override public Type type() { return ((Type.Array) array.type()).dtype(); }
    }

    /** {@code a.shape[axis]} as int64. */
    record ArrayDim(TExpr array, int axis, Span span) implements TExpr {
        @Override public Type type() { return dev.arrayjit.typeinfer.types.Types.INT64; }
    }

    /** {@code a.size}: the product of the extents, int64. */
    record ArraySize(TExpr array, Span span) implements TExpr {
        @Override public Type type() { return dev.arrayjit.typeinfer.types.Types.INT64; }
    }

    /**
     * A new C-contiguous array owned by the caller (np.empty/zeros/ones). Extents are int64; a
     * negative extent raises {@code negativeDim} (ValueError, payload: the extent).
     */
    record AllocArray(Type.Array type, List<TExpr> shape, Fill fill, ErrorSite negativeDim, Span span) implements TExpr {}

    record MakeTuple(List<TExpr> elements, Type.Tuple type, Span span) implements TExpr {}

    /** A tuple element at a constant index. */
    record TupleGet(TExpr tuple, int index, Span span) implements TExpr {
        @Override public Type type() { return ((Type.Tuple) tuple.type()).elements().get(index); }
    }
}
