package dev.arrayjit.typeinfer.ir;

/** What a {@link TExpr.GpuBarrier} does. */
public enum GpuSync {
    /** {@code cuda.syncthreads()}. */
    BARRIER,
    /** {@code cuda.syncthreads_count(p)}, {@code _and}, {@code _or}: a barrier that also counts the predicate. */
    COUNT, AND, OR,
    /** {@code cuda.threadfence_block()}: orders memory for the block. */
    FENCE_BLOCK,
    /** {@code cuda.threadfence()} and {@code threadfence_system()}: orders memory for the device. */
    FENCE;

    /** Whether every work-item of the block waits here. */
    public boolean waits() { return this == BARRIER || this == COUNT || this == AND || this == OR; }
}
