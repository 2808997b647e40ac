"""One 5-point Jacobi step on a 2-D float64 grid (2000x2000), into a preallocated output.

The border of `out` is left as it is.

    bin/arrayjit run benchmarks/kernels/stencil2d.py stencil2d u.npy out.npy --repeat 20
"""
from numba import njit


@njit
def stencil2d(u, out):
    n = u.shape[0]
    m = u.shape[1]
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            out[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])
