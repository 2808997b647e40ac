# Dot products: float64, float32 (float32 accumulation), int, mixed dtypes, strided inputs;
# mismatched lengths raise ValueError from an explicit check.
import numpy as np
from numba import njit


@njit
def dot(x, y):
    if x.shape[0] != y.shape[0]:
        raise ValueError("dot: length mismatch")
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


@njit
def dot_f32(x, y):
    s = np.float32(0.0)
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


@njit
def dot_int(x, y):
    s = 0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


@njit
def norm2(x):
    return dot(x, x) ** 0.5


# CASE: dot(np.arange(10.0), np.arange(10.0))
# CASE: dot(np.linspace(0.0, 1.0, 101), np.linspace(1.0, 0.0, 101))
# CASE: dot(np.arange(20.0)[::2], np.arange(10.0))
# CASE: dot(np.arange(3.0), np.arange(4.0))
# CASE: dot(np.arange(5, dtype=np.int32), np.ones(5, dtype=np.float32))
# CASE: dot_f32(np.full(500, 0.1, dtype=np.float32), np.full(500, 3.0, dtype=np.float32))
# CASE: dot_int(np.arange(100), np.arange(100))
# CASE: dot_int(np.arange(10, dtype=np.int8), np.arange(10, dtype=np.uint8))
# CASE: norm2(np.array([3.0, 4.0]))
