package dev.arrayjit.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The C heap, as kernels use it. Every array the runtime makes or adopts from a kernel lives in a
 * {@code calloc}/{@code malloc} block owned by a segment of its own automatic {@link Arena}: the block is
 * freed with libc {@code free} when the last segment (and so every array viewing it) is unreachable.
 * Accessing a segment keeps its arena alive, so no reachability fences are needed.
 *
 * <p>The garbage collector does not see native memory, so a loop whose kernel returns large arrays
 * produces little heap garbage and might not trigger a collection before the process runs out of
 * memory. As {@code java.nio.Bits} does for direct buffers, we ask for a collection whenever the
 * live native bytes grow by {@link #GC_STEP} past the level seen at the last request.
 */
public final class NativeMemory {
    private NativeMemory() {}

    /** Growth of live native bytes that triggers a {@code System.gc()}. */
    static final long GC_STEP = 256L << 20;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final MethodHandle MALLOC = handle("malloc", FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle CALLOC = handle("calloc",
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    private static final MethodHandle FREE = handle("free", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
    private static final MethodHandle USABLE_SIZE = LIBC.find("malloc_usable_size")
            .map(a -> LINKER.downcallHandle(a, FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS)))
            .orElse(null);

    private static final AtomicLong LIVE_BLOCKS = new AtomicLong();
    private static final AtomicLong LIVE_BYTES = new AtomicLong();
    private static final AtomicLong GC_THRESHOLD = new AtomicLong(GC_STEP);

    private static MethodHandle handle(String name, FunctionDescriptor fd) {
        MemorySegment addr = LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(addr, fd);
    }

    /** A zeroed block of {@code bytes} owned by the returned segment. */
    public static MemorySegment allocateZeroed(long bytes) {
        long size = Math.max(bytes, 1);
        long address;
        try {
            address = ((MemorySegment) CALLOC.invokeExact(1L, size)).address();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        if (address == 0) throw new OutOfMemoryError("calloc(" + size + ") failed");
        return own(address, size, size).asSlice(0, bytes);
    }

    /**
     * Takes ownership of a {@code malloc}'d block (one a kernel returned): the segment frees it when
     * unreachable. Its length is the block's usable size, or {@code minLength} where libc cannot tell.
     */
    public static MemorySegment adopt(long address, long minLength) {
        long size = Math.max(usableSize(address), minLength);
        return own(address, size, size);
    }

    private static MemorySegment own(long address, long length, long counted) {
        LIVE_BLOCKS.incrementAndGet();
        long live = LIVE_BYTES.addAndGet(counted);
        maybeCollect(live);
        return MemorySegment.ofAddress(address).reinterpret(length, Arena.ofAuto(), seg -> {
            free(seg.address());
            LIVE_BLOCKS.decrementAndGet();
            LIVE_BYTES.addAndGet(-counted);
        });
    }

    private static void maybeCollect(long live) {
        long threshold = GC_THRESHOLD.get();
        if (live > threshold && GC_THRESHOLD.compareAndSet(threshold, live + GC_STEP)) {
            System.gc();
        } else if (live + 2 * GC_STEP < threshold) {
            // Memory was freed since the last request: lower the bar again.
            GC_THRESHOLD.compareAndSet(threshold, Math.max(GC_STEP, live + GC_STEP));
        }
    }

    /** {@code malloc}; the caller frees (used for temporary copies of heap arrays). */
    public static long malloc(long bytes) {
        try {
            long a = ((MemorySegment) MALLOC.invokeExact(Math.max(bytes, 1))).address();
            if (a == 0) throw new OutOfMemoryError("malloc(" + bytes + ") failed");
            return a;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public static void free(long address) {
        if (address == 0) return;
        try {
            FREE.invokeExact(MemorySegment.ofAddress(address));
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static long usableSize(long address) {
        if (USABLE_SIZE == null) return 0;
        try {
            return (long) USABLE_SIZE.invokeExact(MemorySegment.ofAddress(address));
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Blocks owned by live (not yet cleaned) segments. */
    public static long liveBlocks() { return LIVE_BLOCKS.get(); }

    /** Usable bytes of those blocks. */
    public static long liveBytes() { return LIVE_BYTES.get(); }
}
