# Advanced indexing and iteration over arrays: boolean-mask reads a[a > 0] and a[m] with a bool
# array argument (1-D arrays; a 1-D mask on a 2-D array selects rows), mask writes a[a < 0] = 0,
# a[m] = b[m], a[m] = scalar, a[m] = compressed values, a[a > 0] *= 2; integer-array indexing
# a[idx] with int64/int32/uint8 index arrays into 1-D, 2-D (row gather) and 3-D arrays, negative
# indices, repeated indices, a[idx, 1] and a[idx, 1:3]; writes a[idx] = scalar / array (repeated
# index: last write wins) and a[idx] += 1; `for x in a` over 1-D arrays and rows of 2-D/3-D arrays
# (writes through row views), `for row in a: s += row.sum()`; a.flat iteration (C order for
# Fortran and strided inputs), a.flat[i] reads and writes; np.ndindex(shape) and np.ndindex(n, m);
# np.ndenumerate over 1-D, 2-D and 3-D arrays; enumerate(a) (with a start), zip(a, b) and
# zip(range(n), a) (stops at the shorter), zip of three arrays.
# Raising: an out-of-bounds index in an index array (IndexError, bounds checking on), a value array
# of the wrong length in a fancy or mask assignment (ValueError).
# Not here, Numba 0.56 rejects them: 2-D boolean masks (a[a > 0] or a[m] = v on a 2-D array),
# 2-D index arrays, two index arrays a[i, j], a[1, idx] (integer before the array), list indices
# a[[2, 0]]. Left out because Numba 0.56 does not check them: a mask shorter than the array
# (Numba reads the prefix, NumPy raises IndexError) and out-of-bounds indices in an index-array
# *write* (no IndexError even with NUMBA_BOUNDSCHECK=1; it writes out of bounds).
import numpy as np
from numba import njit


@njit
def positives(a):
    return a[a > 0]


@njit
def evens(a):
    return a[a % 2 == 0]


@njit
def by_mask(a, m):
    return a[m]


@njit
def mask_rows(a, m):
    return a[m, :]


@njit
def masked_sum(a, lo):
    return a[a > lo].sum()


@njit
def clamp_negative(a):
    a[a < 0] = 0


@njit
def copy_masked(a, m, b):
    a[m] = b[m]


@njit
def set_masked(a, m, v):
    a[m] = v


@njit
def double_positive(a):
    a[a > 0] *= 2


@njit
def take(a, idx):
    return a[idx]


@njit
def take_col1(a, idx):
    return a[idx, 1]


@njit
def take_block(a, idx):
    return a[idx, 1:3]


@njit
def take_cols(a, idx):
    return a[:, idx]


@njit
def put(a, idx, v):
    a[idx] = v


@njit
def bump(a, idx):
    a[idx] += 1


@njit
def permute(a, p):
    out = np.empty_like(a)
    out[p] = a
    return out


@njit
def iter_sum(a):
    s = 0.0
    for x in a:
        s += x
    return s


@njit
def iter_count_true(a):
    n = 0
    for x in a:
        if x:
            n += 1
    return n


@njit
def iter_rows_sum(a):
    s = 0.0
    for row in a:
        s += row.sum()
    return s


@njit
def row_maxima(a):
    out = np.empty(a.shape[0])
    k = 0
    for row in a:
        out[k] = row.max()
        k += 1
    return out


@njit
def iter_nested(a):
    s = 0.0
    for plane in a:
        for row in plane:
            for x in row:
                s = s * 0.5 + x
    return s


@njit
def zero_first_column(a):
    for row in a:
        row[0] = 0


@njit
def count_rows(a):
    n = 0
    for row in a:
        n += 1
    return n


@njit
def flat_list(a):
    out = np.empty(a.size, a.dtype)
    k = 0
    for x in a.flat:
        out[k] = x
        k += 1
    return out


@njit
def flat_weighted(a):
    s = 0.0
    for i, x in enumerate(a.flat):
        s += i * x
    return s


@njit
def flat_get(a, i):
    return a.flat[i]


@njit
def flat_set(a, i, v):
    a.flat[i] = v


@njit
def ndindex_shape(a):
    s = 0.0
    for idx in np.ndindex(a.shape):
        s = s * 0.5 + a[idx]
    return s


@njit
def ndindex_args(n, m):
    s = 0
    for i, j in np.ndindex(n, m):
        s = s * 3 + i * 10 + j
    return s


@njit
def ndindex_fill(a):
    for i, j in np.ndindex(a.shape):
        a[i, j] = i * 10 + j


@njit
def ndenumerate_1d(a):
    s = 0.0
    for idx, x in np.ndenumerate(a):
        s += idx[0] * x
    return s


@njit
def ndenumerate_2d(a):
    s = 0.0
    for (i, j), x in np.ndenumerate(a):
        s = s * 0.5 + (i + 1) * (j + 2) * x
    return s


@njit
def ndenumerate_3d(a):
    s = 0
    for idx, x in np.ndenumerate(a):
        s += (idx[0] * 100 + idx[1] * 10 + idx[2]) * x
    return s


@njit
def enumerate_sum(a):
    s = 0.0
    for i, x in enumerate(a):
        s += i * x
    return s


@njit
def enumerate_from(a, start):
    s = 0.0
    for i, x in enumerate(a, start):
        s += i * x
    return s


@njit
def enumerate_rows(a):
    s = 0.0
    for i, r in enumerate(a):
        s += i * r.sum()
    return s


@njit
def zip_dot(a, b):
    s = 0.0
    for x, y in zip(a, b):
        s += x * y
    return s


@njit
def zip_range(a, n):
    s = 0.0
    for i, x in zip(range(n), a):
        s += i * x
    return s


@njit
def zip_three(a, b, c):
    out = np.zeros(a.shape[0])
    k = 0
    for x, y, z in zip(a, b, c):
        out[k] = x * y - z
        k += 1
    return out


@njit
def zip_rows(a, b):
    s = 0.0
    for ra, rb in zip(a, b):
        s += (ra * rb).sum()
    return s


# CASE: positives(np.array([1.0, -2.0, 3.0, 0.0, np.nan]))
# CASE: positives(np.array([-5, 4, -3, 2], dtype=np.int32))
# CASE: positives(np.array([0, 7, 0, 255], dtype=np.uint8))
# CASE: positives(np.array([-1.5, 2.5], dtype=np.float32))
# CASE: positives(np.arange(20.0)[::2] - 9.0)
# CASE: positives(np.array([-1.0, -2.0]))
# CASE: evens(np.arange(10, dtype=np.uint8))
# CASE: evens(np.arange(-4, 5))
# CASE: by_mask(np.arange(4.0), np.array([True, False, True, False]))
# CASE: by_mask(np.array([True, False, True]), np.array([False, True, True]))
# CASE: by_mask(np.arange(5, dtype=np.int32), np.zeros(5, dtype=np.bool_))
# CASE: by_mask(np.arange(12.0).reshape(3, 4), np.array([True, False, True]))
# CASE: by_mask(np.asfortranarray(np.arange(12).reshape(3, 4)), np.array([False, True, True]))
# CASE: by_mask(np.arange(24.0).reshape(2, 3, 4), np.array([False, True]))
# CASE: by_mask(np.arange(20.0)[::4], np.array([True, True, False, False, True]))
# CASE: mask_rows(np.arange(24.0).reshape(4, 6)[:, 1:5], np.array([True, False, False, True]))
# CASE: masked_sum(np.array([1.0, 5.0, 3.0, 8.0]), 2.5)
# CASE: masked_sum(np.arange(10, dtype=np.int32), 6)
# CASE: clamp_negative(np.array([1.0, -2.0, 3.0, -0.0, -np.inf]))
# CASE: clamp_negative(np.array([-5, 4, -3, 2], dtype=np.int32))
# CASE: clamp_negative(np.arange(20.0)[::2] - 9.0)
# CASE: copy_masked(np.zeros(4), np.array([True, False, True, False]), np.arange(4.0))
# CASE: copy_masked(np.zeros(5, dtype=np.int32), np.array([False, True, True, False, True]), np.arange(10, 15, dtype=np.int32))
# CASE: copy_masked(np.zeros((3, 4)), np.array([True, False, True]), np.arange(12.0).reshape(3, 4))
# CASE: set_masked(np.zeros(4), np.array([True, False, True, False]), 5.0)
# CASE: set_masked(np.zeros(4, dtype=np.uint8), np.array([True, False, True, False]), 200)
# CASE: set_masked(np.zeros(4), np.array([True, False, True, False]), np.array([1.5, 2.5]))
# CASE: set_masked(np.arange(12.0).reshape(3, 4), np.array([False, True, False]), -1.0)
# CASE: set_masked(np.zeros(4), np.array([True, False, True, False]), np.array([1.0, 2.0, 3.0]))
# CASE: double_positive(np.array([1.0, -2.0, 3.0]))
# CASE: double_positive(np.array([1, -2, 3], dtype=np.int32))
# CASE: take(np.arange(10.0), np.array([3, 1, 3]))
# CASE: take(np.arange(10.0), np.array([3, 1, 3], dtype=np.int32))
# CASE: take(np.arange(10.0), np.array([3, 1, 3], dtype=np.uint8))
# CASE: take(np.arange(10, dtype=np.int32), np.array([-1, 0, -10]))
# CASE: take(np.array([True, False, True]), np.array([2, 1]))
# CASE: take(np.arange(10, dtype=np.uint8) * 25, np.array([9, 0]))
# CASE: take(np.arange(10.0), np.zeros(0, dtype=np.int64))
# CASE: take(np.arange(20.0)[::2], np.array([4, 0]))
# CASE: take(np.arange(12.0).reshape(3, 4), np.array([2, 0]))
# CASE: take(np.asfortranarray(np.arange(12, dtype=np.float32).reshape(3, 4)), np.array([2, 0, 2]))
# CASE: take(np.arange(24.0).reshape(4, 6)[:, 1:5], np.array([3, -4]))
# CASE: take(np.arange(24).reshape(2, 3, 4), np.array([1, 1]))
# CASE: take(np.arange(10.0), np.array([10]))
# CASE: take(np.arange(10.0), np.array([0, -11]))
# CASE: take(np.arange(12.0).reshape(3, 4), np.array([3]))
# CASE: take_col1(np.arange(12.0).reshape(3, 4), np.array([2, 0]))
# CASE: take_block(np.arange(12.0).reshape(3, 4), np.array([2, 0]))
# CASE: take_block(np.asfortranarray(np.arange(12).reshape(3, 4)), np.array([1]))
# CASE: take_cols(np.arange(12.0).reshape(3, 4), np.array([3, 0]))
# CASE: put(np.zeros(5), np.array([3, 1]), 7.0)
# CASE: put(np.zeros(5), np.array([3, 1]), np.array([7.0, 8.0]))
# CASE: put(np.zeros(5), np.array([1, 1, 3]), np.array([7.0, 8.0, 9.0]))
# CASE: put(np.zeros(5), np.array([-1, -5]), 4.0)
# CASE: put(np.zeros(5, dtype=np.int32), np.array([1, 3], dtype=np.int32), 2.7)
# CASE: put(np.zeros(6, dtype=np.uint8), np.array([0, 5], dtype=np.uint8), np.array([255, 1], dtype=np.uint8))
# CASE: put(np.zeros((3, 2)), np.array([2, 0]), 1.0)
# CASE: put(np.zeros((2, 3)), np.array([1]), np.array([7.0, 8.0, 9.0]))
# CASE: put(np.zeros(5), np.array([1, 3]), np.array([7.0, 8.0, 9.0]))
# CASE: bump(np.zeros(5), np.array([1, 3]))
# CASE: bump(np.zeros(5, dtype=np.int32), np.array([1, 1, 3]))
# CASE: permute(np.array([10.0, 20.0, 30.0]), np.array([2, 0, 1]))
# CASE: iter_sum(np.arange(5.0))
# CASE: iter_sum(np.arange(20.0)[::2])
# CASE: iter_sum(np.array([1.5, 2.25], dtype=np.float32))
# CASE: iter_sum(np.arange(200, 256, 10, dtype=np.uint8))
# CASE: iter_sum(np.zeros(0))
# CASE: iter_count_true(np.array([True, False, True, True]))
# CASE: iter_count_true(np.array([0, 3, 0, -1], dtype=np.int32))
# CASE: iter_rows_sum(np.arange(12.0).reshape(3, 4))
# CASE: iter_rows_sum(np.asfortranarray(np.arange(12.0).reshape(3, 4)))
# CASE: iter_rows_sum(np.arange(24.0).reshape(4, 6)[:, 1:5])
# CASE: iter_rows_sum(np.arange(24, dtype=np.int32).reshape(2, 3, 4))
# CASE: row_maxima(np.array([[1.0, 7.0, 3.0], [4.0, 2.0, 8.0]]))
# CASE: row_maxima(np.asfortranarray(np.arange(12, dtype=np.uint8).reshape(4, 3)))
# CASE: iter_nested(np.arange(24.0).reshape(2, 3, 4))
# CASE: iter_nested(np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)))
# CASE: zero_first_column(np.ones((3, 2)))
# CASE: zero_first_column(np.asfortranarray(np.arange(12, dtype=np.int32).reshape(3, 4)))
# CASE: count_rows(np.zeros((0, 3)))
# CASE: count_rows(np.zeros((4, 2, 2)))
# CASE: flat_list(np.arange(12.0).reshape(3, 4))
# CASE: flat_list(np.asfortranarray(np.arange(12, dtype=np.int32).reshape(3, 4)))
# CASE: flat_list(np.arange(24.0).reshape(4, 6)[:, 1:5])
# CASE: flat_list(np.asfortranarray(np.arange(24, dtype=np.uint8).reshape(2, 3, 4)))
# CASE: flat_list(np.array([[True, False], [False, True]]))
# CASE: flat_list(np.arange(20.0)[::-3])
# CASE: flat_weighted(np.arange(6.0).reshape(2, 3))
# CASE: flat_weighted(np.asfortranarray(np.arange(6.0).reshape(2, 3)))
# CASE: flat_get(np.arange(12.0).reshape(3, 4), 5)
# CASE: flat_get(np.asfortranarray(np.arange(12.0).reshape(3, 4)), 5)
# CASE: flat_get(np.arange(24, dtype=np.int32).reshape(4, 6)[:, 1:5], 6)
# CASE: flat_set(np.zeros((2, 3)), 4, 7.0)
# CASE: flat_set(np.asfortranarray(np.zeros((2, 3))), 1, 7.0)
# CASE: ndindex_shape(np.arange(12.0).reshape(3, 4))
# CASE: ndindex_shape(np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)))
# CASE: ndindex_shape(np.arange(5.0))
# CASE: ndindex_args(2, 3)
# CASE: ndindex_args(0, 3)
# CASE: ndindex_fill(np.zeros((2, 3)))
# CASE: ndindex_fill(np.asfortranarray(np.zeros((3, 2), dtype=np.int32)))
# CASE: ndenumerate_1d(np.arange(6.0))
# CASE: ndenumerate_1d(np.arange(20.0)[::3])
# CASE: ndenumerate_2d(np.arange(6.0).reshape(2, 3))
# CASE: ndenumerate_2d(np.asfortranarray(np.arange(6, dtype=np.int32).reshape(2, 3)))
# CASE: ndenumerate_2d(np.arange(24.0).reshape(4, 6)[:, 1:5])
# CASE: ndenumerate_3d(np.arange(24).reshape(2, 3, 4))
# CASE: ndenumerate_3d(np.asfortranarray(np.arange(24, dtype=np.uint8).reshape(2, 3, 4)))
# CASE: enumerate_sum(np.arange(5.0))
# CASE: enumerate_sum(np.array([3, -1, 4], dtype=np.int32))
# CASE: enumerate_sum(np.array([True, False, True]))
# CASE: enumerate_from(np.arange(5.0), 1)
# CASE: enumerate_from(np.arange(20.0)[::4], -2)
# CASE: enumerate_rows(np.arange(12.0).reshape(3, 4))
# CASE: enumerate_rows(np.asfortranarray(np.arange(12.0).reshape(4, 3)))
# CASE: zip_dot(np.arange(5.0), np.arange(5.0))
# CASE: zip_dot(np.arange(5.0), np.arange(3.0))
# CASE: zip_dot(np.arange(20.0)[::2], np.array([1, 2, 3], dtype=np.uint8))
# CASE: zip_dot(np.arange(4, dtype=np.float32), np.arange(4, dtype=np.int32))
# CASE: zip_range(np.arange(5.0), 10)
# CASE: zip_range(np.arange(5.0), 3)
# CASE: zip_three(np.arange(4.0), np.arange(4.0), np.ones(4))
# CASE: zip_three(np.arange(4.0), np.arange(20.0)[::5], np.arange(3.0))
# CASE: zip_rows(np.arange(12.0).reshape(3, 4), np.ones((3, 4)))
# CASE: zip_rows(np.asfortranarray(np.arange(12.0).reshape(3, 4)), np.arange(24.0).reshape(6, 4)[::2])
