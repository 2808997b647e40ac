# Chained comparisons evaluate each operand once and stop at the first false link, as Python does:
# a middle operand with side effects (a call that counts, a random draw) is not evaluated twice.
import numpy as np
from numba import njit


@njit
def bump(c):
    c[0] += 1
    return c[0]


@njit
def count_in_range(c, n, hi):
    hits = 0
    for i in range(n):
        if 0 <= bump(c) < hi:
            hits += 1
    return hits


@njit
def middle_draws(n):
    np.random.seed(1)
    k = 0
    for i in range(n):
        if 0.25 < np.random.random() < 0.75:
            k += 1
    return k


@njit
def stops_early(c, a):
    return a < 3 < bump(c)


@njit
def three_links(c):
    return 0 < bump(c) < bump(c) < bump(c) < 10


# CASE: count_in_range(np.zeros(1, dtype=np.int64), 10, 100)
# CASE: count_in_range(np.zeros(1, dtype=np.int64), 10, 5)
# CASE: middle_draws(1000)
# CASE: stops_early(np.zeros(1, dtype=np.int64), 5)
# CASE: stops_early(np.zeros(1, dtype=np.int64), 1)
# CASE: three_links(np.zeros(1, dtype=np.int64))
# CASE: three_links(np.full(1, 8, dtype=np.int64))
