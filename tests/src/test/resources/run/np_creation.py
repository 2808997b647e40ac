# Array creation inside kernels: np.arange (1-3 arguments, ints and floats, negative steps, dtype=),
# np.linspace, np.full / np.full_like, np.eye / np.identity (offsets, dtypes), np.array and
# np.asarray of tuples, lists and nested lists (dtype promotion, dtype=), np.copy.
import numpy as np
from numba import njit


@njit
def ar1(n):
    return np.arange(n)


@njit
def ar2(a, b):
    return np.arange(a, b)


@njit
def ar3(a, b, s):
    return np.arange(a, b, s)


@njit
def ar_typed(n):
    return np.arange(n, dtype=np.float32)


@njit
def lin(a, b, n):
    return np.linspace(a, b, n)


@njit
def full2(n, m, v):
    return np.full((n, m), v)


@njit
def full_typed(n):
    return np.full(n, 3, dtype=np.uint8)


@njit
def full_like_(a, v):
    return np.full_like(a, v)


@njit
def eye1(n):
    return np.eye(n)


@njit
def eye3(n, m, k):
    return np.eye(n, m, k)


@njit
def ident(n):
    return np.identity(n)


@njit
def from_tuple(x):
    return np.array((1, 2, x))


@njit
def from_list(x):
    return np.array([x, 2 * x, 3 * x])


@njit
def from_nested():
    return np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])


@njit
def from_list_typed():
    return np.array([1, 2, 3], dtype=np.float32)


@njit
def as_array(a):
    b = np.asarray(a)
    return b.sum()


@njit
def copy_of(a):
    b = np.copy(a)
    b[0] = -1
    return a, b


# CASE: ar1(5)
# CASE: ar1(0)
# CASE: ar1(-3)
# CASE: ar2(3, 9)
# CASE: ar2(9, 3)
# CASE: ar3(10, 0, -3)
# CASE: ar3(0, 10, 4)
# CASE: ar3(0.0, 1.0, 0.1)
# CASE: ar3(1.5, -1.0, -0.5)
# CASE: ar3(0, 1, 0.25)
# CASE: ar_typed(4)
# CASE: lin(0.0, 1.0, 5)
# CASE: lin(-2.0, 3.0, 11)
# CASE: lin(1.0, 2.0, 1)
# CASE: lin(0, 10, 4)
# CASE: full2(2, 3, 7)
# CASE: full2(2, 2, 1.5)
# CASE: full_typed(4)
# CASE: full_like_(np.arange(6.0).reshape(2, 3), 9)
# CASE: full_like_(np.arange(4, dtype=np.int32), 2.9)
# CASE: eye1(3)
# CASE: eye3(3, 4, 1)
# CASE: eye3(4, 3, -2)
# CASE: ident(2)
# CASE: from_tuple(7)
# CASE: from_tuple(7.5)
# CASE: from_list(2.5)
# CASE: from_nested()
# CASE: from_list_typed()
# CASE: as_array(np.arange(5.0))
# CASE: copy_of(np.arange(4.0))
# CASE: copy_of(np.arange(12).reshape(3, 4)[:, 1])
