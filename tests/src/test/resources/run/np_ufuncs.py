# NumPy ufuncs on whole arrays: sqrt exp log sin cos tanh abs floor ceil trunc, minimum/maximum
# (NaN propagates), isnan/isinf/isfinite, and the 3-argument np.where with array and scalar
# branches. Result dtypes follow Numba (sqrt of int32 is float64, of int16 float32); inputs are
# float64, float32 and ints in C, Fortran and strided layouts. Transcendental cases allow 4 ulp.
import numpy as np
from numba import njit


@njit
def sqrt(a):
    return np.sqrt(a)


@njit
def exp(a):
    return np.exp(a)


@njit
def log(a):
    return np.log(a)


@njit
def sin_cos(a):
    return np.sin(a), np.cos(a)


@njit
def tanh(a):
    return np.tanh(a)


@njit
def abs_(a):
    return np.abs(a)


@njit
def rounding(a):
    return np.floor(a), np.ceil(a), np.trunc(a)


@njit
def minimum(a, b):
    return np.minimum(a, b)


@njit
def maximum(a, b):
    return np.maximum(a, b)


@njit
def classify(a):
    return np.isnan(a), np.isinf(a), np.isfinite(a)


@njit
def where(c, x, y):
    return np.where(c, x, y)


@njit
def relu(a):
    return np.where(a > 0, a, 0.0)


@njit
def clip_both(a, lo, hi):
    return np.minimum(np.maximum(a, lo), hi)


@njit
def norm_rows(a):
    return np.sqrt(a * a + 1.0)


@njit
def log_exp(a):
    return np.log(np.exp(a))


# CASE: sqrt(np.array([0.0, 1.0, 2.0, 9.0, 0.25]))
# CASE: sqrt(np.array([-1.0, np.inf, -0.0, np.nan]))
# CASE: sqrt(np.arange(6, dtype=np.float32).reshape(2, 3))
# CASE: sqrt(np.arange(8, dtype=np.int32))
# CASE: sqrt(np.arange(8, dtype=np.int16))
# CASE: sqrt(np.arange(10))
# CASE: sqrt(np.arange(6, dtype=np.uint8))  # numpy-differs note=NumPy computes sqrt of uint8 in float16; Numba in float32
# CASE: sqrt(np.asfortranarray(np.arange(12.0).reshape(3, 4)))
# CASE: sqrt(np.arange(24.0).reshape(4, 6)[:, 1:5])
# CASE: exp(np.array([0.0, 1.0, -1.0, 0.5, 700.0, -750.0]))  # ulp=4
# CASE: exp(np.arange(6, dtype=np.float32) - np.float32(2.5))  # ulp=4
# CASE: exp(np.arange(5))  # ulp=4
# CASE: log(np.array([1.0, 2.0, 0.5, 10.0, 1e-300]))  # ulp=4
# CASE: log(np.array([0.0, -1.0, np.inf, np.nan]))  # ulp=4
# CASE: log(np.arange(1, 7, dtype=np.float32).reshape(2, 3))  # ulp=4
# CASE: log(np.arange(1, 25).reshape(2, 3, 4))  # ulp=4
# CASE: sin_cos(np.array([0.0, 0.5, -1.0, 3.0, 100.0]))  # ulp=4
# CASE: sin_cos(np.arange(6, dtype=np.float32) * np.float32(0.75))  # ulp=4
# CASE: sin_cos(np.asfortranarray(np.arange(6.0).reshape(2, 3)))  # ulp=4
# CASE: tanh(np.array([0.0, 0.25, -1.0, 5.0, -30.0, np.inf]))  # ulp=4
# CASE: tanh(np.arange(20.0)[::2] / 7.0)  # ulp=4
# CASE: abs_(np.array([-1.5, 0.0, -0.0, 2.0, -np.inf, np.nan]))
# CASE: abs_(np.array([-3, 0, 7, -9223372036854775807]))
# CASE: abs_(np.array([-3, 0, 7, -127], dtype=np.int8))
# CASE: abs_(np.array([-3, 0, 7], dtype=np.int32)[::-1])
# CASE: abs_(np.array([-128, 127], dtype=np.int8))
# CASE: abs_(np.arange(-6.0, 6.0, dtype=np.float32).reshape(3, 4))
# CASE: abs_(np.arange(24.0).reshape(2, 3, 4) - 11.5)
# CASE: rounding(np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.7, -0.0]))
# CASE: rounding(np.array([-2.5, 1.25, 3.75], dtype=np.float32))
# CASE: rounding(np.asfortranarray(np.arange(6.0).reshape(2, 3) / 4.0 - 0.5))
# CASE: rounding(np.arange(-3, 3))
# CASE: minimum(np.array([1.0, 5.0, -2.0, 3.0]), np.array([2.0, 4.0, -3.0, 3.0]))
# CASE: minimum(np.array([np.nan, 1.0, 2.0]), np.array([0.0, np.nan, 1.0]))
# CASE: minimum(np.arange(6).reshape(2, 3), 2)
# CASE: minimum(np.arange(6, dtype=np.int32), np.arange(6, dtype=np.int32)[::-1])
# CASE: maximum(np.array([1.0, 5.0, -2.0, 3.0]), np.array([2.0, 4.0, -3.0, 3.0]))
# CASE: maximum(np.array([np.nan, 1.0, np.inf]), np.array([0.0, np.nan, 1.0]))
# CASE: maximum(np.arange(12.0).reshape(3, 4), np.array([5.0, 0.0, 10.0, 2.0]))
# CASE: maximum(np.arange(6, dtype=np.float32), np.float32(2.5))
# CASE: maximum(np.arange(5, dtype=np.uint8), np.arange(5, dtype=np.uint8)[::-1])
# CASE: classify(np.array([0.0, np.nan, np.inf, -np.inf, -1.5]))
# CASE: classify(np.array([np.nan, 1.0, -np.inf], dtype=np.float32))
# CASE: classify(np.arange(4, dtype=np.int32))
# CASE: classify(np.asfortranarray(np.array([[0.0, np.inf, np.nan], [-np.inf, 1.0, 2.0]])))
# CASE: where(np.array([True, False, True]), np.array([1.0, 2.0, 3.0]), np.array([-1.0, -2.0, -3.0]))
# CASE: where(np.arange(6).reshape(2, 3) > 2, np.arange(6).reshape(2, 3), -np.arange(6).reshape(2, 3))
# CASE: where(np.array([True, False, True, False]), np.arange(4.0), 0.0)
# CASE: where(np.array([True, False, True, False]), 1.0, np.arange(4.0))
# CASE: where(np.array([True, False, False]), 7, -7)
# CASE: relu(np.array([-1.0, 0.0, 2.5, -0.5, 3.0]))
# CASE: relu(np.arange(12.0).reshape(3, 4) - 5.0)
# CASE: clip_both(np.arange(10.0), 2.0, 7.5)
# CASE: clip_both(np.array([np.nan, -5.0, 5.0]), 0.0, 1.0)
# CASE: clip_both(np.arange(12, dtype=np.int32).reshape(3, 4), 3, 8)
# CASE: norm_rows(np.arange(6.0).reshape(2, 3))
# CASE: log_exp(np.array([0.5, 1.0, 2.0]))  # ulp=4
