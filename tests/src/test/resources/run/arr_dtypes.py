# Element types of arrays: every scalar dtype read, summed and written. Elements of
# small int types are widened in arithmetic (uint8 + uint8 -> uint64, no wrap), but
# stores into a small int array wrap; bool arrays count as 0/1.
import numpy as np
from numba import njit


@njit
def total(a):
    s = 0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@njit
def first_plus_second(a):
    return a[0] + a[1]


@njit
def increment_all(a):
    for i in range(a.shape[0]):
        a[i] = a[i] + 1


@njit
def f32_sum(a):
    s = np.float32(0.0)
    for i in range(a.shape[0]):
        s += a[i]
    return s


# CASE: total(np.array([1, -2, 3], dtype=np.int8))
# CASE: total(np.array([100, 200, 250], dtype=np.uint8))
# CASE: total(np.array([30000, 30000], dtype=np.int16))
# CASE: total(np.array([60000, 60000], dtype=np.uint16))
# CASE: total(np.array([2147483647, 1], dtype=np.int32))
# CASE: total(np.array([4294967295, 1], dtype=np.uint32))
# CASE: total(np.array([1, 2, 3], dtype=np.uint64))
# CASE: total(np.array([True, False, True, True]))
# CASE: total(np.array([0.5, 0.25], dtype=np.float32))
# CASE: total(np.array([0.5, 0.25]))
# CASE: first_plus_second(np.array([200, 100], dtype=np.uint8))
# CASE: first_plus_second(np.array([100, 100], dtype=np.int8))
# CASE: first_plus_second(np.array([0.1, 0.2], dtype=np.float32))
# CASE: increment_all(np.array([127, 0, -128], dtype=np.int8))
# CASE: increment_all(np.array([255, 254], dtype=np.uint8))
# CASE: increment_all(np.array([65535, 0], dtype=np.uint16))
# CASE: increment_all(np.array([1.5, -1.5], dtype=np.float32))
# CASE: increment_all(np.array([18446744073709551615, 7], dtype=np.uint64))
# CASE: f32_sum(np.full(1000, 0.1, dtype=np.float32))
