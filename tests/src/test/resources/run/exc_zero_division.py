# Division by zero raises ZeroDivisionError (error_model='python', Numba's default) for
# int / // % and float / // %; a zero divisor found inside a loop; int ** negative with 0 base.
import numpy as np
from numba import njit


@njit
def idiv(a, b):
    return a / b


@njit
def ifloordiv(a, b):
    return a // b


@njit
def imod(a, b):
    return a % b


@njit
def fdiv(a, b):
    return a / b


@njit
def ffloordiv(a, b):
    return a // b


@njit
def fmod(a, b):
    return a % b


@njit
def normalize_rows(m):
    out = np.empty_like(m)
    for i in range(m.shape[0]):
        s = 0.0
        for j in range(m.shape[1]):
            s += m[i, j]
        for j in range(m.shape[1]):
            out[i, j] = m[i, j] / s
    return out


@njit
def small_int_div(a, b):
    return a // b


# CASE: idiv(1, 0)
# CASE: idiv(0, 0)
# CASE: ifloordiv(1, 0)
# CASE: ifloordiv(-1, 0)
# CASE: imod(1, 0)
# CASE: fdiv(1.0, 0.0)
# CASE: fdiv(-1.0, -0.0)
# CASE: fdiv(0.0, 0.0)
# CASE: ffloordiv(1.0, 0.0)
# CASE: fmod(-1.0, 0.0)
# CASE: fdiv(1, 0.0)
# CASE: fdiv(1.0, 1e-320)
# CASE: normalize_rows(np.array([[1.0, 3.0], [2.0, 2.0]]))
# CASE: normalize_rows(np.array([[1.0, 3.0], [2.0, -2.0]]))
# CASE: small_int_div(np.int32(1), np.int32(0))
# CASE: small_int_div(np.uint64(1), np.uint64(0))
