# Unary operators: - + ~ not on ints, unsigned, bools and floats.
# -bool and +bool give int64; ~bool is logical (NumPy semantics), not -2/-1.
import numpy as np
from numba import njit


@njit
def unary(x):
    return -x, +x


@njit
def invert(x):
    return ~x


@njit
def logical_not(x):
    return not x


@njit
def double_neg(x):
    return -(-x), not not x


# CASE: unary(5)
# CASE: unary(-2.5)
# CASE: unary(True)
# CASE: unary(np.int8(-5))
# CASE: unary(np.uint16(5))
# CASE: unary(np.float32(-2.5))
# CASE: invert(0)
# CASE: invert(-5)
# CASE: invert(True)
# CASE: invert(False)
# CASE: invert(np.uint8(0))
# CASE: invert(np.int32(7))
# CASE: logical_not(0)
# CASE: logical_not(3)
# CASE: logical_not(0.0)
# CASE: logical_not(np.nan)
# CASE: logical_not(True)
# CASE: double_neg(-0.0)
# CASE: double_neg(7)
