# Mean, variance, standard deviation (two-pass), z-scores into a new array,
# covariance of two arrays; sqrt makes the results tolerance-checked (4 ulp).
# ULP: 4
import math
import numpy as np
from numba import njit


@njit
def mean(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s / a.shape[0]


@njit
def var(a):
    m = mean(a)
    s = 0.0
    for i in range(a.shape[0]):
        d = a[i] - m
        s += d * d
    return s / a.shape[0]


@njit
def std(a):
    return math.sqrt(var(a))


@njit
def zscores(a):
    m = mean(a)
    sd = std(a)
    out = np.empty(a.shape[0])
    for i in range(a.shape[0]):
        out[i] = (a[i] - m) / sd
    return out


@njit
def cov(x, y):
    mx = mean(x)
    my = mean(y)
    s = 0.0
    for i in range(x.shape[0]):
        s += (x[i] - mx) * (y[i] - my)
    return s / (x.shape[0] - 1)


# CASE: mean(np.arange(10.0))
# CASE: var(np.array([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]))
# CASE: std(np.array([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]))
# CASE: std(np.arange(100, dtype=np.int32))
# CASE: zscores(np.array([1.0, 2.0, 3.0, 4.0, 10.0]))
# CASE: cov(np.arange(10.0), np.arange(10.0) ** 2)
# CASE: zscores(np.ones(3))
