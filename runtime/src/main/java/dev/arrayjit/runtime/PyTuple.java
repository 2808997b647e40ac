package dev.arrayjit.runtime;

import dev.arrayjit.runtime.format.PyRepr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Python tuple: what a kernel returning a tuple gives, and how a tuple argument is passed.
 * Elements are boxed as {@link KernelFunction#call} documents; {@code null} is {@code None}.
 */
public record PyTuple(List<Object> items) {
    public PyTuple {
        items = Collections.unmodifiableList(new ArrayList<>(items)); // List.copyOf rejects None (null)
    }

    public static PyTuple of(Object... items) { return new PyTuple(Arrays.asList(items)); }

    public Object get(int i) { return items.get(i); }

    public int size() { return items.size(); }

    /** Python's {@code repr}: {@code (1, 2.5)}, {@code (1,)}, arrays as {@code array([...])}. */
    @Override public String toString() { return PyRepr.repr(this); }
}
