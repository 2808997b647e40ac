# Whole-array reductions (no axis): np.sum/prod/min/max/mean/all/any/argmin/argmax and their
# method forms on 1-D, 2-D and 3-D inputs of several dtypes in C, Fortran and strided layouts;
# NaN (max/min give nan, argmax/argmin the first NaN's index), reductions of array expressions,
# empty arrays (sum 0, prod 1, all True, any False; max and argmax of nothing raise ValueError),
# and a reduction in a while condition.
import numpy as np
from numba import njit


@njit
def np_sum(a):
    return np.sum(a)


@njit
def m_sum(a):
    return a.sum()


@njit
def np_prod(a):
    return np.prod(a)


@njit
def m_prod(a):
    return a.prod()


@njit
def np_min_max(a):
    return np.min(a), np.max(a)


@njit
def m_min_max(a):
    return a.min(), a.max()


@njit
def np_max(a):
    return np.max(a)


@njit
def np_mean(a):
    return np.mean(a)


@njit
def m_mean(a):
    return a.mean()


@njit
def np_all_any(a):
    return np.all(a), np.any(a)


@njit
def m_all_any(a):
    return a.all(), a.any()


@njit
def np_arg(a):
    return np.argmin(a), np.argmax(a)


@njit
def m_arg(a):
    return a.argmin(), a.argmax()


@njit
def m_argmax(a):
    return a.argmax()


@njit
def dot(a, b):
    return np.sum(a * b)


@njit
def count_positive(a):
    return (a > 0).sum()


@njit
def max_abs_diff(a, b):
    return np.max(np.abs(a - b))


@njit
def all_close(a, b, tol):
    return np.all(np.abs(a - b) <= tol)


@njit
def normalize(a):
    return (a - a.min()) / (a.max() - a.min())


@njit
def halvings(a, tol):
    n = 0
    while np.max(np.abs(a)) > tol:
        a = a * 0.5
        n += 1
    return n, a.sum()


@njit
def shrink_until_small(a):
    steps = 0
    while a.sum() > 10:
        a = a[1:]
        steps += 1
    return steps


# CASE: np_sum(np.arange(10.0))
# CASE: np_sum(np.arange(12).reshape(3, 4))
# CASE: np_sum(np.arange(24, dtype=np.int32).reshape(2, 3, 4))
# CASE: np_sum(np.array([100, 100, 100], dtype=np.int8))
# CASE: np_sum(np.array([200, 200, 200], dtype=np.uint8))
# CASE: np_sum(np.array([True, False, True, True]))
# CASE: np_sum(np.arange(8, dtype=np.float32))
# CASE: np_sum(np.asfortranarray(np.arange(12.0).reshape(3, 4)))
# CASE: np_sum(np.arange(24.0).reshape(4, 6)[:, 1:5])
# CASE: np_sum(np.array([1.0, np.nan, 2.0]))
# CASE: np_sum(np.zeros(0))
# CASE: np_sum(np.zeros((0, 3), dtype=np.int32))
# CASE: m_sum(np.arange(20.0)[::2])
# CASE: m_sum(np.asfortranarray(np.arange(24).reshape(2, 3, 4)))
# CASE: m_sum(np.array([0.5, 0.25, 0.125], dtype=np.float32))
# CASE: m_sum(np.arange(1, 30, dtype=np.float32) / np.float32(3))
# CASE: m_sum(np.arange(30.0) * 0.1)
# CASE: np_prod(np.arange(1.0, 7.0))
# CASE: np_prod(np.arange(1, 7).reshape(2, 3))
# CASE: np_prod(np.array([2, 3, 4], dtype=np.int8))
# CASE: np_prod(np.array([True, True]))
# CASE: np_prod(np.zeros(0))
# CASE: np_prod(np.zeros(0, dtype=np.int32))
# CASE: m_prod(np.asfortranarray(np.arange(1.0, 7.0).reshape(3, 2)))
# CASE: m_prod(np.array([1.5, -2.0, 4.0], dtype=np.float32))
# CASE: np_min_max(np.array([3.0, -1.0, 7.5, 2.0]))
# CASE: np_min_max(np.array([3, -1, 7, 2], dtype=np.int32))
# CASE: np_min_max(np.array([3, 250, 7], dtype=np.uint8))
# CASE: np_min_max(np.array([-3, 100, -128], dtype=np.int8))
# CASE: np_min_max(np.array([1.5, -2.5], dtype=np.float32))
# CASE: np_min_max(np.arange(24.0).reshape(2, 3, 4) % 7.0)
# CASE: np_min_max(np.array([1.0, np.nan, -5.0]))
# CASE: np_min_max(np.array([np.inf, -np.inf]))
# CASE: np_min_max(np.array([True, False, True]))
# CASE: m_min_max(np.asfortranarray(np.array([[4.0, 2.0], [-1.0, 9.0]])))
# CASE: m_min_max(np.arange(24.0).reshape(4, 6)[1:3, ::-2])
# CASE: m_min_max(np.array([5]))
# CASE: np_max(np.zeros(0))
# CASE: np_max(np.zeros((2, 0), dtype=np.int32))
# CASE: np_mean(np.arange(10.0))
# CASE: np_mean(np.arange(12, dtype=np.int32).reshape(3, 4))
# CASE: np_mean(np.array([1, 2, 4], dtype=np.uint8))
# CASE: np_mean(np.array([True, False, False, False]))
# CASE: np_mean(np.arange(8, dtype=np.float32))
# CASE: np_mean(np.array([1.0, np.nan]))
# CASE: np_mean(np.zeros(0))
# CASE: m_mean(np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)))
# CASE: m_mean(np.arange(20.0)[1::3])
# CASE: np_all_any(np.array([True, True, False]))
# CASE: np_all_any(np.array([True, True]))
# CASE: np_all_any(np.zeros(3, dtype=np.bool_))
# CASE: np_all_any(np.array([1.0, 0.0, 2.0]))
# CASE: np_all_any(np.array([np.nan, 1.0]))
# CASE: np_all_any(np.arange(12).reshape(3, 4))
# CASE: np_all_any(np.arange(1, 9, dtype=np.uint8).reshape(2, 2, 2))
# CASE: np_all_any(np.zeros(0))
# CASE: np_all_any(np.zeros(0, dtype=np.bool_))
# CASE: m_all_any(np.asfortranarray(np.ones((2, 3), dtype=np.bool_)))
# CASE: m_all_any(np.arange(10, dtype=np.int32)[1::2])
# CASE: np_arg(np.array([3.0, -1.0, 7.5, -1.0, 7.5]))
# CASE: np_arg(np.array([3, 9, 1, 9], dtype=np.int32))
# CASE: np_arg(np.array([7, 250, 0], dtype=np.uint8))
# CASE: np_arg(np.array([1.0, np.nan, 5.0, np.nan]))
# CASE: np_arg(np.array([2.5, 0.5, 1.5], dtype=np.float32))
# CASE: np_arg(np.array([False, True, True]))
# CASE: np_arg(np.arange(12.0).reshape(3, 4) % 5.0)
# CASE: np_arg(np.asfortranarray(np.array([[4.0, 2.0], [-1.0, 9.0]])))
# CASE: np_arg(np.arange(24.0).reshape(4, 6)[:, 4:0:-1])
# CASE: m_arg(np.arange(24).reshape(2, 3, 4) % 7)
# CASE: m_arg(np.arange(20.0)[::-2])
# CASE: m_argmax(np.zeros(0))
# CASE: dot(np.arange(5.0), np.array([1.0, -1.0, 2.0, 0.5, 0.25]))
# CASE: dot(np.arange(6, dtype=np.int32).reshape(2, 3), np.arange(6, dtype=np.int32).reshape(2, 3))
# CASE: dot(np.asfortranarray(np.arange(6.0).reshape(3, 2)), np.ones((3, 2)))
# CASE: count_positive(np.array([1.0, -2.0, 0.0, 3.5, 4.0]))
# CASE: count_positive(np.arange(24).reshape(2, 3, 4) - 12)
# CASE: max_abs_diff(np.array([1.0, 2.0, 3.0]), np.array([1.5, 0.0, 3.25]))
# CASE: max_abs_diff(np.arange(12.0).reshape(3, 4), np.arange(12.0).reshape(3, 4)[::-1])
# CASE: all_close(np.array([1.0, 2.0]), np.array([1.0, 2.0001]), 0.001)
# CASE: all_close(np.array([1.0, 2.0]), np.array([1.0, 2.1]), 0.001)
# CASE: normalize(np.array([2.0, 4.0, 3.0, 6.0]))
# CASE: normalize(np.arange(6, dtype=np.int32).reshape(2, 3))
# CASE: halvings(np.array([3.0, -12.0, 5.0]), 1.0)
# CASE: halvings(np.arange(6.0).reshape(2, 3), 0.1)
# CASE: halvings(np.zeros(2), 1.0)
# CASE: shrink_until_small(np.arange(8))
# CASE: shrink_until_small(np.ones(3))
