# Functions that return None on some paths (Optional results), `is None` / `is not None` tests on
# them in callers, and falling off the end as an implicit None. (Formatted exception messages go
# beyond Numba 0.56, which needs constant messages: runtime's FormattedRaiseTest covers them.)
import numpy as np
from numba import njit


@njit
def find(a, v):
    for i in range(a.shape[0]):
        if a[i] == v:
            return i
    return None


@njit
def index_or_minus_one(a, v):
    r = find(a, v)
    if r is None:
        return -1
    return r


@njit
def found_twice(a, v, w):
    i = find(a, v)
    j = find(a, w)
    return i is not None and j is not None


@njit
def positive_or_nothing(x):
    if x > 0:
        return x


@njit
def half_if_even(n):
    if n % 2 == 0:
        return n // 2
    return None


@njit
def scaled_first_match(a, v):
    r = find(a, v)
    if r is not None:
        return r * 10 + 1
    return 0


# CASE: find(np.array([3.0, 1.0, 2.0]), 1.0)
# CASE: find(np.array([3.0, 1.0, 2.0]), 7.0)
# CASE: find(np.arange(10, dtype=np.int32), 9)
# CASE: index_or_minus_one(np.array([3.0, 1.0, 2.0]), 2.0)
# CASE: index_or_minus_one(np.array([3.0, 1.0, 2.0]), 5.0)
# CASE: found_twice(np.arange(5.0), 1.0, 4.0)
# CASE: found_twice(np.arange(5.0), 1.0, 9.0)
# CASE: positive_or_nothing(5)
# CASE: positive_or_nothing(-5)
# CASE: positive_or_nothing(2.5)
# CASE: half_if_even(10)
# CASE: half_if_even(7)
# CASE: scaled_first_match(np.array([4, 5, 6]), 6)
# CASE: scaled_first_match(np.array([4, 5, 6]), 1)

