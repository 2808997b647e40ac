# Kernels that change their array arguments in place and return None (or a scalar):
# in-place scaling, reversal, swapping rows, clipping, prefix sums.
import numpy as np
from numba import njit


@njit
def scale(a, f):
    for i in range(a.shape[0]):
        a[i] *= f


@njit
def reverse(a):
    i = 0
    j = a.shape[0] - 1
    while i < j:
        a[i], a[j] = a[j], a[i]
        i += 1
        j -= 1


@njit
def swap_rows(m, r1, r2):
    for j in range(m.shape[1]):
        t = m[r1, j]
        m[r1, j] = m[r2, j]
        m[r2, j] = t


@njit
def clip_count(a, lo, hi):
    n = 0
    for i in range(a.shape[0]):
        if a[i] < lo:
            a[i] = lo
            n += 1
        elif a[i] > hi:
            a[i] = hi
            n += 1
    return n


@njit
def prefix_sum(a):
    for i in range(1, a.shape[0]):
        a[i] += a[i - 1]


@njit
def two_outputs(x, out_sq, out_cube):
    for i in range(x.shape[0]):
        out_sq[i] = x[i] * x[i]
        out_cube[i] = out_sq[i] * x[i]


# CASE: scale(np.arange(5.0), 2.5)
# CASE: scale(np.arange(5, dtype=np.float32), np.float32(0.5))
# CASE: scale(np.arange(10.0)[::2], -1.0)
# CASE: reverse(np.arange(7))
# CASE: reverse(np.arange(6.0))
# CASE: swap_rows(np.arange(12.0).reshape(3, 4), 0, 2)
# CASE: swap_rows(np.asfortranarray(np.arange(12.0).reshape(3, 4)), 1, -1)
# CASE: clip_count(np.array([-5.0, 0.5, 3.0, 10.0, np.nan]), 0.0, 5.0)
# CASE: prefix_sum(np.arange(10))
# CASE: prefix_sum(np.ones(6, dtype=np.float32))
# CASE: two_outputs(np.arange(4.0), np.zeros(4), np.zeros(4))
