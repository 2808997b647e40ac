# 1-D array element reads and writes, negative indices, indices computed from
# expressions, int32/uint8 index values, non-contiguous (strided) arrays.
import numpy as np
from numba import njit


@njit
def get(a, i):
    return a[i]


@njit
def set_and_get(a, i, v):
    a[i] = v
    return a[i]


@njit
def ends(a):
    return a[0], a[-1], a[len(a) - 2], a[-len(a)]


@njit
def reverse_copy_into(src, dst):
    n = src.shape[0]
    for i in range(n):
        dst[n - 1 - i] = src[i]


@njit
def gather(a, idx):
    s = 0.0
    for k in range(idx.shape[0]):
        s += a[idx[k]]
    return s


@njit
def store_converts(a, x):
    # storing a float64 into an int32 array truncates; into float32 rounds
    a[0] = x
    a[1] = x * 2
    return a[0]


# CASE: get(np.arange(10.0), 3)
# CASE: get(np.arange(10.0), -1)
# CASE: get(np.arange(10.0), -10)
# CASE: get(np.arange(10, dtype=np.int16), np.int32(4))
# CASE: get(np.arange(10, dtype=np.uint8), np.uint8(9))
# CASE: get(np.array([True, False]), 1)
# CASE: set_and_get(np.zeros(4), -2, 7.5)
# CASE: set_and_get(np.zeros(4, dtype=np.int64), 1, 3)
# CASE: ends(np.arange(5))
# CASE: ends(np.arange(20.0)[::3])
# CASE: reverse_copy_into(np.arange(6.0), np.zeros(6))
# CASE: reverse_copy_into(np.arange(12.0)[::2], np.zeros(12)[1::2])
# CASE: gather(np.arange(10.0) * 1.5, np.array([0, 9, -1, 4]))
# CASE: store_converts(np.zeros(2, dtype=np.int32), 2.7)
# CASE: store_converts(np.zeros(2, dtype=np.int32), -2.7)
# CASE: store_converts(np.zeros(2, dtype=np.float32), 0.1)
# CASE: store_converts(np.zeros(2, dtype=np.uint8), 300.0)
