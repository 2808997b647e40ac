package dev.arrayjit.typeinfer.ir;

/** What a {@link TExpr.GpuIndex} asks of the work-item's place in the launch, in CUDA's names. */
public enum GpuQuery {
    /** {@code cuda.threadIdx}: the index in the block. */
    THREAD_IDX,
    /** {@code cuda.blockIdx}: the block's index in the grid. */
    BLOCK_IDX,
    /** {@code cuda.blockDim}: threads per block. */
    BLOCK_DIM,
    /** {@code cuda.gridDim}: blocks in the grid. */
    GRID_DIM,
    /** {@code cuda.grid(n)}: the global index, {@code threadIdx + blockIdx * blockDim}. */
    GLOBAL_ID,
    /** {@code cuda.gridsize(n)}: the global extent, {@code blockDim * gridDim}. */
    GLOBAL_SIZE
}
