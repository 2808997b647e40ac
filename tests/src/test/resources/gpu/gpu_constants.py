# GPU corpus: module-level NumPy arrays read in kernels (Numba freezes them as constants; on OpenCL
# they live in __constant memory): 1-D and 2-D tables of floats, ints and bools, negative indices,
# cuda.const.array_like, and an index out of bounds of a table, which raises IndexError.
import numpy as np
from numba import cuda

WEIGHTS = np.array([0.5, 1.5, 2.25, -4.0])
STENCIL = np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]], dtype=np.int32)
MASK = np.array([True, False, True])


@cuda.jit
def weigh(idx, out):
    i = cuda.grid(1)
    if i < out.size:
        out[i] = WEIGHTS[idx[i]] * 2.0


def ref_weigh(idx, out):
    out[:] = WEIGHTS[idx] * 2.0


# CASE: weigh[1, 8](np.array([0, 1, 2, 3, -1, -4]), np.zeros(6))
# CASE: weigh[2, 4](np.arange(8) % 4, np.zeros(8))


@cuda.jit
def blur_row(a, out):
    i = cuda.grid(1)
    if 0 < i < a.size - 1:
        s = 0
        for k in range(3):
            s += STENCIL[1, k] * a[i + k - 1]
            if MASK[k]:
                s += STENCIL[0, k]
        out[i] = s


def ref_blur_row(a, out):
    for i in range(1, a.size - 1):
        s = 0
        for k in range(3):
            s += STENCIL[1, k] * a[i + k - 1]
            if MASK[k]:
                s += STENCIL[0, k]
        out[i] = s


# CASE: blur_row[1, 16](np.arange(10, dtype=np.int64), np.zeros(10, dtype=np.int64))
# CASE: blur_row[2, 8](np.arange(12, dtype=np.int64) * -3 + 7, np.zeros(12, dtype=np.int64))


@cuda.jit
def table_copy(idx, out):
    t = cuda.const.array_like(WEIGHTS)
    i = cuda.grid(1)
    if i < out.size:
        out[i] = t[idx[i]] + t.size


def ref_table_copy(idx, out):
    out[:] = WEIGHTS[idx] + WEIGHTS.size


# CASE: table_copy[1, 4](np.array([3, 2, 1, 0]), np.zeros(4))


@cuda.jit
def past_table(idx, out):
    i = cuda.grid(1)
    if i < out.size:
        out[i] = WEIGHTS[idx[i]]


# CASE: past_table[1, 4](np.array([0, 1, 7, 2]), np.zeros(4))
