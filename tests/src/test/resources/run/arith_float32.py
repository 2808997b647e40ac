# float32 stays float32 only with float32 (and small integer) operands; a float literal
# or a Python float argument promotes to float64; int64 (and int literals) promote float32 to float64.
import numpy as np
from numba import njit


@njit
def f32_ops(a, b):
    return a + b, a * b, a / b


@njit
def f32_plus_literal(a):
    return a + 0.2


@njit
def f32_times_int_literal(a):
    return a * 2


@njit
def f32_with_f64(a, x):
    return a * x


@njit
def f32_with_int16(a, k):
    return a * k


@njit
def f32_intermediate(a, b, c):
    # the product overflows float32 before the division
    return a * b / c


@njit
def f32_constructed(x):
    h = np.float32(0.5)
    return np.float32(x) * h


# CASE: f32_ops(np.float32(0.1), np.float32(0.2))
# CASE: f32_ops(np.float32(16777216.0), np.float32(1.0))
# CASE: f32_ops(np.float32(1.0), np.float32(3.0))
# CASE: f32_plus_literal(np.float32(0.1))
# CASE: f32_times_int_literal(np.float32(0.1))
# CASE: f32_with_f64(np.float32(0.1), 3.0)
# CASE: f32_with_int16(np.float32(1.5), np.int16(3))
# CASE: f32_intermediate(np.float32(1e30), np.float32(1e30), np.float32(1e30))
# CASE: f32_constructed(3.0)
