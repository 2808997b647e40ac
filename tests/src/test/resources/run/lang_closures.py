# Inner functions called inside their kernel: closures over the kernel's variables (numbers and
# arrays), default and keyword arguments, calls in loops and in expressions.
import numpy as np
from numba import njit


@njit
def affine_sum(a, scale):
    offset = 1.5

    def f(x, y=1.0):
        return (x * scale + offset) * y

    s = 0.0
    for i in range(a.shape[0]):
        s += f(a[i])
    return s, f(1.0, 3.0)


@njit
def neighbours(a):
    n = a.shape[0]

    def at(i):
        if i < 0 or i >= n:
            return 0.0
        return a[i]

    out = np.empty(n)
    for i in range(n):
        out[i] = at(i - 1) + at(i) + at(i + 1)
    return out


@njit
def count_if(a, lo, hi):
    def inside(x):
        return lo <= x < hi

    c = 0
    for x in a:
        if inside(x):
            c += 1
    return c


@njit
def poly(x):
    def sq(v):
        return v * v

    return sq(x) + sq(x + 1) - 2 * sq(x - 1)


# CASE: affine_sum(np.array([1.0, 2.0, 3.0]), 2.0)
# CASE: affine_sum(np.zeros(0), 5.0)
# CASE: neighbours(np.arange(5.0))
# CASE: neighbours(np.array([2.5]))
# CASE: count_if(np.array([1, 5, 3, 8, 2]), 2, 6)
# CASE: count_if(np.arange(10.0)[::2], 0.5, 7.0)
# CASE: poly(3)
# CASE: poly(2.5)
