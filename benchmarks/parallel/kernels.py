# Parallel kernels and their serial forms (the same code without prange / target='parallel'),
# and a @vectorize function next to the same computation written as an explicit loop.
import math

import numpy as np
from numba import njit, prange, vectorize


@njit(parallel=True)
def sumsq_parallel(a):
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i] * a[i]
    return s


@njit
def sumsq_serial(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * a[i]
    return s


@vectorize(["float64(float64, float64)"], target="parallel")
def wave_parallel(x, y):
    return math.sqrt(x * x + y * y) * math.exp(-x) + math.sin(y)


@vectorize(["float64(float64, float64)"])
def wave_serial(x, y):
    return math.sqrt(x * x + y * y) * math.exp(-x) + math.sin(y)


@vectorize(["float64(float64)"], target="parallel")
def cbrt_parallel(x):
    y = 1.0 + x
    for _ in range(40):
        y = y - (y * y * y - x) / (3.0 * y * y)
    return y


@vectorize(["float64(float64)"])
def cbrt_serial(x):
    y = 1.0 + x
    for _ in range(40):
        y = y - (y * y * y - x) / (3.0 * y * y)
    return y


@njit
def wave_loop(x, y):
    out = np.empty_like(x)
    for i in range(x.shape[0]):
        out[i] = math.sqrt(x[i] * x[i] + y[i] * y[i]) * math.exp(-x[i]) + math.sin(y[i])
    return out


@njit(parallel=True)
def wave_into_parallel(x, y, out):
    out[:] = wave_serial(x, y)
    return out


@njit
def wave_into_serial(x, y, out):
    out[:] = wave_serial(x, y)
    return out
