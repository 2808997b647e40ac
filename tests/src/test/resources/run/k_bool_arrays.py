# Bool arrays as inputs and outputs: any/all as loops, logical combinations of masks,
# counting True values, masks from comparisons, bool elements in arithmetic.
import numpy as np
from numba import njit


@njit
def any_all(m):
    a = False
    b = True
    for i in range(m.shape[0]):
        a = a or m[i]
        b = b and m[i]
    return a, b


@njit
def combine(p, q):
    out = np.empty(p.shape[0], dtype=np.bool_)
    for i in range(p.shape[0]):
        out[i] = (p[i] and not q[i]) or (q[i] and not p[i])
    return out


@njit
def count_true(m):
    c = 0
    for i in range(m.shape[0]):
        c += m[i]
    return c


@njit
def select(m, a, b):
    out = np.empty(a.shape[0])
    for i in range(a.shape[0]):
        out[i] = a[i] if m[i] else b[i]
    return out


@njit
def invert_inplace(m):
    for i in range(m.shape[0]):
        m[i] = not m[i]


# CASE: any_all(np.array([False, True, False]))
# CASE: any_all(np.array([True, True]))
# CASE: any_all(np.zeros(0, dtype=np.bool_))
# CASE: combine(np.array([True, True, False, False]), np.array([True, False, True, False]))
# CASE: count_true(np.array([True, False, True, True, False]))
# CASE: select(np.array([True, False, True]), np.arange(3.0), -np.arange(3.0))
# CASE: invert_inplace(np.array([True, False, False, True]))
