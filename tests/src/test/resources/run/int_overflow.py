# Fixed-width integers wrap on overflow (no bignums), including accumulation in loops,
# negation and abs of INT64_MIN, and factorials past 20!.
import numpy as np
from numba import njit


@njit
def add(a, b):
    return a + b


@njit
def mul(a, b):
    return a * b


@njit
def negate(a):
    return -a, abs(a)


@njit
def accumulate(n):
    s = 0
    for i in range(n):
        s += 9223372036854775807
    return s


@njit
def factorial(n):
    r = 1
    for k in range(2, n + 1):
        r *= k
    return r


@njit
def int32_array_sum(a):
    # elements are int32 but the accumulator is int64: no wrap
    s = 0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@njit
def abs_small(a):
    return abs(a)


# CASE: add(9223372036854775807, 1)
# CASE: add(-9223372036854775808, -1)
# CASE: mul(9223372036854775807, 2)
# CASE: mul(4294967296, 4294967296)
# CASE: negate(-9223372036854775808)
# CASE: negate(5)
# CASE: accumulate(100)
# CASE: factorial(20)
# CASE: factorial(21)
# CASE: factorial(25)
# CASE: int32_array_sum(np.full(5, 2147483647, dtype=np.int32))
# CASE: abs_small(np.int8(-128))
# CASE: abs_small(np.int32(-2147483648))
# CASE: abs_small(np.int16(-5))
