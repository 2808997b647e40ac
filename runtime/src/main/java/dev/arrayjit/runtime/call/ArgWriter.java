package dev.arrayjit.runtime.call;

import dev.arrayjit.runtime.Complex;
import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.runtime.NativeMemory;
import dev.arrayjit.runtime.PyTuple;
import dev.arrayjit.runtime.Scalar;
import dev.arrayjit.typeinfer.backend.Abi;
import dev.arrayjit.typeinfer.types.Type;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes arguments into {@link Abi} slots, converting scalars to the declared types (a Long passed
 * as float64, as eager signatures allow). Arrays pass by pointer with a null meminfo (the kernel does
 * not own them); arrays over Java heap memory are copied to a temporary native block and back after
 * the call, one block per Java array so that aliasing arguments stay aliased.
 */
final class ArgWriter {
    /** Native memory an array argument lives in: results pointing into it view {@code array}'s data. */
    record Region(NDArray array, long base, long size, long tempCopy) {}

    private final MemorySegment slots;
    // Allocated on first use: most calls pass few arrays and no heap array.
    private List<Region> regions = List.of();
    private Map<Object, Long> temps;

    ArgWriter(MemorySegment slots) { this.slots = slots; }

    List<Region> regions() { return regions; }

    /** Writes {@code value} as {@code type} from {@code slot}; returns the next free slot. */
    int write(int slot, Type type, Object value) {
        long at = (long) slot * Abi.SLOT;
        switch (type) {
            case Type.Bool b -> slots.set(ValueLayout.JAVA_LONG, at, truth(value) ? 1 : 0);
            case Type.Int i -> slots.set(ValueLayout.JAVA_LONG, at, integer(value, i));
            case Type.Float f -> {
                if (f.bits() == 32) {
                    slots.set(ValueLayout.JAVA_LONG, at, 0);
                    slots.set(ValueLayout.JAVA_FLOAT, at, (float) real(value));
                } else {
                    slots.set(ValueLayout.JAVA_DOUBLE, at, real(value));
                }
            }
            case Type.Complex c -> {
                Complex z = complex(value);
                slots.set(ValueLayout.JAVA_LONG, at, 0);
                slots.set(ValueLayout.JAVA_LONG, at + Abi.SLOT, 0);
                if (c.bits() == 64) {
                    slots.set(ValueLayout.JAVA_FLOAT, at, (float) z.re());
                    slots.set(ValueLayout.JAVA_FLOAT, at + Abi.SLOT, (float) z.im());
                } else {
                    slots.set(ValueLayout.JAVA_DOUBLE, at, z.re());
                    slots.set(ValueLayout.JAVA_DOUBLE, at + Abi.SLOT, z.im());
                }
            }
            case Type.Array a -> array(at, (NDArray) value);
            case Type.Tuple t -> {
                List<?> items = value instanceof PyTuple p ? p.items() : (List<?>) value;
                int s = slot;
                for (int k = 0; k < items.size(); k++) s = write(s, t.elements().get(k), items.get(k));
                return s;
            }
            case Type.None n -> { return slot; }
            case Type.ListOf l -> throw new IllegalArgumentException("lists cannot be passed to a kernel; pass a NumPy array");
            case Type.Optional o -> {
                slots.set(ValueLayout.JAVA_LONG, at, value == null ? 0 : 1);
                if (value != null) return write(slot + 1, o.type(), value);
                for (int k = 1; k < Abi.slots(type); k++) slots.set(ValueLayout.JAVA_LONG, at + (long) k * Abi.SLOT, 0);
                return slot + Abi.slots(type);
            }
        }
        return slot + Abi.slots(type);
    }

    private void array(long at, NDArray a) {
        MemorySegment seg = a.segment();
        long base;
        long temp = 0;
        if (seg.isNative()) {
            base = seg.address();
        } else {
            Object key = seg.heapBase().orElse(seg);
            if (temps == null) temps = new IdentityHashMap<>();
            Long existing = temps.get(key);
            if (existing == null) {
                existing = NativeMemory.malloc(seg.byteSize());
                MemorySegment.copy(seg, 0, MemorySegment.ofAddress(existing).reinterpret(seg.byteSize()), 0, seg.byteSize());
                temps.put(key, existing);
            }
            base = temp = existing;
        }
        if (regions.isEmpty()) regions = new ArrayList<>(4);
        regions.add(new Region(a, base, seg.byteSize(), temp));
        slots.set(ValueLayout.JAVA_LONG, at, 0); // meminfo: the kernel does not own argument memory
        slots.set(ValueLayout.JAVA_LONG, at + Abi.SLOT, base + a.offset());
        int nd = a.ndim();
        for (int k = 0; k < nd; k++) {
            slots.set(ValueLayout.JAVA_LONG, at + (2L + k) * Abi.SLOT, a.shape(k));
            slots.set(ValueLayout.JAVA_LONG, at + (2L + nd + k) * Abi.SLOT, a.stride(k));
        }
    }

    /** Copies temporary blocks back to writable heap arrays and frees them. Call once, after the call. */
    void finish() {
        if (temps == null) return;
        Map<Long, Boolean> done = new java.util.HashMap<>();
        for (Region r : regions) {
            if (r.tempCopy() == 0 || done.containsKey(r.tempCopy())) continue;
            done.put(r.tempCopy(), true);
            if (!r.array().readOnly()) {
                MemorySegment.copy(MemorySegment.ofAddress(r.tempCopy()).reinterpret(r.size()), 0, r.array().segment(), 0, r.size());
            }
        }
        for (long t : done.keySet()) NativeMemory.free(t);
    }

    private static boolean truth(Object v) {
        return switch (v) {
            case Boolean b -> b;
            case Scalar s -> s.booleanValue();
            case Complex c -> c.re() != 0 || c.im() != 0;
            case Number n -> n.doubleValue() != 0;
            default -> throw mismatch(v, "bool");
        };
    }

    private static long integer(Object v, Type.Int t) {
        return switch (v) {
            case Boolean b -> b ? 1 : 0;
            case Scalar s when s.type() instanceof Type.Int || s.type() instanceof Type.Bool -> s.longValue();
            case Scalar s -> toInt(s.doubleValue(), t);
            case Double d -> toInt(d, t);
            case Float f -> toInt(f, t);
            case Number n -> n.longValue();
            default -> throw mismatch(v, t.toString());
        };
    }

    private static long toInt(double d, Type.Int t) {
        if (t.bits() == 64 && !t.signed() && d >= 0x1p63) return (long) (d - 0x1p63) + Long.MIN_VALUE;
        return (long) d;
    }

    private static double real(Object v) {
        return switch (v) {
            case Boolean b -> b ? 1 : 0;
            case Scalar s -> s.doubleValue();
            case Number n -> n.doubleValue();
            default -> throw mismatch(v, "float");
        };
    }

    private static Complex complex(Object v) {
        return switch (v) {
            case Complex c -> c;
            case Scalar s when s.value() instanceof Complex c -> c;
            default -> new Complex(real(v), 0);
        };
    }

    private static IllegalArgumentException mismatch(Object v, String type) {
        return new IllegalArgumentException("cannot pass " + v + " as " + type);
    }
}
