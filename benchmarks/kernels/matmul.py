"""Naive triple-loop matrix product of two float64 matrices (256x256), into a new matrix.

    bin/arrayjit run benchmarks/kernels/matmul.py matmul a.npy b.npy --repeat 10
"""
import numpy as np
from numba import njit


@njit
def matmul(a, b):
    n = a.shape[0]
    p = a.shape[1]
    m = b.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            s = 0.0
            for k in range(p):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c
