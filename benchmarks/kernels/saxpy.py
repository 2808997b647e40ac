"""a * x + y over float64 vectors (1e7 elements), into a new array that the kernel allocates.

    bin/arrayjit run benchmarks/kernels/saxpy.py saxpy 2.0 x.npy y.npy --repeat 20
"""
import numpy as np
from numba import njit


@njit
def saxpy(a, x, y):
    n = x.shape[0]
    out = np.empty(n)
    for i in range(n):
        out[i] = a * x[i] + y[i]
    return out
