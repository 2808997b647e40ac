# Augmented assignment on scalars and on array elements: += -= *= /= //= %= **=
# &= |= ^= <<= >>=; x /= 2 turns an int variable into float64.
import numpy as np
from numba import njit


@njit
def int_augs(x):
    x += 5
    x -= 2
    x *= 3
    x //= 4
    x %= 7
    x **= 3
    return x


@njit
def bit_augs(x):
    x &= 0xFF
    x |= 0x100
    x ^= 0x0F
    x <<= 2
    x >>= 1
    return x


@njit
def float_augs(x):
    x += 0.5
    x *= 2.0
    x /= 3.0
    x -= 1.0
    x //= 0.25
    x %= 2.5
    return x


@njit
def int_becomes_float(n):
    x = n
    x /= 2
    return x


@njit
def array_augs(a):
    for i in range(a.shape[0]):
        a[i] += i
        a[i] *= 2
        a[i] -= 1
    a[0] //= 2
    a[-1] %= 5
    return a[0] + a[-1]


@njit
def array2d_augs(m):
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] /= (i + j + 1)


# CASE: int_augs(10)
# CASE: int_augs(-10)
# CASE: bit_augs(0x1234)
# CASE: float_augs(3.0)
# CASE: float_augs(-3.0)
# CASE: int_becomes_float(7)
# CASE: array_augs(np.arange(6))
# CASE: array_augs(np.arange(6, dtype=np.int32))
# CASE: array2d_augs(np.ones((3, 4)))
