# Prefix sums and differences into new arrays (uint8 differences wrap in uint64, then
# are stored as int64), a moving average with a window,
# 2-D cumulative sums along rows (an integral image).
import numpy as np
from numba import njit


@njit
def cumsum(a):
    out = np.empty(a.shape[0], dtype=np.float64)
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
        out[i] = s
    return out


@njit
def diff(a):
    out = np.empty(a.shape[0] - 1, dtype=np.int64)
    for i in range(a.shape[0] - 1):
        out[i] = a[i + 1] - a[i]
    return out


@njit
def moving_average(a, w):
    n = a.shape[0] - w + 1
    out = np.zeros(n)
    s = 0.0
    for i in range(w):
        s += a[i]
    out[0] = s / w
    for i in range(1, n):
        s += a[i + w - 1] - a[i - 1]
        out[i] = s / w
    return out


@njit
def integral_image(img):
    m, n = img.shape
    out = np.zeros((m + 1, n + 1), dtype=np.int64)
    for i in range(m):
        for j in range(n):
            out[i + 1, j + 1] = img[i, j] + out[i, j + 1] + out[i + 1, j] - out[i, j]
    return out


# CASE: cumsum(np.arange(10.0))
# CASE: cumsum(np.arange(10, dtype=np.int8))
# CASE: diff(np.array([1, 4, 9, 16, 25]))
# CASE: diff(np.array([10, 5, 0], dtype=np.uint8))
# CASE: moving_average(np.arange(10.0) ** 2, 3)
# CASE: integral_image(np.arange(12, dtype=np.int32).reshape(3, 4))
