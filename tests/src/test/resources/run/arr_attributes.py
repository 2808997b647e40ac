# Array attributes: shape (a tuple), shape[k], size, ndim, len(a), shape unpacking.
import numpy as np
from numba import njit


@njit
def shape_of(a):
    return a.shape


@njit
def dims(a):
    return a.ndim, a.size, len(a), a.shape[0], a.shape[-1]


@njit
def unpack_shape(a):
    m, n = a.shape
    return m * 100 + n


@njit
def cells(a):
    m, n, k = a.shape
    return a.ndim == 3 and m * n * k == a.size


# CASE: shape_of(np.zeros(7))
# CASE: shape_of(np.zeros((3, 4)))
# CASE: shape_of(np.zeros((2, 3, 4), dtype=np.int8))
# CASE: shape_of(np.zeros(0))
# CASE: dims(np.zeros(5))
# CASE: dims(np.zeros((3, 4), dtype=np.float32))
# CASE: dims(np.asfortranarray(np.zeros((2, 3, 5))))
# CASE: dims(np.arange(30.0)[::4])
# CASE: unpack_shape(np.ones((6, 9)))
# CASE: cells(np.ones((2, 5, 3)))
