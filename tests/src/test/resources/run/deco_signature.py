# Eager compilation from a signature string: arguments are converted to the declared types
# (an int64 passed where float64 is declared becomes float64), the result has the declared
# type, `void` returns None, arrays declared `float64[:]` accept any 1-D float64 layout.
import numpy as np
from numba import njit


@njit("float64(float64[:], int64)")
def sum_first(a, n):
    s = 0.0
    for i in range(n):
        s += a[i]
    return s


@njit("float32(float32, float32)")
def add_f32(x, y):
    return x + y


@njit("int32(int32, int32)")
def mul_i32(x, y):
    return x * y


@njit("void(float64[:, :], float64)")
def fill2d(a, v):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] = v


@njit("float64(float64)")
def half(x):
    return x / 2


# CASE: sum_first(np.arange(10.0), 4)
# CASE: sum_first(np.arange(20.0)[::2], 10)
# CASE: add_f32(np.float32(0.1), np.float32(0.2))
# CASE: mul_i32(np.int32(100000), np.int32(100000))
# CASE: fill2d(np.zeros((2, 3)), 4.5)
# CASE: half(np.float64(7.0))
