# argmin/argmax with their values returned as tuples; ties take the first index;
# running maximum into a new array.
import numpy as np
from numba import njit


@njit
def argmax(a):
    best = 0
    for i in range(1, a.shape[0]):
        if a[i] > a[best]:
            best = i
    return best, a[best]


@njit
def argmin2d(a):
    bi = 0
    bj = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            if a[i, j] < a[bi, bj]:
                bi = i
                bj = j
    return bi, bj


@njit
def running_max(a):
    out = np.empty_like(a)
    m = a[0]
    for i in range(a.shape[0]):
        if a[i] > m:
            m = a[i]
        out[i] = m
    return out


# CASE: argmax(np.array([3.0, 9.0, 2.0, 9.0]))
# CASE: argmax(np.array([-5, -2, -9], dtype=np.int32))
# CASE: argmax(np.array([1.0, np.nan, 3.0]))
# CASE: argmin2d(np.array([[4.0, 2.0], [-1.0, 7.0], [0.0, -1.0]]))
# CASE: running_max(np.array([1, 3, 2, 5, 4, 4, 9], dtype=np.int64))
# CASE: running_max(np.array([0.5, -1.0, 2.5], dtype=np.float32))
