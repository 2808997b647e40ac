# A recursion-free chain of helpers f -> g -> h -> k with different argument types,
# a helper used by two callers, and a helper that mutates an array passed down the chain.
import numpy as np
from numba import njit


@njit
def k(x):
    return x + 1


@njit
def h(x, y):
    return k(x) * y


@njit
def g(a, i):
    return h(a[i], 2) - k(i)


@njit
def f(a):
    s = 0
    for i in range(a.shape[0]):
        s += g(a, i)
    return s


@njit
def bump(a, i):
    a[i] = k(a[i])


@njit
def bump_all(a):
    for i in range(a.shape[0]):
        bump(a, i)
    return f(a)


# CASE: f(np.arange(5))
# CASE: f(np.arange(5, dtype=np.float32))
# CASE: h(2.5, 4)
# CASE: bump_all(np.arange(4))
