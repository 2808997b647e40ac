"""Dot product of two float64 vectors (1e7 elements each in the benchmark).

    bin/arrayjit run benchmarks/kernels/dot.py dot x.npy y.npy --repeat 20
"""
from numba import njit


@njit
def dot(x, y):
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s
