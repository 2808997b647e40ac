# Comparisons and chained comparisons (each operand evaluated once), nan compares false,
# -0.0 == 0.0, int64 vs float64 compares after converting the int to float (Numba).
from numba import njit


@njit
def in_range(i, n):
    return 0 <= i < n


@njit
def chain3(a, b, c):
    return a < b < c


@njit
def all_ops(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b


@njit
def nan_logic(a, b):
    return not (a < b), a > b or a <= b, a == a


@njit
def long_chain(a, b, c, d):
    return a <= b < c != d


@njit
def count_in_window(a, lo, hi):
    n = 0
    for i in range(a.shape[0]):
        if lo <= a[i] < hi:
            n += 1
    return n


# CASE: in_range(0, 5)
# CASE: in_range(5, 5)
# CASE: in_range(-1, 5)
# CASE: chain3(1.0, 1.5, 2.0)
# CASE: chain3(np.nan, 1.0, 2.0)
# CASE: chain3(1.0, np.nan, 2.0)
# CASE: chain3(1, 2.5, 3)
# CASE: all_ops(3, 3)
# CASE: all_ops(2.5, 3)
# CASE: all_ops(np.nan, np.nan)
# CASE: all_ops(0.0, -0.0)
# CASE: all_ops(True, 1)
# CASE: nan_logic(np.nan, 1.0)
# CASE: nan_logic(0.5, 1.0)
# CASE: long_chain(1, 1, 2, 3)
# CASE: long_chain(1, 1, 2, 2)
# CASE: count_in_window(np.arange(-5.0, 5.0, 0.5), -1.0, 2.0)
# CASE: count_in_window(np.array([np.nan, 1.0, 2.0, np.inf]), 0.0, np.inf)
