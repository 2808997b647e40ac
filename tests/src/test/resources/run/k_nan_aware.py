# nan-aware reductions: nansum, nanmax (skipping nan with x != x / math.isnan),
# counting nans and infs, replacing nan in place.
import math
import numpy as np
from numba import njit


@njit
def nansum(a):
    s = 0.0
    for i in range(a.shape[0]):
        if not math.isnan(a[i]):
            s += a[i]
    return s


@njit
def nanmax(a):
    m = -np.inf
    seen = False
    for i in range(a.shape[0]):
        v = a[i]
        if v == v:
            seen = True
            if v > m:
                m = v
    return m if seen else np.nan


@njit
def count_special(a):
    nans = 0
    infs = 0
    for i in range(a.shape[0]):
        if math.isnan(a[i]):
            nans += 1
        elif math.isinf(a[i]):
            infs += 1
    return nans, infs


@njit
def fill_nan(a, v):
    n = 0
    for i in range(a.shape[0]):
        if a[i] != a[i]:
            a[i] = v
            n += 1
    return n


# CASE: nansum(np.array([1.0, np.nan, 2.0, np.nan]))
# CASE: nansum(np.array([np.nan, np.nan]))
# CASE: nanmax(np.array([np.nan, -3.0, 7.0, np.nan, 2.0]))
# CASE: nanmax(np.array([np.nan]))
# CASE: nanmax(np.array([1.0, np.nan, 3.0], dtype=np.float32))
# CASE: count_special(np.array([np.nan, np.inf, -np.inf, 0.0, np.nan]))
# CASE: fill_nan(np.array([np.nan, 1.0, np.nan], dtype=np.float32), np.float32(-1.0))
