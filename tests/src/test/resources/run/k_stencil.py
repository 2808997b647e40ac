# Stencils: 1-D 3-point average, 2-D 5-point Jacobi step and Laplacian (borders copied),
# several Jacobi iterations swapping buffers.
import numpy as np
from numba import njit


@njit
def smooth1d(a):
    out = np.empty_like(a)
    n = a.shape[0]
    out[0] = a[0]
    out[n - 1] = a[n - 1]
    for i in range(1, n - 1):
        out[i] = (a[i - 1] + a[i] + a[i + 1]) / 3.0
    return out


@njit
def jacobi_step(u, out):
    m, n = u.shape
    for i in range(m):
        for j in range(n):
            if i == 0 or j == 0 or i == m - 1 or j == n - 1:
                out[i, j] = u[i, j]
            else:
                out[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])


@njit
def jacobi(u, iters):
    a = np.empty_like(u)
    b = np.empty_like(u)
    for i in range(u.shape[0]):
        for j in range(u.shape[1]):
            a[i, j] = u[i, j]
    for _ in range(iters):
        jacobi_step(a, b)
        a, b = b, a
    return a


@njit
def laplacian(u):
    m, n = u.shape
    out = np.zeros((m, n))
    for i in range(1, m - 1):
        for j in range(1, n - 1):
            out[i, j] = u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4 * u[i, j]
    return out


# CASE: smooth1d(np.array([0.0, 3.0, 0.0, 3.0, 0.0, 6.0]))
# CASE: smooth1d(np.arange(10, dtype=np.float32) ** 2)
# CASE: jacobi_step(np.arange(25.0).reshape(5, 5) ** 2, np.zeros((5, 5)))
# CASE: jacobi(np.pad(np.ones((4, 6)), 1), 5)
# CASE: laplacian(np.arange(20.0).reshape(4, 5) ** 2)
# CASE: laplacian(np.asfortranarray(np.arange(16, dtype=np.int64).reshape(4, 4) ** 2))
