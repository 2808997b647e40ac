# Allocating 2-D and 3-D arrays with a tuple shape (literal, from a.shape, or built from
# arguments), filling them and returning them.
import numpy as np
from numba import njit


@njit
def identity(n):
    m = np.zeros((n, n))
    for i in range(n):
        m[i, i] = 1.0
    return m


@njit
def multiplication_table(m, n):
    t = np.empty((m, n), dtype=np.int32)
    for i in range(m):
        for j in range(n):
            t[i, j] = (i + 1) * (j + 1)
    return t


@njit
def grid3(a, b, c):
    g = np.ones((a, b, c), dtype=np.float32)
    for i in range(a):
        for j in range(b):
            for k in range(c):
                g[i, j, k] = i * 100 + j * 10 + k
    return g


@njit
def same_shape_doubled(a):
    out = np.empty(a.shape)
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[i, j] = 2 * a[i, j]
    return out


@njit
def outer(x, y):
    shape = (x.shape[0], y.shape[0])
    out = np.zeros(shape)
    for i in range(x.shape[0]):
        for j in range(y.shape[0]):
            out[i, j] = x[i] * y[j]
    return out


@njit
def literal_shape():
    z = np.zeros((2, 3), np.int64)
    z[1, 2] = 5
    return z


# CASE: identity(4)
# CASE: multiplication_table(3, 5)
# CASE: grid3(2, 3, 4)
# CASE: same_shape_doubled(np.arange(6.0).reshape(2, 3))
# CASE: same_shape_doubled(np.asfortranarray(np.arange(6.0).reshape(3, 2)))
# CASE: outer(np.arange(1.0, 4.0), np.array([1.0, -1.0]))
# CASE: literal_shape()
