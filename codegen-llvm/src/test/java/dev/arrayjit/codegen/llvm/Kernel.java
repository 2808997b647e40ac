package dev.arrayjit.codegen.llvm;

import static java.lang.foreign.ValueLayout.*;

import dev.arrayjit.typeinfer.backend.Abi;
import dev.arrayjit.typeinfer.backend.CompileOptions;
import dev.arrayjit.typeinfer.backend.CompiledUnit;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A compiled unit called through FFM with Java values marshalled into {@link Abi} slots. */
final class Kernel implements AutoCloseable {
    static final LlvmBackend BACKEND = new LlvmBackend();
    static final CompileOptions OPTIONS = CompileOptions.DEFAULT.withDumps(Set.of("llvm", "llvm-opt"));
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle FREE = LINKER.downcallHandle(
            LINKER.defaultLookup().find("free").orElseThrow(), FunctionDescriptor.ofVoid(ADDRESS));

    /** A kernel's raise: the site id and its first three payload values. */
    static final class Raised extends RuntimeException {
        final long site;
        final long[] payload;
        Raised(long site, long[] payload) {
            super("raised site " + site + " payload " + Arrays.toString(payload));
            this.site = site;
            this.payload = payload;
        }
    }

    final CompileUnit unit;
    final CompiledUnit compiled;
    private final MethodHandle entry;
    /** Blocks the last call allocated (freed at the next call or at close). */
    final List<MemorySegment> allocations = new ArrayList<>();

    private Kernel(CompileUnit unit, CompiledUnit compiled) {
        this.unit = unit;
        this.compiled = compiled;
        this.entry = LINKER.downcallHandle(MemorySegment.ofAddress(compiled.entryAddress()),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    }

    static Kernel compile(CompileUnit unit) { return compile(unit, OPTIONS); }

    static Kernel compile(CompileUnit unit, CompileOptions options) {
        return new Kernel(unit, BACKEND.compile(unit, options));
    }

    String ir() { return compiled.dump("llvm"); }
    String optimizedIr() { return compiled.dump("llvm-opt"); }

    Object call(Object... args) {
        freeAllocations();
        List<Var> params = unit.entry().params();
        if (args.length != params.size()) throw new IllegalArgumentException("arity");
        try (Arena arena = Arena.ofConfined()) {
            int argSlots = params.stream().mapToInt(p -> Abi.slots(p.type())).sum();
            MemorySegment argSeg = arena.allocate(Math.max(1, argSlots) * 8L, 8);
            int[] slot = {0};
            for (int k = 0; k < args.length; k++) write(params.get(k).type(), args[k], argSeg, slot);
            Type rt = unit.entry().returnType();
            MemorySegment ret = arena.allocate(Math.max(1, Abi.slots(rt)) * 8L, 8);
            MemorySegment ctx = arena.allocate(Abi.CTX_SLOTS * 8L, 8);
            int status = (int) entry.invokeExact(ctx, argSeg, ret);
            long count = ctx.getAtIndex(JAVA_LONG, Abi.CTX_ALLOC_COUNT);
            MemorySegment list = ctx.getAtIndex(ADDRESS, Abi.CTX_ALLOC_LIST);
            if (count > 0) {
                MemorySegment entries = list.reinterpret(count * 8);
                for (int k = 0; k < count; k++) allocations.add(entries.getAtIndex(ADDRESS, k));
            }
            if (!list.equals(MemorySegment.NULL)) FREE.invokeExact(list);
            if (status != 0) {
                throw new Raised(ctx.getAtIndex(JAVA_LONG, Abi.CTX_SITE), new long[] {ctx.getAtIndex(JAVA_LONG, Abi.CTX_PAYLOAD),
                        ctx.getAtIndex(JAVA_LONG, Abi.CTX_PAYLOAD + 1), ctx.getAtIndex(JAVA_LONG, Abi.CTX_PAYLOAD + 2)});
            }
            int[] out = {0};
            return read(rt, ret, out);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new RuntimeException(e);
        }
    }

    private static long slotOffset(int[] slot) { return slot[0]++ * 8L; }

    private static void write(Type type, Object value, MemorySegment seg, int[] slot) {
        switch (type) {
            case Type.Bool b -> seg.set(JAVA_BYTE, slotOffset(slot), (byte) ((Boolean) value ? 1 : 0));
            case Type.Int i -> {
                long off = slotOffset(slot);
                long v = value instanceof Boolean z ? (z ? 1 : 0) : ((Number) value).longValue();
                switch (i.bits()) {
                    case 8 -> seg.set(JAVA_BYTE, off, (byte) v);
                    case 16 -> seg.set(JAVA_SHORT, off, (short) v);
                    case 32 -> seg.set(JAVA_INT, off, (int) v);
                    default -> seg.set(JAVA_LONG, off, v);
                }
            }
            case Type.Float f -> {
                long off = slotOffset(slot);
                if (f.bits() == 32) seg.set(JAVA_FLOAT, off, ((Number) value).floatValue());
                else seg.set(JAVA_DOUBLE, off, ((Number) value).doubleValue());
            }
            case Type.Complex c -> {
                double[] z = (double[]) value;
                for (double part : z) {
                    long off = slotOffset(slot);
                    if (c.bits() == 64) seg.set(JAVA_FLOAT, off, (float) part);
                    else seg.set(JAVA_DOUBLE, off, part);
                }
            }
            case Type.Array a -> {
                NdArray arr = (NdArray) value;
                seg.set(ADDRESS, slotOffset(slot), arr.meminfo());
                seg.set(ADDRESS, slotOffset(slot), arr.data());
                for (long e : arr.shape()) seg.set(JAVA_LONG, slotOffset(slot), e);
                for (long s : arr.strides()) seg.set(JAVA_LONG, slotOffset(slot), s);
            }
            case Type.Tuple t -> {
                List<?> items = (List<?>) value;
                for (int k = 0; k < items.size(); k++) write(t.elements().get(k), items.get(k), seg, slot);
            }
            case Type.None n -> { }
            case Type.ListOf l -> throw new IllegalArgumentException("list arguments are not supported");
            case Type.Optional o -> {
                write(Types.BOOL, value != null, seg, slot);
                if (value != null) write(o.type(), value, seg, slot);
                else slot[0] += Abi.slots(o.type());
            }
        }
    }

    private static Object read(Type type, MemorySegment seg, int[] slot) {
        return switch (type) {
            case Type.Bool b -> seg.get(JAVA_BYTE, slotOffset(slot)) != 0;
            case Type.Int i -> {
                long off = slotOffset(slot);
                yield switch (i.bits()) {
                    case 8 -> i.signed() ? (long) seg.get(JAVA_BYTE, off) : (long) (seg.get(JAVA_BYTE, off) & 0xff);
                    case 16 -> i.signed() ? (long) seg.get(JAVA_SHORT, off) : (long) (seg.get(JAVA_SHORT, off) & 0xffff);
                    case 32 -> i.signed() ? (long) seg.get(JAVA_INT, off) : (seg.get(JAVA_INT, off) & 0xffffffffL);
                    default -> seg.get(JAVA_LONG, off);
                };
            }
            case Type.Float f -> f.bits() == 32 ? (double) seg.get(JAVA_FLOAT, slotOffset(slot)) : seg.get(JAVA_DOUBLE, slotOffset(slot));
            case Type.Complex c -> {
                double[] z = new double[2];
                for (int k = 0; k < 2; k++) {
                    long off = slotOffset(slot);
                    z[k] = c.bits() == 64 ? seg.get(JAVA_FLOAT, off) : seg.get(JAVA_DOUBLE, off);
                }
                yield z;
            }
            case Type.Array a -> {
                MemorySegment meminfo = seg.get(ADDRESS, slotOffset(slot));
                MemorySegment data = seg.get(ADDRESS, slotOffset(slot));
                long[] shape = new long[a.ndim()];
                long[] strides = new long[a.ndim()];
                for (int k = 0; k < a.ndim(); k++) shape[k] = seg.get(JAVA_LONG, slotOffset(slot));
                for (int k = 0; k < a.ndim(); k++) strides[k] = seg.get(JAVA_LONG, slotOffset(slot));
                long extent = Types.sizeOf(a.dtype());
                for (int k = 0; k < a.ndim(); k++) extent += Math.max(0, shape[k] - 1) * Math.abs(strides[k]);
                yield new NdArray(a.dtype(), data.reinterpret(extent), shape, strides, meminfo);
            }
            case Type.Tuple t -> {
                List<Object> items = new ArrayList<>();
                for (Type e : t.elements()) items.add(read(e, seg, slot));
                yield items;
            }
            case Type.None n -> null;
            case Type.ListOf l -> read(new Type.Array(l.element(), 1, dev.arrayjit.typeinfer.types.Layout.C, false), seg, slot);
            case Type.Optional o -> {
                boolean present = (Boolean) read(Types.BOOL, seg, slot);
                Object inner = read(o.type(), seg, slot);
                yield present ? inner : null;
            }
        };
    }

    private void freeAllocations() {
        try {
            for (MemorySegment block : allocations) FREE.invokeExact(block);
        } catch (Throwable e) {
            throw new RuntimeException(e);
        }
        allocations.clear();
    }

    @Override public void close() {
        freeAllocations();
        compiled.close();
    }
}
