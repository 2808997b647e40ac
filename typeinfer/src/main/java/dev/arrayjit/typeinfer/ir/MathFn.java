package dev.arrayjit.typeinfer.ir;

/**
 * Floating-point functions of {@code math} / NumPy, applied to float32 or float64 operands (typing
 * casts integer arguments first). The result has the operand type, except the predicates, which
 * give bool. {@code arity} is the number of operands.
 */
public enum MathFn {
    SQRT(1), EXP(1), EXP2(1), EXPM1(1), LOG(1), LOG2(1), LOG10(1), LOG1P(1),
    SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), SINH(1), COSH(1), TANH(1), ASINH(1), ACOSH(1), ATANH(1),
    FLOOR(1), CEIL(1), TRUNC(1), RINT(1), FABS(1), ERF(1), ERFC(1), GAMMA(1), LGAMMA(1),
    ATAN2(2), POW(2), HYPOT(2), COPYSIGN(2), FMOD(2), NEXTAFTER(2),
    /** The larger / smaller of two, NaN when either is (IEEE 754-2019 maximum/minimum); for reductions. */
    MAXIMUM(2), MINIMUM(2),
    ISNAN(1, true), ISINF(1, true), ISFINITE(1, true);

    public final int arity;
    public final boolean predicate;

    MathFn(int arity) { this(arity, false); }
    MathFn(int arity, boolean predicate) { this.arity = arity; this.predicate = predicate; }
}
