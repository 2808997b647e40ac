# Out-of-bounds indexing raises IndexError (arrayjit checks bounds by default; the golden
# data comes from Numba run with NUMBA_BOUNDSCHECK=1). Negative indices wrap once.
import numpy as np
from numba import njit


@njit
def get(a, i):
    return a[i]


@njit
def get2(a, i, j):
    return a[i, j]


@njit
def put(a, i, v):
    a[i] = v


@njit
def sum_first(a, n):
    s = 0.0
    for i in range(n):
        s += a[i]
    return s


@njit
def off_by_one(a):
    # classic bug: <= instead of <
    s = 0
    i = 0
    while i <= a.shape[0]:
        s += a[i]
        i += 1
    return s


# CASE: get(np.arange(3), 2)
# CASE: get(np.arange(3), 3)
# CASE: get(np.arange(3), -3)
# CASE: get(np.arange(3), -4)
# CASE: get(np.zeros(0), 0)
# CASE: get2(np.zeros((3, 4)), 2, 4)
# CASE: get2(np.zeros((3, 4)), 3, 0)
# CASE: get2(np.zeros((3, 4)), -1, -5)
# CASE: put(np.zeros(5), 5, 1.0)
# CASE: sum_first(np.ones(4), 4)
# CASE: sum_first(np.ones(4), 5)
# CASE: off_by_one(np.arange(5))
