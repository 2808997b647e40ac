# Functions returning None: no return statement, a bare `return`, `return None`, and
# early bare returns; they mutate their array arguments.
import numpy as np
from numba import njit


@njit
def fill(a, v):
    for i in range(a.shape[0]):
        a[i] = v


@njit
def fill_until_negative(a, v):
    for i in range(a.shape[0]):
        if a[i] < 0:
            return
        a[i] = v


@njit
def zero_diagonal(m):
    n = min(m.shape[0], m.shape[1])
    for i in range(n):
        m[i, i] = 0
    return None


@njit
def nothing(x):
    pass


@njit
def call_fill(a):
    fill(a, 7.0)
    nothing(1)


# CASE: fill(np.zeros(5), 2.5)
# CASE: fill(np.zeros(4, dtype=np.int32), 9)
# CASE: fill_until_negative(np.array([1.0, 2.0, -1.0, 4.0]), 0.0)
# CASE: zero_diagonal(np.ones((3, 4)))
# CASE: zero_diagonal(np.asfortranarray(np.arange(9.0).reshape(3, 3)))
# CASE: nothing(5)
# CASE: call_fill(np.zeros(3))
