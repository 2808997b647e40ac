"""Stencils on 2-D grids: a 3x3 box blur and one Jacobi relaxation step.

    bin/arrayjit run examples/stencil.py blur img.npy
"""
import numpy as np
from numba import njit


@njit
def blur(img):
    h = img.shape[0]
    w = img.shape[1]
    out = np.zeros((h, w))
    for i in range(1, h - 1):
        for j in range(1, w - 1):
            s = 0.0
            for di in range(-1, 2):
                for dj in range(-1, 2):
                    s += img[i + di, j + dj]
            out[i, j] = s / 9.0
    return out


@njit
def jacobi_step(u, f, h2):
    """One Jacobi sweep for -laplace(u) = f; returns the largest change."""
    n = u.shape[0]
    m = u.shape[1]
    new = np.zeros((n, m))
    change = 0.0
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            v = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] + h2 * f[i, j])
            new[i, j] = v
            d = abs(v - u[i, j])
            if d > change:
                change = d
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            u[i, j] = new[i, j]
    return change


if __name__ == "__main__":
    img = np.arange(25.0).reshape(5, 5)
    print(blur(img))
    u = np.zeros((6, 6))
    f = np.ones((6, 6))
    print(jacobi_step(u, f, 0.04))
    print(u)
