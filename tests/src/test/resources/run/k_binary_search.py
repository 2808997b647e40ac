# Binary search (lower bound) in a sorted array, searchsorted for many queries into a new
# int64 array, integer midpoint with floor division.
import numpy as np
from numba import njit


@njit
def lower_bound(a, x):
    lo = 0
    hi = a.shape[0]
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


@njit
def search_many(a, qs):
    out = np.empty(qs.shape[0], dtype=np.int64)
    for i in range(qs.shape[0]):
        out[i] = lower_bound(a, qs[i])
    return out


@njit
def contains(a, x):
    i = lower_bound(a, x)
    return i < a.shape[0] and a[i] == x


# CASE: lower_bound(np.arange(0.0, 100.0, 2.0), 37.0)
# CASE: lower_bound(np.arange(0.0, 100.0, 2.0), -5.0)
# CASE: lower_bound(np.arange(0.0, 100.0, 2.0), 500.0)
# CASE: search_many(np.array([1, 3, 3, 7, 10]), np.array([0, 3, 4, 10, 11]))
# CASE: contains(np.array([1, 3, 3, 7, 10]), 7)
# CASE: contains(np.array([1, 3, 3, 7, 10]), 8)
