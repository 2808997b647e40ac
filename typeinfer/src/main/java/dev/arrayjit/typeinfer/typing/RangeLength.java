package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.types.Types;

/** Python's {@code len(range(start, stop, step))} as an int64 expression, for either sign of step. */
public final class RangeLength {
    private RangeLength() {}

    /**
     * {@code max(0, (stop - start + step - sign(step)) // step)}; the operands are int64 values that
     * may be read more than once (variables or constants). A zero step gives 0.
     */
    public static TExpr of(TExpr start, TExpr stop, TExpr step, Span s) {
        TExpr zero = new TExpr.Const(Types.INT64, 0L, s);
        TExpr sign = new TExpr.Select(new TExpr.Compare(CmpOp.GT, step, zero, s), new TExpr.Const(Types.INT64, 1L, s),
                new TExpr.Const(Types.INT64, -1L, s), Types.INT64, s);
        TExpr n = bin(ArithOp.FLOORDIV, bin(ArithOp.ADD, bin(ArithOp.SUB, stop, start, s), bin(ArithOp.SUB, step, sign, s), s), step, s);
        return new TExpr.Select(new TExpr.Compare(CmpOp.LT, n, zero, s), zero, n, Types.INT64, s);
    }

    private static TExpr bin(ArithOp op, TExpr a, TExpr b, Span s) { return new TExpr.Binary(op, a, b, Types.INT64, null, s); }
}
