# 3-D arrays: a[i, j, k] reads and writes over C, F and strided layouts.
import numpy as np
from numba import njit


@njit
def sum3(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                s += a[i, j, k] * (i - j + k)
    return s


@njit
def get3(a, i, j, k):
    return a[i, j, k]


@njit
def set_plane(a, k, v):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j, k] = v


@njit
def collapse_last(a):
    out = np.empty((a.shape[0], a.shape[1]), dtype=np.int32)
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            m = a[i, j, 0]
            for k in range(1, a.shape[2]):
                if a[i, j, k] > m:
                    m = a[i, j, k]
            out[i, j] = m
    return out


# CASE: sum3(np.arange(24.0).reshape(2, 3, 4))
# CASE: sum3(np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)))
# CASE: sum3(np.arange(48.0).reshape(4, 3, 4)[::2, :, ::-1])
# CASE: get3(np.arange(60).reshape(3, 4, 5), 2, -1, 3)
# CASE: get3(np.arange(60, dtype=np.float32).reshape(3, 4, 5), -3, 0, -5)
# CASE: set_plane(np.zeros((2, 3, 4)), 1, 5.0)
# CASE: set_plane(np.asfortranarray(np.zeros((2, 2, 2), dtype=np.int8)), -1, 3)
# CASE: collapse_last(np.array([[[1, 5, 2], [7, 0, 3]], [[-1, -2, -3], [4, 4, 4]]], dtype=np.int32))
