package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.MathFn;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.UnOp;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.List;

/**
 * Complex scalars: parts, conjugate, {@code abs}, and the {@code cmath} functions, written with
 * real arithmetic on the parts (CPython's definitions: principal branches, {@code phase} by atan2).
 * The argument is read more than once, so callers pass a variable or another side-effect-free value.
 */
final class ComplexOps {
    private final FunctionTyper t;

    ComplexOps(FunctionTyper t) { this.t = t; }

    static Type.Float partType(Type.Complex c) { return new Type.Float(c.bits() / 2); }

    /** The complex type for a number: complex64 for float32 and small ints, complex128 otherwise. */
    static Type.Complex complexFor(Type x) {
        if (x instanceof Type.Complex c) return c;
        boolean narrow = x.equals(Types.FLOAT32) || Promotion.small(x);
        return narrow ? Types.COMPLEX64 : Types.COMPLEX128;
    }

    TExpr re(TExpr z, Span span) { return new TExpr.ComplexPart(z, false, span); }

    TExpr im(TExpr z, Span span) { return new TExpr.ComplexPart(z, true, span); }

    /** {@code x.real} / {@code x.imag} of any number (a real number's imaginary part is 0). */
    TExpr part(TExpr x, boolean imag, Span span) {
        if (x.type() instanceof Type.Complex) return imag ? im(x, span) : re(x, span);
        if (!imag) return x;
        return t.cast(new TExpr.Const(Types.INT64, 0L, span), x.type() instanceof Type.Bool ? Types.INT64 : x.type(), span);
    }

    TExpr conjugate(TExpr x, Span span) {
        if (!(x.type() instanceof Type.Complex c)) return x;
        Type.Float p = partType(c);
        return new TExpr.MakeComplex(re(x, span), new TExpr.Unary(UnOp.NEG, im(x, span), p, span), c, span);
    }

    TExpr abs(TExpr z, Span span) {
        Type.Float p = partType((Type.Complex) z.type());
        return new TExpr.MathCall(MathFn.HYPOT, List.of(re(z, span), im(z, span)), p, span);
    }

    TExpr phase(TExpr z, Span span) {
        Type.Float p = partType((Type.Complex) z.type());
        return new TExpr.MathCall(MathFn.ATAN2, List.of(im(z, span), re(z, span)), p, span);
    }

    private static TExpr bin(ArithOp op, TExpr a, TExpr b, Type type, Span s) { return new TExpr.Binary(op, a, b, type, null, s); }

    private static TExpr fn(MathFn f, TExpr x, Type type, Span s) { return new TExpr.MathCall(f, List.of(x), type, s); }

    /** A {@code cmath} function, or null after reporting an unsupported one. */
    TExpr cmath(String name, List<TExpr> args, Span span) {
        if (name.equals("rect")) {
            Type.Float f = args.stream().anyMatch(a -> !a.type().equals(Types.FLOAT32)) ? Types.FLOAT64 : Types.FLOAT32;
            TExpr r = t.cast(args.get(0), f, span), phi = t.cast(args.get(1), f, span);
            return new TExpr.MakeComplex(bin(ArithOp.MUL, r, fn(MathFn.COS, phi, f, span), f, span),
                    bin(ArithOp.MUL, r, fn(MathFn.SIN, phi, f, span), f, span), complexFor(f), span);
        }
        TExpr z = args.get(0).type() instanceof Type.Complex ? args.get(0) : t.cast(args.get(0), Types.COMPLEX128, span);
        Type.Complex c = (Type.Complex) z.type();
        Type.Float p = partType(c);
        TExpr re = re(z, span), im = im(z, span);
        return switch (name) {
            case "phase" -> phase(z, span);
            case "polar" -> {
                TExpr r = abs(z, span), ph = phase(z, span);
                yield new TExpr.MakeTuple(List.of(r, ph), new Type.Tuple(List.of(p, p)), span);
            }
            case "exp" -> {
                TExpr m = fn(MathFn.EXP, re, p, span);
                yield new TExpr.MakeComplex(bin(ArithOp.MUL, m, fn(MathFn.COS, im, p, span), p, span),
                        bin(ArithOp.MUL, m, fn(MathFn.SIN, im, p, span), p, span), c, span);
            }
            case "log" -> new TExpr.MakeComplex(fn(MathFn.LOG, abs(z, span), p, span), phase(z, span), c, span);
            case "log10" -> new TExpr.MakeComplex(fn(MathFn.LOG10, abs(z, span), p, span),
                    bin(ArithOp.DIV, phase(z, span), new TExpr.Const(p, Math.log(10), span), p, span), c, span);
            case "sqrt" -> {
                // t = sqrt((|z| + |re|) / 2); re >= 0: (t, im / 2t), else (|im| / 2t, copysign(t, im)); 0 stays 0.
                TExpr half = new TExpr.Const(p, 0.5, span), two = new TExpr.Const(p, 2.0, span), zero = new TExpr.Const(p, 0.0, span);
                TExpr tt = fn(MathFn.SQRT, bin(ArithOp.MUL, bin(ArithOp.ADD, abs(z, span), fn(MathFn.FABS, re, p, span), p, span), half, p, span), p, span);
                TExpr twoT = bin(ArithOp.MUL, two, tt, p, span);
                TExpr pos = new TExpr.MakeComplex(tt, bin(ArithOp.DIV, im, twoT, p, span), c, span);
                TExpr neg = new TExpr.MakeComplex(bin(ArithOp.DIV, fn(MathFn.FABS, im, p, span), twoT, p, span),
                        new TExpr.MathCall(MathFn.COPYSIGN, List.of(tt, im), p, span), c, span);
                TExpr isZero = new TExpr.Logical(true, new TExpr.Compare(CmpOp.EQ, re, zero, span),
                        new TExpr.Compare(CmpOp.EQ, im, zero, span), Types.BOOL, span);
                yield new TExpr.Select(isZero, new TExpr.MakeComplex(zero, im, c, span),
                        new TExpr.Select(new TExpr.Compare(CmpOp.GE, re, zero, span), pos, neg, c, span), c, span);
            }
            case "isnan", "isinf", "isfinite" -> {
                MathFn f = name.equals("isnan") ? MathFn.ISNAN : name.equals("isinf") ? MathFn.ISINF : MathFn.ISFINITE;
                TExpr a = new TExpr.MathCall(f, List.of(re), Types.BOOL, span), b = new TExpr.MathCall(f, List.of(im), Types.BOOL, span);
                yield new TExpr.Logical(!name.equals("isfinite") ? false : true, a, b, Types.BOOL, span);
            }
            default -> {
                t.error("unsupported.function", span, "'cmath." + name + "' is not supported yet",
                        "supported: sqrt, exp, log, log10, phase, polar, rect, isnan, isinf, isfinite");
                yield null;
            }
        };
    }
}
