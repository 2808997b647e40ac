# `import numba as nb` with @nb.njit(boundscheck=False) and @nb.njit(cache=True, nogil=True).
# boundscheck=False only promises nothing about out-of-range indices: every case here
# stays in range, so the results are the same with and without checks.
import numba as nb
import numpy as np


@nb.njit(boundscheck=False)
def unchecked_sum(a):
    s = 0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@nb.njit(nogil=True)
def scaled(a, f):
    out = np.zeros(a.shape[0])
    for i in range(a.shape[0]):
        out[i] = a[i] * f
    return out


@nb.njit
def bare(x):
    return x + 1


# CASE: unchecked_sum(np.arange(10))
# CASE: unchecked_sum(np.arange(10, dtype=np.int8))
# CASE: scaled(np.arange(4, dtype=np.int32), 0.5)
# CASE: bare(41)
