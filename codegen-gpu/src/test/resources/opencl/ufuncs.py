# @vectorize kernels whose scalar loops the OpenCL backend compiles. Each TYPES line names a
# kernel and the loop's argument types; the golden .cl file next to this one is the OpenCL C the
# generator writes for them (rewritten with -Darrayjit.bless=true).
import math
from numba import guvectorize, vectorize


@vectorize(["float64(float64, float64)"])
def axpy(x, y):
    return 2.0 * x + y


@vectorize(["int64(int64, int64)"])
def python_division(a, b):
    return a // b + a % b * 100 + a ** 2


@vectorize(["float32(float32)"])
def logistic(x):
    return 1.0 / (1.0 + math.exp(-x))


@vectorize(["float64(float64, int64)"])
def newton_cbrt(x, steps):
    y = 1.0 + x
    for _ in range(steps):
        y = y - (y * y * y - x) / (3.0 * y * y)
    return y


@vectorize(["float64(float64)"])
def clipped(x):
    if math.isnan(x):
        return 0.0
    elif x > 1.0 or x < -1.0:
        return math.copysign(1.0, x)
    return x


@vectorize(["float64(float64, float64)"])
def floor_mod(a, b):
    return a % b + a // b * 1000.0


@vectorize(["int64(int64, int64)"])
def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a


# TYPES: axpy(float64, float64)
# TYPES: python_division(int64, int64)
# TYPES: logistic(float32)
# TYPES: newton_cbrt(float64, int64)
# TYPES: clipped(float64)
# TYPES: floor_mod(float64, float64)
# TYPES: gcd(int64, int64)


@guvectorize(["void(float64[:], float64, float64[:])"], "(n),()->(n)")
def shift(a, by, out):
    for i in range(a.shape[0]):
        out[i] = a[i] + by
# TYPES: shift(float64[:], float64, float64[:])
