# Whole-array arithmetic that returns new arrays: + - * / // % ** and unary minus, mixed dtypes
# (Numba types an int literal as int64 and does not use NumPy's value-based casting), comparisons
# and bool masks with & | ^ ~, on 1-D, 2-D and 3-D inputs in C, Fortran and strided layouts, and an
# array expression updated in a loop.
import numpy as np
from numba import njit


@njit
def add(a, b):
    return a + b


@njit
def sub(a, b):
    return a - b


@njit
def mul(a, b):
    return a * b


@njit
def div(a, b):
    return a / b


@njit
def floordiv(a, b):
    return a // b


@njit
def mod(a, b):
    return a % b


@njit
def times_two(a):
    return a * 2.0


@njit
def two_times(a):
    return 2 * a


@njit
def plus_one(a):
    return a + 1


@njit
def square(a):
    return a ** 2


@njit
def power(a, b):
    return a ** b


@njit
def neg(a):
    return -a


@njit
def diff_of_squares(a, b):
    return (a - b) * (a + b)


@njit
def affine(a, s, t):
    return a * s + t


@njit
def less(a, b):
    return a < b


@njit
def equals_two(a):
    return a == 2


@njit
def above_half(a):
    return a > 0.5


@njit
def between(a):
    return (a > 1) & (a < 3)


@njit
def not_(m):
    return ~m


@njit
def or_(m, n):
    return m | n


@njit
def xor(m, n):
    return m ^ n


@njit
def mask_logic(a, b):
    return ~(a < b) | (a == b)


@njit
def relax(x, y, n):
    for _ in range(n):
        x = x * 0.5 + y
    return x


@njit
def chain(a):
    b = a + 1.0
    c = b * b
    return c - a, c


# CASE: add(np.arange(5.0), np.array([0.5, 1.5, -2.0, 4.25, 8.0]))
# CASE: add(np.arange(6), np.arange(6) * 10)
# CASE: add(np.arange(4, dtype=np.int32), np.array([0.5, 1.5, 2.5, 3.5]))
# CASE: add(np.arange(4, dtype=np.uint8), np.arange(4, dtype=np.int32))
# CASE: add(np.arange(12.0).reshape(3, 4), np.ones((3, 4)))
# CASE: add(np.arange(24.0).reshape(2, 3, 4), np.arange(24.0).reshape(2, 3, 4))
# CASE: add(np.asfortranarray(np.arange(12.0).reshape(3, 4)), np.arange(12.0).reshape(3, 4))
# CASE: add(np.asfortranarray(np.arange(6.0).reshape(2, 3)), np.asfortranarray(np.ones((2, 3))))
# CASE: add(np.arange(20.0)[::2], np.arange(10.0))
# CASE: add(np.arange(24.0).reshape(4, 6)[:, 1:5], np.arange(16.0).reshape(4, 4))
# CASE: add(np.arange(10.0)[::-1], np.arange(10.0))
# CASE: sub(np.arange(5.0), np.array([0.5, 1.5, -2.0, 4.25, 8.0]))
# CASE: sub(np.arange(6, dtype=np.int32), np.arange(6, dtype=np.int32)[::-1])
# CASE: sub(np.arange(8, dtype=np.int64).reshape(2, 2, 2), np.int64(3))
# CASE: mul(np.arange(6, dtype=np.float32), np.float32(1.5))
# CASE: mul(np.arange(6, dtype=np.float32), np.arange(6, dtype=np.float32))
# CASE: mul(np.arange(12).reshape(3, 4), np.arange(12).reshape(3, 4)[::-1])
# CASE: mul(np.array([True, False, True]), np.array([2.5, 3.5, 4.5]))
# CASE: div(np.arange(1.0, 6.0), np.array([3.0, 7.0, -2.0, 0.5, 10.0]))
# CASE: div(np.arange(6, dtype=np.int32), np.array([1, 2, 3, 4, 5, 6], dtype=np.int32))
# CASE: div(np.array([1.0, -1.0, 0.0, 2.0]), np.array([0.0, 0.0, 0.0, np.inf]))
# CASE: div(np.asfortranarray(np.arange(1.0, 7.0).reshape(2, 3)), 4.0)
# CASE: floordiv(np.array([7.0, -7.0, 7.5, -0.5, 3.0]), np.array([2.0, 2.0, -2.0, 3.0, 0.25]))
# CASE: floordiv(np.array([7, -7, 7, -7, 0]), np.array([2, 2, -2, -2, 5]))
# CASE: floordiv(np.arange(12, dtype=np.int32).reshape(3, 4), np.int32(5))
# CASE: mod(np.array([7.0, -7.0, 7.5, -0.5, 3.0]), np.array([2.0, 2.0, -2.0, 3.0, 0.25]))
# CASE: mod(np.array([7, -7, 7, -7, 0]), np.array([2, 2, -2, -2, 5]))
# CASE: mod(np.arange(24).reshape(2, 3, 4), 5)
# CASE: times_two(np.arange(5.0))
# CASE: times_two(np.arange(5))
# CASE: times_two(np.asfortranarray(np.arange(12.0).reshape(3, 4)))
# CASE: two_times(np.arange(5.0))
# CASE: two_times(np.arange(6, dtype=np.int32).reshape(2, 3))
# CASE: two_times(np.arange(12, dtype=np.uint8)[1::3])
# CASE: plus_one(np.arange(5, dtype=np.int32))
# CASE: plus_one(np.array([2147483647, 0], dtype=np.int32))  # numpy-differs note=Numba types the literal 1 as int64, so the sum is int64 and does not wrap; NumPy keeps int32 and wraps
# CASE: plus_one(np.arange(6.0).reshape(3, 2)[::2])
# CASE: square(np.array([-1.5, 0.0, 2.0, 3.0]))
# CASE: square(np.arange(-3, 4))
# CASE: square(np.arange(6, dtype=np.float32).reshape(2, 3))
# CASE: power(np.array([2.0, 3.0, 0.5]), np.array([3.0, -1.0, 2.0]))
# CASE: power(np.arange(5), np.arange(5))
# CASE: neg(np.array([1.5, -0.0, 0.0, -2.0]))
# CASE: neg(np.arange(6, dtype=np.int32).reshape(3, 2))
# CASE: neg(np.arange(24.0).reshape(2, 3, 4)[:, ::2, 1:3])
# CASE: diff_of_squares(np.arange(5.0), np.arange(5.0)[::-1])
# CASE: diff_of_squares(np.arange(6).reshape(2, 3), np.ones((2, 3), dtype=np.int64))
# CASE: diff_of_squares(np.asfortranarray(np.arange(12.0).reshape(4, 3)), np.arange(12.0).reshape(4, 3))
# CASE: affine(np.arange(5, dtype=np.float32), np.float32(0.5), np.float32(1.25))
# CASE: affine(np.arange(5, dtype=np.float32), 0.1, 0.0)  # numpy-differs note=Numba computes float32 array * float64 scalar in float64; NumPy's value-based casting keeps float32
# CASE: affine(np.arange(4, dtype=np.int32), 3, -1)
# CASE: less(np.array([1.0, 2.0, 3.0]), np.array([3.0, 2.0, 1.0]))
# CASE: less(np.arange(12).reshape(3, 4), np.full((3, 4), 5))
# CASE: less(np.array([np.nan, 1.0, -np.inf]), np.array([0.0, np.nan, 0.0]))
# CASE: equals_two(np.array([2.0, 2.5, 2.0, -2.0]))
# CASE: equals_two(np.arange(6, dtype=np.int32).reshape(2, 3))
# CASE: equals_two(np.arange(5, dtype=np.uint8))
# CASE: above_half(np.array([0.25, 0.5, 0.75, np.nan]))
# CASE: above_half(np.asfortranarray(np.arange(6.0).reshape(2, 3) / 5.0))
# CASE: between(np.arange(5.0) * 0.75)
# CASE: between(np.arange(24).reshape(2, 3, 4) % 4)
# CASE: not_(np.array([True, False, False, True]))
# CASE: not_(np.arange(6).reshape(2, 3) > 2)
# CASE: or_(np.array([True, False, False, True]), np.array([True, True, False, False]))
# CASE: xor(np.array([True, False, False, True]), np.array([True, True, False, False]))
# CASE: xor(np.arange(6, dtype=np.int32), np.int32(3))
# CASE: or_(np.arange(8, dtype=np.uint8), np.arange(8, dtype=np.uint8)[::-1])
# CASE: mask_logic(np.arange(6.0), np.array([5.0, 4.0, 3.0, 2.0, 1.0, 0.0]))
# CASE: relax(np.zeros(4), np.array([1.0, 2.0, -1.0, 0.5]), 10)
# CASE: relax(np.ones((2, 3)), np.full((2, 3), 0.25), 3)
# CASE: relax(np.zeros(3), np.ones(3), 0)
# CASE: chain(np.arange(4.0))
# CASE: chain(np.arange(6.0).reshape(2, 3)[:, ::2])
