"""Sum of a float64 vector (1e7 elements in the benchmark): a sequential reduction.

    bin/arrayjit run benchmarks/kernels/sum_array.py sum_array a.npy --repeat 20
"""
from numba import njit


@njit
def sum_array(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s
