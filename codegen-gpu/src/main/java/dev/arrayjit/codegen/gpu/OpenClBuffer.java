package dev.arrayjit.codegen.gpu;

import dev.arrayjit.typeinfer.backend.GpuOffload;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.cl_mem;

/** Device memory of one context; copies block until done. */
final class OpenClBuffer implements GpuOffload.Buffer {
    final OpenClContext ctx;
    final cl_mem mem;
    private final long bytes;
    private final AtomicBoolean closed = new AtomicBoolean();

    OpenClBuffer(OpenClContext ctx, long bytes) {
        this.ctx = ctx;
        this.bytes = bytes;
        // OpenCL has no empty buffers; an empty array still gets one byte.
        this.mem = CL.clCreateBuffer(ctx.context, CL.CL_MEM_READ_WRITE, Math.max(1, bytes), null, null);
    }

    @Override public long byteSize() { return bytes; }

    @Override public void write(MemorySegment src) {
        long n = Math.min(bytes, src.byteSize());
        if (n == 0) return;
        try (Arena arena = Arena.ofConfined()) {
            // Explicit writes rather than CL_MEM_COPY_HOST_PTR: drivers stage that copy far more slowly.
            MemorySegment from = src.isNative() ? src : arena.allocate(n, 8).copyFrom(src.asSlice(0, n));
            synchronized (ctx) {
                CL.clEnqueueWriteBuffer(ctx.queue, mem, CL.CL_TRUE, 0, n, Pointer.to(from.asSlice(0, n).asByteBuffer()), 0, null, null);
            }
        }
    }

    @Override public void read(MemorySegment dst) {
        long n = Math.min(bytes, dst.byteSize());
        if (n == 0) return;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment to = dst.isNative() ? dst : arena.allocate(n, 8);
            synchronized (ctx) {
                CL.clEnqueueReadBuffer(ctx.queue, mem, CL.CL_TRUE, 0, n, Pointer.to(to.asSlice(0, n).asByteBuffer()), 0, null, null);
            }
            if (to != dst) dst.asSlice(0, n).copyFrom(to.asSlice(0, n));
        }
    }

    @Override public void close() {
        if (closed.compareAndSet(false, true)) CL.clReleaseMemObject(mem);
    }
}
