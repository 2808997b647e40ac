package dev.arrayjit.runtime.call;

import dev.arrayjit.typeinfer.backend.Abi;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The native buffers of one call: the context, the argument slots and the result slots. Each thread
 * reuses one frame (grown on demand), so a call allocates no native memory; a nested call on the same
 * thread (a kernel calling back into Java that calls a kernel) gets a fresh frame.
 */
final class CallFrame {
    private static final ThreadLocal<CallFrame> CURRENT = ThreadLocal.withInitial(CallFrame::new);

    final MemorySegment ctx;
    MemorySegment args;
    MemorySegment ret;
    private boolean inUse;
    private final Arena arena = Arena.ofAuto();

    private CallFrame() {
        ctx = arena.allocate((long) Abi.CTX_SLOTS * Abi.SLOT, 8);
        args = arena.allocate(16L * Abi.SLOT, 8);
        ret = arena.allocate(16L * Abi.SLOT, 8);
    }

    static CallFrame acquire(int argSlots, int retSlots) {
        CallFrame f = CURRENT.get();
        if (f.inUse) f = new CallFrame();
        f.inUse = true;
        if (f.args.byteSize() < (long) argSlots * Abi.SLOT) f.args = f.arena.allocate((long) argSlots * Abi.SLOT, 8);
        if (f.ret.byteSize() < (long) retSlots * Abi.SLOT) f.ret = f.arena.allocate((long) retSlots * Abi.SLOT, 8);
        f.ctx.fill((byte) 0);
        f.ctx.setAtIndex(ValueLayout.JAVA_LONG, Abi.CTX_RANDOM, RANDOM.get().address());
        f.ctx.setAtIndex(ValueLayout.JAVA_LONG, Abi.CTX_PRINT, Printer.STUB);
        f.ctx.setAtIndex(ValueLayout.JAVA_LONG, Abi.CTX_THREADS, dev.arrayjit.runtime.Threads.count());
        return f;
    }

    /**
     * Each thread's random-number state (see {@link Abi#CTX_RANDOM}), as NumPy and Numba keep one
     * generator per thread. Zeroed, with a seed from the clock for kernels that draw numbers
     * without seeding.
     */
    private static final ThreadLocal<MemorySegment> RANDOM = ThreadLocal.withInitial(() -> {
        MemorySegment block = Arena.ofAuto().allocate(Abi.RANDOM_BLOCK_BYTES, 64);
        long entropy = System.nanoTime() ^ Thread.currentThread().threadId() * 0x9E3779B97F4A7C15L;
        for (int base : new int[] {0, Abi.RANDOM_PYTHON}) {
            block.set(ValueLayout.JAVA_INT, base + Abi.RANDOM_META + 12, (int) (entropy ^ (entropy >>> 32) ^ base));
        }
        return block;
    });

    void release() { inUse = false; }

    long ctx(int slot) { return ctx.getAtIndex(ValueLayout.JAVA_LONG, slot); }
}
