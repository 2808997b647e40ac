# Assignment to views: a scalar or an array stored into a slice, a strided slice, a 2-D block, a
# column or a row, broadcasting a row over a matrix, overlapping source and target (the right side
# is read completely before any write, as in NumPy), a.fill, a[...] = x, conversion on store
# (floats stored into int arrays truncate), and shapes that do not match (ValueError).
import numpy as np
from numba import njit


@njit
def zero_middle(a):
    a[1:4] = 0.0


@njit
def set_slice(a, lo, hi, x):
    a[lo:hi] = x


@njit
def copy_into(a, b):
    a[:] = b


@njit
def evens_from(a, b):
    a[::2] = b[:3]


@njit
def reverse_from(a, b):
    a[::-1] = b


@njit
def fill_interior(a):
    a[1:-1, 1:-1] = a[1:-1, 1:-1] * 2.0 + 1.0


@njit
def set_first_column(a):
    a[:, 0] = 5


@njit
def set_row(a, i, r):
    a[i] = r


@njit
def set_all_rows(a, r):
    a[:, :] = r


@njit
def set_column_from(a, j, c):
    a[:, j] = c


@njit
def set_plane(a, x):
    a[1, :, 1:3] = x


@njit
def shift_right(a):
    a[1:] = a[:-1]


@njit
def shift_left(a):
    a[:-1] = a[1:]


@njit
def reverse_inplace(a):
    a[:] = a[::-1]


@njit
def shift_rows_down(a):
    a[1:, :] = a[:-1, :]


@njit
def fill3(a):
    a.fill(3)


@njit
def fill_value(a, x):
    a.fill(x)


@njit
def set_everything(a):
    a[...] = 1


@njit
def reset_and_return(a):
    a[2:] = -1.0
    return a[1:4].copy()


@njit
def boundary(n):
    g = np.zeros((n, n))
    g[0, :] = 1.0
    g[-1, :] = 2.0
    g[1:-1, 0] = 3.0
    g[1:-1, -1] = 4.0
    return g


@njit
def blocks():
    a = np.zeros((4, 4), dtype=np.int32)
    a[:2, :2] = 1
    a[2:, 2:] = np.arange(4).reshape(2, 2)
    a[:2, 2:] = a[2:, 2:] * 10
    return a


# CASE: zero_middle(np.arange(6.0))
# CASE: zero_middle(np.arange(6, dtype=np.int32))
# CASE: zero_middle(np.arange(20.0)[::2])
# CASE: zero_middle(np.arange(3.0))
# CASE: set_slice(np.arange(8.0), 2, 5, -1.5)
# CASE: set_slice(np.arange(8), 2, 5, 2.7)
# CASE: set_slice(np.arange(8), -3, 100, -2.7)
# CASE: set_slice(np.zeros(5, dtype=np.uint8), 1, 4, 200)
# CASE: set_slice(np.zeros(4, dtype=np.bool_), 1, 3, True)
# CASE: set_slice(np.ones(6, dtype=np.float32), 0, 6, 0.1)
# CASE: set_slice(np.arange(6.0), 4, 2, 9.0)
# CASE: copy_into(np.zeros(4), np.array([1.5, -2.5, 3.5, 4.0]))
# CASE: copy_into(np.zeros(4, dtype=np.int32), np.array([1.5, -2.5, 3.9, -0.9]))
# CASE: copy_into(np.zeros((2, 3)), np.asfortranarray(np.arange(6.0).reshape(2, 3)))
# CASE: copy_into(np.zeros((3, 4)), np.arange(24.0).reshape(6, 4)[::2])
# CASE: copy_into(np.zeros(4), np.arange(3.0))
# CASE: evens_from(np.zeros(6), np.array([7.0, 8.0, 9.0, 10.0]))
# CASE: evens_from(np.zeros(5, dtype=np.int64), np.arange(10)[::-2])
# CASE: evens_from(np.zeros(3), np.array([7.0, 8.0, 9.0]))
# CASE: reverse_from(np.zeros(4), np.arange(4.0))
# CASE: fill_interior(np.arange(20.0).reshape(4, 5))
# CASE: fill_interior(np.asfortranarray(np.arange(16.0).reshape(4, 4)))
# CASE: set_first_column(np.zeros((3, 2)))
# CASE: set_first_column(np.zeros((2, 4), dtype=np.int32))
# CASE: set_first_column(np.arange(24.0).reshape(4, 6)[:, 1:5])
# CASE: set_row(np.zeros((3, 4)), 1, np.array([1.0, 2.0, 3.0, 4.0]))
# CASE: set_row(np.zeros((3, 4)), -1, np.arange(8.0)[::2])
# CASE: set_row(np.asfortranarray(np.zeros((2, 3), dtype=np.int32)), 0, np.array([4, 5, 6], dtype=np.int32))
# CASE: set_row(np.zeros((2, 2, 3)), 1, np.arange(6.0).reshape(2, 3))
# CASE: set_row(np.zeros((2, 2, 3)), 0, np.arange(3.0))
# CASE: set_row(np.zeros((3, 4)), 3, np.ones(4))
# CASE: set_all_rows(np.zeros((3, 4)), np.arange(4.0))
# CASE: set_all_rows(np.zeros((2, 3), dtype=np.float32), np.array([0.5, 1.5, 2.5], dtype=np.float32))
# CASE: set_all_rows(np.asfortranarray(np.zeros((3, 2))), np.array([7.0, 8.0]))
# CASE: set_all_rows(np.zeros((3, 4)), np.arange(3.0))
# CASE: set_column_from(np.zeros((3, 3)), 2, np.array([1.0, 2.0, 3.0]))
# CASE: set_column_from(np.zeros((3, 3), dtype=np.int64), 0, np.array([1.9, -2.9, 3.5]))
# CASE: set_plane(np.zeros((2, 3, 4)), 7.5)
# CASE: set_plane(np.zeros((2, 3, 4)), np.array([1.0, 2.0]))
# CASE: set_plane(np.zeros((2, 3, 4)), np.arange(6.0).reshape(3, 2))
# CASE: shift_right(np.arange(6.0))
# CASE: shift_right(np.arange(6, dtype=np.int32))
# CASE: shift_right(np.arange(12.0)[::2])
# CASE: shift_left(np.arange(6.0))
# CASE: shift_left(np.arange(12, dtype=np.uint8)[::-2])
# CASE: reverse_inplace(np.arange(7.0))
# CASE: shift_rows_down(np.arange(12.0).reshape(4, 3))
# CASE: shift_rows_down(np.asfortranarray(np.arange(12.0).reshape(4, 3)))
# CASE: fill3(np.zeros(4))
# CASE: fill3(np.zeros((2, 3), dtype=np.int32))
# CASE: fill3(np.asfortranarray(np.zeros((2, 3, 2))))
# CASE: fill3(np.zeros(12)[::3])
# CASE: fill_value(np.zeros(3, dtype=np.int64), 2.9)
# CASE: fill_value(np.zeros(3, dtype=np.bool_), True)
# CASE: fill_value(np.zeros(3, dtype=np.float32), 0.1)
# CASE: set_everything(np.zeros((2, 3)))
# CASE: set_everything(np.zeros(4, dtype=np.uint8))
# CASE: set_everything(np.zeros((2, 2, 2), dtype=np.bool_))
# CASE: reset_and_return(np.arange(6.0))
# CASE: boundary(4)
# CASE: boundary(2)
# CASE: blocks()
