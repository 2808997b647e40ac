# np.empty_like / np.zeros_like / np.ones_like: same shape and dtype as the argument,
# for 1-D, 2-D, int, float32 and Fortran-order inputs.
import numpy as np
from numba import njit


@njit
def negated(a):
    out = np.empty_like(a)
    for i in range(a.shape[0]):
        out[i] = -a[i]
    return out


@njit
def zeros_copy_first(a):
    out = np.zeros_like(a)
    out[0] = a[0]
    return out


@njit
def ones2d(a):
    return np.ones_like(a)


@njit
def cumulative(a):
    out = np.zeros_like(a)
    s = 0
    for i in range(a.shape[0]):
        s += a[i]
        out[i] = s
    return out


@njit
def scaled2d(a, f):
    out = np.empty_like(a)
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[i, j] = a[i, j] * f
    return out


# CASE: negated(np.arange(5.0))
# CASE: negated(np.array([1, -2, 3], dtype=np.int16))
# CASE: zeros_copy_first(np.array([9.5, 8.5, 7.5], dtype=np.float32))
# CASE: ones2d(np.zeros((2, 3), dtype=np.int32))
# CASE: ones2d(np.asfortranarray(np.zeros((3, 2))))
# CASE: cumulative(np.arange(1, 8))
# CASE: cumulative(np.array([100, 100, 100], dtype=np.uint8))
# CASE: scaled2d(np.arange(6.0).reshape(2, 3), 0.5)
# CASE: scaled2d(np.arange(6, dtype=np.int32).reshape(3, 2), 3)
