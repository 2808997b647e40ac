# saxpy/daxpy: y = a*x + y in place (float32 and float64), and a version returning a new array.
# Without fastmath no FMA contraction: results are bit-exact.
import numpy as np
from numba import njit


@njit
def saxpy(a, x, y):
    for i in range(x.shape[0]):
        y[i] = a * x[i] + y[i]


@njit
def axpy_new(a, x, y):
    out = np.empty_like(y)
    for i in range(x.shape[0]):
        out[i] = a * x[i] + y[i]
    return out


# CASE: saxpy(np.float32(2.5), np.arange(8, dtype=np.float32), np.ones(8, dtype=np.float32))
# CASE: saxpy(0.1, np.arange(8.0), np.full(8, 0.2))
# CASE: saxpy(np.float32(0.1), np.linspace(0, 1, 16).astype(np.float32), np.linspace(1, 2, 16).astype(np.float32))
# CASE: saxpy(3.0, np.arange(10.0)[::2], np.zeros(10)[::2])
# CASE: axpy_new(-1.5, np.arange(6.0), np.arange(6.0)[::-1])
# CASE: axpy_new(np.float32(0.5), np.ones(4, dtype=np.float32), np.arange(4, dtype=np.float32))
