# Allocating 1-D arrays inside kernels and returning them: np.empty / np.zeros / np.ones
# with an int length, default dtype float64 or an explicit dtype (positional or keyword).
import numpy as np
from numba import njit


@njit
def zeros_f64(n):
    return np.zeros(n)


@njit
def ones_i32(n):
    return np.ones(n, dtype=np.int32)


@njit
def ones_pos_dtype(n):
    return np.ones(n, np.float32)


@njit
def squares(n):
    out = np.empty(n, dtype=np.int64)
    for i in range(n):
        out[i] = i * i
    return out


@njit
def linspace_like(a, b, n):
    out = np.empty(n)
    step = (b - a) / (n - 1)
    for i in range(n):
        out[i] = a + i * step
    return out


@njit
def bool_mask(a, t):
    m = np.zeros(a.shape[0], dtype=np.bool_)
    for i in range(a.shape[0]):
        m[i] = a[i] > t
    return m


@njit
def u8_counts(a):
    c = np.zeros(4, np.uint8)
    for i in range(a.shape[0]):
        c[a[i] % 4] += 1
    return c


# CASE: zeros_f64(5)
# CASE: zeros_f64(0)
# CASE: ones_i32(4)
# CASE: ones_pos_dtype(3)
# CASE: squares(8)
# CASE: linspace_like(0.0, 1.0, 5)
# CASE: linspace_like(-1.0, 1.0, 9)
# CASE: bool_mask(np.array([1.0, 5.0, 2.0, 7.0]), 3.0)
# CASE: u8_counts(np.arange(1000))
