package dev.arrayjit.codegen.gpu;

import dev.arrayjit.typeinfer.backend.GpuOffload;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jocl.CL;
import org.jocl.Pointer;

/**
 * The status buffer of a kernel's launches: a claim word (0, or the raising site's id + 1, written
 * once by {@code aj_claim}) and {@link OpenClGenerator#STATUS_PAYLOAD} payload values. One buffer
 * serves every launch of a kernel (launches are serialized under the context's lock): cleared
 * before the kernel on the in-order queue without waiting, and only the claim word read back
 * unless it is set.
 */
final class LaunchStatus implements AutoCloseable {
    private static final long BYTES = 8L * (1 + OpenClGenerator.STATUS_PAYLOAD);
    /** Eight zero bytes, direct: a write that does not wait needs memory the collector does not move. */
    private static final java.nio.ByteBuffer ZERO = java.nio.ByteBuffer.allocateDirect(8);

    final OpenClBuffer buffer;
    private final OpenClContext ctx;

    LaunchStatus(OpenClContext ctx) {
        this.ctx = ctx;
        buffer = new OpenClBuffer(ctx, BYTES);
    }

    /** Clears the claim word ahead of the next kernel on the queue; call with the context's lock held. */
    void reset() {
        CL.clEnqueueWriteBuffer(ctx.queue, buffer.mem, CL.CL_FALSE, 0, 8, Pointer.to(ZERO), 0, null, null);
    }

    /** What the launch raised, or null; read after it finished, with the context's lock held. */
    GpuOffload.Raised raised() {
        long[] claim = new long[1];
        CL.clEnqueueReadBuffer(ctx.queue, buffer.mem, CL.CL_TRUE, 0, 8, Pointer.to(claim), 0, null, null);
        long site = claim[0] & 0xffffffffL;
        if (site == 0) return null;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = arena.allocate(BYTES, 8);
            buffer.read(st);
            long[] payload = new long[OpenClGenerator.STATUS_PAYLOAD];
            for (int k = 0; k < payload.length; k++) payload[k] = st.get(ValueLayout.JAVA_LONG, 8L * (k + 1));
            return new GpuOffload.Raised((int) site - 1, payload);
        }
    }

    @Override public void close() { buffer.close(); }
}
