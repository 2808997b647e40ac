# Constants from math and numpy: math.pi/e/inf/nan and np.pi/e/inf/nan.
# ULP: 4
import math
import numpy as np
from numba import njit


@njit
def circle_area(r):
    return math.pi * r * r


@njit
def np_circle_area(r):
    return np.pi * r ** 2


@njit
def constants():
    return math.pi, math.e, np.pi, np.e


@njit
def infinities():
    return math.inf, -np.inf, math.isnan(math.nan), np.isnan(np.nan)


@njit
def min_with_inf(a):
    m = math.inf
    for i in range(a.shape[0]):
        if a[i] < m:
            m = a[i]
    return m


@njit
def nan_if_negative(x):
    if x < 0:
        return np.nan
    return math.sqrt(x) * math.e


# CASE: circle_area(2.0)
# CASE: circle_area(3)
# CASE: np_circle_area(0.5)
# CASE: constants()
# CASE: infinities()
# CASE: min_with_inf(np.array([3.0, -1.5, 7.0]))
# CASE: min_with_inf(np.empty(0))
# CASE: nan_if_negative(-1.0)
# CASE: nan_if_negative(4.0)
