# A float32 pipeline: float32 arrays, np.float32 constants (module level and local),
# float32 accumulators, mixing with int32 elements; results stay float32 where Numba keeps them.
import numpy as np
from numba import njit

GAIN = np.float32(1.5)
BIAS = np.float32(-0.25)


@njit
def affine(a):
    out = np.empty_like(a)
    for i in range(a.shape[0]):
        out[i] = a[i] * GAIN + BIAS
    return out


@njit
def energy(a):
    e = np.float32(0.0)
    for i in range(a.shape[0]):
        e += a[i] * a[i]
    return e


@njit
def mixed_f32_i32(a, k):
    # float32 * int32 -> float64 (Numba's scalar rule)
    return a[0] * k[0]


@njit
def mixed_f32_i16(a, k):
    # float32 * int16 -> float32
    return a[0] * k[0]


@njit
def quantize(a, step):
    out = np.empty(a.shape[0], dtype=np.int32)
    for i in range(a.shape[0]):
        out[i] = np.int32(a[i] / step)
    return out


# CASE: affine(np.arange(6, dtype=np.float32) * np.float32(0.1))
# CASE: energy(np.full(100, 0.3, dtype=np.float32))
# CASE: mixed_f32_i32(np.array([0.1], dtype=np.float32), np.array([3], dtype=np.int32))
# CASE: mixed_f32_i16(np.array([0.1], dtype=np.float32), np.array([3], dtype=np.int16))
# CASE: quantize(np.array([0.0, 0.26, -0.74, 1.0], dtype=np.float32), np.float32(0.25))
