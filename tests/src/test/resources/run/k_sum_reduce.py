# Reductions written as loops: sums over float64, int64, float32 (the float32 accumulator
# stays float32 and loses precision exactly like Numba's), mean, and a 2-D total.
import numpy as np
from numba import njit


@njit
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@njit
def total_int(a):
    s = 0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@njit
def total_f32(a):
    s = np.float32(0.0)
    for i in range(a.shape[0]):
        s += a[i]
    return s


@njit
def mean(a):
    return total(a) / a.shape[0]


@njit
def total2d(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[i, j]
    return s


@njit
def kahan(a):
    s = 0.0
    c = 0.0
    for i in range(a.shape[0]):
        y = a[i] - c
        t = s + y
        c = (t - s) - y
        s = t
    return s


# CASE: total(np.arange(100.0))
# CASE: total(np.full(1000, 0.1))
# CASE: total(np.empty(0))
# CASE: total(np.arange(50.0)[::-1])
# CASE: total_int(np.arange(1000))
# CASE: total_int(np.arange(100, dtype=np.int16))
# CASE: total_f32(np.full(1000, 0.1, dtype=np.float32))
# CASE: total_f32(np.arange(1000, dtype=np.float32))
# CASE: mean(np.array([1.0, 2.0, 3.0, 4.0]))
# CASE: total2d(np.arange(20.0).reshape(4, 5))
# CASE: kahan(np.full(1000, 0.1))
