# Transposes into a new array (2-D) and a 3-D axis permutation; in-place square transpose.
import numpy as np
from numba import njit


@njit
def transpose(a):
    m, n = a.shape
    t = np.empty((n, m))
    for i in range(m):
        for j in range(n):
            t[j, i] = a[i, j]
    return t


@njit
def transpose_inplace(a):
    n = a.shape[0]
    for i in range(n):
        for j in range(i + 1, n):
            a[i, j], a[j, i] = a[j, i], a[i, j]


@njit
def permute3(a):
    x, y, z = a.shape
    out = np.zeros((z, x, y), dtype=np.float32)
    for i in range(x):
        for j in range(y):
            for k in range(z):
                out[k, i, j] = a[i, j, k]
    return out


# CASE: transpose(np.arange(6.0).reshape(2, 3))
# CASE: transpose(np.asfortranarray(np.arange(12, dtype=np.int16).reshape(3, 4)))
# CASE: transpose(np.arange(30.0).reshape(5, 6)[::2, 1:])
# CASE: transpose_inplace(np.arange(16.0).reshape(4, 4))
# CASE: permute3(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
