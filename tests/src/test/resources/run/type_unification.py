# A variable assigned different numeric types unifies to a common type: int64 in one branch
# and float64 in the other gives float64 everywhere; an int accumulator that receives floats
# is float64; rebinding a name to a new type after its last use is allowed.
import numpy as np
from numba import njit


@njit
def branch_types(flag):
    if flag:
        x = 1
    else:
        x = 2.5
    return x


@njit
def loop_carried(n):
    r = 0
    for i in range(n):
        r = r + 0.5
    return r


@njit
def rebind(n):
    x = n
    y = x * 2
    x = 1.5
    return y + x


@njit
def f32_or_int(a, flag):
    if flag:
        v = a[0]
    else:
        v = 0
    return v


@njit
def int_kinds(a, b):
    # int32 and int64 branches -> int64
    if a > b:
        r = a
    else:
        r = b
    return r


# CASE: branch_types(True)
# CASE: branch_types(False)
# CASE: loop_carried(3)
# CASE: loop_carried(0)
# CASE: rebind(4)
# CASE: f32_or_int(np.array([1.5], dtype=np.float32), True)
# CASE: f32_or_int(np.array([1.5], dtype=np.float32), False)
# CASE: int_kinds(np.int32(7), 3)
# CASE: int_kinds(np.int32(-7), 3)
