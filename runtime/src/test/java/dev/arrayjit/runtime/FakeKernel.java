package dev.arrayjit.runtime;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.Span;
import dev.arrayjit.runtime.call.EntryPoint;
import dev.arrayjit.typeinfer.backend.Abi;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.types.Type;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Native kernels without a code generator: a Java body behind an FFM upcall stub, so the runtime calls
 * it through a real native function pointer following {@link Abi}. {@link #malloc} follows the
 * allocation-list protocol as generated code does (malloc'd blocks, list grown with realloc).
 */
public final class FakeKernel {
    private FakeKernel() {}

    /** The kernel's body; sees ctx, args and ret as 4 KiB segments. */
    @FunctionalInterface
    public interface Body {
        int run(MemorySegment ctx, MemorySegment args, MemorySegment ret);
    }

    public static final SourceFile SOURCE = new SourceFile("kernels.py",
            "from numba import njit\n\n@njit\ndef f(a, i):\n    return a[i] // 0\n");

    /** Span of {@code a[i]} on line 5. */
    public static final Span INDEX_SPAN = new Span(SOURCE, SOURCE.offset(5, 12), SOURCE.offset(5, 16));

    /** A failure inside a body (an exception must not cross the upcall). */
    public static final AtomicReference<Throwable> FAILURE = new AtomicReference<>();

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle REALLOC = LINKER.downcallHandle(LINKER.defaultLookup().find("realloc").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle RUN;

    static {
        try {
            RUN = MethodHandles.lookup().findStatic(FakeKernel.class, "run", MethodType.methodType(int.class, Body.class,
                    MemorySegment.class, MemorySegment.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static int run(Body body, MemorySegment ctx, MemorySegment args, MemorySegment ret) {
        try {
            return body.run(ctx.reinterpret(4096), args.reinterpret(4096), ret.reinterpret(4096));
        } catch (Throwable t) {
            FAILURE.set(t);
            return 99;
        }
    }

    public static EntryPoint entry(Body body) {
        MemorySegment stub = LINKER.upcallStub(RUN.bindTo(body),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS),
                Arena.global());
        return EntryPoint.at(stub.address());
    }

    public static Specialization spec(List<Type> args, Type ret, List<ErrorSite> sites, Body body) {
        return new Specialization(args, ret, sites, entry(body), null, 0);
    }

    public static Specialization spec(List<Type> args, Type ret, Body body) {
        return spec(args, ret, List.of(), body);
    }

    /** Allocates as generated code does: malloc, then record the block in the context's list. */
    public static long malloc(MemorySegment ctx, long bytes) {
        long p = NativeMemory.malloc(bytes);
        long count = ctx.getAtIndex(ValueLayout.JAVA_LONG, Abi.CTX_ALLOC_COUNT);
        long cap = ctx.getAtIndex(ValueLayout.JAVA_LONG, Abi.CTX_ALLOC_CAPACITY);
        long list = ctx.getAtIndex(ValueLayout.JAVA_LONG, Abi.CTX_ALLOC_LIST);
        if (count == cap) {
            cap = Math.max(4, cap * 2);
            try {
                list = ((MemorySegment) REALLOC.invokeExact(MemorySegment.ofAddress(list), cap * 8)).address();
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
            ctx.setAtIndex(ValueLayout.JAVA_LONG, Abi.CTX_ALLOC_CAPACITY, cap);
            ctx.setAtIndex(ValueLayout.JAVA_LONG, Abi.CTX_ALLOC_LIST, list);
        }
        MemorySegment.ofAddress(list).reinterpret(cap * 8).setAtIndex(ValueLayout.JAVA_LONG, count, p);
        ctx.setAtIndex(ValueLayout.JAVA_LONG, Abi.CTX_ALLOC_COUNT, count + 1);
        return p;
    }

    /** Raises: site id and payload into the context, status 1. */
    public static int raise(MemorySegment ctx, int site, long... payload) {
        ctx.setAtIndex(ValueLayout.JAVA_LONG, Abi.CTX_SITE, site);
        for (int i = 0; i < payload.length; i++) ctx.setAtIndex(ValueLayout.JAVA_LONG, Abi.CTX_PAYLOAD + i, payload[i]);
        return 1;
    }

    public static long slot(MemorySegment s, int i) { return s.getAtIndex(ValueLayout.JAVA_LONG, i); }

    public static void setSlot(MemorySegment s, int i, long v) { s.setAtIndex(ValueLayout.JAVA_LONG, i, v); }

    /** A view of the array whose slots start at {@code first} (meminfo, data, extents, strides). */
    public static MemorySegment data(MemorySegment args, int first, long bytes) {
        return MemorySegment.ofAddress(slot(args, first + 1)).reinterpret(bytes);
    }
}
