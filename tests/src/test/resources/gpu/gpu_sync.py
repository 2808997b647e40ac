# GPU corpus: the counting barriers and the fences. cuda.syncthreads_count / _and / _or over a
# predicate per work-item (every block's votes), and the "last block" reduction: each block
# writes its partial sum, cuda.threadfence() makes it visible, an atomic counter tells the last
# block to finish, which adds the partials in order (exact data, so any order of blocks gives the
# same bits).
import numpy as np
from numba import cuda, int64

TPB = 8


@cuda.jit
def votes(x, out):
    i = cuda.grid(1)
    v = x[i] > 0 if i < x.size else False
    n = cuda.syncthreads_count(v)
    every = cuda.syncthreads_and(v)
    some = cuda.syncthreads_or(v)
    if cuda.threadIdx.x == 0:
        b = cuda.blockIdx.x
        out[b, 0] = n
        out[b, 1] = 1 if every else 0
        out[b, 2] = 1 if some else 0


def ref_votes(x, out, *, grid, block):
    for b in range(grid[0]):
        vals = [(x[i] > 0) if i < x.size else False for i in range(b * block[0], (b + 1) * block[0])]
        out[b, 0] = sum(vals)
        out[b, 1] = 1 if all(vals) else 0
        out[b, 2] = 1 if any(vals) else 0


# CASE: votes[3, 8](np.array([1, 2, 3, 4, 5, 6, 7, 8, -1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0]), np.zeros((3, 3), dtype=np.int64))
# CASE: votes[2, 16](np.arange(32) - 5, np.zeros((2, 3), dtype=np.int64))


@cuda.jit
def last_block_sum(x, partial, counter, total):
    buf = cuda.shared.array(TPB, int64)
    i = cuda.grid(1)
    t = cuda.threadIdx.x
    buf[t] = x[i] if i < x.size else 0
    cuda.syncthreads()
    if t == 0:
        s = 0
        for k in range(TPB):
            s += buf[k]
        partial[cuda.blockIdx.x] = s
        cuda.threadfence()
        done = cuda.atomic.add(counter, 0, 1)
        if done == cuda.gridDim.x - 1:
            cuda.threadfence_block()
            acc = 0
            for b in range(cuda.gridDim.x):
                acc += partial[b]
            total[0] = acc


def ref_last_block_sum(x, partial, counter, total, *, grid, block):
    for b in range(grid[0]):
        partial[b] = x[b * block[0]:(b + 1) * block[0]].sum()
    counter[0] += grid[0]
    total[0] = partial[:grid[0]].sum()


# CASE: last_block_sum[4, 8](np.arange(30), np.zeros(4, dtype=np.int64), np.zeros(1, dtype=np.int64), np.zeros(1, dtype=np.int64))
# CASE: last_block_sum[2, 8](np.arange(16) * -7, np.zeros(2, dtype=np.int64), np.zeros(1, dtype=np.int64), np.zeros(1, dtype=np.int64))
