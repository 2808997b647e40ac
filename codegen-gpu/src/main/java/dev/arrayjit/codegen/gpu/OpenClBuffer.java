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

    /** Copies of at most this many bytes each: a ByteBuffer (what JOCL takes) holds at most 2 GiB. */
    private static final long CHUNK = 1L << 30;

    @Override public void write(MemorySegment src) {
        long n = Math.min(bytes, src.byteSize());
        for (long at = 0; at < n; at += CHUNK) {
            long len = Math.min(CHUNK, n - at);
            try (Arena arena = Arena.ofConfined()) {
                // Explicit writes rather than CL_MEM_COPY_HOST_PTR: drivers stage that copy far more slowly.
                MemorySegment part = src.asSlice(at, len);
                MemorySegment from = part.isNative() ? part : arena.allocate(len, 8).copyFrom(part);
                synchronized (ctx) {
                    live();
                    CL.clEnqueueWriteBuffer(ctx.queue, mem, CL.CL_TRUE, at, len, Pointer.to(from.asByteBuffer()), 0, null, null);
                }
            }
        }
    }

    @Override public void read(MemorySegment dst) {
        long n = Math.min(bytes, dst.byteSize());
        for (long at = 0; at < n; at += CHUNK) {
            long len = Math.min(CHUNK, n - at);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment part = dst.asSlice(at, len);
                MemorySegment to = part.isNative() ? part : arena.allocate(len, 8);
                synchronized (ctx) {
                    live();
                    CL.clEnqueueReadBuffer(ctx.queue, mem, CL.CL_TRUE, at, len, Pointer.to(to.asByteBuffer()), 0, null, null);
                }
                if (to != part) part.copyFrom(to);
            }
        }
    }

    /** Throws when the memory was freed: using a released cl_mem would take the driver (and the JVM) down. */
    void live() {
        if (closed.get()) throw new IllegalStateException("this device array was closed; its memory is freed");
    }

    @Override public void close() {
        if (closed.compareAndSet(false, true)) CL.clReleaseMemObject(mem);
    }
}
