# int64 arithmetic with Python semantics: // and % floor toward -inf,
# / is true division (float64), ** with a non-negative exponent stays int64.
from numba import njit


@njit
def add_sub_mul(a, b):
    return a + b, a - b, a * b


@njit
def true_div(a, b):
    return a / b


@njit
def floor_div(a, b):
    return a // b


@njit
def modulo(a, b):
    return a % b


@njit
def divmod_check(a, b):
    q = a // b
    r = a % b
    return q, r, q * b + r == a


@njit
def int_pow(a, b):
    return a ** b


@njit
def mixed(a, b, c):
    return (a + b) * c - a // (b + 1) + c % 3


# CASE: add_sub_mul(7, 3)
# CASE: add_sub_mul(-7, 3)
# CASE: true_div(7, 2)
# CASE: true_div(-7, 2)
# CASE: true_div(1, 3)
# CASE: floor_div(-7, 2)
# CASE: floor_div(7, -2)
# CASE: floor_div(-7, -2)
# CASE: floor_div(7, 2)
# CASE: floor_div(0, -3)
# CASE: modulo(-7, 2)
# CASE: modulo(7, -2)
# CASE: modulo(-7, -2)
# CASE: modulo(7, 2)
# CASE: divmod_check(-17, 5)
# CASE: divmod_check(17, -5)
# CASE: int_pow(3, 4)
# CASE: int_pow(-2, 5)
# CASE: int_pow(7, 0)
# CASE: mixed(10, 4, -3)
