# A variable rebound to an array expression of itself (x = x * 0.5 + y) in a loop, where the new
# value may be written into the variable's own block, next to the cases where it must not be:
# the expression reads x at other positions (a reversed view), another name still sees the old
# array, or the shape changes. Also NumPy's signs of zero in max/min reductions.
import numpy as np
from numba import njit


@njit
def relax(x, y, sweeps):
    for _ in range(sweeps):
        x = x * 0.5 + y
    return x


@njit
def mirror(x, sweeps):
    for _ in range(sweeps):
        x = x + x[::-1] * 0.5
    return x


@njit
def keep_old(x, sweeps):
    old = x
    for _ in range(sweeps):
        old = x
        x = x * 2.0 + 1.0
    return x, old


@njit
def grow(x, sweeps):
    for _ in range(sweeps):
        x = np.concatenate((x, x)) * 0.5
    return x


@njit
def rows(m, sweeps):
    for _ in range(sweeps):
        m = m * 2.0 - m[0]
    return m


@njit
def extremes(a):
    return np.max(a), np.min(a), a.max(), a.min(), np.max(np.abs(a))


# CASE: relax(np.arange(5.0), np.ones(5), 3)
# CASE: relax(np.arange(5.0), np.ones(5), 0)
# CASE: relax(np.arange(6.0).reshape(2, 3), np.ones(3), 4)
# CASE: mirror(np.arange(5.0), 3)
# CASE: keep_old(np.arange(4.0), 3)
# CASE: grow(np.arange(3.0), 3)
# CASE: rows(np.arange(6.0).reshape(3, 2), 3)
# CASE: extremes(np.array([-0.0, 0.0]))
# CASE: extremes(np.array([0.0, -0.0]))
# CASE: extremes(np.array([1.0, np.nan, 3.0]))
# CASE: extremes(np.array([-2.5, 7.0, 7.0, -9.0]))
# CASE: extremes(np.array([-0.0, -0.0], dtype=np.float32))
