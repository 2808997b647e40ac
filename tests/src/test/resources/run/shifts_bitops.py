# Bitwise operators and shifts. Shift counts stay in [0, 63]: counts >= 64 or < 0 are
# undefined in Numba (LLVM) and are not part of the golden corpus.
import numpy as np
from numba import njit


@njit
def bitops(a, b):
    return a & b, a | b, a ^ b, ~a


@njit
def shl(a, b):
    return a << b


@njit
def shr(a, b):
    return a >> b


@njit
def bool_bitops(p, q):
    return p & q, p | q, p ^ q, ~p


@njit
def popcount(x):
    c = 0
    while x != 0:
        c += x & 1
        x >>= 1
    return c


@njit
def pack_bits(a):
    r = 0
    for i in range(a.shape[0]):
        if a[i]:
            r |= 1 << i
    return r


@njit
def rotl32(x, k):
    x = x & 0xFFFFFFFF
    return ((x << k) | (x >> (32 - k))) & 0xFFFFFFFF


# CASE: bitops(12, 10)
# CASE: bitops(-1, 255)
# CASE: bitops(np.uint8(0), np.uint8(255))
# CASE: shl(1, 63)
# CASE: shl(1, 32)
# CASE: shl(-8, 1)
# CASE: shl(np.int32(1), np.int32(40))
# CASE: shl(np.uint8(1), 8)
# CASE: shl(np.uint8(255), 60)
# CASE: shr(-8, 1)
# CASE: shr(1, 63)
# CASE: shr(-1, 63)
# CASE: shr(np.uint64(9223372036854775808), np.uint64(1))
# CASE: shr(-8, np.uint64(1))
# CASE: bool_bitops(True, False)
# CASE: bool_bitops(True, True)
# CASE: popcount(255)
# CASE: popcount(123456789)
# CASE: pack_bits(np.array([True, False, True, True, False, False, False, True]))
# CASE: rotl32(2147483649, 1)
