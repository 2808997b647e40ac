# The ** operator: int ** negative int stays an integer (Numba computes 1/(a**-b) in
# integers: 0 except for bases 1 and -1), 0 ** negative raises ZeroDivisionError;
# float powers follow C pow (no exceptions); int ** float is float64.
from numba import njit


@njit
def ipow(a, b):
    return a ** b


@njit
def fpow(a, b):
    return a ** b


@njit
def pow_literal_neg(a):
    return a ** -1


@njit
def square_cube(x):
    return x ** 2, x ** 3


@njit
def builtin_pow(a, b):
    return pow(a, b)


# CASE: ipow(2, -1)
# CASE: ipow(-2, -1)
# CASE: ipow(1, -1)
# CASE: ipow(-1, -3)
# CASE: ipow(-1, -4)
# CASE: ipow(2, -2)
# CASE: ipow(0, 0)
# CASE: ipow(0, -1)
# CASE: ipow(2, 62)
# CASE: ipow(3, 40)  # unspecified note=overflows int64: Numba rounds through float64, arrayjit wraps modulo 2**64
# CASE: ipow(10, 19)  # unspecified note=overflows int64: Numba rounds through float64, arrayjit wraps modulo 2**64
# CASE: fpow(2.0, 0.5)
# CASE: fpow(0.0, -1.0)
# CASE: fpow(-8.0, 1.0 / 3.0)
# CASE: fpow(2.0, -1)
# CASE: fpow(2, 0.5)
# CASE: fpow(2.0, 1024.0)
# CASE: fpow(np.nan, 0.0)
# CASE: pow_literal_neg(2)
# CASE: pow_literal_neg(4.0)
# CASE: square_cube(7)
# CASE: square_cube(1.5)
# CASE: square_cube(np.float32(0.1))
# CASE: builtin_pow(2, 10)
