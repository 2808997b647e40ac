# Polynomial evaluation with Horner's rule over an array of points, derivative
# coefficients into a new array, and integer polynomial hashing with wraparound.
import numpy as np
from numba import njit


@njit
def horner(coeffs, x):
    r = 0.0
    for i in range(coeffs.shape[0]):
        r = r * x + coeffs[i]
    return r


@njit
def eval_many(coeffs, xs):
    out = np.empty(xs.shape[0])
    for i in range(xs.shape[0]):
        out[i] = horner(coeffs, xs[i])
    return out


@njit
def derivative(coeffs):
    n = coeffs.shape[0]
    d = np.zeros(max(n - 1, 1))
    for i in range(n - 1):
        d[i] = coeffs[i] * (n - 1 - i)
    return d


@njit
def poly_hash(a):
    h = 0
    for i in range(a.shape[0]):
        h = h * 1000003 + a[i]
    return h


# CASE: horner(np.array([1.0, -3.0, 2.0]), 2.0)
# CASE: horner(np.array([2.0, 0.0, -1.0, 5.0]), -1.5)
# CASE: eval_many(np.array([1.0, 0.0, -2.0]), np.linspace(-2.0, 2.0, 9))
# CASE: derivative(np.array([4.0, 3.0, 2.0, 1.0]))
# CASE: poly_hash(np.arange(40))
# CASE: poly_hash(np.arange(40, dtype=np.uint8))
