# One and several steps of Conway's game of life on an int8 torus: neighbour indices wrap
# with Python's % on negative numbers; two buffers swapped between steps.
import numpy as np
from numba import njit


@njit
def step(grid, out):
    m, n = grid.shape
    for i in range(m):
        for j in range(n):
            c = 0
            for di in range(-1, 2):
                for dj in range(-1, 2):
                    if di != 0 or dj != 0:
                        c += grid[(i + di) % m, (j + dj) % n]
            alive = grid[i, j] == 1
            out[i, j] = 1 if (c == 3 or (alive and c == 2)) else 0


@njit
def run(grid, steps):
    a = np.empty_like(grid)
    b = np.empty_like(grid)
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            a[i, j] = grid[i, j]
    for _ in range(steps):
        step(a, b)
        a, b = b, a
    return a


@njit
def population(grid):
    p = 0
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            p += grid[i, j]
    return p


# CASE: step(np.array([[0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [1, 1, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], dtype=np.int8), np.zeros((5, 5), dtype=np.int8))
# CASE: run(np.array([[0, 1, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0], [1, 1, 1, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]], dtype=np.int8), 12)
# CASE: population(np.ones((4, 4), dtype=np.int8))
