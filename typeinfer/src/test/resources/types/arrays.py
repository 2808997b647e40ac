import numpy as np
from numba import njit

# TYPE: saxpy(float64, float64[::1], float64[::1])
@njit
def saxpy(a, x, y):
    out = np.empty_like(x)
    for i in range(x.shape[0]):
        out[i] = a * x[i] + y[i]
    return out

# TYPE: grid(int64, int64)
@njit(boundscheck=False)
def grid(n, m):
    g = np.zeros((n, m), dtype=np.int32)
    for i in range(n):
        for j in range(m):
            g[i, j] += i * j
    return g

# TYPE: total(float32[:, :])
@njit
def total(a):
    s = 0.0
    for x in range(a.size):
        pass
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            s += a[i, j]
    return s

# TYPE: swap(int64, int64)
@njit
def swap(a, b):
    a, b = b, a
    return a, b
