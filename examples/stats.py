"""Several results at once: kernels returning tuples.

    bin/arrayjit run examples/stats.py mean_std a.npy
    bin/arrayjit run examples/stats.py histogram a.npy 0.0 1.0 4 --out out/   # out/return.0.npy, return.1.npy
"""
import math

import numpy as np
from numba import njit


@njit
def mean_std(a):
    n = a.shape[0]
    s = 0.0
    for i in range(n):
        s += a[i]
    mean = s / n
    v = 0.0
    for i in range(n):
        v += (a[i] - mean) ** 2
    return mean, math.sqrt(v / n)


@njit
def histogram(a, lo, hi, bins):
    counts = np.zeros(bins, dtype=np.int64)
    outside = 0
    width = (hi - lo) / bins
    for i in range(a.shape[0]):
        k = int((a[i] - lo) // width)
        if 0 <= k < bins:
            counts[k] += 1
        else:
            outside += 1
    return counts, outside


if __name__ == "__main__":
    a = np.array([0.1, 0.4, 0.35, 0.8, 1.5, -0.2, 0.95])
    print(mean_std(a))
    print(histogram(a, 0.0, 1.0, 4))
