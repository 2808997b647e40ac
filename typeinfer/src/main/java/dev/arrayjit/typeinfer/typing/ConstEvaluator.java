package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Folds module-level constant expressions ({@code N = 2 * 64}, {@code EPS = np.float32(1e-6)}, {@code SHAPE = (3, 4)}). */
final class ConstEvaluator {
    static final class NotConstant extends Exception {
        NotConstant(String why) { super(why, null, false, false); }
    }

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);

    private final ModuleScope scope;

    ConstEvaluator(ModuleScope scope) { this.scope = scope; }

    /** The value of a constant expression, or null when it is not one. */
    ConstValue evalOrNull(Expr e) {
        try {
            return eval(e);
        } catch (NotConstant nc) {
            return null;
        }
    }

    ConstValue eval(Expr e) throws NotConstant {
        switch (e) {
            case Expr.IntLit i -> { return intLiteral(i.value()); }
            case Expr.FloatLit f -> { return new ConstValue.Scalar(Types.FLOAT64, f.value()); }
            case Expr.BoolLit b -> { return new ConstValue.Scalar(Types.BOOL, b.value()); }
            case Expr.StrLit s -> { return new ConstValue.Str(s.value()); }
            case Expr.NoneLit n -> { return new ConstValue.None(); }
            case Expr.Tuple t -> {
                List<ConstValue> out = new ArrayList<>();
                for (Expr x : t.elements()) out.add(eval(x));
                return new ConstValue.Tuple(out);
            }
            case Expr.Name n -> {
                if (scope.lookup(n.id()) instanceof Binding.Constant c) return c.value();
                throw new NotConstant("'" + n.id() + "' is not a constant");
            }
            case Expr.Attribute a -> {
                String q = scope.qualifiedName(a);
                ConstValue c = q == null ? null : Builtins.libraryConstant(q);
                if (c != null) return c;
                throw new NotConstant("'" + a.span().text() + "' is not a constant");
            }
            case Expr.Unary u -> {
                ConstValue v = eval(u.operand());
                if (v instanceof ConstValue.Scalar s) {
                    return switch (u.op()) {
                        case NEG -> s.value() instanceof Double d ? new ConstValue.Scalar(s.type(), -d)
                                : s.value() instanceof Long l ? new ConstValue.Scalar(s.type(), -l) : notConst(e);
                        case POS -> s;
                        case NOT -> new ConstValue.Scalar(Types.BOOL, !truthy(s));
                        case INVERT -> s.value() instanceof Long l ? new ConstValue.Scalar(s.type(), ~l) : notConst(e);
                    };
                }
                return notConst(e);
            }
            case Expr.Binary b -> {
                ConstValue l = eval(b.left()), r = eval(b.right());
                if (l instanceof ConstValue.Scalar ls && r instanceof ConstValue.Scalar rs) {
                    Type t = Promotion.binary(b.op(), ls.type(), rs.type());
                    if (t == null) return notConst(e);
                    Object v = ConstFold.binary(b.op(), ls, rs, t);
                    if (v == null) return notConst(e);
                    return new ConstValue.Scalar(t, v);
                }
                return notConst(e);
            }
            case Expr.Call c when ConstArrays.handles(scope.qualifiedName(c.func())) -> {
                return new ConstArrays(this, scope).eval(scope.qualifiedName(c.func()).substring(6), c);
            }
            case Expr.Call c when c.args().size() == 1 && c.keywords().isEmpty() -> {
                String q = scope.qualifiedName(c.func());
                Type target = q == null ? null : Builtins.scalarConstructor(q);
                if (target != null && eval(c.args().get(0)) instanceof ConstValue.Scalar s) {
                    return new ConstValue.Scalar(target, ConstFold.cast(s, target));
                }
                return notConst(e);
            }
            default -> { return notConst(e); }
        }
    }

    private static ConstValue notConst(Expr e) throws NotConstant {
        throw new NotConstant("'" + e.span().text() + "' is not a compile-time constant");
    }

    static boolean truthy(ConstValue.Scalar s) {
        return switch (s.value()) {
            case Boolean b -> b;
            case Long l -> l != 0;
            case Double d -> d != 0;
            default -> false;
        };
    }

    /** Python int literals are int64, or uint64 in [2**63, 2**64). */
    static ConstValue.Scalar intLiteral(BigInteger v) throws NotConstant {
        if (v.bitLength() < 64) return new ConstValue.Scalar(Types.INT64, v.longValue());
        if (v.signum() > 0 && v.compareTo(TWO_64) < 0) return new ConstValue.Scalar(Types.UINT64, v.longValue());
        throw new NotConstant("the integer " + v + " does not fit in 64 bits");
    }

    static boolean fitsInt64(BigInteger v) { return v.bitLength() < 64 || v.equals(TWO_63.negate()); }
}
