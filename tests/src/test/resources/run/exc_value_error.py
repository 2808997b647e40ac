# raise ValueError("...") from kernels: validation before work, raising inside loops
# after partial work, raising from a helper, and the non-raising paths.
import numpy as np
from numba import njit


@njit
def safe_log2_int(n):
    if n <= 0:
        raise ValueError("safe_log2_int: n must be positive")
    k = 0
    while n > 1:
        n >>= 1
        k += 1
    return k


@njit
def check_probabilities(p):
    s = 0.0
    for i in range(p.shape[0]):
        if p[i] < 0.0 or p[i] > 1.0:
            raise ValueError("probability out of range")
        s += p[i]
    return s


@njit
def require_square(m):
    if m.shape[0] != m.shape[1]:
        raise ValueError("matrix must be square")
    return m.shape[0]


# CASE: safe_log2_int(1024)
# CASE: safe_log2_int(1)
# CASE: safe_log2_int(0)
# CASE: safe_log2_int(-8)
# CASE: check_probabilities(np.array([0.25, 0.5, 0.25]))
# CASE: check_probabilities(np.array([0.25, 1.5, 0.25]))
# CASE: require_square(np.zeros((3, 3)))
# CASE: require_square(np.zeros((3, 2)))
