"""Bubble sort of an int64 vector in place (2000 elements in the benchmark).

The benchmark times `sort_copy`, which copies its input and sorts the copy in place with
`bubble_sort`: every repeated call then sorts the same unsorted data (sorting `a` itself in
place would leave the later calls an already sorted array).

    bin/arrayjit run benchmarks/kernels/bubble_sort.py sort_copy a.npy --repeat 20
"""
import numpy as np
from numba import njit


@njit
def bubble_sort(a):
    n = a.shape[0]
    for i in range(n):
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                t = a[j]
                a[j] = a[j + 1]
                a[j + 1] = t


@njit
def sort_copy(a):
    n = a.shape[0]
    b = np.empty(n, dtype=np.int64)
    for i in range(n):
        b[i] = a[i]
    bubble_sort(b)
    return b
