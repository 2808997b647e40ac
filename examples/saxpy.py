"""a * x + y over float64 vectors: a new result, and an in-place update.

    bin/arrayjit run examples/saxpy.py saxpy 2.0 x.npy y.npy
    bin/arrayjit run examples/saxpy.py saxpy_inplace 2.0 x.npy y.npy --out out/
"""
import numpy as np
from numba import njit


@njit
def saxpy(a, x, y):
    n = x.shape[0]
    out = np.empty(n)
    for i in range(n):
        out[i] = a * x[i] + y[i]
    return out


@njit
def saxpy_inplace(a, x, y):
    for i in range(x.shape[0]):
        y[i] += a * x[i]


@njit
def dot(x, y):
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


if __name__ == "__main__":
    x = np.arange(5.0)
    y = np.ones(5)
    print(saxpy(2.0, x, y))
    saxpy_inplace(2.0, x, y)
    print(y)
    print(dot(x, y))
