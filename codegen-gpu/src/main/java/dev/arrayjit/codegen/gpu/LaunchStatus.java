package dev.arrayjit.codegen.gpu;

import dev.arrayjit.typeinfer.backend.GpuOffload;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The status buffer of one launch: a claim word (0, or the raising site's id + 1, written once by
 * {@code aj_claim}) and {@link OpenClGenerator#STATUS_PAYLOAD} payload values.
 */
final class LaunchStatus implements AutoCloseable {
    private static final long BYTES = 8L * (1 + OpenClGenerator.STATUS_PAYLOAD);

    final OpenClBuffer buffer;

    LaunchStatus(OpenClContext ctx) {
        buffer = new OpenClBuffer(ctx, BYTES);
        try (Arena arena = Arena.ofConfined()) {
            buffer.write(arena.allocate(BYTES, 8)); // zero: nothing raised
        }
    }

    /** What the launch raised, or null; read after it finished. */
    GpuOffload.Raised raised() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = arena.allocate(BYTES, 8);
            buffer.read(st);
            long claim = st.get(ValueLayout.JAVA_LONG, 0) & 0xffffffffL;
            if (claim == 0) return null;
            long[] payload = new long[OpenClGenerator.STATUS_PAYLOAD];
            for (int k = 0; k < payload.length; k++) payload[k] = st.get(ValueLayout.JAVA_LONG, 8L * (k + 1));
            return new GpuOffload.Raised((int) claim - 1, payload);
        }
    }

    @Override public void close() { buffer.close(); }
}
