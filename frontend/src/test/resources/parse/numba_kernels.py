"""Kernels for a small particle simulation, written for Numba."""
import math
import numpy as np
import numba
import numba as nb
from numba import njit, jit, prange, vectorize, guvectorize
from numba import float64, int64, types

N = 100
EPS = np.float32(1e-6)
SHAPE = (3, 4)
G = 6.674_30e-11


@njit
def clamp(x, lo, hi):
    """Clamp x into [lo, hi]."""
    if x < lo:
        return lo
    elif x > hi:
        return hi
    return x


@njit("float64(float64[:], int64)", cache=True)
def partial_sum(a, n):
    s = 0.0
    for i in range(min(n, a.shape[0])):
        s += a[i]
    return s


@nb.njit(cache=True, fastmath=True, parallel=True)
def pairwise_energy(pos, mass):
    n = pos.shape[0]
    total = 0.0
    for i in prange(n):
        for j in range(i + 1, n):
            dx = pos[i, 0] - pos[j, 0]
            dy = pos[i, 1] - pos[j, 1]
            r = math.sqrt(dx * dx + dy * dy) + EPS
            total -= G * mass[i] * mass[j] / r
    return total


@numba.jit(nopython=True)
def step(pos, vel, dt):
    pos[:, :] += vel * dt
    vel[:, 1] -= 9.81 * dt
    return pos, vel


@njit(["f8(f8)", "i8(i8)"])
def square(x):
    return x ** 2


@njit(float64(float64[:]))
def mean(a):
    return partial_sum(a, a.size) / a.size


@numba.vectorize([float64(float64, float64)], target="cpu")
def hypot(x, y):
    return math.sqrt(x * x + y * y)


@guvectorize([(float64[:], float64[:])], "(n)->(n)")
def cumsum(a, out):
    acc = 0.0
    for i in range(a.shape[0]):
        acc += a[i]
        out[i] = acc


if __name__ == "__main__":
    pos = np.random.rand(N, 2)
    vel = np.zeros_like(pos)
    mass = np.ones(N)
    pos, vel = step(pos, vel, 0.01)
    print("energy:", pairwise_energy(pos, mass), clamp(-1.0, 0.0, 1.0))
