# abs, min, max with 2 and 3 arguments. Mixed int/float gives float64; with nan the result
# depends on argument order (like CPython); signed zeros keep the first argument.
import numpy as np
from numba import njit


@njit
def min2(a, b):
    return min(a, b)


@njit
def max2(a, b):
    return max(a, b)


@njit
def min3max3(a, b, c):
    return min(a, b, c), max(a, b, c)


@njit
def absval(x):
    return abs(x)


@njit
def clamp(x, lo, hi):
    return max(lo, min(x, hi))


@njit
def largest_abs(a):
    m = 0.0
    for i in range(a.shape[0]):
        m = max(m, abs(a[i]))
    return m


# CASE: min2(3, 7)
# CASE: min2(1, 2.5)
# CASE: max2(3, 2.5)
# CASE: min2(np.nan, 1.0)
# CASE: min2(1.0, np.nan)
# CASE: max2(np.nan, 1.0)
# CASE: max2(1.0, np.nan)
# CASE: min2(-0.0, 0.0)
# CASE: max2(0.0, -0.0)
# CASE: min2(np.int8(-1), np.uint8(200))
# CASE: min2(np.float32(1.5), np.float32(-2.5))
# CASE: min3max3(1.0, np.nan, 0.0)
# CASE: min3max3(np.nan, 1.0, 0.0)
# CASE: min3max3(4, -2, 9)
# CASE: absval(-7)
# CASE: absval(-0.0)
# CASE: absval(-np.inf)
# CASE: absval(np.float32(-1.5))
# CASE: absval(np.int16(-300))
# CASE: absval(np.uint64(18446744073709551615))
# CASE: clamp(15, 0, 10)
# CASE: clamp(-2.5, 0.0, 1.0)
# CASE: largest_abs(np.array([1.5, -7.25, 3.0, -0.5]))
# CASE: largest_abs(np.array([1, -9, 3], dtype=np.int32))
