# Complex numbers: literals (1j), complex(a, b), arithmetic with ints and floats, equality,
# negation, abs(), .real/.imag/.conjugate(), cmath functions (sqrt, exp, log, log10, phase, polar,
# rect, isnan), complex results, complex division by zero, and complex64/complex128 arrays in
# array expressions (np.abs, .real, np.imag, np.conj, sum). (Complex scalar arguments are built
# inside the kernels: the corpus format passes only real scalars.)
import cmath
import numpy as np
from numba import njit


@njit
def arith(x, y):
    z = complex(x, y)
    w = z * (1 - 2j) + 3
    return w, z / (1 + 1j), z - 2.5, 2 * z, -z, z ** 2


@njit
def parts(x, y):
    z = complex(x, y)
    return z.real, z.imag, z.conjugate(), abs(z), z == z.conjugate()


@njit
def cm(x, y):
    z = complex(x, y)
    r, phi = cmath.polar(z)
    return cmath.sqrt(z), cmath.exp(z), cmath.log(z), cmath.phase(z), r, phi


@njit
def cm_log10(x):
    return cmath.log10(complex(x, 0.0))


@njit
def rect(r, phi):
    return cmath.rect(r, phi)


@njit
def nan_test(x):
    return cmath.isnan(complex(x, 1.0)), cmath.isfinite(complex(x, 1.0))


@njit
def div_zero(x):
    return complex(x, 1.0) / 0j


@njit
def arr_ops(a):
    b = a * (2 + 1j)
    return b, np.abs(b), b.real, np.imag(b), np.conj(b), b.sum()


@njit
def arr_loop(a):
    s = 0j
    for i in range(a.shape[0]):
        s += a[i] * a[i].conjugate()
    return s


@njit
def mandel_step(x, y, n):
    c = complex(x, y)
    z = 0j
    for i in range(n):
        z = z * z + c
        if abs(z) > 2.0:
            return i
    return n


# CASE: arith(3.0, -4.0)
# CASE: arith(0.5, 0.25)
# CASE: parts(3.0, -4.0)
# CASE: parts(1.5, 0.0)
# CASE: cm(3.0, -4.0)
# CASE: cm(-1.0, 0.0)
# CASE: cm(0.5, 2.0)
# CASE: cm_log10(100.0)
# CASE: rect(2.0, 0.5)
# CASE: nan_test(np.nan)
# CASE: nan_test(1.0)
# CASE: div_zero(1.0)
# CASE: arr_ops(np.array([1.0, 2.0, 3.0]))
# CASE: arr_ops(np.array([1 + 1j, -2j, 3]))
# CASE: arr_ops(np.array([1 + 1j, 2 - 1j], dtype=np.complex64))  # numpy-differs note=Numba types complex64 array * complex128 scalar as complex128; NumPy keeps complex64
# CASE: arr_loop(np.array([1 + 1j, 2 - 1j, -3j]))
# CASE: mandel_step(0.25, 0.5, 100)
# CASE: mandel_step(1.0, 1.0, 100)
