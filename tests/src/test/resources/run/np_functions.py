# Whole-array NumPy library functions: np.dot / a.dot / the @ operator for 1-D.1-D (scalar),
# 2-D.1-D, 1-D.2-D and 2-D.2-D on float64 and float32 (C, Fortran and strided operands; data
# chosen so every product sum is exact, plus a few inexact ones with ulp=4); np.outer; np.clip and
# a.clip with scalar and array bounds; np.sign (-0.0 stays -0.0, NaN stays NaN);
# np.floor/ceil/trunc/rint (rint rounds half to even); np.minimum/np.maximum with broadcasting and
# NaN; np.sort (NaNs last, 2-D sorts each row), a.sort() in place, np.argsort/a.argsort (quicksort
# and kind='mergesort'); np.searchsorted with a scalar or array needle and side='left'/'right';
# np.histogram(a, bins=n) and with range=(lo, hi), returning (counts, edges); np.bincount (with
# weights and minlength); np.unique; np.concatenate of 1-D and 2-D tuples (axis 0 and 1).
# Raising: mismatched dot shapes, negative bincount input, histogram of an empty array or with
# bins=0,
# concatenate with mismatched extents (all ValueError).
# Not here, Numba 0.56 rejects them: np.dot/@ on integer arrays or mixed float32/float64 operands,
# np.sort of a Fortran-layout 2-D array (C and strided layouts work), np.argsort of a 2-D array,
# np.round_(a, decimals) on arrays. Also left out: np.sign of uint8 values >= 128 (Numba 0.56
# returns 255, treating the value as negative; NumPy gives 1).
import numpy as np
from numba import njit


@njit
def np_dot(a, b):
    return np.dot(a, b)


@njit
def m_dot(a, b):
    return a.dot(b)


@njit
def matmul(a, b):
    return a @ b


@njit
def gram(a):
    return a.T @ a


@njit
def np_outer(a, b):
    return np.outer(a, b)


@njit
def np_clip(a, lo, hi):
    return np.clip(a, lo, hi)


@njit
def m_clip(a, lo, hi):
    return a.clip(lo, hi)


@njit
def np_sign(a):
    return np.sign(a)


@njit
def roundings(a):
    return np.floor(a), np.ceil(a), np.trunc(a), np.rint(a)


@njit
def np_min_max_elem(a, b):
    return np.minimum(a, b), np.maximum(a, b)


@njit
def np_sort(a):
    return np.sort(a)


@njit
def m_sort(a):
    a.sort()


@njit
def np_argsort(a):
    return np.argsort(a)


@njit
def m_argsort(a):
    return a.argsort()


@njit
def argsort_stable(a):
    return np.argsort(a, kind='mergesort')


@njit
def sorted_by_key(a, key):
    return a[np.argsort(key)]


@njit
def np_searchsorted(a, v):
    return np.searchsorted(a, v)


@njit
def searchsorted_left(a, v):
    return np.searchsorted(a, v, side='left')


@njit
def searchsorted_right(a, v):
    return np.searchsorted(a, v, side='right')


@njit
def np_histogram(a, n):
    return np.histogram(a, bins=n)


@njit
def histogram_range(a, n, lo, hi):
    return np.histogram(a, bins=n, range=(lo, hi))


@njit
def np_bincount(a):
    return np.bincount(a)


@njit
def bincount_weights(a, w):
    return np.bincount(a, w)


@njit
def bincount_minlength(a, n):
    return np.bincount(a, minlength=n)


@njit
def np_unique(a):
    return np.unique(a)


@njit
def count_distinct(a):
    return np.unique(a).size


@njit
def concat(a, b):
    return np.concatenate((a, b))


@njit
def concat3(a, b, c):
    return np.concatenate((a, b, c))


@njit
def concat_cols(a, b):
    return np.concatenate((a, b), axis=1)


# CASE: np_dot(np.arange(4.0), np.array([1.0, -1.0, 2.0, 0.5]))
# CASE: np_dot(np.arange(4, dtype=np.float32), np.array([1.0, -1.0, 2.0, 0.5], dtype=np.float32))
# CASE: np_dot(np.arange(20.0)[::4], np.arange(5.0))
# CASE: np_dot(np.arange(0.1, 1.0, 0.1), np.arange(0.5, 5.0, 0.5))  # ulp=4
# CASE: np_dot(np.zeros(0), np.zeros(0))
# CASE: np_dot(np.arange(6.0).reshape(2, 3), np.array([1.0, 0.5, -2.0]))
# CASE: np_dot(np.asfortranarray(np.arange(12.0).reshape(4, 3)), np.arange(3.0))
# CASE: np_dot(np.arange(24.0).reshape(4, 6)[:, 1:5], np.arange(20.0)[::5])
# CASE: np_dot(np.arange(6, dtype=np.float32).reshape(3, 2), np.array([2.0, -1.0], dtype=np.float32))
# CASE: np_dot(np.array([1.0, 2.0]), np.arange(6.0).reshape(2, 3))
# CASE: np_dot(np.arange(3, dtype=np.float32), np.asfortranarray(np.arange(12, dtype=np.float32).reshape(3, 4)))
# CASE: np_dot(np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4))
# CASE: np_dot(np.arange(6, dtype=np.float32).reshape(3, 2), np.arange(8, dtype=np.float32).reshape(2, 4))
# CASE: np_dot(np.asfortranarray(np.arange(6.0).reshape(2, 3)), np.asfortranarray(np.arange(6.0).reshape(3, 2)))
# CASE: np_dot(np.arange(24.0).reshape(4, 6)[:, 1:5], np.arange(12.0).reshape(4, 3))
# CASE: np_dot(np.arange(1, 10, dtype=np.float32).reshape(3, 3) / np.float32(10), np.arange(1, 10, dtype=np.float32).reshape(3, 3) / np.float32(3))  # ulp=4
# CASE: np_dot(np.arange(3.0), np.arange(4.0))
# CASE: np_dot(np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(2, 3))
# CASE: np_dot(np.arange(6.0).reshape(2, 3), np.arange(2.0))
# CASE: m_dot(np.arange(6.0).reshape(3, 2), np.array([0.5, 2.0]))
# CASE: m_dot(np.arange(4.0).reshape(2, 2), np.arange(4.0).reshape(2, 2))
# CASE: matmul(np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(3, 2))
# CASE: matmul(np.arange(6, dtype=np.float32).reshape(2, 3), np.arange(6, dtype=np.float32).reshape(3, 2))
# CASE: matmul(np.arange(6.0).reshape(2, 3), np.array([1.0, 2.0, 3.0]))
# CASE: matmul(np.array([1.0, 2.0]), np.asfortranarray(np.arange(6.0).reshape(2, 3)))
# CASE: matmul(np.arange(5.0), np.arange(20.0)[::4])
# CASE: matmul(np.arange(3, dtype=np.float32), np.arange(3, dtype=np.float32))
# CASE: matmul(np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(2, 3))
# CASE: gram(np.arange(6.0).reshape(3, 2))
# CASE: gram(np.arange(24.0).reshape(4, 6)[:, 1:5])
# CASE: np_outer(np.arange(3.0), np.array([1.0, -2.0, 0.5, 4.0]))
# CASE: np_outer(np.arange(3), np.arange(4, dtype=np.int32))
# CASE: np_outer(np.array([1.5, 2.5], dtype=np.float32), np.arange(20.0)[::5])
# CASE: np_outer(np.arange(4.0).reshape(2, 2), np.arange(2, dtype=np.uint8))
# CASE: np_clip(np.arange(6.0), 1.0, 4.0)
# CASE: np_clip(np.arange(-3, 4), -1, 2)
# CASE: np_clip(np.arange(6, dtype=np.int32), 1, 4)
# CASE: np_clip(np.arange(0, 250, 25, dtype=np.uint8), 30, 200)
# CASE: np_clip(np.array([0.5, -1.5, 2.5], dtype=np.float32), np.float32(0.0), np.float32(1.0))
# CASE: np_clip(np.array([1.0, np.nan, 5.0, -np.inf]), 0.0, 2.0)
# CASE: np_clip(np.asfortranarray(np.arange(12.0).reshape(3, 4)), 2.0, 9.0)
# CASE: np_clip(np.arange(24.0).reshape(4, 6)[:, 1:5], 5.0, 15.0)
# CASE: np_clip(np.arange(6.0), np.arange(6.0) - 1.0, 3.0)
# CASE: np_clip(np.arange(6, dtype=np.int32), 1.5, 4)  # numpy-differs note=Numba clips int32 in place of its own dtype (result int32 [1 1 2 3 4 4]); NumPy promotes to float64 and gives 1.5
# CASE: m_clip(np.arange(20.0)[::2], 3.0, 11.0)
# CASE: m_clip(np.arange(12).reshape(3, 4), 3, 8)
# CASE: np_sign(np.array([-2.0, 0.0, -0.0, 3.0, np.nan, -np.inf]))
# CASE: np_sign(np.array([-2.5, 0.0, 7.0], dtype=np.float32))
# CASE: np_sign(np.array([-2, 0, 3], dtype=np.int32))
# CASE: np_sign(np.arange(-3, 3).reshape(2, 3))
# CASE: np_sign(np.array([0, 3, 127], dtype=np.uint8))
# CASE: np_sign(np.asfortranarray(np.arange(-6.0, 6.0).reshape(3, 4)))
# CASE: roundings(np.array([-2.5, -1.5, -0.5, -0.2, 0.5, 1.5, 2.5, 2.7]))
# CASE: roundings(np.array([-2.5, 1.5, 0.49999997], dtype=np.float32))
# CASE: roundings(np.array([np.nan, np.inf, -np.inf, 4503599627370497.0]))
# CASE: roundings(np.arange(-3.0, 3.0).reshape(2, 3) * 0.75)
# CASE: roundings(np.arange(24.0).reshape(4, 6)[:, 1:5] / 4.0)
# CASE: roundings(np.array([-2, 3]))
# CASE: np_min_max_elem(np.arange(6.0).reshape(2, 3), np.array([1.0, 3.0, 2.0]))
# CASE: np_min_max_elem(np.array([1.0, np.nan, 3.0]), np.array([np.nan, 2.0, 1.0]))
# CASE: np_min_max_elem(np.array([-0.0, 0.0]), np.array([0.0, -0.0]))
# CASE: np_min_max_elem(np.arange(6), 2.5)
# CASE: np_min_max_elem(np.arange(6, dtype=np.int32), np.arange(6, dtype=np.uint8)[::-1])
# CASE: np_min_max_elem(np.array([True, False]), np.array([False, False]))
# CASE: np_min_max_elem(np.arange(4, dtype=np.float32).reshape(4, 1), np.arange(3, dtype=np.float32) + np.float32(0.5))
# CASE: np_min_max_elem(np.asfortranarray(np.arange(12.0).reshape(3, 4)), np.arange(24.0).reshape(6, 4)[::2] % 5.0)
# CASE: np_min_max_elem(np.arange(3.0), np.arange(4.0))
# CASE: np_sort(np.array([3.0, np.nan, 1.0, -np.inf, np.nan, 2.0, -0.5]))
# CASE: np_sort(np.array([5, -2, 9, 0, -2], dtype=np.int32))
# CASE: np_sort(np.array([200, 3, 255, 0], dtype=np.uint8))
# CASE: np_sort(np.array([2.5, np.nan, -1.0], dtype=np.float32))
# CASE: np_sort(np.array([True, False, True, False]))
# CASE: np_sort(np.arange(20.0)[::-3])
# CASE: np_sort(np.array([[3.0, 1.0, 2.0], [0.0, -5.0, 9.0]]))
# CASE: np_sort(np.arange(24).reshape(4, 6)[:, 1:5] * 7 % 5)
# CASE: np_sort(np.arange(24).reshape(2, 3, 4) * 5 % 7)
# CASE: np_sort(np.zeros(0))
# CASE: m_sort(np.array([3.0, np.nan, 1.0, 2.0]))
# CASE: m_sort(np.array([4, 1, 3], dtype=np.int32))
# CASE: m_sort(np.arange(24.0).reshape(4, 6)[1] * -1.0)
# CASE: np_argsort(np.array([3.0, np.nan, 1.0, 3.5, 2.0]))
# CASE: np_argsort(np.array([5, -2, 9, 0], dtype=np.int32))
# CASE: np_argsort(np.array([200, 3, 255, 0], dtype=np.uint8))
# CASE: np_argsort(np.array([2.5, -1.0, 0.0], dtype=np.float32))
# CASE: np_argsort(np.arange(20.0)[::-2])
# CASE: m_argsort(np.array([3, 1, 2]))
# CASE: argsort_stable(np.array([3, 1, 3, 1, 2]))
# CASE: argsort_stable(np.array([0.5, 2.0, 0.5, -1.0, 2.0], dtype=np.float32))
# CASE: sorted_by_key(np.array([10.0, 20.0, 30.0, 40.0]), np.array([3, 0, 2, 1]))
# CASE: np_searchsorted(np.arange(5.0), 2.0)
# CASE: np_searchsorted(np.arange(5.0), 2.5)
# CASE: np_searchsorted(np.arange(5.0), -1.0)
# CASE: np_searchsorted(np.arange(5.0), 9.0)
# CASE: np_searchsorted(np.array([1, 3, 3, 7]), 3)
# CASE: np_searchsorted(np.array([1, 3, 3, 7], dtype=np.int32), np.array([0, 3, 4, 8], dtype=np.int32))
# CASE: np_searchsorted(np.arange(5.0), np.array([2.0, -1.0, 9.0, 0.5]))
# CASE: np_searchsorted(np.array([0.5, 1.5, 2.5], dtype=np.float32), np.arange(6.0).reshape(2, 3))
# CASE: np_searchsorted(np.array([1.0, 2.0, np.nan]), np.array([np.nan, 3.0]))
# CASE: np_searchsorted(np.arange(20.0)[::2], np.arange(20.0)[::5])
# CASE: searchsorted_left(np.array([1.0, 2.0, 2.0, 3.0]), 2.0)
# CASE: searchsorted_right(np.array([1.0, 2.0, 2.0, 3.0]), 2.0)
# CASE: searchsorted_right(np.array([1, 3, 3, 7]), np.array([3, 0, 7, 8]))
# CASE: searchsorted_right(np.array([1, 3, 3, 7], dtype=np.uint8), np.uint8(3))
# CASE: np_histogram(np.array([1.0, 2.0, 2.5, 4.0, 1.0]), 3)
# CASE: np_histogram(np.arange(10), 4)
# CASE: np_histogram(np.arange(12.0).reshape(3, 4), 3)
# CASE: np_histogram(np.arange(20.0)[::3] * 0.1, 5)
# CASE: np_histogram(np.array([0.5, 1.5, 2.5], dtype=np.float32), 2)
# CASE: np_histogram(np.array([7.0, 7.0, 7.0]), 2)  # numpy-differs note=Numba 0.56 keeps the degenerate range (7, 7): counts [0 0], edges [7 7 7]; NumPy widens it to (6.5, 7.5) and counts [0 3]
# CASE: np_histogram(np.arange(4.0), 0)
# CASE: np_histogram(np.zeros(0), 3)
# CASE: histogram_range(np.arange(10.0), 4, 0.0, 20.0)
# CASE: histogram_range(np.array([-1.0, 0.0, 0.5, 1.0, 2.0]), 2, 0.0, 1.0)
# CASE: np_bincount(np.array([0, 1, 1, 3, 1]))
# CASE: np_bincount(np.array([4, 0, 4], dtype=np.int32))
# CASE: np_bincount(np.array([2, 2, 5], dtype=np.uint8))
# CASE: np_bincount(np.arange(20)[::3] % 4)
# CASE: np_bincount(np.zeros(0, dtype=np.int64))
# CASE: np_bincount(np.array([0, -1]))
# CASE: bincount_weights(np.array([0, 1, 1, 3]), np.array([0.5, 1.0, 2.0, 0.25]))
# CASE: bincount_minlength(np.array([0, 1, 1, 3]), 6)
# CASE: bincount_minlength(np.array([0, 1, 1, 3]), 2)
# CASE: np_unique(np.array([3, 1, 2, 3, 1]))
# CASE: np_unique(np.array([2.5, -1.0, 2.5, 0.0, -0.0]))
# CASE: np_unique(np.array([7, 7, 255, 0], dtype=np.uint8))
# CASE: np_unique(np.array([5, 5, 5], dtype=np.int32))
# CASE: np_unique(np.arange(12).reshape(3, 4) % 5)
# CASE: np_unique(np.asfortranarray(np.arange(12.0).reshape(3, 4) % 4.0))
# CASE: np_unique(np.array([True, False, True]))
# CASE: np_unique(np.zeros(0))
# CASE: np_unique(np.array([3.0, np.nan, 1.0, np.nan]))  # numpy-differs note=Numba 0.56 keeps every NaN ([1 3 nan nan]); NumPy 1.24 collapses them into one (equal_nan)
# CASE: count_distinct(np.array([4, 1, 4, 2, 1]))
# CASE: concat(np.arange(3.0), np.arange(2.0))
# CASE: concat(np.arange(3, dtype=np.int32), np.arange(2))
# CASE: concat(np.arange(3.0), np.arange(2, dtype=np.uint8))
# CASE: concat(np.array([True]), np.array([False, True]))
# CASE: concat(np.arange(20.0)[::5], np.zeros(0))
# CASE: concat(np.arange(6.0).reshape(2, 3), np.arange(3.0).reshape(1, 3))
# CASE: concat(np.asfortranarray(np.arange(6).reshape(3, 2)), np.arange(24).reshape(4, 6)[:, 1:3])
# CASE: concat(np.arange(6, dtype=np.float32).reshape(2, 3), np.arange(4.0).reshape(2, 2))
# CASE: concat3(np.arange(2.0), np.arange(3.0), np.arange(1.0))
# CASE: concat_cols(np.arange(6.0).reshape(2, 3), np.arange(4.0).reshape(2, 2))
# CASE: concat_cols(np.arange(24).reshape(2, 3, 4), np.asfortranarray(np.arange(16).reshape(2, 2, 4)))
