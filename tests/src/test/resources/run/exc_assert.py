# assert statements: with and without a message; passing and failing.
import numpy as np
from numba import njit


@njit
def positive_sqrt(x):
    assert x >= 0
    return x ** 0.5


@njit
def same_length(a, b):
    assert a.shape[0] == b.shape[0], "arrays must have the same length"
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] - b[i]
    return s


@njit
def sorted_check(a):
    for i in range(1, a.shape[0]):
        assert a[i - 1] <= a[i], "not sorted"
    return True


# CASE: positive_sqrt(16.0)
# CASE: positive_sqrt(-1.0)
# CASE: same_length(np.ones(3), np.zeros(3))
# CASE: same_length(np.ones(3), np.zeros(4))
# CASE: sorted_check(np.array([1, 2, 2, 5]))
# CASE: sorted_check(np.array([1, 3, 2]))
