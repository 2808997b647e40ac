# GPU corpus: block reductions. Each block copies its slice into a cuda.shared.array (the identity
# past the end of the data), then halves the active threads in a loop (`s //= 2` inline in
# block_sum and block_max; `s >>= 1` in the device function tree_sum, which takes the shared array
# and calls cuda.syncthreads() itself) or doubles the distance of the pairs (interleaved addressing,
# total_sum), with cuda.syncthreads() after each step. Thread 0 writes the block's partial result to
# an output array (one element per block: sum over float64 and int64, max over float64 with -inf
# past the data) or adds it with cuda.atomic.add(total, 0, partial) to a one-element array (float64
# after a grid-stride accumulation, int64); a dot product does both. Block sizes are powers of two up
# to TPB (the shared array's size); data sizes are not multiples of the block and some grids have
# blocks past the data. Summed floats are integers or halves, so every sum is exact in any order.
import math

import numpy as np
from numba import cuda, float64, int64

TPB = 64


@cuda.jit
def block_sum(x, partial):
    buf = cuda.shared.array(TPB, dtype=float64)
    tid = cuda.threadIdx.x
    i = cuda.grid(1)
    if i < x.size:
        buf[tid] = x[i]
    else:
        buf[tid] = 0.0
    cuda.syncthreads()
    s = cuda.blockDim.x // 2
    while s > 0:
        if tid < s:
            buf[tid] += buf[tid + s]
        cuda.syncthreads()
        s //= 2
    if tid == 0:
        partial[cuda.blockIdx.x] = buf[0]


def ref_block_sum(x, partial, *, grid, block):
    padded = np.zeros(grid[0] * block[0])
    padded[:x.size] = x
    partial[:] = padded.reshape(grid[0], block[0]).sum(axis=1)


# CASE: block_sum[4, 64](np.arange(256.0), np.zeros(4))
# CASE: block_sum[4, 32](np.arange(100.0), np.zeros(4))
# CASE: block_sum[3, 64](np.arange(130.0) * 0.5 - 20.0, np.zeros(3))
# CASE: block_sum[4, 16](np.arange(20.0), np.zeros(4))
# CASE: block_sum[2, 1](np.array([3.0, -4.0]), np.zeros(2))
# CASE: block_sum[1, 8](np.ones(5), np.full(1, 99.0))


@cuda.jit(device=True)
def tree_sum(buf, tid):
    # sums buf[0:blockDim.x] into buf[0] (a power-of-two block); every thread of the block calls it
    cuda.syncthreads()
    s = cuda.blockDim.x >> 1
    while s > 0:
        if tid < s:
            buf[tid] += buf[tid + s]
        cuda.syncthreads()
        s >>= 1
    return buf[0]


@cuda.jit
def block_sum_int(x, partial):
    buf = cuda.shared.array(TPB, dtype=int64)
    tid = cuda.threadIdx.x
    i = cuda.grid(1)
    buf[tid] = 0
    if i < x.shape[0]:
        buf[tid] = x[i]
    total = tree_sum(buf, tid)
    if tid == 0:
        partial[cuda.blockIdx.x] = total


def ref_block_sum_int(x, partial, *, grid, block):
    padded = np.zeros(grid[0] * block[0], dtype=np.int64)
    padded[:x.size] = x
    partial[:] = padded.reshape(grid[0], block[0]).sum(axis=1)


# CASE: block_sum_int[4, 64](np.arange(250), np.zeros(4, dtype=np.int64))
# CASE: block_sum_int[3, 32](np.arange(70) * 1000003 - 5000000, np.zeros(3, dtype=np.int64))
# CASE: block_sum_int[5, 4](np.arange(-9, 9, dtype=np.int32), np.zeros(5, dtype=np.int64))
# CASE: block_sum_int[2, 64](np.arange(65, dtype=np.int32), np.zeros(2, dtype=np.int32))


@cuda.jit
def block_max(x, partial):
    buf = cuda.shared.array(TPB, dtype=float64)
    tid = cuda.threadIdx.x
    i = cuda.grid(1)
    buf[tid] = x[i] if i < x.size else -math.inf
    cuda.syncthreads()
    s = cuda.blockDim.x // 2
    while s > 0:
        if tid < s:
            buf[tid] = max(buf[tid], buf[tid + s])
        cuda.syncthreads()
        s //= 2
    if tid == 0:
        partial[cuda.blockIdx.x] = buf[0]


def ref_block_max(x, partial, *, grid, block):
    padded = np.full(grid[0] * block[0], -np.inf)
    padded[:x.size] = x
    partial[:] = padded.reshape(grid[0], block[0]).max(axis=1)


# CASE: block_max[4, 32](np.sin(np.arange(100.0)), np.zeros(4))
# CASE: block_max[2, 64](-np.abs(np.arange(100.0) - 70.0), np.zeros(2))
# CASE: block_max[4, 16](np.arange(20.0) * -1.5, np.zeros(4))
# CASE: block_max[3, 8](np.array([1.0, -2.0, 5.5, 3.0, -np.inf, 0.0, 2.0, 1.0, -7.0, -8.0, -1.5, -9.0, -3.0, -4.0, -5.0, -6.0, 4.0]), np.zeros(3))


@cuda.jit
def total_sum(x, total):
    buf = cuda.shared.array(TPB, dtype=float64)
    tid = cuda.threadIdx.x
    acc = 0.0
    for i in range(cuda.grid(1), x.size, cuda.gridsize(1)):
        acc += x[i]
    buf[tid] = acc
    cuda.syncthreads()
    step = 1
    while step < cuda.blockDim.x:  # interleaved addressing: the pairs are 1, 2, 4, ... apart
        if tid % (2 * step) == 0:
            buf[tid] += buf[tid + step]
        cuda.syncthreads()
        step *= 2
    if tid == 0:
        cuda.atomic.add(total, 0, buf[0])


def ref_total_sum(x, total):
    total[0] += x.sum()


# CASE: total_sum[4, 64](np.arange(256.0), np.zeros(1))
# CASE: total_sum[4, 32](np.arange(100.0) * 0.5, np.zeros(1))
# CASE: total_sum[8, 16](np.arange(77.0) - 38.0, np.full(1, 1000.0))
# CASE: total_sum[3, 64](np.ones(150), np.zeros(1))
# CASE: total_sum[2, 8](np.arange(1000.0) * 0.25, np.zeros(1))
# CASE: total_sum[1, 1](np.arange(10.0), np.zeros(1))


@cuda.jit
def total_sum_int(x, total):
    buf = cuda.shared.array(TPB, dtype=int64)
    tid = cuda.threadIdx.x
    i = cuda.grid(1)
    buf[tid] = x[i] if i < x.size else 0
    partial = tree_sum(buf, tid)
    if tid == 0:
        cuda.atomic.add(total, 0, partial)


def ref_total_sum_int(x, total):
    total[0] += x.sum()


# CASE: total_sum_int[4, 64](np.arange(200), np.zeros(1, dtype=np.int64))
# CASE: total_sum_int[5, 16](np.arange(75) * -123457, np.full(1, 5, dtype=np.int64))
# CASE: total_sum_int[2, 32](np.arange(40, dtype=np.int32), np.zeros(1, dtype=np.int32))


@cuda.jit
def dot(x, y, partial, total):
    buf = cuda.shared.array(TPB, dtype=float64)
    tid = cuda.threadIdx.x
    i = cuda.grid(1)
    buf[tid] = 0.0
    if i < x.size:
        buf[tid] = x[i] * y[i]
    p = tree_sum(buf, tid)
    if tid == 0:
        partial[cuda.blockIdx.x] = p
        cuda.atomic.add(total, 0, p)


def ref_dot(x, y, partial, total, *, grid, block):
    prod = np.zeros(grid[0] * block[0])
    prod[:x.size] = x * y
    partial[:] = prod.reshape(grid[0], block[0]).sum(axis=1)
    total[0] += prod.sum()


# CASE: dot[4, 32](np.arange(100.0), np.ones(100), np.zeros(4), np.zeros(1))
# CASE: dot[2, 64](np.arange(90.0) % 7 - 3.0, np.arange(90.0) * 0.5, np.zeros(2), np.zeros(1))
# CASE: dot[3, 16](np.arange(40.0), 39.0 - np.arange(40.0), np.zeros(3), np.zeros(1))
