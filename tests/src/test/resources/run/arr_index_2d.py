# 2-D indexing a[i, j] on C-order, Fortran-order and non-contiguous arrays; negative
# indices on both axes; row sums into a new array.
import numpy as np
from numba import njit


@njit
def get2(a, i, j):
    return a[i, j]


@njit
def trace(a):
    s = 0.0
    for i in range(min(a.shape[0], a.shape[1])):
        s += a[i, i]
    return s


@njit
def corners(a):
    return a[0, 0], a[0, -1], a[-1, 0], a[-1, -1]


@njit
def row_sums(a):
    out = np.zeros(a.shape[0])
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[i] += a[i, j]
    return out


@njit
def weighted_sum(a):
    s = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[i, j] * (i + 1) * (j + 2)
    return s


@njit
def set_border(a, v):
    m, n = a.shape
    for j in range(n):
        a[0, j] = v
        a[m - 1, j] = v
    for i in range(m):
        a[i, 0] = v
        a[i, -1] = v


# CASE: get2(np.arange(12.0).reshape(3, 4), 1, 2)
# CASE: get2(np.arange(12.0).reshape(3, 4), -1, -4)
# CASE: get2(np.asfortranarray(np.arange(12.0).reshape(3, 4)), 2, 1)
# CASE: get2(np.arange(24.0).reshape(4, 6)[::2, 1::2], 1, 2)
# CASE: trace(np.arange(16.0).reshape(4, 4))
# CASE: trace(np.asfortranarray(np.arange(6.0).reshape(2, 3)))
# CASE: corners(np.arange(12).reshape(3, 4))
# CASE: row_sums(np.arange(12.0).reshape(3, 4))
# CASE: row_sums(np.asfortranarray(np.arange(12.0).reshape(3, 4)))
# CASE: row_sums(np.arange(12.0).reshape(3, 4).T)
# CASE: weighted_sum(np.arange(6, dtype=np.int32).reshape(2, 3))
# CASE: weighted_sum(np.asfortranarray(np.arange(20, dtype=np.int64).reshape(4, 5)))
# CASE: set_border(np.zeros((4, 5)), 1.0)
# CASE: set_border(np.asfortranarray(np.zeros((3, 3), dtype=np.int32)), 7)
