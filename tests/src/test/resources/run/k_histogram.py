# Histograms with integer bins: counts into a new int64 array, values outside the range
# ignored; bin index computed with floor division of floats.
import numpy as np
from numba import njit


@njit
def histogram(a, lo, hi, nbins):
    counts = np.zeros(nbins, dtype=np.int64)
    width = (hi - lo) / nbins
    for i in range(a.shape[0]):
        v = a[i]
        if lo <= v < hi:
            b = int((v - lo) // width)
            counts[b] += 1
    return counts


@njit
def bincount(a, n):
    c = np.zeros(n, dtype=np.int32)
    for i in range(a.shape[0]):
        c[a[i]] += 1
    return c


# CASE: histogram(np.linspace(-1.0, 1.0, 41), -1.0, 1.0, 4)
# CASE: histogram((np.arange(100) * 7 % 13).astype(np.float64), 0.0, 13.0, 13)
# CASE: bincount(np.array([0, 1, 1, 3, 2, 1, 7], dtype=np.uint8), 8)
# CASE: bincount(np.array([0, 1, 9]), 8)
