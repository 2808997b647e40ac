# ERROR: passes a float64 to range()
import numpy as np
from numba import njit


@njit
def half_sum(n):
    s = 0
    for i in range(n / 2):
        s += i
    return s


# CALL: half_sum(10)
