# ERROR: uses a generator expression
import numpy as np
from numba import njit


@njit
def sum_squares(a):
    g = (v * v for v in a)
    return a.shape[0]


# CALL: sum_squares(np.arange(4.0))
