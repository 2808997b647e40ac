# Unsigned integers: uint64 op uint64 stays uint64 and wraps modulo 2**64; uint64 mixed
# with int64 (or an int literal) gives int64; comparisons between signed and unsigned are exact.
import numpy as np
from numba import njit


@njit
def sub(a, b):
    return a - b


@njit
def add(a, b):
    return a + b


@njit
def minus_literal(a):
    return a - 1


@njit
def neg(a):
    return -a


@njit
def compare(a, b):
    return a == b, a > b, a < b


@njit
def udiv(a, b):
    return a // b, a % b


@njit
def u8_to_u64(x):
    return np.uint64(x)


# CASE: sub(np.uint64(0), np.uint64(1))
# CASE: add(np.uint64(18446744073709551615), np.uint64(1))
# CASE: sub(np.uint32(0), np.uint32(1))
# CASE: sub(np.uint8(0), np.uint8(1))
# CASE: minus_literal(np.uint64(0))
# CASE: add(np.uint64(18446744073709551615), 0)
# CASE: neg(np.uint8(1))
# CASE: neg(np.uint64(1))
# CASE: compare(np.uint64(18446744073709551615), -1)
# CASE: compare(np.uint64(9223372036854775808), 0)
# CASE: compare(-1, np.uint64(1))
# CASE: udiv(np.uint64(18446744073709551615), np.uint64(2))
# CASE: udiv(np.uint32(100), np.uint32(7))
# CASE: u8_to_u64(-1)
