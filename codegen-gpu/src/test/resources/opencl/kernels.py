# @cuda.jit kernels the OpenCL backend compiles. Each TYPES line names a kernel and its argument
# types; the golden .cl file next to this one is the OpenCL C the generator writes for them
# (rewritten with -Darrayjit.bless=true).
import math
import numpy as np
from numba import cuda

TPB = 8


@cuda.jit
def vadd(a, b, out):
    i = cuda.grid(1)
    if i < out.size:
        out[i] = a[i] + b[i]
# TYPES: vadd(float64[::1], float64[::1], float64[::1])


@cuda.jit(boundscheck=False)
def saxpy_unchecked(alpha, x, y):
    start = cuda.grid(1)
    for i in range(start, x.shape[0], cuda.gridsize(1)):
        y[i] = alpha * x[i] + y[i]
# TYPES: saxpy_unchecked(float32, float32[::1], float32[::1])


@cuda.jit
def matmul_tiled(A, B, C):
    sA = cuda.shared.array(shape=(TPB, TPB), dtype=np.float64)
    sB = cuda.shared.array(shape=(TPB, TPB), dtype=np.float64)
    x, y = cuda.grid(2)
    tx = cuda.threadIdx.x
    ty = cuda.threadIdx.y
    tmp = 0.0
    for i in range(cuda.gridDim.x):
        sA[tx, ty] = 0.0
        sB[tx, ty] = 0.0
        if x < A.shape[0] and ty + i * TPB < A.shape[1]:
            sA[tx, ty] = A[x, ty + i * TPB]
        if y < B.shape[1] and tx + i * TPB < B.shape[0]:
            sB[tx, ty] = B[tx + i * TPB, y]
        cuda.syncthreads()
        for j in range(TPB):
            tmp += sA[tx, j] * sB[j, ty]
        cuda.syncthreads()
    if x < C.shape[0] and y < C.shape[1]:
        C[x, y] = tmp
# TYPES: matmul_tiled(float64[:, ::1], float64[:, ::1], float64[:, ::1])


@cuda.jit(device=True)
def weight(v):
    return math.sqrt(abs(v))


@cuda.jit
def block_sum(x, partial, total):
    buf = cuda.shared.array(64, np.float64)
    i = cuda.grid(1)
    t = cuda.threadIdx.x
    buf[t] = weight(x[i]) if i < x.size else 0.0
    cuda.syncthreads()
    s = cuda.blockDim.x // 2
    while s > 0:
        if t < s:
            buf[t] += buf[t + s]
        cuda.syncthreads()
        s >>= 1
    if t == 0:
        partial[cuda.blockIdx.x] = buf[0]
        cuda.atomic.add(total, 0, buf[0])
# TYPES: block_sum(float64[::1], float64[::1], float64[::1])


@cuda.jit
def histogram(data, lo, width, bins):
    i = cuda.grid(1)
    if i < data.size:
        k = int((data[i] - lo) / width)
        if 0 <= k < bins.size:
            cuda.atomic.add(bins, k, 1)
# TYPES: histogram(float32[::1], float64, float64, int64[::1])


@cuda.jit
def smooth_local(u, out):
    i = cuda.grid(1)
    window = cuda.local.array(3, np.float64)
    if 0 < i < u.size - 1:
        for k in range(3):
            window[k] = u[i + k - 1]
        out[i] = (window[0] + 2.0 * window[1] + window[2]) / 4.0
# TYPES: smooth_local(float64[::1], float64[::1])


@cuda.jit
def row_sums(a, out):
    i = cuda.grid(1)
    if i < a.shape[0]:
        row = a[i]
        s = 0.0
        for j in range(row.shape[0]):
            s += row[j] + a[i][j]
        out[i] = s
# TYPES: row_sums(float64[:, ::1], float64[::1])
