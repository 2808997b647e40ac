# Broadcasting in array expressions: a scalar with 1-D/2-D/3-D arrays, a row against a matrix
# (fewer dimensions are padded on the left), (3,1) with (1,4), a column against a matrix, 3-D with
# 2-D and 1-D, length-1 axes stretched in either operand, and shapes that cannot broadcast
# (ValueError in Numba too).
import numpy as np
from numba import njit


@njit
def add(a, b):
    return a + b


@njit
def mul(a, b):
    return a * b


@njit
def sub(a, b):
    return a - b


@njit
def center_rows(a, mean):
    return (a - mean) * 2.0


@njit
def outer_sum(col, row):
    return col + row


@njit
def scaled(a, row, col):
    return a * row + col


@njit
def where_less(a, b):
    return a < b


@njit
def scalar_left(s, a):
    return s - a


# CASE: add(2.5, np.arange(6.0).reshape(2, 3))
# CASE: add(np.arange(6.0).reshape(2, 3), 2.5)
# CASE: add(np.arange(24.0).reshape(2, 3, 4), -1.0)
# CASE: mul(np.arange(12).reshape(3, 4), 3)
# CASE: mul(np.arange(6, dtype=np.float32).reshape(3, 2), np.float32(0.5))
# CASE: scalar_left(10, np.arange(12, dtype=np.int32).reshape(3, 4))
# CASE: scalar_left(1.0, np.asfortranarray(np.arange(6.0).reshape(2, 3)))
# CASE: add(np.arange(12.0).reshape(3, 4), np.array([10.0, 20.0, 30.0, 40.0]))
# CASE: add(np.array([10.0, 20.0, 30.0, 40.0]), np.arange(12.0).reshape(3, 4))
# CASE: add(np.arange(12).reshape(3, 4), np.array([1, 2, 3, 4], dtype=np.int32))
# CASE: sub(np.asfortranarray(np.arange(12.0).reshape(3, 4)), np.arange(4.0))
# CASE: sub(np.arange(24.0).reshape(4, 6)[:, 1:5], np.arange(8.0)[::2])
# CASE: add(np.arange(3.0).reshape(3, 1), np.arange(4.0).reshape(1, 4))
# CASE: add(np.arange(4.0).reshape(1, 4), np.arange(3.0).reshape(3, 1))
# CASE: mul(np.arange(3).reshape(3, 1), np.arange(4).reshape(1, 4))
# CASE: outer_sum(np.arange(3.0).reshape(3, 1), np.arange(4.0))
# CASE: add(np.arange(12.0).reshape(3, 4), np.array([100.0, 200.0, 300.0]).reshape(3, 1))
# CASE: sub(np.arange(12.0).reshape(4, 3), np.arange(4.0).reshape(4, 1))
# CASE: sub(np.asfortranarray(np.arange(12.0).reshape(4, 3)), np.arange(8.0).reshape(4, 2)[:, :1])
# CASE: center_rows(np.arange(12.0).reshape(3, 4), np.array([1.5, 5.5, 9.5]).reshape(3, 1))
# CASE: add(np.arange(24.0).reshape(2, 3, 4), np.arange(12.0).reshape(3, 4))
# CASE: add(np.arange(24.0).reshape(2, 3, 4), np.arange(4.0))
# CASE: mul(np.arange(24).reshape(2, 3, 4), np.arange(3).reshape(3, 1))
# CASE: add(np.arange(2.0).reshape(2, 1, 1), np.arange(12.0).reshape(3, 4))
# CASE: add(np.arange(6.0).reshape(2, 3, 1), np.arange(8.0).reshape(2, 1, 4))
# CASE: add(np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)), np.arange(12.0).reshape(3, 4)[::-1])
# CASE: scaled(np.ones((3, 4)), np.arange(4.0), np.arange(3.0).reshape(3, 1))
# CASE: scaled(np.ones((2, 3, 4), dtype=np.float32), np.arange(4, dtype=np.float32), np.float32(1.0))
# CASE: where_less(np.arange(12.0).reshape(3, 4), np.array([2.0, 4.0, 6.0, 8.0]))
# CASE: where_less(np.arange(3).reshape(3, 1), np.arange(3).reshape(1, 3))
# CASE: add(np.ones((1, 1)), np.arange(6.0).reshape(2, 3))
# CASE: add(np.ones(1), np.arange(5.0))
# CASE: add(np.zeros((0, 3)), np.arange(3.0))
# CASE: add(np.arange(3.0), np.arange(4.0))
# CASE: add(np.arange(12.0).reshape(3, 4), np.arange(3.0))
# CASE: mul(np.arange(6).reshape(2, 3), np.arange(4).reshape(2, 2))
