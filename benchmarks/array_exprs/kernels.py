"""Pairs of kernels that compute the same result: <name>_expr with whole-array expressions,
<name>_loop with explicit loops and element indexing. Plain Numba source; run.py times both forms
under arrayjit and under Numba, e.g.

    bin/arrayjit run benchmarks/array_exprs/kernels.py saxpy_expr 2.0 x.npy y.npy --repeat 20

Every kernel returns its result (a new array or a scalar) and leaves its arguments unchanged,
except the *_into_* kernels: they write the same values into a preallocated argument `out` (every
call overwrites the same elements), which keeps the allocation of the result out of the timing.
"""
import math

import numpy as np
from numba import njit


# a * x + y
@njit
def saxpy_expr(a, x, y):
    return a * x + y


@njit
def saxpy_loop(a, x, y):
    n = x.shape[0]
    out = np.empty(n)
    for i in range(n):
        out[i] = a * x[i] + y[i]
    return out


# the same into a preallocated output (the result is the argument `out`)
@njit
def saxpy_into_expr(a, x, y, out):
    out[:] = a * x + y


@njit
def saxpy_into_loop(a, x, y, out):
    for i in range(x.shape[0]):
        out[i] = a * x[i] + y[i]


# a polynomial in Horner form: several operations fused into one pass
@njit
def poly_expr(x):
    return ((x * 2.0 + 1.0) * x - 3.0) * x


@njit
def poly_loop(x):
    n = x.shape[0]
    out = np.empty(n)
    for i in range(n):
        out[i] = ((x[i] * 2.0 + 1.0) * x[i] - 3.0) * x[i]
    return out


@njit
def poly_into_expr(x, out):
    out[:] = ((x * 2.0 + 1.0) * x - 3.0) * x


@njit
def poly_into_loop(x, out):
    for i in range(x.shape[0]):
        out[i] = ((x[i] * 2.0 + 1.0) * x[i] - 3.0) * x[i]


# ufunc over a fused expression
@njit
def hypot_expr(x, y):
    return np.sqrt(x * x + y * y)


@njit
def hypot_loop(x, y):
    n = x.shape[0]
    out = np.empty(n)
    for i in range(n):
        out[i] = math.sqrt(x[i] * x[i] + y[i] * y[i])
    return out


@njit
def hypot_into_expr(x, y, out):
    out[:] = np.sqrt(x * x + y * y)


@njit
def hypot_into_loop(x, y, out):
    for i in range(x.shape[0]):
        out[i] = math.sqrt(x[i] * x[i] + y[i] * y[i])


@njit
def gauss_expr(x):
    return np.exp(-x * x)


@njit
def gauss_loop(x):
    n = x.shape[0]
    out = np.empty(n)
    for i in range(n):
        out[i] = math.exp(-x[i] * x[i])
    return out


@njit
def gauss_into_expr(x, out):
    out[:] = np.exp(-x * x)


@njit
def gauss_into_loop(x, out):
    for i in range(x.shape[0]):
        out[i] = math.exp(-x[i] * x[i])


# select, like a one-sided clip
@njit
def where_expr(x):
    return np.where(x > 0.5, x, 0.0)


@njit
def where_loop(x):
    n = x.shape[0]
    out = np.empty(n)
    for i in range(n):
        out[i] = x[i] if x[i] > 0.5 else 0.0
    return out


@njit
def where_into_expr(x, out):
    out[:] = np.where(x > 0.5, x, 0.0)


@njit
def where_into_loop(x, out):
    for i in range(x.shape[0]):
        out[i] = x[i] if x[i] > 0.5 else 0.0


# 3-point average through shifted slices; the two ends stay 0
@njit
def stencil1d_expr(a):
    out = np.zeros_like(a)
    out[1:-1] = (a[:-2] + a[1:-1] + a[2:]) / 3.0
    return out


@njit
def stencil1d_loop(a):
    n = a.shape[0]
    out = np.zeros(n)
    for i in range(1, n - 1):
        out[i] = (a[i - 1] + a[i] + a[i + 1]) / 3.0
    return out


@njit
def stencil1d_into_expr(a, out):
    out[1:-1] = (a[:-2] + a[1:-1] + a[2:]) / 3.0


@njit
def stencil1d_into_loop(a, out):
    for i in range(1, a.shape[0] - 1):
        out[i] = (a[i - 1] + a[i] + a[i + 1]) / 3.0


# one 5-point Jacobi step; the border stays 0
@njit
def stencil2d_expr(a):
    out = np.zeros_like(a)
    out[1:-1, 1:-1] = 0.25 * (a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:])
    return out


@njit
def stencil2d_loop(a):
    n = a.shape[0]
    m = a.shape[1]
    out = np.zeros((n, m))
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            out[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])
    return out


@njit
def stencil2d_into_expr(a, out):
    out[1:-1, 1:-1] = 0.25 * (a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:])


@njit
def stencil2d_into_loop(a, out):
    for i in range(1, a.shape[0] - 1):
        for j in range(1, a.shape[1] - 1):
            out[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])


# reductions
@njit
def dot_expr(x, y):
    return np.sum(x * y)


@njit
def dot_loop(x, y):
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


@njit
def maxdiff_expr(x, y):
    return np.max(np.abs(x - y))


@njit
def maxdiff_loop(x, y):
    m = abs(x[0] - y[0])
    for i in range(1, x.shape[0]):
        d = abs(x[i] - y[i])
        if d > m:
            m = d
    return m


# an iterative update: ten sweeps, a new array per sweep vs one array updated in place
@njit
def iterate_expr(x, y):
    for _ in range(10):
        x = x * 0.5 + y
    return x


@njit
def iterate_loop(x, y):
    n = x.shape[0]
    out = x.copy()
    for _ in range(10):
        for i in range(n):
            out[i] = out[i] * 0.5 + y[i]
    return out
