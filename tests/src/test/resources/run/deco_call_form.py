# Jitting by calling: `fast = njit(f)` on a plain function, `njit(fastmath=False)(g)`,
# and a jitted function calling another jitted-by-call function.
import numpy as np
from numba import njit


def f(x, y):
    return x * y + 2 * x


def g(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += fast(a[i], 1.0)
    return s


fast = njit(f)
g_fast = njit(fastmath=False)(g)


# CASE: fast(3, 4)
# CASE: fast(1.5, -2.0)
# CASE: g_fast(np.arange(5.0))
