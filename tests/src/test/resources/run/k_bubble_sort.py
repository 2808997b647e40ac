# Bubble sort in place (with early exit), insertion sort, and an is_sorted check;
# works for int, float (nan-free) and float32 arrays.
import numpy as np
from numba import njit


@njit
def bubble_sort(a):
    n = a.shape[0]
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break


@njit
def insertion_sort(a):
    for i in range(1, a.shape[0]):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key


@njit
def is_sorted(a):
    for i in range(1, a.shape[0]):
        if a[i - 1] > a[i]:
            return False
    return True


@njit
def sort_and_check(a):
    bubble_sort(a)
    return is_sorted(a)


# CASE: bubble_sort(np.array([5, 2, 9, 1, 5, 6, -3, 0]))
# CASE: bubble_sort(np.array([3.5, -1.25, 2.0, 2.0, 0.0, -7.0]))
# CASE: bubble_sort(np.arange(10, dtype=np.float32)[::-1].copy())
# CASE: bubble_sort(np.zeros(0))
# CASE: insertion_sort(np.array([9, 7, 5, 3, 1, 2, 4, 6, 8], dtype=np.int16))
# CASE: is_sorted(np.array([1.0, 2.0, 2.0, 3.0]))
# CASE: is_sorted(np.array([1, 3, 2]))
# CASE: sort_and_check((np.arange(50) * 37) % 50)
