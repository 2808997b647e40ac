# float64 arithmetic: floor division and modulo of negative operands follow Python
# (the remainder takes the sign of the divisor), signed zeros, inf and nan propagate.
from numba import njit


@njit
def floor_div(a, b):
    return a // b


@njit
def modulo(a, b):
    return a % b


@njit
def ops(a, b):
    return a + b, a - b, a * b, a / b


@njit
def mixed_int_float(i, x):
    # int64 op float64 -> float64
    return i * x + i / 2 - x // 1


@njit
def neg_zero(x):
    return -x, 0.0 * x


# CASE: floor_div(-7.5, 2.0)
# CASE: floor_div(7.5, -2.0)
# CASE: floor_div(-7.5, -2.0)
# CASE: floor_div(-0.0, 1.0)
# CASE: floor_div(1.0, np.inf)
# CASE: floor_div(-1.0, np.inf)
# CASE: modulo(-7.5, 2.0)
# CASE: modulo(7.5, -2.0)
# CASE: modulo(-7.5, -2.0)
# CASE: modulo(-1.0, np.inf)
# CASE: modulo(np.nan, 1.0)
# CASE: ops(1.5, -0.25)
# CASE: ops(np.inf, 2.0)
# CASE: ops(1e308, 1e-308)
# CASE: mixed_int_float(3, 2.5)
# CASE: mixed_int_float(-4, 0.1)
# CASE: neg_zero(0.0)
# CASE: neg_zero(-3.0)
