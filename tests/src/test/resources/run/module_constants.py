# Module-level constants are frozen at compile time: ints, floats, np.float32 scalars,
# tuples used as shapes, and constants derived from other constants.
import math
import numpy as np
from numba import njit

N = 10
SCALE = np.float32(0.5)
SHAPE = (3, 4)
OFFSET = 2.5
LIMIT = N * N - 1
TAU = 2 * math.pi
FLAG = True


@njit
def first_n_sum():
    s = 0
    for i in range(N):
        s += i
    return s


@njit
def scale_f32(x):
    return x * SCALE


@njit
def make_grid():
    g = np.zeros(SHAPE)
    for i in range(SHAPE[0]):
        for j in range(SHAPE[1]):
            g[i, j] = i * SHAPE[1] + j + OFFSET
    return g


@njit
def clipped(x):
    return min(x, LIMIT)


@njit
def turns(x):
    return x / TAU


@njit
def maybe_negate(x):
    if FLAG:
        return -x
    return x


# CASE: first_n_sum()
# CASE: scale_f32(np.float32(3.0))
# CASE: scale_f32(3.0)
# CASE: make_grid()
# CASE: clipped(500)
# CASE: clipped(5)
# CASE: turns(12.566370614359172)
# CASE: maybe_negate(4)
