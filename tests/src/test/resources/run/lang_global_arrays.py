# Module-level NumPy arrays read inside kernels, frozen at compile time as Numba freezes them:
# np.array of nested lists (with dtype), np.arange, np.zeros, np.ones, np.linspace; element reads,
# reductions, use in array expressions, and returning one.
import numpy as np
from numba import njit

WEIGHTS = np.array([[1.0, 2.0], [3.0, 4.0]])
KERNEL = np.array([0.25, 0.5, 0.25])
STEPS = np.arange(5)
MASKS = np.array([1, 0, 1], dtype=np.uint8)
GRID = np.linspace(0.0, 1.0, 5)
ONES = np.ones((2, 3))


@njit
def weighted(x):
    s = 0.0
    for i in range(2):
        for j in range(2):
            s += WEIGHTS[i, j] * x
    return s


@njit
def smooth(a):
    out = np.zeros_like(a)
    for i in range(1, a.shape[0] - 1):
        out[i] = KERNEL[0] * a[i - 1] + KERNEL[1] * a[i] + KERNEL[2] * a[i + 1]
    return out


@njit
def stats():
    return STEPS.sum(), MASKS.sum(), GRID[3], ONES.shape[1], ONES.sum()


@njit
def scaled(a):
    return a * GRID


@njit
def the_weights():
    return WEIGHTS


# CASE: weighted(2.0)
# CASE: smooth(np.array([0.0, 4.0, 8.0, 4.0, 0.0]))
# CASE: stats()
# CASE: scaled(np.arange(5.0))
# CASE: the_weights()
