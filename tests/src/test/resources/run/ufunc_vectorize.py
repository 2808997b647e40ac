# @vectorize kernels called as ufuncs: every loop of a signature list, NumPy's loop choice (first
# loop the inputs cast to safely; scalars next to arrays count by value), broadcasting of scalars,
# ranks and extent-1 axes, lazily compiled ufuncs (Numba's DUFunc), and ufuncs called inside @njit
# kernels, element-wise and on arrays.
import math
import numpy as np
from numba import njit, vectorize


@vectorize(["int32(int32, int32)", "int64(int64, int64)", "float32(float32, float32)", "float64(float64, float64)"])
def axpy(x, y):
    return 2 * x + y


@vectorize(["float64(float64)", "float32(float32)"])
def logistic(x):
    return 1.0 / (1.0 + math.exp(-x))


@vectorize(["boolean(float64, float64)"])
def close(a, b):
    return abs(a - b) < 0.25


@vectorize(["uint8(uint8, uint8)", "int16(int16, int16)"])
def mix(a, b):
    return (a + b) // 2


@vectorize
def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


@vectorize
def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a


@vectorize(["float64(float64, float64)", "int64(int64, int64)"], target="parallel")
def weighted(x, y):
    return 3 * x - y


@njit
def in_kernel(a, b):
    return axpy(a, b) + clamp(a, 1.0, 3.0), axpy(1.5, 2.0), logistic(a).sum()


@njit
def in_loop(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += logistic(a[i])
    return s


# CASE: axpy(np.arange(4, dtype=np.int32), np.arange(4, dtype=np.int32))
# CASE: axpy(np.arange(4), np.arange(4))
# CASE: axpy(np.arange(4, dtype=np.float32), np.ones(4, dtype=np.float32))
# CASE: axpy(np.arange(4.0), np.ones(4))
# CASE: axpy(np.arange(4, dtype=np.int16), np.arange(4, dtype=np.int16))
# CASE: axpy(np.arange(4, dtype=np.int32), np.arange(4))
# CASE: axpy(np.arange(4, dtype=np.int32), np.arange(4.0))
# CASE: axpy(np.arange(4, dtype=np.float32), 0.5)
# CASE: axpy(np.arange(4, dtype=np.int32), 7)
# CASE: axpy(np.arange(4, dtype=np.int32), 100000)
# CASE: axpy(np.arange(4, dtype=np.int32), 1.5)
# CASE: axpy(3, 4)
# CASE: axpy(3.5, 4)
# CASE: axpy(2.0, np.arange(6.0).reshape(2, 3))
# CASE: axpy(np.arange(3.0).reshape(3, 1), np.arange(4.0).reshape(1, 4))
# CASE: axpy(np.arange(3.0).reshape(3, 1), np.arange(4.0))
# CASE: axpy(np.arange(12.0).reshape(3, 4), np.arange(4.0))
# CASE: axpy(np.arange(12.0).reshape(3, 4).T, np.arange(3.0))
# CASE: axpy(np.arange(10.0)[::3], np.arange(4.0))
# CASE: axpy(np.arange(3.0), np.arange(4.0))
# CASE: logistic(np.array([-2.0, 0.0, 2.0]))
# CASE: logistic(np.array([-2.0, 0.0, 2.0], dtype=np.float32))
# CASE: logistic(np.array([1, 2], dtype=np.int64))
# CASE: logistic(0.5)
# CASE: close(np.array([1.0, 2.0, 3.0]), 2.1)
# CASE: mix(np.array([10, 200, 255], dtype=np.uint8), np.array([20, 100, 255], dtype=np.uint8))
# CASE: mix(np.array([10, -200], dtype=np.int16), np.array([-20, 100], dtype=np.int16))
# CASE: mix(np.array([10, 200], dtype=np.uint8), np.array([-1, 3], dtype=np.int8))
# CASE: clamp(np.arange(6.0), 1.0, 4.0)
# CASE: clamp(np.arange(6), 1, 4)
# CASE: clamp(np.arange(6, dtype=np.float32), np.float32(1.5), np.float32(2.5))
# CASE: clamp(2.5, 0.0, 1.0)
# CASE: gcd(np.array([12, 18, 35, 7]), np.array([8, 12, 14, 0]))
# CASE: gcd(np.array([12, 18], dtype=np.int32), 6)
# CASE: weighted(np.arange(300).reshape(3, 100), np.arange(100))
# CASE: weighted(np.arange(6.0).reshape(2, 3), 0.5)
# CASE: in_kernel(np.arange(5.0), np.ones(5))
# CASE: in_loop(np.linspace(-1.0, 1.0, 5))
