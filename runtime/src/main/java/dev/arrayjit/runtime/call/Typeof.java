package dev.arrayjit.runtime.call;

import dev.arrayjit.runtime.Complex;
import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.runtime.PyTuple;
import dev.arrayjit.runtime.Scalar;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel type of a Java argument, as Numba's {@code typeof} types the Python value: integers are
 * Python ints (int64) whatever their Java width, {@link Double} is float64, {@link Float} float32,
 * {@link Boolean} bool, {@link Complex} complex128, a {@link Scalar} its own type, an {@link NDArray}
 * {@code Array(dtype, ndim, layout)}, a {@link PyTuple} or {@link List} a tuple, null none.
 */
public final class Typeof {
    private Typeof() {}

    /** Null when Java values of this class cannot be kernel arguments. */
    public static Type of(Object v) {
        return switch (v) {
            case null -> Types.NONE;
            case Long l -> Types.INT64;
            case Integer i -> Types.INT64;
            case Short s -> Types.INT64;
            case Byte b -> Types.INT64;
            case Double d -> Types.FLOAT64;
            case Float f -> Types.FLOAT32;
            case Boolean b -> Types.BOOL;
            case Complex c -> Types.COMPLEX128;
            case Scalar s -> s.type();
            case NDArray a -> a.type();
            case PyTuple t -> tuple(t.items());
            case List<?> l -> tuple(l);
            default -> null;
        };
    }

    private static Type tuple(List<?> items) {
        List<Type> types = new ArrayList<>(items.size());
        for (Object o : items) {
            Type t = of(o);
            if (t == null) return null;
            types.add(t);
        }
        return new Type.Tuple(types);
    }
}
