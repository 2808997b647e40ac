# Decorators through the module: `import numba` then @numba.njit(fastmath=True) and
# @numba.jit(nopython=True). With fastmath the sum may be reassociated (vectorized), so the
# float cases allow 4 ulp; the data are chosen so that any order gives the exact result.
# ULP: 4
import numba
import numpy as np


@numba.njit(fastmath=True)
def fast_sum(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@numba.njit(fastmath=True)
def fast_norm2(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * a[i]
    return s


@numba.jit(nopython=True)
def plain(a, b):
    return a * b + 1


# CASE: fast_sum(np.arange(256.0))
# CASE: fast_sum(np.ones(1000, dtype=np.float32))
# CASE: fast_norm2(np.arange(16.0))
# CASE: plain(3, 4)
