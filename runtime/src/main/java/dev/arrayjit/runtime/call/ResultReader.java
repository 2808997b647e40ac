package dev.arrayjit.runtime.call;

import dev.arrayjit.runtime.Boxing;
import dev.arrayjit.runtime.Complex;
import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.runtime.PyList;
import dev.arrayjit.runtime.PyTuple;
import dev.arrayjit.typeinfer.backend.Abi;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a result from {@link Abi} slots in two passes: {@link #scan} finds the blocks returned arrays
 * own (so the caller keeps them and frees the rest of the allocation list), then {@link #read} boxes
 * the value (see {@code Boxing}) with arrays over the adopted blocks, or over an argument's memory
 * when the kernel returned (a view of) an argument.
 */
final class ResultReader {
    private final MemorySegment ret;
    private final List<ArgWriter.Region> regions;
    /** meminfo → bytes from the block's start that returned arrays reach. */
    private Map<Long, Long> owned = Map.of();

    ResultReader(MemorySegment ret, List<ArgWriter.Region> regions) {
        this.ret = ret;
        this.regions = regions;
    }

    Map<Long, Long> ownedBlocks() { return owned; }

    private long slot(int i) { return ret.getAtIndex(ValueLayout.JAVA_LONG, i); }

    /** First pass: records the meminfo of every returned array; returns the next slot. */
    int scan(Type t, int s) {
        switch (t) {
            case Type.Array a -> {
                long meminfo = slot(s);
                if (meminfo != 0) {
                    long[] span = extent(a, s);
                    long reach = slot(s + 1) - meminfo + span[1];
                    if (owned.isEmpty()) owned = new HashMap<>(4);
                    owned.merge(meminfo, Math.max(reach, 0), Math::max);
                }
            }
            case Type.ListOf l -> scan(listItems(l), s);
            case Type.Tuple tu -> {
                for (Type e : tu.elements()) s = scan(e, s);
                return s;
            }
            case Type.Optional o -> {
                if (slot(s) != 0) scan(o.type(), s + 1);
            }
            default -> { }
        }
        return s + Abi.slots(t);
    }

    /** Second pass: the boxed value. {@code blocks} maps each owned meminfo to its adopted segment. */
    Object read(Type t, int s, Map<Long, MemorySegment> blocks) {
        return switch (t) {
            case Type.Bool b -> (ret.get(ValueLayout.JAVA_BYTE, (long) s * Abi.SLOT) & 1) != 0;
            case Type.Int i -> Boxing.box(t, switch (i.bits()) {
                case 8 -> (long) ret.get(ValueLayout.JAVA_BYTE, (long) s * Abi.SLOT);
                case 16 -> (long) ret.get(ValueLayout.JAVA_SHORT, (long) s * Abi.SLOT);
                case 32 -> (long) ret.get(ValueLayout.JAVA_INT, (long) s * Abi.SLOT);
                default -> slot(s);
            });
            case Type.Float f -> Boxing.box(t, f.bits() == 32 ? (double) ret.get(ValueLayout.JAVA_FLOAT, (long) s * Abi.SLOT)
                    : ret.get(ValueLayout.JAVA_DOUBLE, (long) s * Abi.SLOT));
            case Type.Complex c -> {
                long at = (long) s * Abi.SLOT;
                Complex z = c.bits() == 64
                        ? new Complex(ret.get(ValueLayout.JAVA_FLOAT, at), ret.get(ValueLayout.JAVA_FLOAT, at + Abi.SLOT))
                        : new Complex(ret.get(ValueLayout.JAVA_DOUBLE, at), ret.get(ValueLayout.JAVA_DOUBLE, at + Abi.SLOT));
                yield Boxing.box(t, z);
            }
            case Type.Array a -> array(a, s, blocks);
            case Type.Tuple tu -> {
                List<Object> items = new ArrayList<>(tu.elements().size());
                int k = s;
                for (Type e : tu.elements()) {
                    items.add(read(e, k, blocks));
                    k += Abi.slots(e);
                }
                yield new PyTuple(items);
            }
            case Type.None n -> null;
            case Type.ListOf l -> new PyList(array(listItems(l), s, blocks));
            case Type.Optional o -> slot(s) == 0 ? null : read(o.type(), s + 1, blocks);
        };
    }

    /** A list crosses as the 1-D array of its elements. */
    private static Type.Array listItems(Type.ListOf l) {
        return new Type.Array(l.element(), 1, dev.arrayjit.typeinfer.types.Layout.C, false);
    }

    /** {lowest, one past highest} byte offset the array's elements occupy, relative to its data pointer. */
    private long[] extent(Type.Array a, int s) {
        long lo = 0, hi = 0;
        for (int k = 0; k < a.ndim(); k++) {
            long n = slot(s + 2 + k), st = slot(s + 2 + a.ndim() + k);
            if (n == 0) return new long[] {0, 0};
            if (st < 0) lo += (n - 1) * st; else hi += (n - 1) * st;
        }
        return new long[] {lo, hi + Types.sizeOf(a.dtype())};
    }

    private NDArray array(Type.Array a, int s, Map<Long, MemorySegment> blocks) {
        long meminfo = slot(s), data = slot(s + 1);
        long[] shape = new long[a.ndim()], strides = new long[a.ndim()];
        for (int k = 0; k < a.ndim(); k++) {
            shape[k] = slot(s + 2 + k);
            strides[k] = slot(s + 2 + a.ndim() + k);
        }
        if (meminfo != 0) {
            MemorySegment block = blocks.get(meminfo);
            if (block == null) throw new IllegalStateException("a returned array's memory is not in the kernel's allocation list");
            return NDArray.view(block, a.dtype(), data - meminfo, shape, strides);
        }
        long[] span = extent(a, s);
        if (span[1] == span[0]) return NDArray.zeros(a.dtype(), shape); // empty: nothing to point at
        for (ArgWriter.Region r : regions) {
            long base = r.tempCopy() != 0 ? r.tempCopy() : r.base();
            if (data + span[0] >= base && data + span[1] <= base + r.size()) {
                NDArray arg = r.array();
                NDArray v = NDArray.view(arg.segment(), a.dtype(), data - base, shape, strides);
                return arg.readOnly() ? v.asReadOnly() : v;
            }
        }
        // Memory the compiled code owns (a module-level array frozen as a constant): return a copy,
        // read-only like the constant, since the code may be unloaded while the array lives on.
        MemorySegment constant = MemorySegment.ofAddress(data + span[0]).reinterpret(span[1] - span[0]);
        return NDArray.view(constant, a.dtype(), -span[0], shape, strides).copy().asReadOnly();
    }
}
