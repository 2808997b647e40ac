# Arrays built from list comprehensions: np.array([expr for i in range(...)]) with 1-3 range
# arguments, over a 1-D array, nested comprehensions giving 2-D arrays, dtype=, and list
# displays of numbers.
import numpy as np
from numba import njit


@njit
def squares(n):
    return np.array([i * i for i in range(n)])


@njit
def stepped(a, b, s):
    return np.array([0.5 * k for k in range(a, b, s)])


@njit
def doubled(a):
    return np.array([2.0 * v + 1.0 for v in a])


@njit
def table(n, m):
    return np.array([[i * 10 + j for j in range(m)] for i in range(n)])


@njit
def as_float32(n):
    return np.array([i / 3 for i in range(n)], dtype=np.float32)


@njit
def display(x):
    return np.array([x, x + 1, x * 2]), np.array([[1.0, x], [x, 1.0]])


# CASE: squares(5)
# CASE: squares(0)
# CASE: stepped(10, 0, -3)
# CASE: stepped(0, 7, 2)
# CASE: doubled(np.array([1.0, -2.0, 3.5]))
# CASE: doubled(np.arange(10.0)[::3])
# CASE: table(3, 4)
# CASE: table(1, 0)
# CASE: as_float32(4)
# CASE: display(3)
# CASE: display(2.5)
