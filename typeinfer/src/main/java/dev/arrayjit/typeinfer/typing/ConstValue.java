package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.typeinfer.types.Type;
import java.util.List;

/** A value known at compile time: a module-level constant, or a constant folded from one. */
public sealed interface ConstValue {
    /** A scalar: {@code value} is a Long (any integer type), Double or Boolean, as in {@code TExpr.Const}. */
    record Scalar(Type type, Object value) implements ConstValue {}
    record Tuple(List<ConstValue> elements) implements ConstValue {}
    record Str(String value) implements ConstValue {}
    record None() implements ConstValue {}
    /** A module-level NumPy array, frozen at compile time: elements in C order, as in {@code Scalar}. */
    record Array(Type.Array type, long[] shape, List<Object> elements) implements ConstValue {}
}
