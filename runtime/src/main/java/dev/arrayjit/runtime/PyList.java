package dev.arrayjit.runtime;

import dev.arrayjit.runtime.format.PyRepr;
import dev.arrayjit.typeinfer.types.Type;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A Python list a kernel returned: its elements stay where the kernel put them, in a 1-D array
 * ({@link #array()}), and read as {@link NDArray#get} boxes them. Fixed-size, like
 * {@link java.util.Arrays#asList}: {@link #set} writes through, adding or removing is unsupported.
 */
public final class PyList extends AbstractList<Object> implements RandomAccess {
    private final NDArray items;
    private final int size;

    public PyList(NDArray items) {
        if (items.ndim() != 1) throw new IllegalArgumentException("a list's elements are a 1-D array, not " + items.ndim() + "-D");
        this.items = items;
        this.size = Math.toIntExact(items.shape()[0]);
    }

    /** The elements as a 1-D array sharing their memory. */
    public NDArray array() { return items; }

    /** The element type. */
    public Type dtype() { return items.dtype(); }

    @Override public Object get(int index) {
        return items.get(java.util.Objects.checkIndex(index, size()));
    }

    @Override public Object set(int index, Object value) {
        Object old = get(index);
        items.set(value, index);
        return old;
    }

    @Override public int size() { return size; }

    /** Python's {@code repr}: {@code [1, 2, 3]}, {@code [0.5, 1.0]}. */
    @Override public String toString() { return PyRepr.repr(this); }
}
