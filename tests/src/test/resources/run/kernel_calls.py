# Kernels calling kernels: helpers with scalar and array arguments, the same helper
# specialized for several argument types, helpers returning tuples and arrays,
# helpers that raise (the exception propagates through the caller).
import numpy as np
from numba import njit


@njit
def square(x):
    return x * x


@njit
def sum_squares(a):
    s = 0
    for i in range(a.shape[0]):
        s += square(a[i])
    return s


@njit
def both_types(i, x):
    # square specialised for int64 and for float64
    return square(i), square(x)


@njit
def stats(a):
    lo = a[0]
    hi = a[0]
    for i in range(a.shape[0]):
        lo = min(lo, a[i])
        hi = max(hi, a[i])
    return lo, hi


@njit
def normalize(a):
    lo, hi = stats(a)
    out = np.empty(a.shape[0])
    for i in range(a.shape[0]):
        out[i] = (a[i] - lo) / (hi - lo)
    return out


@njit
def checked_sqrt(x):
    if x < 0:
        raise ValueError("checked_sqrt: negative input")
    return x ** 0.5


@njit
def sum_roots(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += checked_sqrt(a[i])
    return s


@njit
def make_ramp(n):
    r = np.empty(n)
    for i in range(n):
        r[i] = i
    return r


@njit
def ramp_total(n):
    return sum_squares(make_ramp(n))


# CASE: sum_squares(np.arange(10))
# CASE: sum_squares(np.arange(5.0))
# CASE: both_types(7, 1.5)
# CASE: normalize(np.array([2.0, 4.0, 6.0, 3.0]))
# CASE: normalize(np.array([1.0, 1.0]))
# CASE: sum_roots(np.array([4.0, 9.0, 16.0]))
# CASE: sum_roots(np.array([4.0, -9.0, 16.0]))
# CASE: ramp_total(5)
