# math functions keep float32 for float32 arguments; mixing float32 with float64 or int64
# in a two-argument function gives float64. Tolerance 4 ulp of the result type.
# ULP: 4
import math
import numpy as np
from numba import njit


@njit
def f32_math(x):
    return math.sqrt(x), math.exp(x), math.log(x), math.sin(x), math.cos(x)


@njit
def f32_two(y, x):
    return math.atan2(y, x), math.hypot(y, x), math.pow(y, x)


@njit
def f32_rounding(x):
    return math.floor(x), math.ceil(x), math.fabs(x)


@njit
def f32_special(x):
    return math.erf(x), math.gamma(x), math.tanh(x)


@njit
def f32_norm(a):
    s = np.float32(0.0)
    for i in range(a.shape[0]):
        s += a[i] * a[i]
    return math.sqrt(s)


# CASE: f32_math(np.float32(2.5))
# CASE: f32_math(np.float32(0.1))
# CASE: f32_two(np.float32(1.0), np.float32(2.0))
# CASE: f32_two(np.float32(1.0), 2.0)
# CASE: f32_two(np.float32(3.0), 4)
# CASE: f32_rounding(np.float32(-2.5))
# CASE: f32_special(np.float32(2.5))
# CASE: f32_norm(np.arange(10, dtype=np.float32))
