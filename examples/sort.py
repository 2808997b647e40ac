"""Bubble sort in place, and a check that an array is sorted.

    bin/arrayjit run examples/sort.py bubble_sort a.npy --out out/
"""
import numpy as np
from numba import njit


@njit
def bubble_sort(a):
    n = a.shape[0]
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                t = a[j]
                a[j] = a[j + 1]
                a[j + 1] = t
                swapped = True
        if not swapped:
            break


@njit
def is_sorted(a):
    for i in range(a.shape[0] - 1):
        if a[i] > a[i + 1]:
            return False
    return True


@njit
def sorted_copy(a):
    b = np.empty_like(a)
    for i in range(a.shape[0]):
        b[i] = a[i]
    bubble_sort(b)
    return b


if __name__ == "__main__":
    a = np.array([5, 3, 9, 1, 7, 2])
    print(sorted_copy(a), is_sorted(a))
    bubble_sort(a)
    print(a, is_sorted(a))
