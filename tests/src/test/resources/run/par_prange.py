# prange in parallel=True kernels: loops whose iterations write their own elements, scalar
# reductions (+=, -=, *=, min, max), arrays as reduction variables, nested prange (the outer one
# parallel), arrays made inside the body, exceptions raised by one iteration, and prange without
# parallel=True (a plain range).
# Float data are small integers or halves so every summation order gives the same result.
import numpy as np
from numba import njit, prange


@njit(parallel=True)
def squares(a):
    out = np.empty_like(a)
    for i in prange(a.shape[0]):
        out[i] = a[i] * a[i]
    return out


@njit(parallel=True)
def total(a):
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i]
    return s


@njit(parallel=True)
def reductions(a):
    s = 0
    d = 100
    p = 1
    lo = a[0]
    hi = a[0]
    for i in prange(a.shape[0]):
        s += a[i]
        d -= a[i]
        p *= 1 + a[i] % 2
        lo = min(lo, a[i])
        hi = max(hi, a[i])
    return s, d, p, lo, hi


@njit(parallel=True)
def from_start(n):
    s = 0
    for i in prange(3, n):
        s += i * i
    return s


@njit(parallel=True)
def row_sums(m):
    out = np.zeros(m.shape[0])
    for i in prange(m.shape[0]):
        acc = 0.0
        for j in prange(m.shape[1]):
            acc += m[i, j]
        out[i] = acc
    return out


@njit(parallel=True)
def with_temporaries(m):
    out = np.empty(m.shape[0])
    for i in prange(m.shape[0]):
        row = m[i] * 2.0 + 1.0
        out[i] = row.sum()
    return out


@njit(parallel=True)
def count_if(a, limit):
    c = 0
    for i in prange(a.shape[0]):
        if a[i] > limit:
            c += 1
    return c


@njit(parallel=True)
def checked(a):
    s = 0.0
    for i in prange(a.shape[0]):
        if a[i] < 0:
            raise ValueError("negative element")
        s += a[i]
    return s


@njit(parallel=True)
def array_exprs(a, b):
    c = a * 2.0 + b
    return c, np.sqrt(c * c + 1.0), c[::2] - b[1::2]


@njit(parallel=True)
def big_exprs(n):
    a = np.arange(n) * 1.0
    c = a * 2.0 + 1.0
    d = np.sqrt(c * c) - c
    return c[0], c[n - 1], c[n // 2], d.max(), d.min(), c.sum(), (c > 2.0).all(), (c > 2.0).any(), np.sum(d == 0.0)


@njit(parallel=True)
def column_sums(m):
    s = np.zeros(m.shape[1])
    for i in prange(m.shape[0]):
        s += m[i, :]
    return s


@njit(parallel=True)
def counts(a, nbins):
    h = np.zeros(nbins, dtype=np.int64)
    for i in prange(a.shape[0]):
        one = np.zeros(nbins, dtype=np.int64)
        one[a[i] % nbins] = 1
        h += one
    return h


@njit
def serial_prange(a):
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i] * (i + 1)
    return s


# CASE: squares(np.arange(10.0))
# CASE: squares(np.arange(7, dtype=np.int32))
# CASE: total(np.arange(1000.0))
# CASE: total(np.zeros(0))
# CASE: total(np.array([0.5]))
# CASE: reductions(np.arange(1, 200))
# CASE: reductions(np.array([7, 3, 9, 3]))
# CASE: from_start(100)
# CASE: from_start(3)
# CASE: from_start(-5)
# CASE: row_sums(np.arange(12.0).reshape(3, 4))
# CASE: row_sums(np.arange(60.0).reshape(6, 10)[:, ::2])
# CASE: with_temporaries(np.arange(20.0).reshape(5, 4))
# CASE: count_if(np.arange(100), 41)
# CASE: checked(np.arange(8.0))
# CASE: checked(np.array([1.0, 2.0, -3.0, 4.0]))
# CASE: big_exprs(300000)
# CASE: array_exprs(np.arange(6.0), np.ones(6))
# CASE: array_exprs(np.arange(400.0), np.arange(400.0))
# CASE: column_sums(np.arange(600.0).reshape(150, 4))
# CASE: column_sums(np.zeros((0, 3)))
# CASE: counts(np.arange(500) * 7, 6)
# CASE: serial_prange(np.arange(5.0))
