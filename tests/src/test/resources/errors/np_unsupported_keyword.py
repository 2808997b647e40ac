# ERROR: passes a NumPy keyword argument arrayjit does not support
import numpy as np
from numba import njit


@njit
def column_totals(a):
    return np.sum(a, axis=0, keepdims=True)


# CALL: column_totals(np.ones((2, 3)))
