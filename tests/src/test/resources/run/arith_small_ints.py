# Scalar arithmetic on small integer types is done in 64 bits: int8/int16/int32
# operands give int64 results (no wrap at 8/16/32 bits), small unsigned give uint64.
import numpy as np
from numba import njit


@njit
def add(a, b):
    return a + b


@njit
def mul(a, b):
    return a * b


@njit
def floordiv(a, b):
    return a // b


@njit
def div(a, b):
    return a / b


@njit
def mixed_signed_unsigned(a, b):
    return min(a, b), max(a, b)


@njit
def to_int8(x):
    return np.int8(x) + np.int8(x)


# CASE: add(np.int32(2147483647), np.int32(1))
# CASE: add(np.int8(127), np.int8(1))
# CASE: add(np.int16(-300), np.int16(-300))
# CASE: mul(np.int16(300), np.int16(300))
# CASE: mul(np.uint8(200), np.uint8(3))
# CASE: add(np.uint16(65535), np.uint16(1))
# CASE: add(np.uint32(4000000000), np.uint32(1000000000))
# CASE: floordiv(np.int8(-128), np.int8(-1))
# CASE: floordiv(np.int32(-7), np.int32(2))
# CASE: div(np.int8(7), np.int8(2))
# CASE: mixed_signed_unsigned(np.int8(-1), np.uint8(200))
# CASE: to_int8(100)
