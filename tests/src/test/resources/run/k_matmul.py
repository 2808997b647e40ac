# Naive matrix multiplication with a triple loop into a new array; matrix-vector product;
# C, F and transposed inputs; int32 matrices accumulate into a float64 result.
import numpy as np
from numba import njit


@njit
def matmul(a, b):
    m, k = a.shape
    k2, n = b.shape
    if k != k2:
        raise ValueError("matmul: inner dimensions differ")
    c = np.zeros((m, n))
    for i in range(m):
        for j in range(n):
            s = c[i, j]
            for p in range(k):
                s += a[i, p] * b[p, j]
            c[i, j] = s
    return c


@njit
def matvec(a, x):
    y = np.zeros(a.shape[0])
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            y[i] += a[i, j] * x[j]
    return y


# CASE: matmul(np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4))
# CASE: matmul(np.asfortranarray(np.arange(9.0).reshape(3, 3)), np.eye(3))
# CASE: matmul(np.arange(6.0).reshape(3, 2).T, np.arange(6.0).reshape(3, 2))
# CASE: matmul(np.arange(6, dtype=np.int32).reshape(2, 3), np.arange(6, dtype=np.int32).reshape(3, 2))
# CASE: matmul(np.ones((2, 3)), np.ones((2, 3)))
# CASE: matvec(np.arange(12.0).reshape(3, 4), np.array([1.0, 0.5, -1.0, 2.0]))
